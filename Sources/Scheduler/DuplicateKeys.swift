import Foundation

/// Finds a key given twice in one object of a task file.
///
/// JSONSerialization keeps one of the two values and says nothing, so a task
/// with two `"timeout"`s would run with whichever it kept. The file's text is
/// scanned once, objects and arrays on a stack; keys are compared after
/// unescaping, since `"a"` and `"\u0061"` are the same key.
enum DuplicateKeys {
    /// The first key given twice in one object, and where: `top level`, `defaults.env`,
    /// `tasks[2]`, `tasks[2].http`. Nil when there is none. `json` must be valid JSON.
    static func first(in json: Data) -> (place: String, key: String)? {
        let bytes = [UInt8](json)
        var containers: [Container] = []
        var pendingKey: String?  // the key whose value comes next, in the innermost object
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                let end = endOfString(bytes, from: i)
                if var object = containers.last, object.isObject, object.expectsKey {
                    let key = decodedString(bytes[i...end])
                    if !object.keys.insert(key).inserted { return (object.place, key) }
                    object.expectsKey = false
                    containers[containers.count - 1] = object
                    pendingKey = key
                }
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let place = containers.last.map { $0.placeOfChild(key: pendingKey) } ?? "top level"
                containers.append(Container(isObject: byte == UInt8(ascii: "{"), place: place))
                pendingKey = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                containers.removeLast()
            case UInt8(ascii: ","):
                if containers.last?.isObject == true {
                    containers[containers.count - 1].expectsKey = true
                } else if !containers.isEmpty {
                    containers[containers.count - 1].index += 1
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// An object or array being scanned.
    private struct Container {
        let isObject: Bool
        let place: String
        var keys: Set<String> = []
        var expectsKey = true
        var index = 0

        /// The place of a value in this container: `place.key`, or `place[index]`.
        func placeOfChild(key: String?) -> String {
            if isObject {
                return place == "top level" ? (key ?? "?") : "\(place).\(key ?? "?")"
            }
            return "\(place == "top level" ? "" : place)[\(index)]"
        }
    }

    /// The index of the quote that closes the string opening at `start`.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start + 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(i, bytes.count - 1)
    }

    /// A JSON string token's value, its escapes resolved.
    private static func decodedString(_ token: ArraySlice<UInt8>) -> String {
        (try? JSONSerialization.jsonObject(with: Data(token), options: .fragmentsAllowed) as? String)
            ?? String(decoding: token, as: UTF8.self)
    }
}
