import CNetSNMP

/// One SNMP message decoded from the bytes of a datagram, outside any session: net-snmp parses
/// the BER and ``PDU`` converts the variable list exactly as it does for a session's responses.
///
/// For datagrams that arrive without a request (notifications) and for fuzzing the wire
/// decoding. SNMPv1 and v2c messages decode whole; an SNMPv3 message decodes only when it
/// needs no keys (net-snmp's USM refuses the rest).
public struct SNMPMessage: Sendable, Hashable {
    /// The message's SNMP version.
    public enum Version: Sendable, Hashable {
        case v1, v2c, v3
    }

    public var version: Version
    /// The PDU's BER tag: 0xA2 response, 0xA4 v1 trap, 0xA6 inform, 0xA7 v2 trap, 0xA8 report.
    public var pduType: UInt8
    /// The community string (v1, v2c); empty for v3.
    public var community: [UInt8]
    public var requestID: Int
    public var errorStatus: Int
    public var errorIndex: Int
    public var varbinds: [VarBind]

    /// Decodes `datagram`, one whole SNMP message.
    ///
    /// - Throws: ``SNMPError/malformedResponse(target:reason:)`` naming `source` (the sender's
    ///   address, say) with net-snmp's reason when the bytes are not a message it can parse.
    public init(datagram: [UInt8], source: String = "datagram") throws(SNMPError) {
        _ = NetSNMP.initialized
        guard let pdu = snmp_pdu_create(0) else {
            throw .malformedResponse(target: source, reason: "out of memory")
        }
        defer { snmp_free_pdu(pdu) }
        var session = netsnmp_session()
        snmp_sess_init(&session)
        // net-snmp's parser writes nothing into the buffer, but its signature takes `u_char *`.
        var bytes = datagram
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            snmp_parse(nil, &session, pdu, buffer.baseAddress, buffer.count)
        }
        guard status == 0 else {
            let code = session.s_snmp_errno != 0 ? session.s_snmp_errno : SNMPERR_BAD_PARSE
            throw .malformedResponse(target: source, reason: NetSNMP.apiError(code))
        }
        switch Int32(truncatingIfNeeded: pdu.pointee.version) {
        case SNMP_VERSION_1: version = .v1
        case SNMP_VERSION_2c: version = .v2c
        case SNMP_VERSION_3: version = .v3
        default:
            throw .malformedResponse(target: source, reason: "SNMP version \(pdu.pointee.version) is not 1, 2c or 3")
        }
        pduType = UInt8(truncatingIfNeeded: pdu.pointee.command)
        if let text = pdu.pointee.community, pdu.pointee.community_len > 0 {
            community = Array(UnsafeBufferPointer(start: text, count: pdu.pointee.community_len))
        } else {
            community = []
        }
        requestID = Int(pdu.pointee.reqid)
        let response = PDU.decode(pdu)
        errorStatus = response.errorStatus
        errorIndex = response.errorIndex
        varbinds = response.varbinds
    }
}
