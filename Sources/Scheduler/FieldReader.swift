import Foundation
import Support

/// Typed access to one JSON object of the task file, with errors that name the place.
struct FieldReader {
    let file: String
    /// Where the object is, for messages: `top level`, `defaults`, `tasks[3] (unit)`.
    var place: String
    let object: [String: Any]

    /// Rejects fields outside `known`, naming the first unknown one (sorted, so the message is stable).
    func allow(_ known: [String]) throws(TaskFileError) {
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownField(file: file, place: place, field: unknown)
        }
    }

    private func fail(_ field: String, _ message: String) -> TaskFileError {
        .badField(file: file, place: "\(place).\(field)", message: message)
    }

    func string(_ field: String) throws(TaskFileError) -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw fail(field, "must be a string") }
        return try checked(text, field)
    }

    func strings(_ field: String) throws(TaskFileError) -> [String]? {
        guard let value = object[field] else { return nil }
        guard let list = value as? [Any], let texts = list as? [String] else { throw fail(field, "must be a list of strings") }
        for text in texts { _ = try checked(text, field) }
        return texts
    }

    /// `text`, refused when it holds a NUL: the operating system would cut a
    /// command, a variable or a path there and run what comes before it.
    private func checked(_ text: String, _ field: String) throws(TaskFileError) -> String {
        guard !text.utf8.contains(0) else { throw fail(field, "holds a NUL character (\\u0000), which commands and paths cannot") }
        return text
    }

    /// Environment variables: an object of strings whose names are non-empty and hold no `=` or NUL.
    func environment(_ field: String) throws(TaskFileError) -> [String: String]? {
        guard let value = object[field] else { return nil }
        guard let map = value as? [String: Any], let texts = map as? [String: String] else {
            throw fail(field, "must be an object of strings")
        }
        if let bad = texts.keys.sorted().first(where: { $0.isEmpty || $0.contains("=") || $0.utf8.contains(0) }) {
            throw fail(field, "'\(bad)' is not a variable name")
        }
        for value in texts.values { _ = try checked(value, field) }
        return texts
    }

    /// HTTP request headers: an object of strings whose names are header names and whose values hold
    /// no line break; `${NAME}` in a value names an environment variable, filled in when the check runs.
    func headers(_ field: String) throws(TaskFileError) -> [String: String]? {
        guard let value = object[field] else { return nil }
        guard let map = value as? [String: Any], let headers = map as? [String: String] else {
            throw fail(field, "must be an object of strings")
        }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            guard HTTPCheck.isHeaderName(name) else { throw fail(field, "'\(name)' is not a header name") }
            guard !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
                throw fail(field, "the value of \(name) holds a line break")
            }
            _ = try checked(value, field)
            guard HTTPCheck.variables(in: value) != nil else {
                throw fail(field, "the value of \(name) has a ${ that is not ${NAME} (letters, digits and _)")
            }
        }
        return headers
    }

    func object(_ field: String) throws(TaskFileError) -> [String: Any]? {
        guard let value = object[field] else { return nil }
        guard let map = value as? [String: Any] else { throw fail(field, "must be an object") }
        return map
    }

    func integer(_ field: String, minimum: Int, maximum: Int = Int(Int32.max)) throws(TaskFileError) -> Int? {
        guard let value = object[field] else { return nil }
        guard let number = value as? NSNumber, !Self.isBoolean(number), let integer = Int(exactly: number.doubleValue),
              integer >= minimum, integer <= maximum
        else { throw fail(field, "must be a whole number from \(minimum) to \(maximum)") }
        return integer
    }

    /// A duration text (`30s`, `10m`) or a number of seconds, from 0 up to `maximum` seconds:
    /// the scheduler's clock holds no more, and no nightly task waits longer.
    func duration(_ field: String, maximum: Double, positive: Bool = false) throws(TaskFileError) -> Double? {
        guard let value = object[field] else { return nil }
        let seconds: Double
        if let number = value as? NSNumber, !Self.isBoolean(number), number.doubleValue >= 0 {
            seconds = number.doubleValue
        } else if let text = value as? String, let parsed = DurationText.seconds(text) {
            seconds = parsed
        } else {
            throw fail(field, "'\(value)' is not a duration (write 500ms, 30s, 10m, 1h30m or a number of seconds)")
        }
        guard seconds.isFinite, seconds <= maximum else {
            throw fail(field, "'\(value)' is longer than \(HumanFormat.duration(milliseconds: maximum * 1000)), the most it may be")
        }
        if positive, seconds == 0 { throw fail(field, "must be more than 0: a task needs some time to run") }
        return seconds
    }

    /// One HTTP status or a list of them.
    func statusCodes(_ field: String) throws(TaskFileError) -> Set<Int>? {
        guard let value = object[field] else { return nil }
        let numbers = (value as? [Any] ?? [value]).compactMap { $0 as? NSNumber }.compactMap { Int(exactly: $0.doubleValue) }
        let list = value as? [Any] ?? [value]
        guard numbers.count == list.count, !numbers.isEmpty, numbers.allSatisfy({ (100...599).contains($0) }) else {
            throw fail(field, "must be an HTTP status (100–599) or a list of them")
        }
        return Set(numbers)
    }

    /// JSONSerialization gives booleans as NSNumber too (of C type `char`); they are not numbers here.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
