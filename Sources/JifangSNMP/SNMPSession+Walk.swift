extension SNMPSession {
    /// Every varbind under `root`, in order.
    ///
    /// GETBULK for v2c/v3 (falling back to GETNEXT, remembered for the session, when the agent
    /// answers the first GETBULK with an error or not at all), GETNEXT for v1. Stops at the end
    /// of the subtree, `endOfMibView` or another exception; throws `.nonIncreasingOID` if the
    /// agent loops.
    public func walk(_ root: OID, maxRepetitions: Int = 25) async throws(SNMPError) -> [VarBind] {
        try await walkColumns([root], maxRepetitions: maxRepetitions).first ?? []
    }

    /// Walks several table columns (each an OID like ifDescr = 1.3.6.1.2.1.2.2.1.2) together
    /// in one GETBULK stream and returns rows keyed by index suffix.
    public func table(_ columns: [OID], maxRepetitions: Int = 25) async throws(SNMPError) -> SNMPTable {
        let walked = try await walkColumns(columns, maxRepetitions: maxRepetitions)
        return SNMPTable(columns: columns, varbinds: walked.flatMap { $0 })
    }

    /// Walks every root in one request stream; returns one list of varbinds per root.
    func walkColumns(_ roots: [OID], maxRepetitions: Int) async throws(SNMPError) -> [[VarBind]] {
        var walk = ColumnWalk(roots: roots, target: target.description)
        var repetitions = max(1, maxRepetitions)
        while !walk.isFinished {
            let active = walk.activeColumns
            let request = active.map { VarBind(oid: walk.cursors[$0], value: .null) }
            if useBulk {
                let response: SNMPResponse
                do {
                    response = try await send(.getBulk(nonRepeaters: 0, maxRepetitions: repetitions), request)
                } catch {
                    if case .timeout = error, bulkSupport == .unknown {
                        bulkSupport = .unsupported
                        continue
                    }
                    throw error
                }
                if response.errorStatus == 1, repetitions > 1 {  // tooBig: ask for less
                    repetitions = max(1, repetitions / 2)
                    continue
                }
                if response.errorStatus != 0 {
                    if bulkSupport == .unknown {
                        bulkSupport = .unsupported
                        continue
                    }
                    throw agentError(response, request)
                }
                bulkSupport = .supported
                try walk.absorb(response.varbinds, columns: active)
            } else {
                let response: SNMPResponse
                do {
                    response = try await send(.getNext, request)
                } catch {
                    // A dead agent, not one without GETBULK: let the next walk try bulk again.
                    if case .timeout = error, target.version.supportsBulk { bulkSupport = .unknown }
                    throw error
                }
                if response.errorStatus == 2 {  // v1 noSuchName: that column is past the end of the MIB
                    let index = response.errorIndex
                    if (1...active.count).contains(index) {
                        walk.finish(active[index - 1])
                    } else {
                        active.forEach { walk.finish($0) }
                    }
                    continue
                }
                if response.errorStatus != 0 { throw agentError(response, request) }
                try walk.absorb(response.varbinds, columns: active)
            }
        }
        return walk.results
    }

    private var useBulk: Bool {
        target.version.supportsBulk && bulkSupport != .unsupported
    }

    private var bulkSupport: BulkSupport {
        get { state.withLock { $0.bulk } }
        set { state.withLock { $0.bulk = newValue } }
    }

    private func agentError(_ response: SNMPResponse, _ request: [VarBind]) -> SNMPError {
        let index = response.errorIndex
        return .agentError(
            target: target.description, status: PDU.statusName(response.errorStatus), index: index,
            oid: request.indices.contains(index - 1) ? request[index - 1].oid : nil)
    }
}

/// Progress of a walk over one or more roots.
struct ColumnWalk {
    let roots: [OID]
    let target: String
    var cursors: [OID]
    var done: [Bool]
    var results: [[VarBind]]

    init(roots: [OID], target: String) {
        self.roots = roots
        self.target = target
        cursors = roots
        done = roots.map { _ in false }
        results = roots.map { _ in [] }
    }

    var isFinished: Bool { !done.contains(false) }

    var activeColumns: [Int] { roots.indices.filter { !done[$0] } }

    mutating func finish(_ column: Int) {
        done[column] = true
    }

    /// Takes a GETNEXT or GETBULK (non-repeaters 0) response for `columns`: varbind `i` belongs
    /// to `columns[i % columns.count]`. A partial last repetition is fine.
    mutating func absorb(_ varbinds: [VarBind], columns: [Int]) throws(SNMPError) {
        guard !varbinds.isEmpty else {
            columns.forEach { finish($0) }
            return
        }
        for (position, varbind) in varbinds.enumerated() {
            let column = columns[position % columns.count]
            guard !done[column] else { continue }
            guard !varbind.value.isException else {
                finish(column)
                continue
            }
            // Before the subtree test: an OID before the one asked is no "end of the column" but an
            // answer to something else (RFC 3416 returns the lexicographic successor).
            guard cursors[column] < varbind.oid else {
                throw .nonIncreasingOID(target: target, previous: cursors[column], next: varbind.oid)
            }
            guard roots[column].isPrefix(of: varbind.oid) else {
                finish(column)
                continue
            }
            results[column].append(varbind)
            cursors[column] = varbind.oid
        }
    }
}
