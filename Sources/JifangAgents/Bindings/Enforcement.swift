import Foundation
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// The locating and enforcing side of the ARP watch (`jifang watch --locate/--enforce`, and
/// `jifang agent` with `watch: { enforce: true }`): forwarding tables of the inventory's
/// switches and routers, and the port enforcer of Policies/bindings.yaml.
public struct Enforcement {
    public let locator: RefreshingPortLocator
    public let enforcer: PortEnforcer?
    public let inventory: Inventory
    public let store: Store?

    /// Reads the forwarding tables of every switch and router (and devices of unknown kind);
    /// `nil` when neither locating nor enforcing was asked for. The tables are read again as
    /// Policies/bindings.yaml `forwardingRefreshSeconds` says (see ``RefreshingPortLocator``).
    ///
    /// - Parameter warn: gets one line for each switch that does not answer (standard error by default).
    public static func prepare(
        locate: Bool, enforce: Bool, dryRun: Bool, inventoryPath: String, policiesDirectory: String, store: Store?,
        warn: @escaping @Sendable (String) -> Void = Enforcement.warnOnStandardError
    ) async throws -> Enforcement? {
        guard locate else { return nil }
        let inventory = try Inventory.load(path: inventoryPath)
        let policy = try BindingPolicy.load(directory: policiesDirectory)
        let devices = inventory.devices.filter { [nil, .switch, .router].contains($0.declaredKind) }
        let locator = await RefreshingPortLocator(
            uplinkThreshold: policy.uplinkMACThreshold, refreshInterval: .seconds(policy.forwardingRefreshSeconds)
        ) { await readTables(devices, warn: warn) }
        return Enforcement(
            locator: locator,
            enforcer: enforce ? PortEnforcer(policy: policy, store: store, dryRun: dryRun) : nil,
            inventory: inventory, store: store)
    }

    /// Writes `warning: <line>` to standard error.
    @Sendable public static func warnOnStandardError(_ line: String) {
        FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
    }

    /// The tables of `devices`; one that does not answer is left out with a warning.
    private static func readTables(_ devices: [Device], warn: @Sendable (String) -> Void) async -> [ForwardingTable] {
        var tables: [ForwardingTable] = []
        for device in devices {
            do {
                let session = try await SNMPSession.open(SNMPTarget(device: device, secrets: SecretResolver()))
                do {
                    tables.append(try await ForwardingTable.read(device: device.name, from: session))
                } catch {
                    await session.close()
                    throw error
                }
                await session.close()
            } catch {
                warn("\(device.name): \(error)")
            }
        }
        return tables
    }

    /// Plans and carries out what the policy says about `event`, noting it on standard error.
    public func act(on event: ARPEvent, entry: BindingEntry?, location: PortLocation?, sink: EventSink) async {
        guard let enforcer, event.mac != nil, let planned = enforcer.plan(event, entry: entry, location: location)
        else { return }
        do {
            if planned.state == .shutdown {
                guard let device = inventory.device(named: planned.device) else {
                    throw EnforcementError.unknownDevice(planned.device)
                }
                let session = try await SNMPSession.open(SNMPTarget(device: device, secrets: SecretResolver()))
                let done = try await enforcer.execute(planned, on: session)
                await session.close()
                sink.note("shutdown \(done.id): \(done.portDescription) set down (was \(done.previousStatus ?? 0))")
            } else {
                try store?.recordPortAction(planned)
                let verb = planned.state == .dryRun ? "would shut down (dry run)" : "refused"
                sink.note("\(verb): \(planned.portDescription): \(planned.reason)")
            }
        } catch {
            sink.note("error: \(planned.portDescription): \(error)")
        }
    }
}
