import Foundation

extension TaskFile {
    /// The task file as the store keeps it, for a report to show what ran:
    /// re-written from its parsed form with its secrets left out.
    ///
    /// The store sits in the report folder, which CI publishes, so what could
    /// be a secret is replaced by `REDACTED`: the user and password of every
    /// address and its query values named like secrets (in any string, shell
    /// lines included), the values of environment variables named like
    /// secrets (`API_KEY`, `DB_PASSWORD`), and header values written out in
    /// full (the `${NAME}` form, which names a variable, is kept). A secret
    /// typed into a shell line in some other form cannot be recognised.
    public var shareableText: String {
        guard let root = try? JSONSerialization.jsonObject(with: contents) else { return "" }
        let cleaned = Self.redacted(root, key: nil, parent: nil)
        guard let data = try? JSONSerialization.data(
            withJSONObject: cleaned, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `value` with its secrets replaced; `key` is its name in its object, `parent` that object's own name.
    private static func redacted(_ value: Any, key: String?, parent: String?) -> Any {
        switch value {
        case let object as [String: Any]:
            return Dictionary(uniqueKeysWithValues: object.map { ($0.key, redacted($0.value, key: $0.key, parent: key)) })
        case let list as [Any]:
            return list.map { redacted($0, key: nil, parent: key) }
        case let text as String:
            if parent == "env", let key, CredentialRedaction.isSecret(key) { return CredentialRedaction.mask }
            if parent == "headers", !text.contains("${") { return CredentialRedaction.mask }
            return CredentialRedaction.urls(in: text)
        default:
            return value
        }
    }
}
