import JifangSNMP
import LibFuzzerDriver

// libfuzzer: -max_len=1472
fuzz(fuzzSNMPMessage)

/// Feeds the bytes as one received datagram to net-snmp's BER parser and our conversion of its
/// variable list (``SNMPMessage``), then reads every value the ways the decoders do.
func fuzzSNMPMessage(_ bytes: UnsafeRawBufferPointer) {
    let message: SNMPMessage
    do {
        message = try SNMPMessage(datagram: Array(bytes))
    } catch {
        _ = error.description
        return
    }
    for varbind in message.varbinds {
        let value = varbind.value
        _ = (value.int, value.uint, value.double, value.string, value.bytes, value.oid, value.isException)
        _ = varbind.description
        _ = varbind.oid < value.oid ?? varbind.oid
    }
}
