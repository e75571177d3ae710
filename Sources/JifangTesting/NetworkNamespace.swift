import Foundation

/// A throwaway network namespace joined to the host by a veth pair, for live-capture tests.
///
/// The host end is ``hostInterface``; the other end, ``innerInterface``, lives in the namespace.
/// Both are up. Call ``remove()`` when done (it also deletes the pair).
public struct NetworkNamespace: Sendable {
    public let name: String
    public let hostInterface: String
    public let innerInterface: String

    /// Creates `jf-test-<random>` with a veth pair; needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN).
    ///
    /// - Throws: ``CommandError`` from `ip` when namespaces are not permitted here; nothing is left behind.
    public init() throws {
        let tag = String(UInt32.random(in: 0..<0xFFFF_FFFF), radix: 16)
        name = "jf-test-\(tag)"
        hostInterface = "jfh\(tag)"
        innerInterface = "jfn\(tag)"
        do {
            try Command.run("ip", ["netns", "add", name])
            try Command.run("ip", ["link", "add", hostInterface, "type", "veth", "peer", "name", innerInterface])
            try Command.run("ip", ["link", "set", innerInterface, "netns", name])
            try Command.run("ip", ["link", "set", hostInterface, "up"])
            try Command.run("ip", ["netns", "exec", name, "ip", "link", "set", innerInterface, "up"])
        } catch {
            remove()
            throw error
        }
    }

    /// Runs `executable` inside the namespace and returns at once.
    public func start(_ executable: String, _ arguments: [String]) throws -> RunningCommand {
        try Command.start("ip", ["netns", "exec", name, executable] + arguments)
    }

    /// Deletes the veth pair and the namespace; safe to call twice.
    public func remove() {
        _ = try? Command.run("ip", ["link", "del", hostInterface])
        _ = try? Command.run("ip", ["netns", "del", name])
    }
}
