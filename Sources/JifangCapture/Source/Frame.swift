import struct Foundation.Date

/// The data-link type of a capture, as libpcap's DLT number.
public struct LinkType: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// DLT_EN10MB: Ethernet, possibly with 802.1Q / 802.1ad tags.
    public static let ethernet = LinkType(rawValue: 1)
    /// DLT_LINUX_SLL: Linux cooked capture v1 (`tcpdump -i any` before libpcap 1.10).
    public static let linuxSLL = LinkType(rawValue: 113)
    /// DLT_LINUX_SLL2: Linux cooked capture v2.
    public static let linuxSLL2 = LinkType(rawValue: 276)

    public var description: String {
        switch self {
        case .ethernet: "Ethernet"
        case .linuxSLL: "Linux cooked v1"
        case .linuxSLL2: "Linux cooked v2"
        default: "DLT \(rawValue)"
        }
    }
}

/// When a frame was captured: seconds and nanoseconds since the Unix epoch.
public struct CaptureTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// 0 ..< 1_000_000_000.
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Seconds since the Unix epoch as a floating-point number (microsecond precision today).
    public var timeInterval: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    public var date: Date { Date(timeIntervalSince1970: timeInterval) }

    public static func < (lhs: CaptureTimestamp, rhs: CaptureTimestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// One captured frame, lent to a ``PacketSource/readFrames(until:_:)`` callback.
///
/// `bytes` points into libpcap's buffer (or a batch of ``PacketSource/readFramesAhead(until:_:)``)
/// and is valid only during the callback: copy what must outlive it (``FrameDecoder`` returns values that own their data).
public struct Frame {
    /// 1-based position of the frame in the capture.
    public let number: Int
    public let timestamp: CaptureTimestamp
    public let linkType: LinkType
    /// The captured bytes, starting with the link-layer header.
    public let bytes: UnsafeRawBufferPointer
    /// The frame's length on the wire; larger than `bytes.count` when the snapshot length cut it.
    public let originalLength: Int
}
