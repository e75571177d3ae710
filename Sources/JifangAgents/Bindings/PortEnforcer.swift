import Foundation
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// Shuts an offender's access port by setting its ifAdminStatus down, and brings it back.
///
/// Follows ``BindingPolicy``: only events of `shutdownOn` types, only where the action is
/// `shutdown`, never an uplink/trunk (more than `uplinkMACThreshold` MACs on the port), and only
/// with `enforce: true` (or `dryRun` false); otherwise the action is logged as a dry run. Every
/// action, dry run and refusal is written to the duty log through the store.
public struct PortEnforcer: Sendable {
    public var policy: BindingPolicy
    public var store: Store?
    /// Forces a dry run even where the policy enforces.
    public var dryRun: Bool

    /// ifAdminStatus values (IF-MIB).
    public static let up: Int64 = 1
    public static let down: Int64 = 2

    public init(policy: BindingPolicy, store: Store?, dryRun: Bool = false) {
        self.policy = policy
        self.store = store
        self.dryRun = dryRun
    }

    /// What the policy says to do about `event`, without touching anything: `nil` when the event
    /// only alerts, else the action with its state (`shutdown`, `dry-run` or `refused`).
    public func plan(
        _ event: ARPEvent, entry: BindingEntry?, location: PortLocation?, at time: Date = Date()
    ) -> PortAction? {
        guard policy.shutdownOn.contains(event.type.rawValue), policy.action(for: entry) == .shutdown,
            let location
        else { return nil }
        var action = PortAction(
            time: time, device: location.device, ifIndex: location.ifIndex, ifName: location.ifName, mac: event.mac,
            ip: event.ip, state: .shutdown, reason: event.message)
        if location.macsOnPort > policy.uplinkMACThreshold {
            action.state = .refused
            action.reason =
                "the port carries \(location.macsOnPort) MACs (more than \(policy.uplinkMACThreshold)): an uplink "
                + "or trunk is never shut down; \(event.message)"
        } else if !policy.enforce || dryRun {
            action.state = .dryRun
        }
        return action
    }

    /// Carries out a planned action: for `shutdown`, reads ifAdminStatus, sets it down and reads
    /// it back; then records the action (with the previous status) in the store.
    ///
    /// A port already shut down by an earlier action is left alone and that action returned.
    ///
    /// - Throws: ``SNMPError`` when the switch refuses or does not answer (nothing is recorded as
    ///   shut down then), ``EnforcementError`` when the value read back is not down or the
    ///   action's ifIndex is no IF-MIB `InterfaceIndex` (`1..2147483647`).
    @discardableResult
    public func execute(_ planned: PortAction, on session: SNMPSession) async throws -> PortAction {
        var action = planned
        if action.state == .shutdown, let store,
            let existing = try store.portActions(activeOnly: true, device: action.device).first(where: {
                $0.ifIndex == action.ifIndex
            })
        {
            // Already down for an earlier violation: a second SET would record "down" as the
            // status to restore.
            return existing
        }
        if action.state == .shutdown {
            let oid = try Self.adminStatusOID(action)
            let before = try await session.get([oid]).first?.value.int
            action.previousStatus = before.map { Int($0) }
            _ = try await session.set([VarBind(oid: oid, value: .integer(Self.down))])
            let after = try await session.get([oid]).first?.value.int
            guard after == Self.down else {
                throw EnforcementError.notApplied(
                    port: action.portDescription, target: session.target.description, wanted: Self.down,
                    found: after)
            }
        }
        if let store { action = try store.recordPortAction(action) }
        return action
    }

    /// Sets a shut-down port's ifAdminStatus back to what it was (up when unknown), checks it,
    /// and marks the shutdown released in the store.
    @discardableResult
    public func release(_ action: PortAction, on session: SNMPSession, actor: String? = nil) async throws
        -> PortAction
    {
        let oid = try Self.adminStatusOID(action)
        let restore = Int64(action.previousStatus ?? Int(Self.up))
        _ = try await session.set([VarBind(oid: oid, value: .integer(restore))])
        let after = try await session.get([oid]).first?.value.int
        guard after == restore else {
            throw EnforcementError.notApplied(
                port: action.portDescription, target: session.target.description, wanted: restore, found: after)
        }
        guard let store else { return action }
        return try store.markPortReleased(id: action.id, actor: actor)
    }

    /// `ifAdminStatus.<ifIndex>`; the ifIndex came from a switch's tables or a stored action, so
    /// one outside `1..2147483647` is refused rather than trapping or addressing another port.
    static func adminStatusOID(_ action: PortAction) throws(EnforcementError) -> OID {
        guard let index = UInt32(exactly: action.ifIndex), (1...UInt32(Int32.max)).contains(index) else {
            throw .invalidIfIndex(port: action.portDescription, ifIndex: action.ifIndex)
        }
        return IFMIB.IfTable.ifAdminStatus.appending(index)
    }
}

/// A port change the switch accepted but did not apply.
public enum EnforcementError: Error, Sendable, CustomStringConvertible {
    case notApplied(port: String, target: String, wanted: Int64, found: Int64?)
    case unknownDevice(String)
    /// The port's ifIndex is not an IF-MIB `InterfaceIndex`, so no OID names it.
    case invalidIfIndex(port: String, ifIndex: Int)

    public var description: String {
        switch self {
        case .notApplied(let port, let target, let wanted, let found):
            "\(port) at \(target): ifAdminStatus reads \(found.map(String.init) ?? "nothing") after setting "
                + "\(wanted); check that the community may write and that the port is not locked."
        case .unknownDevice(let name):
            "\(name) is not a device of the inventory; check --inventory."
        case .invalidIfIndex(let port, let ifIndex):
            "\(port): ifIndex \(ifIndex) is outside 1…2147483647; nothing was sent to the switch."
        }
    }
}
