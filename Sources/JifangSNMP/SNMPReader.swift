/// Read access to one device's agent: what health collection needs from a session.
///
/// ``SNMPSession`` is the implementation; the protocol exists so collectors state exactly which
/// operations they use.
public protocol SNMPReader: Sendable {
    /// Target description for messages (never contains secrets).
    var targetDescription: String { get }
    func get(_ oids: [OID]) async throws(SNMPError) -> [VarBind]
    func walk(_ root: OID, maxRepetitions: Int) async throws(SNMPError) -> [VarBind]
    func table(_ columns: [OID], maxRepetitions: Int) async throws(SNMPError) -> SNMPTable
}
