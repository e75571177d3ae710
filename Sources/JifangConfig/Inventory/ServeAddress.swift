/// Where `jifang agent` serves the web UI, the API and /metrics: the inventory's `serve:`
/// (`serve: 127.0.0.1:8080`) or `--serve HOST:PORT`, which wins.
public struct ServeAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    /// A TCP port, 1–65535.
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `HOST:PORT` split at its last colon (an IPv6 host in brackets, `[::1]:8080`); `nil` when
    /// the host is not an address or host name or the port is not a TCP port.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, HostSyntax.problem(with: host) == nil,
            let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port)
        else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String { "\(host):\(port)" }

    /// Reads `serve:`, reporting a problem at its file, line and field.
    static func read(_ node: YAMLNode) -> ServeAddress? {
        guard let text = node.nonEmptyString() else { return nil }
        guard let address = ServeAddress(text) else {
            node.invalid("\(text.debugDescription) is not HOST:PORT with a TCP port (1–65535), e.g. 127.0.0.1:8080")
            return nil
        }
        return address
    }
}
