import Dispatch
import Foundation

extension PacketSource {
    /// Delivers every frame of a capture file to `body` in capture order, while a thread of its
    /// own reads the frames that follow from libpcap.
    ///
    /// Reading a file through libpcap costs about as much as judging its ARP frames. With a
    /// second processor the two overlap, and a file is done in about the time the slower of them
    /// takes rather than their sum; the processor time spent grows a little, by the copying and
    /// the hand-overs. Frames are copied once, into four batches of 8,192 frames (about 5 MiB in
    /// all) used in turn, so memory stays the same whatever the size of the file. Batches this
    /// large keep the hand-overs, each a possible wake-up of the other thread, to about one per
    /// 8,000 frames: with batches of 2,048 the wake-ups took most of the gain and a third more
    /// processor time.
    ///
    /// `body` runs on the calling thread and gets frames as ``readFrames(until:_:)`` gives them:
    /// the same numbers and timestamps, `bytes` valid during the call, frames a file filter
    /// rejects counted but not delivered. ``stop()`` from `body` ends the read; the frames read
    /// ahead by then are not delivered, and a later read goes on after them (``framesRead``
    /// counts them, so frame numbers stay the file's). Read ``framesRead`` after the call, not from
    /// `body`: the other thread updates it. A live source, or a machine with one processor, is
    /// read by ``readFrames(until:_:)`` on the calling thread.
    ///
    /// - Returns: the number of frames read by this call, as ``readFrames(until:_:)`` counts them.
    /// - Throws: what ``readFrames(until:_:)`` throws, once every frame before the failure was
    ///   delivered.
    @discardableResult
    public func readFramesAhead(until deadline: ContinuousClock.Instant? = nil, _ body: (Frame) -> Void)
        throws(CaptureError) -> Int
    {
        guard isFile, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return try readFrames(until: deadline, body)
        }
        let ring = ReadAheadRing(source: self)
        let reader = Thread { ring.fill() }
        reader.name = "read \(name)"
        reader.start()
        return try ring.drain(body)
    }
}

/// The batches a reading thread fills and the consumer empties, each batch owned by one side
/// at a time.
private final class ReadAheadRing: @unchecked Sendable {
    // @unchecked: the reading thread owns `source`'s libpcap handle and counters until it hands
    // over the last batch; the consumer reads only its constant link type and its atomic stop
    // flag meanwhile. A batch is written by the reader between `free.wait()` and
    // `filled.signal()` and read by the consumer between `filled.wait()` and `free.signal()`:
    // the semaphores order each pair of accesses. The batches are kept in raw memory and each
    // side works on its own copy of a batch's header, so the per-frame path has none of the
    // exclusivity checks that a class's stored properties get.
    private let source: PacketSource
    private let count: Int
    private let batches: UnsafeMutablePointer<FrameBatch>
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)

    /// Four batches: the one being read, the one being judged, and two to spare for a burst of
    /// events that slows the consumer.
    init(source: PacketSource, count: Int = 4) {
        self.source = source
        self.count = count
        batches = .allocate(capacity: count)
        for index in 0..<count { (batches + index).initialize(to: FrameBatch()) }
        free = DispatchSemaphore(value: count)
    }

    deinit {
        for index in 0..<count { batches[index].deallocate() }
        batches.deinitialize(count: count)
        batches.deallocate()
    }

    /// On the reading thread: reads the source to its end (or until stopped) into the batches.
    func fill() {
        var index = 0
        free.wait()
        var batch = batches[0]
        batch.reset()
        let outcome = Result { () throws(CaptureError) in
            try source.readFrames { frame in
                guard !batch.append(frame) else { return }
                batches[index % count] = batch
                filled.signal()
                index += 1
                free.wait()
                batch = batches[index % count]
                batch.reset()
                _ = batch.append(frame)
            }
        }
        batch.outcome = outcome
        batches[index % count] = batch
        filled.signal()
    }

    /// On the calling thread: delivers the batches' frames in order until the last batch.
    func drain(_ body: (Frame) -> Void) throws(CaptureError) -> Int {
        var index = 0
        var stopped = false
        let linkType = source.linkType
        while true {
            filled.wait()
            let batch = batches[index % count]
            if !stopped { stopped = batch.deliver(linkType: linkType, to: body, stopping: source) }
            free.signal()
            index += 1
            if let outcome = batch.outcome { return try outcome.get() }
        }
    }
}

/// Frames copied out of libpcap's buffer: their records, and their bytes back to back.
///
/// A plain header over memory it allocates itself; ``ReadAheadRing`` frees it.
private struct FrameBatch {
    private struct Record {
        var number: Int
        var seconds: Int64
        var nanoseconds: Int32
        var length: Int32
        var originalLength: Int
        var offset: Int
    }

    /// The most frames a batch holds; a batch is handed over when full.
    static let frameLimit = 8192

    private var records: UnsafeMutablePointer<Record>
    private var recordCount = 0
    private var bytes: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    /// Set on the last batch: the frame count of the read, or its error.
    var outcome: Result<Int, CaptureError>?

    init() {
        records = .allocate(capacity: Self.frameLimit)
        // Room for the batch's frames at ARP's usual size; a larger frame grows it.
        capacity = Self.frameLimit * 128
        bytes = .allocate(byteCount: capacity, alignment: 16)
    }

    func deallocate() {
        records.deallocate()
        bytes.deallocate()
    }

    mutating func reset() {
        recordCount = 0
        used = 0
        outcome = nil
    }

    /// Copies `frame` in; `false` when the batch is full.
    @inline(__always) mutating func append(_ frame: Frame) -> Bool {
        let length = frame.bytes.count
        guard recordCount < Self.frameLimit, used + length <= capacity else {
            guard recordCount == 0 else { return false }
            // A frame larger than a whole batch (jumbo frames, a large snapshot length).
            bytes.deallocate()
            capacity = length
            bytes = .allocate(byteCount: capacity, alignment: 16)
            return append(frame)
        }
        if length > 0 { (bytes + used).copyMemory(from: frame.bytes.baseAddress!, byteCount: length) }
        (records + recordCount).initialize(
            to: Record(
                number: frame.number, seconds: frame.timestamp.seconds, nanoseconds: frame.timestamp.nanoseconds,
                length: Int32(length), originalLength: frame.originalLength, offset: used))
        recordCount += 1
        used += length
        return true
    }

    /// Lends each frame to `body`; returns `true` when `source` was stopped by one of them.
    func deliver(linkType: LinkType, to body: (Frame) -> Void, stopping source: PacketSource) -> Bool {
        for index in 0..<recordCount {
            let record = records[index]
            body(
                Frame(
                    number: record.number,
                    timestamp: CaptureTimestamp(seconds: record.seconds, nanoseconds: record.nanoseconds),
                    linkType: linkType,
                    bytes: UnsafeRawBufferPointer(start: bytes + record.offset, count: Int(record.length)),
                    originalLength: record.originalLength))
            if source.isStopRequested { return true }
        }
        return false
    }
}
