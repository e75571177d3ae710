import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

extension PortEnforcer {
    /// Releases `action` on its switch as `inventory` describes it: opens an SNMP session, sets
    /// the port back (``release(_:on:actor:)``) and closes the session.
    ///
    /// - Throws: ``EnforcementError/unknownDevice(_:)`` when the inventory has no such switch,
    ///   ``SecretError`` or ``SNMPError`` when it cannot be reached or refuses the change (the
    ///   shutdown then stays in force in the store).
    @discardableResult
    public func release(
        _ action: PortAction, inventory: Inventory, secrets: SecretResolver = SecretResolver(), actor: String?
    ) async throws -> PortAction {
        guard let device = inventory.device(named: action.device) else {
            throw EnforcementError.unknownDevice(action.device)
        }
        let session = try await SNMPSession.open(SNMPTarget(device: device, secrets: secrets))
        do {
            let released = try await release(action, on: session, actor: actor)
            await session.close()
            return released
        } catch {
            await session.close()
            throw error
        }
    }
}
