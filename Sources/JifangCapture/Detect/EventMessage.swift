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
            // A literal's UTF-8 is contiguous: one copy rather than a loop over a view.
            if literal.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: literal.utf8)
            }
        }

        mutating func appendInterpolation(_ address: IPv4Address) {
            append(IPv4Address.maximumTextLength) { address.format(into: $0) }
        }

        mutating func appendInterpolation(_ address: MACAddress) {
            append(MACAddress.textLength) { address.format(into: $0) }
        }

        mutating func appendInterpolation(_ text: String) {
            appendLiteral(text)
        }

        /// Digits written in place: counts, limits and VLAN ids are in most messages.
        mutating func appendInterpolation(_ value: some FixedWidthInteger) {
            append(40) { buffer in
                var magnitude = value.magnitude
                var end = buffer.count
                repeat {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                    magnitude /= 10
                } while magnitude != 0
                if value < 0 {
                    end -= 1
                    buffer[end] = UInt8(ascii: "-")
                }
                let length = buffer.count - end
                for index in 0..<length { buffer[index] = buffer[end + index] }
                return length
            }
        }

        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            bytes.append(contentsOf: value.description.utf8)
        }

        /// Lets `format` write at most `room` bytes into a buffer on the stack, then appends them.
        private mutating func append(_ room: Int, _ format: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
                let written = format(buffer)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written]))
            }
        }
    }
}
