import JifangSNMP
import Testing

struct SNMPValueTests {
    @Test func numbers() {
        #expect(SNMPValue.integer(-5).int == -5)
        #expect(SNMPValue.integer(-5).uint == nil)
        #expect(SNMPValue.counter64(UInt64.max).int == nil)
        #expect(SNMPValue.counter64(UInt64.max).uint == UInt64.max)
        #expect(SNMPValue.gauge32(42).double == 42)
        #expect(SNMPValue.octetString(Array("23.5".utf8)).double == 23.5)
        #expect(SNMPValue.octetString(Array("warm".utf8)).double == nil)
        #expect(SNMPValue.null.int == nil)
    }

    @Test func text() {
        #expect(SNMPValue.octetString(Array("eth0".utf8) + [0, 0]).string == "eth0")
        #expect(SNMPValue.ipAddress([10, 0, 0, 1]).string == "10.0.0.1")
        #expect(SNMPValue.objectIdentifier("1.3.6.1.4.1.8072").string == "1.3.6.1.4.1.8072")
        #expect(SNMPValue.opaque([1, 2]).bytes == [1, 2])
        #expect(SNMPValue.counter32(1).string == nil)
    }

    @Test func exceptions() {
        #expect(SNMPValue.noSuchObject.isException)
        #expect(SNMPValue.noSuchInstance.isException)
        #expect(SNMPValue.endOfMibView.isException)
        #expect(!SNMPValue.null.isException)
    }

    @Test func tableJoinsColumnsByIndex() {
        let descr: OID = "1.3.6.1.2.1.2.2.1.2"
        let type: OID = "1.3.6.1.2.1.2.2.1.3"
        let table = SNMPTable(
            columns: [descr, type],
            varbinds: [
                VarBind(oid: descr.appending(10), value: .octetString(Array("eth1".utf8))),
                VarBind(oid: descr.appending(2), value: .octetString(Array("eth0".utf8))),
                VarBind(oid: type.appending(2), value: .integer(6)),
                VarBind(oid: type.appending(10), value: .noSuchInstance),
            ])
        #expect(table.rows.map(\.index) == [[2], [10]])
        #expect(table[[2], type] == .integer(6))
        #expect(table[[10], type] == nil)
        #expect(table[[10], descr]?.string == "eth1")
    }

    @Test func targetDescriptionHidesSecrets() {
        let security = SNMPv3Security(
            user: "ops", authProtocol: .sha, authPassphrase: "secret-auth", privProtocol: .aes,
            privPassphrase: "secret-priv")
        let target = SNMPTarget(host: "127.0.0.1", port: 1161, version: .v3(security))
        #expect(target.description == "udp:127.0.0.1:1161 (v3 user ops)")
        #expect(!security.description.contains("secret"))
        #expect(
            SNMPTarget(host: "10.0.0.1", version: .v2c(community: "hidden")).description == "udp:10.0.0.1:161 (v2c)")
        let timeout = SNMPError.timeout(target: target.description, seconds: 2, retries: 1)
        #expect(timeout.description.contains("did not answer within 2 s after 1 retry"))
    }
}
