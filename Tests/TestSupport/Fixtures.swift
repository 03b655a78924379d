import Foundation

/// Files under `Tests/Fixtures`, found from this source file's location.
public enum Fixtures {
    /// The `Tests/Fixtures` folder.
    public static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The path of fixture `name`.
    public static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// The contents of fixture `name`.
    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
