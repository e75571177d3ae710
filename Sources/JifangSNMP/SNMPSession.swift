import Synchronization

/// One device's SNMP session.
///
/// Requests on one session go out one at a time, in the order they were made; many sessions
/// run concurrently on one shared ``SNMPEngine`` thread. Timeouts and retries are the target's,
/// applied by net-snmp per request. Safe to use from any task. A session that is dropped without
/// ``close()`` is closed in the background.
public final class SNMPSession: SNMPReader {
    public let target: SNMPTarget
    let engine: SNMPEngine
    let id: Int
    let state = Mutex(State())

    struct State {
        var statistics = SNMPStatistics()
        var bulk = BulkSupport.unknown
        var closed = false
    }

    /// Whether the agent answers GETBULK, as learned by the first bulk request.
    enum BulkSupport {
        case unknown, supported, unsupported
    }

    private init(target: SNMPTarget, engine: SNMPEngine, id: Int) {
        self.target = target
        self.engine = engine
        self.id = id
    }

    deinit {
        if !state.withLock({ $0.closed }) { engine.closeSoon(session: id) }
    }

    /// Opens a session to `target`. v1/v2c opens send nothing; v3 opens discover the agent's
    /// engine ID first, so they fail with `.timeout` when the agent does not answer.
    public static func open(_ target: SNMPTarget, engine: SNMPEngine = .shared) async throws(SNMPError) -> SNMPSession {
        let id = try await engine.open(target).get()
        return SNMPSession(target: target, engine: engine, id: id)
    }

    public var targetDescription: String { target.description }

    /// PDUs sent and received on this session so far.
    public var statistics: SNMPStatistics { state.withLock { $0.statistics } }

    /// GET: the values of exactly these OIDs (missing ones come back as `noSuchObject`/
    /// `noSuchInstance` in v2c/v3; v1 agents answer `noSuchName`, thrown as `.agentError`).
    public func get(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        try await checked(.get, oids.map { VarBind(oid: $0, value: .null) }).varbinds
    }

    /// GETNEXT: the next OID after each of `oids`.
    public func getNext(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        try await checked(.getNext, oids.map { VarBind(oid: $0, value: .null) }).varbinds
    }

    /// GETBULK (v2c/v3 only): the first `nonRepeaters` OIDs once, the rest `maxRepetitions`
    /// times, in row order. The agent may return fewer varbinds than asked for.
    public func getBulk(_ oids: [OID], nonRepeaters: Int, maxRepetitions: Int) async throws(SNMPError) -> [VarBind] {
        guard target.version.supportsBulk else {
            throw .sessionFailed(target: target.description, reason: "GETBULK does not exist in SNMPv1")
        }
        let kind = SNMPRequest.Kind.getBulk(nonRepeaters: nonRepeaters, maxRepetitions: maxRepetitions)
        return try await checked(kind, oids.map { VarBind(oid: $0, value: .null) }).varbinds
    }

    /// SET: writes the varbinds in one PDU (all or nothing at the agent) and returns its answer.
    public func set(_ varbinds: [VarBind]) async throws(SNMPError) -> [VarBind] {
        try await checked(.set, varbinds).varbinds
    }

    /// Closes the session; requests still queued fail with `.sessionFailed`.
    public func close() async {
        let wasClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        if !wasClosed { await engine.close(session: id) }
    }

    /// Sends one request and throws `.agentError` for a non-zero error-status, `.unaskedOIDs` when
    /// the answer names OIDs the request did not ask for (see ``ResponsePairing``). The returned
    /// varbinds of a GET or SET are in the order asked.
    func checked(_ kind: SNMPRequest.Kind, _ varbinds: [VarBind]) async throws(SNMPError) -> SNMPResponse {
        var response = try await send(kind, varbinds)
        guard response.errorStatus == 0 else {
            let index = response.errorIndex
            let oid =
                (1...max(1, varbinds.count)).contains(index) && index <= varbinds.count ? varbinds[index - 1].oid : nil
            throw .agentError(
                target: target.description, status: PDU.statusName(response.errorStatus), index: index, oid: oid)
        }
        response.varbinds = try ResponsePairing.pair(
            kind, asked: varbinds.map(\.oid), answered: response.varbinds, target: target.description)
        return response
    }

    /// Sends one request and counts it; the response may carry an error-status.
    func send(_ kind: SNMPRequest.Kind, _ varbinds: [VarBind]) async throws(SNMPError) -> SNMPResponse {
        state.withLock { $0.statistics.requests += 1 }
        let result = await engine.send(SNMPRequest(kind: kind, varbinds: varbinds), session: id)
        switch result {
        case .success(let response):
            state.withLock { $0.statistics.responses += 1 }
            return response
        case .failure(let error):
            if case .timeout = error { state.withLock { $0.statistics.timeouts += 1 } }
            throw error
        }
    }
}
