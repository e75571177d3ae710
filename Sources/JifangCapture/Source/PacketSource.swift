import CPcap
import Synchronization

/// A capture to read frames from: a pcap or pcapng file, or a live interface.
///
/// The only type that calls libpcap. Frames are lent to a callback without copying (see
/// ``Frame``). Not thread-safe (except ``interrupt()``): create, read and drop a source on one
/// task; the handle is closed when the source is released.
public final class PacketSource {
    /// The filter that keeps ARP, also inside one or two VLAN tags (802.1Q, 802.1ad, 0x9100).
    public static let arpFilter = "arp or (vlan and (arp or (vlan and arp)))"

    /// The file path or interface name, as given.
    public let name: String
    /// Whether the source is a file (frame numbers are stable, the end of file ends the read).
    public let isFile: Bool
    /// The link type of every frame of this source.
    public let linkType: LinkType
    /// Frames delivered so far; the next frame's number is this plus one.
    public private(set) var framesRead = 0

    private let handle: OpaquePointer
    /// Atomic because a read ahead checks it on its reading thread while `body` may set it on another.
    private let stopRequested = Atomic<Bool>(false)
    /// A file's filter, run here rather than in libpcap so skipped frames still count.
    private var fileFilter: bpf_program?

    /// Opens a pcap or pcapng file with nanosecond timestamps.
    ///
    /// - Throws: ``CaptureError/openFailed(source:detail:)`` if the file is missing, unreadable or
    ///   not a capture.
    public init(file path: String) throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard
            let handle = pcap_open_offline_with_tstamp_precision(
                path, UInt32(PCAP_TSTAMP_PRECISION_NANO), &errorBuffer)
        else {
            throw .openFailed(source: path, detail: Self.text(errorBuffer))
        }
        self.handle = handle
        name = path
        isFile = true
        linkType = LinkType(rawValue: pcap_datalink(handle))
    }

    /// Opens a live interface and installs `options.filter`.
    ///
    /// - Throws: ``CaptureError/activateFailed(interface:detail:)`` if the interface is missing or
    ///   capturing is not permitted, ``CaptureError/filterFailed(source:expression:detail:)`` if
    ///   the filter does not compile.
    public init(interface: String, options: LiveCaptureOptions = LiveCaptureOptions()) throws(CaptureError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let handle = pcap_create(interface, &errorBuffer) else {
            throw .activateFailed(interface: interface, detail: Self.text(errorBuffer))
        }
        pcap_set_snaplen(handle, Int32(options.snapshotLength))
        pcap_set_promisc(handle, options.promiscuous ? 1 : 0)
        pcap_set_immediate_mode(handle, options.immediate ? 1 : 0)
        pcap_set_timeout(handle, Int32(options.readTimeoutMilliseconds))
        if let bytes = options.bufferSize { pcap_set_buffer_size(handle, Int32(bytes)) }
        // Nanosecond stamps where the platform offers them; microseconds otherwise.
        _ = pcap_set_tstamp_precision(handle, Int32(PCAP_TSTAMP_PRECISION_NANO))
        let status = pcap_activate(handle)
        if status < 0 {
            let detail = Self.statusText(status, handle: handle)
            pcap_close(handle)
            throw .activateFailed(interface: interface, detail: detail)
        }
        self.handle = handle
        name = interface
        isFile = false
        linkType = LinkType(rawValue: pcap_datalink(handle))
        if let filter = options.filter {
            try setFilter(filter)
        }
    }

    deinit {
        if var program = fileFilter { pcap_freecode(&program) }
        pcap_close(handle)
    }

    /// Installs a BPF filter (tcpdump syntax); frames it rejects are not delivered.
    ///
    /// On a file, rejected frames still count, so frame numbers stay the record positions that
    /// tcpdump and Wireshark show.
    public func setFilter(_ expression: String) throws(CaptureError) {
        var program = bpf_program()
        guard pcap_compile(handle, &program, expression, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .filterFailed(source: name, expression: expression, detail: String(cString: pcap_geterr(handle)))
        }
        if isFile {
            if var old = fileFilter { pcap_freecode(&old) }
            fileFilter = program
            return
        }
        defer { pcap_freecode(&program) }
        guard pcap_setfilter(handle, &program) == 0 else {
            throw .filterFailed(source: name, expression: expression, detail: String(cString: pcap_geterr(handle)))
        }
    }

    /// Ends the current ``readFrames(until:_:)`` or ``readFramesAhead(until:_:)`` after the frame
    /// being handled; call it from the callback.
    public func stop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// Whether ``stop()`` was called since the current read began.
    var isStopRequested: Bool { stopRequested.load(ordering: .relaxed) }

    /// Ends a live capture's ``readFrames(until:_:)`` from any thread (a signal handler's queue,
    /// say): libpcap's `pcap_breakloop` (safe across threads since libpcap 1.10) wakes a read
    /// blocked waiting for frames.
    ///
    /// Thread-safe, unlike the rest of the type. The read returns normally after the frame being
    /// handled, every frame before it delivered; called while no read runs, it ends the next read
    /// at once. Reading a file ignores it (a file ends by itself). The source must outlive the call.
    public func interrupt() {
        pcap_breakloop(handle)
    }

    /// Delivers frames to `body` in capture order until the file ends, ``stop()`` or
    /// ``interrupt()`` is called, or (live capture) `deadline` passes.
    ///
    /// - Returns: the number of frames read by this call, including any a file filter rejected.
    /// - Throws: ``CaptureError/truncated(file:afterFrame:detail:)`` when a file ends inside a
    ///   record, after every complete frame before it was delivered;
    ///   ``CaptureError/readFailed(source:afterFrame:detail:)`` for other read errors.
    @discardableResult
    public func readFrames(until deadline: ContinuousClock.Instant? = nil, _ body: (Frame) -> Void)
        throws(CaptureError) -> Int
    {
        stopRequested.store(false, ordering: .relaxed)
        let first = framesRead
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        // Unwrapped once: the clock is read only after live read timeouts and frames.
        let liveDeadline = isFile ? nil : deadline
        let hasDeadline = liveDeadline != nil
        let end = liveDeadline ?? .now
        while !stopRequested.load(ordering: .relaxed) {
            let status = pcap_next_ex(handle, &header, &data)
            if status == 1, let header, let data {
                framesRead += 1
                if fileFilter != nil, pcap_offline_filter(&fileFilter!, header, data) == 0 { continue }
                let stamp = header.pointee.ts
                body(
                    Frame(
                        number: framesRead,
                        timestamp: CaptureTimestamp(
                            seconds: Int64(stamp.tv_sec), nanoseconds: Int32(truncatingIfNeeded: stamp.tv_usec)),
                        linkType: linkType,
                        bytes: UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)),
                        originalLength: Int(header.pointee.len)))
            } else if status == 0 {
                // Live read timeout: nothing arrived, look at the clock.
            } else if status == PCAP_ERROR_BREAK {
                break
            } else {
                let detail = String(cString: pcap_geterr(handle))
                if isFile && detail.contains("truncated") {
                    throw .truncated(file: name, afterFrame: framesRead, detail: detail)
                }
                throw .readFailed(source: name, afterFrame: framesRead, detail: detail)
            }
            if hasDeadline, ContinuousClock.now >= end { break }
        }
        return framesRead - first
    }

    private static func text(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func statusText(_ status: Int32, handle: OpaquePointer) -> String {
        let own = String(cString: pcap_geterr(handle))
        let generic = String(cString: pcap_statustostr(status))
        return own.isEmpty ? generic : "\(generic): \(own)"
    }
}
