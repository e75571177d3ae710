import Foundation
import JifangModel
import JifangSNMP

/// A digest of a device's configuration state over SNMP, and what it was taken from: `vendor`
/// (the change objects) or `tables` (the fingerprinted columns).
public typealias ConfigFingerprint = (value: String, source: String)

/// Tells from SNMP whether a device's configuration changed, without fetching it (Art. 141).
///
/// Reads the vendor objects that record the last configuration change (Policies/backups.yaml
/// `changeOIDs`, e.g. Cisco's ccmHistoryRunningLastChanged); when the device answers none of
/// them, fingerprints the tables that carry configuration (interfaces, addresses, VLANs,
/// routes: `fingerprint`). Operational columns such as ifOperStatus stay out so a link going
/// down is not a configuration change.
public struct ConfigChangeDetector: Sendable {
    public let changeOIDs: [OID]
    public let fingerprintColumns: [OID]

    public init(policy: BackupPolicy) {
        changeOIDs = policy.changeOIDs.compactMap(OID.init)
        fingerprintColumns = policy.fingerprintColumns.compactMap(OID.init)
    }

    /// A fingerprint of the configuration state and what it was taken from (`vendor` or `tables`).
    public func fingerprint(_ session: SNMPSession) async throws(SNMPError) -> ConfigFingerprint {
        if !changeOIDs.isEmpty {
            let answers = try await session.get(changeOIDs).filter { !$0.value.isException }
            if !answers.isEmpty {
                return (Self.digest(answers), "vendor")
            }
        }
        var varbinds: [VarBind] = []
        for column in fingerprintColumns {
            varbinds += try await session.walk(column)
        }
        return (Self.digest(varbinds), "tables")
    }

    static func digest(_ varbinds: [VarBind]) -> String {
        let text = varbinds.sorted { $0.oid < $1.oid }.map { "\($0.oid)=\($0.value)" }.joined(separator: "\n")
        return DurableFiles.sha256(of: Data(text.utf8))
    }
}
