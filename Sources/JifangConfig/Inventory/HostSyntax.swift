#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Syntax checks for the `address` of a device or the host of a backup source (an IPv4 or IPv6
/// literal, or a host name), and for login and database names handed to ssh and pg_dump.
///
/// A host name never starts with `-` (RFC 1123 labels start with a letter or digit), so a value
/// such as `-oProxyCommand=…` cannot pass for a host and be read as an option by ssh.
enum HostSyntax {
    /// `nil` when `text` is acceptable, otherwise why it is not.
    static func problem(with text: String) -> String? {
        if isIPv4(text) || isIPv6(text) { return nil }
        if text.contains(":") { return "\"\(text)\" is not a valid IPv6 address" }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        if labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            return "\"\(text)\" is not a valid IPv4 address"
        }
        if isHostName(text) { return nil }
        return "\"\(text)\" is neither an IP address nor a valid host name"
    }

    /// `nil` when `text` is acceptable as a login name for SSH or PostgreSQL, otherwise why not.
    ///
    /// A name is passed to `ssh -l` and `pg_dump -U`; one starting with `-` would be read as an
    /// option, and spaces, quotes or control characters have no place in a login name.
    static func userProblem(with text: String) -> String? {
        guard !text.hasPrefix("-"), text.utf8.count <= 64,
            text.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.@".unicodeScalars.contains($0))
            })
        else {
            return "is not a login name (letters, digits, '-', '_', '.' and '@', not starting with '-', at most 64)"
        }
        return nil
    }

    /// `nil` when `text` is acceptable as a PostgreSQL database name, otherwise why not.
    ///
    /// The name becomes a file name in the backup (`<database>.dump`) and an argument to pg_dump,
    /// so it is held to identifier syntax: a letter or `_` first, then letters, digits, `_`, `-`
    /// or `$`, at most 63 bytes (PostgreSQL's own limit). That rules out `/`, `..` and a leading `-`.
    static func databaseProblem(with text: String) -> String? {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
            text.utf8.count <= 63,
            text.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-$".unicodeScalars.contains($0))
            })
        else {
            return "is not a database name (a letter or '_' first, then letters, digits, '_', '-' or '$', at most 63)"
        }
        return nil
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
    static func isHostName(_ text: String) -> Bool {
        let name = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            return label.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
        }
    }
}
