import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// The `--locate`/`--enforce` side of `jifang watch`: forwarding tables of the inventory's
/// switches and routers, and the port enforcer of Policies/bindings.yaml.
struct Enforcement {
    let locator: PortLocator
    let enforcer: PortEnforcer?
    let inventory: Inventory
    let store: Store?

    /// Reads the forwarding tables of every switch and router (and devices of unknown kind);
    /// `nil` when neither locating nor enforcing was asked for.
    static func prepare(locate: Bool, enforce: Bool, dryRun: Bool, config: ConfigOptions, store: Store?)
        async throws -> Enforcement?
    {
        guard locate else { return nil }
        let inventory = try Inventory.load(path: config.inventory)
        let policy = try BindingPolicy.load(directory: config.policies)
        var tables: [ForwardingTable] = []
        for device in inventory.devices where [nil, .switch, .router].contains(device.declaredKind) {
            do {
                let session = try await SNMPSession.open(SNMPTarget(device: device, secrets: SecretResolver()))
                tables.append(try await ForwardingTable.read(device: device.name, from: session))
                await session.close()
            } catch {
                FileHandle.standardError.write(Data("warning: \(device.name): \(error)\n".utf8))
            }
        }
        return Enforcement(
            locator: PortLocator(tables: tables, uplinkThreshold: policy.uplinkMACThreshold),
            enforcer: enforce ? PortEnforcer(policy: policy, store: store, dryRun: dryRun) : nil,
            inventory: inventory, store: store)
    }

    /// Plans and carries out what the policy says about `event`, noting it on standard error.
    func act(on event: ARPEvent, entry: BindingEntry?, sink: EventSink) async {
        guard let enforcer, let mac = event.mac,
            let planned = enforcer.plan(event, entry: entry, location: locator.locate(mac))
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
