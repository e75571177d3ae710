import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// The `--locate`/`--enforce` side of `jifang watch`: forwarding tables of the inventory's
/// switches and routers, and the port enforcer of Policies/bindings.yaml.
struct Enforcement {
    let locator: RefreshingPortLocator
    let enforcer: PortEnforcer?
    let inventory: Inventory
    let store: Store?

    /// Reads the forwarding tables of every switch and router (and devices of unknown kind);
    /// `nil` when neither locating nor enforcing was asked for. The tables are read again as
    /// Policies/bindings.yaml `forwardingRefreshSeconds` says (see ``RefreshingPortLocator``).
    static func prepare(locate: Bool, enforce: Bool, dryRun: Bool, config: ConfigOptions, store: Store?)
        async throws -> Enforcement?
    {
        guard locate else { return nil }
        let inventory = try Inventory.load(path: try config.inventory)
        let policy = try BindingPolicy.load(directory: try config.policies)
        let devices = inventory.devices.filter { [nil, .switch, .router].contains($0.declaredKind) }
        let locator = await RefreshingPortLocator(
            uplinkThreshold: policy.uplinkMACThreshold, refreshInterval: .seconds(policy.forwardingRefreshSeconds)
        ) { await readTables(devices) }
        return Enforcement(
            locator: locator,
            enforcer: enforce ? PortEnforcer(policy: policy, store: store, dryRun: dryRun) : nil,
            inventory: inventory, store: store)
    }

    /// The tables of `devices`; one that does not answer is left out with a warning.
    private static func readTables(_ devices: [Device]) async -> [ForwardingTable] {
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
                FileHandle.standardError.write(Data("warning: \(device.name): \(error)\n".utf8))
            }
        }
        return tables
    }

    /// Plans and carries out what the policy says about `event`, noting it on standard error.
    func act(on event: ARPEvent, entry: BindingEntry?, location: PortLocation?, sink: EventSink) async {
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
