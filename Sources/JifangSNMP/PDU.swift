import CNetSNMP

/// One request as Swift values; the engine thread turns it into a net-snmp PDU.
struct SNMPRequest: Sendable {
    enum Kind: Sendable, Equatable {
        case get
        case getNext
        case getBulk(nonRepeaters: Int, maxRepetitions: Int)
        case set
    }

    var kind: Kind
    /// For reads the values are ignored (sent as NULL).
    var varbinds: [VarBind]
}

/// A response PDU as Swift values.
struct SNMPResponse: Sendable {
    var varbinds: [VarBind]
    var errorStatus: Int
    var errorIndex: Int
}

struct PDUEncodingError: Error {
    var reason: String
}

/// Conversion between Swift requests/responses and net-snmp PDUs.
enum PDU {
    /// A new PDU for `request`, owned by the caller (net-snmp frees it once sent), or a reason
    /// it cannot be built.
    static func make(_ request: SNMPRequest) -> Result<UnsafeMutablePointer<netsnmp_pdu>, PDUEncodingError> {
        let command: Int32 =
            switch request.kind {
            case .get: Int32(JF_MSG_GET)
            case .getNext: Int32(JF_MSG_GETNEXT)
            case .getBulk: Int32(JF_MSG_GETBULK)
            case .set: Int32(JF_MSG_SET)
            }
        guard let pdu = snmp_pdu_create(command) else { return .failure(PDUEncodingError(reason: "out of memory")) }
        if case .getBulk(let nonRepeaters, let maxRepetitions) = request.kind {
            jf_pdu_set_bulk(pdu, max(0, nonRepeaters), max(0, maxRepetitions))
        }
        for varbind in request.varbinds {
            let name = varbind.oid.components.map { oid($0) }
            let added = name.withUnsafeBufferPointer { buffer -> Bool in
                if request.kind == .set {
                    add(varbind.value, name: buffer.baseAddress!, length: buffer.count, to: pdu)
                } else {
                    snmp_add_null_var(pdu, buffer.baseAddress, buffer.count) != nil
                }
            }
            if !added {
                snmp_free_pdu(pdu)
                return .failure(PDUEncodingError(reason: "cannot encode \(varbind)"))
            }
        }
        return .success(pdu)
    }

    private static func add(
        _ value: SNMPValue, name: UnsafePointer<oid>, length: Int, to pdu: UnsafeMutablePointer<netsnmp_pdu>
    ) -> Bool {
        func bytes(_ type: Int32, _ data: [UInt8]) -> Bool {
            data.withUnsafeBytes { raw in
                snmp_pdu_add_variable(pdu, name, length, UInt8(type), raw.baseAddress, data.count) != nil
            }
        }
        func long(_ type: Int32, _ number: Int) -> Bool {
            jf_add_long(pdu, name, length, type, number) != 0
        }
        switch value {
        case .integer(let v): return long(JF_ASN_INTEGER, Int(v))
        case .octetString(let b): return bytes(JF_ASN_OCTET_STR, b)
        case .opaque(let b): return bytes(JF_ASN_OPAQUE, b)
        case .ipAddress(let b): return b.count == 4 && bytes(JF_ASN_IPADDRESS, b)
        case .null: return snmp_add_null_var(pdu, name, length) != nil
        case .counter32(let v): return long(JF_ASN_COUNTER, Int(v))
        case .gauge32(let v): return long(JF_ASN_GAUGE, Int(v))
        case .timeTicks(let v): return long(JF_ASN_TIMETICKS, Int(v))
        case .counter64(let v): return jf_add_counter64(pdu, name, length, v) != 0
        case .objectIdentifier(let target):
            let value = target.components.map { oid($0) }
            return value.withUnsafeBytes { raw in
                snmp_pdu_add_variable(pdu, name, length, UInt8(JF_ASN_OBJECT_ID), raw.baseAddress, raw.count) != nil
            }
        case .noSuchObject, .noSuchInstance, .endOfMibView:
            return false
        }
    }

    /// The varbinds and error fields of a received PDU.
    static func decode(_ pdu: UnsafeMutablePointer<netsnmp_pdu>) -> SNMPResponse {
        var varbinds: [VarBind] = []
        var cursor = pdu.pointee.variables
        while let variable = cursor {
            varbinds.append(VarBind(oid: name(of: variable), value: value(of: variable)))
            cursor = variable.pointee.next_variable
        }
        return SNMPResponse(
            varbinds: varbinds, errorStatus: Int(pdu.pointee.errstat), errorIndex: Int(pdu.pointee.errindex))
    }

    private static func name(of variable: UnsafeMutablePointer<netsnmp_variable_list>) -> OID {
        let count = variable.pointee.name_length
        guard let name = variable.pointee.name, count > 0 else { return OID([]) }
        return OID((0..<count).map { UInt32(truncatingIfNeeded: name[$0]) })
    }

    private static func value(of variable: UnsafeMutablePointer<netsnmp_variable_list>) -> SNMPValue {
        let v = variable.pointee
        let type = Int32(v.type)
        func raw() -> [UInt8] {
            guard let string = v.val.string, v.val_len > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: string, count: v.val_len))
        }
        switch type {
        case JF_ASN_INTEGER: return .integer(Int64(jf_integer(variable)))
        case JF_ASN_OCTET_STR, JF_ASN_BIT_STR: return .octetString(raw())
        case JF_ASN_NULL: return .null
        case JF_ASN_OBJECT_ID:
            guard let objid = v.val.objid else { return .objectIdentifier(OID([])) }
            let count = v.val_len / MemoryLayout<oid>.stride
            return .objectIdentifier(OID((0..<count).map { UInt32(truncatingIfNeeded: objid[$0]) }))
        case JF_ASN_IPADDRESS: return .ipAddress(raw())
        case JF_ASN_COUNTER: return .counter32(UInt32(truncatingIfNeeded: jf_integer(variable)))
        case JF_ASN_GAUGE: return .gauge32(UInt32(truncatingIfNeeded: jf_integer(variable)))
        case JF_ASN_TIMETICKS: return .timeTicks(UInt32(truncatingIfNeeded: jf_integer(variable)))
        case JF_ASN_COUNTER64, JF_ASN_OPAQUE_COUNTER64, JF_ASN_OPAQUE_U64: return .counter64(jf_counter64(variable))
        case JF_NOSUCHOBJECT: return .noSuchObject
        case JF_NOSUCHINSTANCE: return .noSuchInstance
        case JF_ENDOFMIBVIEW: return .endOfMibView
        default: return .opaque(raw())
        }
    }

    /// RFC 3416 error-status names.
    static func statusName(_ status: Int) -> String {
        let names = [
            "noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess", "wrongType",
            "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
            "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable",
            "inconsistentName",
        ]
        return names.indices.contains(status) ? names[status] : "error-status \(status)"
    }
}
