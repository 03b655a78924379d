import Foundation

/// What headless Chromium saw when it opened a page: the requests the page
/// made, its console and errors, its DOM and a full-page screenshot.
/// Driven over the DevTools protocol by `Tests/Tools/chromium_check.py`.
public struct BrowserVisit: Decodable {
    /// A chart's image box in screenshot pixels, by its figure's id.
    public struct Box: Decodable {
        public let id: String
        public let x: Double
        public let y: Double
        public let width: Double
        public let height: Double
    }

    public let requests: [String]
    public let console: [[String: String]]
    public let exceptions: [String]
    public let logErrors: [String]
    public let failedLoads: [String]
    /// The DOM after load, serialised.
    public let dom: String
    /// The DOM after clicking the element asked for.
    public let domAfterClick: String?
    public let charts: [Box]
    /// The screenshot's path.
    public var screenshot = ""

    private enum CodingKeys: String, CodingKey {
        case requests, console, exceptions, logErrors = "log_errors", failedLoads = "failed_loads", dom
        case domAfterClick = "dom_after_click", charts
    }

    /// Opens `page` in Chromium, with or without script, optionally clicking `click` (a CSS selector).
    /// - Parameter screenshot: Where to save the full-page PNG.
    public static func open(_ page: URL, script: Bool, click: String? = nil, screenshot: URL) throws -> BrowserVisit {
        let driver = Fixtures.folder.deletingLastPathComponent().appendingPathComponent("Tools/chromium_check.py").path
        var arguments = [driver, page.absoluteString, screenshot.path]
        if !script { arguments.append("--no-script") }
        if let click { arguments += ["--click", click] }
        let run = try CommandRun.tool("python3", arguments)
        guard run.status == 0 else {
            throw BrowserError(message: "chromium_check.py exited \(run.status): \(run.standardError)\(run.standardOutput)")
        }
        var visit = try JSONDecoder().decode(BrowserVisit.self, from: Data(run.standardOutput.utf8))
        visit.screenshot = screenshot.path
        return visit
    }
}

/// The browser could not be driven (not installed, or the protocol failed).
public struct BrowserError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
