import Foundation

/// Addresses as they may be shown: without the secrets they carry.
///
/// A URL's user and password (`http://admin:S3cret@host/`) and the values of
/// query parameters named like secrets (`?token=…`, `api_key=…`, `sig=…`) are
/// replaced by `REDACTED` wherever a check's address is printed or stored:
/// progress lines, errors, and from them every report file.
public enum CredentialRedaction {
    /// Query parameter names that hold secrets: any name containing one of these, compared without case.
    static let secretWords = ["token", "key", "password", "passwd", "secret", "sig", "auth", "credential"]

    /// What replaces a secret.
    static let mask = "REDACTED"

    /// `url` with its user, password and secret query values replaced.
    public static func url(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return roughly(url) }
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil {
            components.percentEncodedUser = mask
            components.percentEncodedPassword = nil
        }
        if let items = components.percentEncodedQueryItems {
            components.percentEncodedQueryItems = items.map { item in
                isSecret(item.name) && item.value != nil ? URLQueryItem(name: item.name, value: mask) : item
            }
        }
        return components.string ?? roughly(url)
    }

    /// `text` with every occurrence of `url` (as written) replaced by its redacted form.
    public static func text(_ text: String, mentioning url: String) -> String {
        let safe = self.url(url)
        return safe == url ? text : text.replacingOccurrences(of: url, with: safe)
    }

    /// `text` with every `http://` or `https://` address in it redacted, wherever it stands (in a shell line, say).
    public static func urls(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = [rest.range(of: "http://"), rest.range(of: "https://")].compactMap({ $0?.lowerBound }).min() {
            result += rest[..<start]
            let address = rest[start...].prefix { !$0.isWhitespace && !"\"'<>`".contains($0) }
            result += url(String(address))
            rest = rest[address.endIndex...]
        }
        return result + rest
    }

    /// Whether a query parameter (or an environment variable) of this name holds a secret.
    static func isSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretWords.contains { lower.contains($0) }
    }

    /// For text that does not parse as a URL: everything between `://` and the last `@` before the path goes.
    private static func roughly(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + mask + String(url[at...])
    }
}
