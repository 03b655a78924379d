import Foundation

/// Files tests keep for people to look at (screenshots), under `.build/test-artifacts/`.
public enum BuildArtifacts {
    /// `.build/test-artifacts/NAME/`, created when absent; found from the running test binary.
    public static func folder(_ name: String) throws -> URL {
        // The test binary lives in .build/<triple>/debug/.
        let build = CommandRun.executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = build.appendingPathComponent("test-artifacts").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
