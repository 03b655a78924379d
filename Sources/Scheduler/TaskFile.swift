import Foundation

/// A task file read and checked: its name, its concurrency and its tasks in
/// file order, with defaults applied and every reference and duration valid.
///
/// The file is JSON (see the README). Every field is checked by name, so a
/// misspelt field is an error rather than silently ignored.
public struct TaskFile: Sendable {
    /// The file's path as given.
    public let path: String
    public let name: String
    /// Tasks at once, when the command line does not say otherwise.
    public let concurrency: Int?
    public let tasks: [TaskSpec]
    /// The file's bytes, for the store's record of what ran.
    public let contents: Data

    /// Reads and checks the task file at `path`.
    /// - Throws: ``TaskFileError`` naming the file and the task or field at fault.
    public init(path: String) throws(TaskFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        try self.init(path: path, contents: data)
    }

    /// Checks task file `contents`, reporting errors against `path`.
    public init(path: String, contents: Data) throws(TaskFileError) {
        self.path = path
        self.contents = contents
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: contents) as? [String: Any] else {
                throw TaskFileError.notJSON(file: path, detail: "the top level must be an object with \"tasks\"")
            }
            root = object
        } catch let error as TaskFileError {
            throw error
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw .notJSON(file: path, detail: detail)
        }
        if let duplicate = DuplicateKeys.first(in: contents) {
            throw .badField(file: path, place: duplicate.place,
                            message: "the key '\(duplicate.key)' is given twice; JSON keeps only one, so give it once")
        }
        let reader = FieldReader(file: path, place: "top level", object: root)
        try reader.allow(["name", "concurrency", "defaults", "tasks"])
        name = try reader.string("name") ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        concurrency = try reader.integer("concurrency", minimum: 1)
        var defaults = TaskDefaults()
        if let object = try reader.object("defaults") {
            let fields = FieldReader(file: path, place: "defaults", object: object)
            try fields.allow(TaskDefaults.fields)
            defaults = try TaskDefaults(fields)
        }
        guard let list = root["tasks"] as? [Any] else {
            throw .badField(file: path, place: "top level", message: "\"tasks\" must be a list of task objects")
        }
        var tasks: [TaskSpec] = []
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any] else {
                throw .badField(file: path, place: "tasks[\(index)]", message: "a task must be an object")
            }
            tasks.append(try Self.task(object, index: index, defaults: defaults, file: path))
        }
        self.tasks = tasks
        try TaskGraph(tasks: tasks, file: path).check()
    }

    private static func task(_ object: [String: Any], index: Int, defaults: TaskDefaults, file: String) throws(TaskFileError) -> TaskSpec {
        var reader = FieldReader(file: file, place: "tasks[\(index)]", object: object)
        guard let id = try reader.string("id"), !id.isEmpty else {
            throw .badField(file: file, place: "tasks[\(index)]", message: "every task needs a non-empty \"id\"")
        }
        reader.place = "tasks[\(index)] (\(id))"
        try reader.allow([
            "id", "name", "group", "command", "shell", "http", "env", "cwd", "timeout", "retries", "retry_delay", "needs",
        ])
        let kinds = ["command", "shell", "http"].filter { object[$0] != nil }
        guard kinds.count == 1 else { throw .kind(file: file, id: id, found: kinds) }
        let kind: TaskKind
        switch kinds[0] {
        case "command":
            guard let argv = try reader.strings("command"), !argv.isEmpty, !argv[0].isEmpty else {
                throw .badField(file: file, place: reader.place, message: "\"command\" must be a non-empty list of strings")
            }
            kind = .command(argv)
        case "shell":
            kind = .shell(try reader.string("shell") ?? "")
        default:
            let http = FieldReader(file: file, place: reader.place + ".http", object: try reader.object("http") ?? [:])
            try http.allow(["url", "expect", "headers", "redirects"])
            guard let url = try http.string("url"), url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .badField(file: file, place: http.place, message: "\"url\" must be an http:// or https:// address")
            }
            let redirects = try http.string("redirects").map { text throws(TaskFileError) in
                guard let policy = HTTPCheck.Redirects(rawValue: text) else {
                    throw .badField(file: file, place: http.place + ".redirects", message:
                        "must be one of " + HTTPCheck.Redirects.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                }
                return policy
            }
            kind = .http(HTTPCheck(
                url: url, expect: try http.statusCodes("expect") ?? [200], headers: try http.headers("headers") ?? [:],
                redirects: redirects ?? .sameOrigin))
        }
        return TaskSpec(
            id: id, name: try reader.string("name"), group: try reader.string("group") ?? defaults.group, kind: kind,
            environment: defaults.environment.merging(try reader.environment("env") ?? [:]) { $1 },
            workingDirectory: try reader.string("cwd") ?? defaults.workingDirectory,
            timeout: try reader.duration("timeout", maximum: TaskDefaults.maximumTimeout, positive: true) ?? defaults.timeout,
            retries: try reader.integer("retries", minimum: 0, maximum: TaskDefaults.maximumRetries) ?? defaults.retries,
            retryDelay: try reader.duration("retry_delay", maximum: TaskDefaults.maximumRetryDelay) ?? defaults.retryDelay,
            needs: try reader.strings("needs") ?? [])
    }
}

/// The `defaults` object: values for every task that does not set its own.
struct TaskDefaults {
    static let fields = ["timeout", "retries", "retry_delay", "group", "env", "cwd"]
    /// The longest timeout a task file may give: a week.
    static let maximumTimeout = 7 * 86_400.0
    /// The longest first wait before a retry: a day (later waits are capped at 5 minutes anyway).
    static let maximumRetryDelay = 86_400.0
    /// The most retries a task may have.
    static let maximumRetries = 100

    var timeout = 600.0
    var retries = 0
    var retryDelay = 1.0
    var group = ""
    var environment: [String: String] = [:]
    var workingDirectory: String?

    init() {}

    init(_ reader: FieldReader) throws(TaskFileError) {
        timeout = try reader.duration("timeout", maximum: TaskDefaults.maximumTimeout, positive: true) ?? timeout
        retries = try reader.integer("retries", minimum: 0, maximum: TaskDefaults.maximumRetries) ?? retries
        retryDelay = try reader.duration("retry_delay", maximum: TaskDefaults.maximumRetryDelay) ?? retryDelay
        group = try reader.string("group") ?? group
        environment = try reader.environment("env") ?? environment
        workingDirectory = try reader.string("cwd")
    }
}
