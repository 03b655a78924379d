import Foundation

/// An HTTP check as the task file describes it: a GET whose status decides.
public struct HTTPCheck: Sendable, Equatable {
    /// Which redirects a check follows.
    public enum Redirects: String, Sendable, CaseIterable {
        /// To the same scheme, host and port only (the default): a health check
        /// must not end up judging, or storing the answer of, another host.
        case sameOrigin = "same-origin"
        /// To anywhere.
        case any
        /// None: a redirect is the answer.
        case none
    }

    /// The address, as written (it may carry credentials; see ``CredentialRedaction``).
    public var url: String
    /// Statuses that count as completed.
    public var expect: Set<Int>
    /// Request headers by name. A value may name environment variables as
    /// `${NAME}`: they are filled in when the check runs, and the filled-in
    /// value is never stored or printed.
    public var headers: [String: String]
    public var redirects: Redirects

    /// At most this many redirects are followed.
    public static let maximumRedirects = 5

    public init(url: String, expect: Set<Int> = [200], headers: [String: String] = [:], redirects: Redirects = .sameOrigin) {
        self.url = url
        self.expect = expect
        self.headers = headers
        self.redirects = redirects
    }

    /// Whether `name` is an HTTP header name (RFC 9110 token characters).
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// The variable names a header value refers to as `${NAME}`, or nil when a `${` is not
    /// closed or does not hold a name (letters, digits and `_`, not starting with a digit).
    static func variables(in value: String) -> [String]? {
        var names: [String] = []
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { return nil }
            let name = String(rest[open.upperBound..<close])
            guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
                  name.unicodeScalars.allSatisfy({ $0 == "_" || ("0"..."9").contains($0) || ("A"..."Z").contains($0)
                      || ("a"..."z").contains($0) })
            else { return nil }
            names.append(name)
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The header values with every `${NAME}` replaced from `environment`.
    /// - Returns: The headers, or the first problem: a variable that is not set, or a value
    ///   that would hold a line break (which would let it add headers of its own).
    func filledHeaders(from environment: [String: String]) -> Result<[String: String], HeaderProblem> {
        var filled: [String: String] = [:]
        for (name, template) in headers {
            var value = template
            for variable in HTTPCheck.variables(in: template) ?? [] {
                guard let replacement = environment[variable] else { return .failure(.unset(header: name, variable: variable)) }
                value = value.replacingOccurrences(of: "${\(variable)}", with: replacement)
            }
            guard !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) else {
                return .failure(.lineBreak(header: name))
            }
            filled[name] = value
        }
        return .success(filled)
    }

    /// Why a header could not be filled in; the messages never hold a value.
    enum HeaderProblem: Error, Equatable {
        case unset(header: String, variable: String)
        case lineBreak(header: String)

        var message: String {
            switch self {
            case .unset(let header, let variable): "header \(header) needs ${\(variable)}, which is not set in the environment"
            case .lineBreak(let header): "header \(header) would hold a line break once filled in; refused"
            }
        }
    }
}
