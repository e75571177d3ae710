import CNetSNMP
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Work handed to the engine thread.
enum EngineCommand: Sendable {
    case open(id: Int, target: SNMPTarget, continuation: CheckedContinuation<Result<Void, SNMPError>, Never>)
    case adopt(
        id: Int, target: SNMPTarget, handle: SessionHandle,
        continuation: CheckedContinuation<Result<Void, SNMPError>, Never>)
    case request(
        id: Int, request: SNMPRequest, continuation: CheckedContinuation<Result<SNMPResponse, SNMPError>, Never>)
    case close(id: Int, continuation: CheckedContinuation<Void, Never>?)
    case shutdown
}

/// The engine thread's state and loop.
///
/// `@unchecked Sendable` because everything except `inbox`, `nextID`, `openSessionCount`,
/// `opener` and the two file descriptors is touched only by the engine thread (inside `run`).
final class EngineLoop: @unchecked Sendable {
    let nextID = Atomic<Int>(0)
    let openSessionCount = Atomic<Int>(0)
    let opener = DispatchQueue(label: "jifang.snmp.opener")
    private let inbox = Mutex<[EngineCommand]>([])
    private let wakeFD: Int32
    private let epollFD: Int32

    // Engine thread only.
    private var sessions: [Int: SessionSlot] = [:]
    private var busy: [Int: SessionSlot] = [:]
    private var completed: [SessionSlot] = []
    private var nextDeadline: Int64 = .max
    private let fdSet: UnsafeMutablePointer<netsnmp_large_fd_set>
    private var running = true
    private var requestCounter: UInt = 0

