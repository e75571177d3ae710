/// How a live interface is opened by ``PacketSource/init(interface:options:)``.
public struct LiveCaptureOptions: Sendable, Hashable {
    /// Bytes kept of each frame; ARP inside two VLAN tags needs 50.
    public var snapshotLength: Int
    /// See frames addressed to other stations too (needed on a mirror/SPAN port).
    public var promiscuous: Bool
    /// Deliver each frame as it arrives instead of filling a buffer first.
    public var immediate: Bool
    /// How long one read waits for a frame before the caller's deadline is checked again.
    public var readTimeoutMilliseconds: Int
    /// Kernel buffer size in bytes; `nil` keeps libpcap's default.
    public var bufferSize: Int?
    /// BPF expression installed after activation; `nil` captures everything.
    public var filter: String?

    public init(
        snapshotLength: Int = 256, promiscuous: Bool = true, immediate: Bool = true,
        readTimeoutMilliseconds: Int = 100, bufferSize: Int? = nil, filter: String? = PacketSource.arpFilter
    ) {
        self.snapshotLength = snapshotLength
        self.promiscuous = promiscuous
        self.immediate = immediate
        self.readTimeoutMilliseconds = readTimeoutMilliseconds
        self.bufferSize = bufferSize
        self.filter = filter
    }
}
