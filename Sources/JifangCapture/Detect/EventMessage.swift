import JifangModel

/// An event's message, written from an interpolated literal straight into one byte buffer.
///
/// A capture with spoofing in it yields tens of thousands of events, each with a message naming
/// addresses. The standard interpolation makes a string per address and regrows the result;
/// this one reserves room for the whole message once and writes the addresses' digits into it,
/// so a message costs one buffer and the final string.
struct EventMessage: ExpressibleByStringInterpolation {
    private(set) var bytes: [UInt8]

    init(stringLiteral value: String) {
        bytes = Array(value.utf8)
    }

    init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.bytes
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * MACAddress.textLength)
        }

        mutating func appendLiteral(_ literal: String) {
            bytes.append(contentsOf: literal.utf8)
        }

        mutating func appendInterpolation(_ address: IPv4Address) {
            append(IPv4Address.maximumTextLength) { address.format(into: $0) }
        }

        mutating func appendInterpolation(_ address: MACAddress) {
            append(MACAddress.textLength) { address.format(into: $0) }
        }

        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            bytes.append(contentsOf: value.description.utf8)
        }

        /// Grows the buffer by `room` bytes, lets `format` write into them, keeps what it wrote.
        private mutating func append(_ room: Int, _ format: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: room))
            let written = bytes.withUnsafeMutableBufferPointer { format(.init(rebasing: $0[start...])) }
            bytes.removeLast(room - written)
        }
    }
}