    init() {
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(wakeFD >= 0 && epollFD >= 0, "cannot create the SNMP engine's eventfd/epoll (errno \(errno))")
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        fdSet = jf_large_fd_set_new(UInt32(clamping: min(max(limit.rlim_cur, 1024), 1 << 20)))
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = 0
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    func submit(_ command: EngineCommand) {
        let wasEmpty = inbox.withLock { queue in
            queue.append(command)
            return queue.count == 1
        }
        if wasEmpty {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
    }

    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        while running {
            let ready = events.withUnsafeMutableBufferPointer {
                epoll_wait(epollFD, $0.baseAddress, Int32($0.count), waitMilliseconds())
            }
            if ready > 0 {
                for i in 0..<Int(ready) {
                    let key = events[i].data.u64
                    if key == 0 {
                        var count: UInt64 = 0
                        _ = read(wakeFD, &count, 8)
                    } else if let slot = sessions[Int(key)] {
                        _ = jf_sess_read(slot.handle.pointer, slot.fd, fdSet)
                    }
                }
            }
            processInbox()
            processTimeouts()
            sendNext()
        }
        for slot in sessions.values { closeSlot(slot) }
        close(wakeFD)
        close(epollFD)
    }

    private func waitMilliseconds() -> Int32 {
        guard nextDeadline != .max else { return -1 }
        let remaining = nextDeadline - monotonicMicroseconds()
        return remaining <= 0 ? 0 : Int32(clamping: (remaining + 999) / 1000)
    }

    private func processInbox() {
        let commands = inbox.withLock { queue in
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
        for command in commands {
            switch command {
            case .open(let id, let target, let continuation):
                switch NetSNMP.open(target) {
                case .success(let handle): adopt(id: id, target: target, handle: handle, continuation: continuation)
                case .failure(let error): continuation.resume(returning: .failure(error))
                }
            case .adopt(let id, let target, let handle, let continuation):
                adopt(id: id, target: target, handle: handle, continuation: continuation)
            case .request(let id, let request, let continuation):
                guard let slot = sessions[id] else {
                    continuation.resume(
                        returning: .failure(.sessionFailed(target: "session \(id)", reason: "the session is closed")))
                    continue
                }
                slot.waiting.append((request, continuation))
                if slot.inFlight == nil { completed.append(slot) }
            case .close(let id, let continuation):
                if let slot = sessions.removeValue(forKey: id) { closeSlot(slot) }
                continuation?.resume()
            case .shutdown:
                running = false
            }
        }
    }

    private func adopt(
        id: Int, target: SNMPTarget, handle: SessionHandle,
        continuation: CheckedContinuation<Result<Void, SNMPError>, Never>
    ) {
        let fd = jf_sess_socket(handle.pointer)
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = UInt64(id)
        guard fd >= 0, epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            let reason = "cannot watch the session socket (errno \(errno))"
            NetSNMP.close(handle)
            continuation.resume(returning: .failure(.transport(target: target.description, reason: reason)))
            return
        }
        let slot = SessionSlot(id: id, target: target, handle: handle, fd: fd)
        // The completion callback finds the slot through the session; `sessions` keeps it alive
        // until the net-snmp session is closed.
        snmp_sess_session(handle.pointer)?.pointee.callback_magic = Unmanaged.passUnretained(slot).toOpaque()
        sessions[id] = slot
        openSessionCount.add(1, ordering: .relaxed)
        continuation.resume(returning: .success(()))
    }

    private func closeSlot(_ slot: SessionSlot) {
        epoll_ctl(epollFD, EPOLL_CTL_DEL, slot.fd, nil)
        busy[slot.id] = nil
        // net-snmp reports still-pending requests to their callbacks as timed out while closing.
        slot.closing = true
        NetSNMP.close(slot.handle)
        slot.inFlight?.finish(.failure(slot.closedError))
        slot.inFlight = nil
        for (_, continuation) in slot.waiting { continuation.resume(returning: .failure(slot.closedError)) }
        slot.waiting.removeAll()
        openSessionCount.subtract(1, ordering: .relaxed)
    }

    /// Sends the next queued request of every session that became idle.
    private func sendNext() {
        while !completed.isEmpty {
            let idle = completed
            completed.removeAll(keepingCapacity: true)
            for slot in idle where slot.inFlight == nil && !slot.waiting.isEmpty && sessions[slot.id] != nil {
                let (request, continuation) = slot.waiting.removeFirst()
                send(request, on: slot, continuation: continuation)
            }
        }
    }

    private func send(
        _ request: SNMPRequest, on slot: SessionSlot,
        continuation: CheckedContinuation<Result<SNMPResponse, SNMPError>, Never>
    ) {
        let pdu: UnsafeMutablePointer<netsnmp_pdu>
        switch PDU.make(request) {
        case .success(let made): pdu = made
        case .failure(let error):
            continuation.resume(returning: .failure(.transport(target: slot.target.description, reason: error.reason)))
            completed.append(slot)
            return
        }
        requestCounter &+= 1
        let pending = PendingRequest(slot: slot, loop: self, token: requestCounter, continuation: continuation)
        slot.inFlight = pending
        // The request's callback data is only a token: net-snmp may report a request more than
        // once (for instance a security error, then the close), and a token that no longer
        // matches the slot's request is ignored instead of touching freed memory.
        let magic = UnsafeMutableRawPointer(bitPattern: pending.token)
        snmp_sess_session(slot.handle.pointer)?.pointee.s_snmp_errno = 0
        if snmp_sess_async_send(slot.handle.pointer, pdu, engineCallback, magic) == 0 {
            let reason = NetSNMP.apiError(snmp_sess_session(slot.handle.pointer)?.pointee.s_snmp_errno ?? 0)
            snmp_free_pdu(pdu)
            slot.inFlight = nil
            pending.finish(.failure(.transport(target: slot.target.description, reason: reason)))
            completed.append(slot)
            return
        }
        scheduleTimeout(slot)
    }

    private func scheduleTimeout(_ slot: SessionSlot) {
        let wait = jf_sess_next_timeout_us(slot.handle.pointer, slot.fd, fdSet)
        let micros = wait >= 0 ? Int64(wait) : Int64(slot.target.timeoutMicroseconds)
        slot.deadline = monotonicMicroseconds() + micros + 200
        busy[slot.id] = slot
        nextDeadline = min(nextDeadline, slot.deadline)
    }

    private func processTimeouts() {
        let now = monotonicMicroseconds()
        guard now >= nextDeadline else { return }
        var earliest = Int64.max
        for slot in Array(busy.values) {
            guard slot.inFlight != nil else {
                busy[slot.id] = nil
                continue
            }
            if slot.deadline <= now {
                snmp_sess_timeout(slot.handle.pointer)
                if slot.inFlight != nil { scheduleTimeout(slot) }
            }
            if slot.inFlight != nil { earliest = min(earliest, slot.deadline) }
        }
        nextDeadline = earliest
    }

    /// Called (on the engine thread) when a request finished.
    fileprivate func finished(_ slot: SessionSlot) {
        slot.inFlight = nil
        busy[slot.id] = nil
        if !slot.closing { completed.append(slot) }
    }
}

/// One open session, as the engine thread sees it.
final class SessionSlot {
    let id: Int
    let target: SNMPTarget
    let handle: SessionHandle
    let fd: Int32
    var inFlight: PendingRequest?
    var waiting: [(SNMPRequest, CheckedContinuation<Result<SNMPResponse, SNMPError>, Never>)] = []
    var deadline: Int64 = .max
    var closing = false

    init(id: Int, target: SNMPTarget, handle: SessionHandle, fd: Int32) {
        self.id = id
        self.target = target
        self.handle = handle
        self.fd = fd
    }

    var closedError: SNMPError { .sessionFailed(target: target.description, reason: "the session was closed") }
}

/// A request net-snmp holds; `callback_magic` points at it (unretained: the slot keeps it alive).
final class PendingRequest {
    unowned let slot: SessionSlot
    unowned let loop: EngineLoop
    let token: UInt
    private var continuation: CheckedContinuation<Result<SNMPResponse, SNMPError>, Never>?

    init(
        slot: SessionSlot, loop: EngineLoop, token: UInt,
        continuation: CheckedContinuation<Result<SNMPResponse, SNMPError>, Never>
    ) {
        self.slot = slot
        self.loop = loop
        self.token = token
        self.continuation = continuation
    }

    func finish(_ result: Result<SNMPResponse, SNMPError>) {
        guard let continuation else { return }
        self.continuation = nil
        continuation.resume(returning: result)
    }

    fileprivate func handle(operation: Int32, pdu: UnsafeMutablePointer<netsnmp_pdu>?) {
        guard continuation != nil else { return }
        let target = slot.target
        let result: Result<SNMPResponse, SNMPError>
        switch operation {
        case JF_OP_RECEIVED:
            if let pdu {
                if Int32(pdu.pointee.command) == JF_MSG_REPORT {
                    let code = snmpv3_get_report_type(pdu)
                    result = .failure(.authenticationFailed(target: target.description, reason: NetSNMP.apiError(code)))
                } else {
                    result = .success(PDU.decode(pdu))
                }
            } else {
                result = .failure(.malformedResponse(target: target.description, reason: "an empty PDU"))
            }
        case JF_OP_SEC_ERROR:
            let code = snmp_sess_session(slot.handle.pointer)?.pointee.s_snmp_errno ?? 0
            result = .failure(.authenticationFailed(target: target.description, reason: NetSNMP.apiError(code)))
        case JF_OP_TIMED_OUT:
            // Datagrams that failed to parse leave their error in the session: report them
            // rather than a plain timeout, so a broken agent is told apart from a silent one.
            let code = snmp_sess_session(slot.handle.pointer)?.pointee.s_snmp_errno ?? 0
            if slot.closing {
                result = .failure(slot.closedError)
            } else if code != 0, code != SNMPERR_TIMEOUT {
                result = .failure(
                    .malformedResponse(
                        target: target.description, reason: "no valid reply, last one: \(NetSNMP.apiError(code))"))
            } else {
                result = .failure(
                    .timeout(target: target.description, seconds: target.timeoutSeconds, retries: target.retries))
            }
        case JF_OP_RESEND, JF_OP_CONNECT:
            return  // progress notices; the request is still outstanding
        default:
            let reason = NetSNMP.apiError(snmp_sess_session(slot.handle.pointer)?.pointee.s_snmp_errno ?? 0)
            result = .failure(.transport(target: target.description, reason: reason))
        }
        finish(result)
        loop.finished(slot)
    }
}

/// net-snmp's completion callback for every request the engine sends.
private let engineCallback: snmp_callback = { operation, session, _, pdu, magic in
    guard let slotPointer = session?.pointee.callback_magic, let token = magic.map({ UInt(bitPattern: $0) }) else {
        return 1
    }
    let slot = Unmanaged<SessionSlot>.fromOpaque(slotPointer).takeUnretainedValue()
    guard let pending = slot.inFlight, pending.token == token else { return 1 }
    pending.handle(operation: operation, pdu: pdu)
    return 1
}

func monotonicMicroseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
}
