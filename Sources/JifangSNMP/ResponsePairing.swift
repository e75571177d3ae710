/// Matches a response's varbinds to the request they answer, by OID rather than by position.
///
/// An agent that answers with OIDs it was not asked for (a broken proxy, a responder that replays
/// one canned reply, a spoofed datagram that guessed the request ID) would otherwise have its
/// values read as the asked objects: a device answering every request with another device's
/// UPS-MIB values looked like a healthy UPS. The rules follow RFC 3416:
///
/// - GET and SET: the answer names exactly the asked OIDs (any order; returned in asked order).
/// - GETNEXT: one varbind per asked OID, each lexicographically after the OID it answers, or
///   `endOfMibView` on the asked OID itself.
/// - GETBULK: the non-repeaters as GETNEXT; then repetitions, each varbind after its column's
///   previous one, at most `maxRepetitions` of them.
enum ResponsePairing {
    /// The answer's varbinds, paired with `asked`; throws `.unaskedOIDs` when the agent answered
    /// other OIDs and `.malformedResponse` when the count cannot match the request.
    static func pair(
        _ kind: SNMPRequest.Kind, asked: [OID], answered: [VarBind], target: String
    ) throws(SNMPError) -> [VarBind] {
        switch kind {
        case .get, .set:
            return try exact(asked: asked, answered: answered, target: target)
        case .getNext:
            guard answered.count == asked.count else {
                throw .malformedResponse(
                    target: target, reason: "\(answered.count) varbinds answered a GETNEXT of \(asked.count)")
            }
            try after(asked, answered, target: target)
            return answered
        case .getBulk(let nonRepeaters, let maxRepetitions):
            try bulk(asked, answered, nonRepeaters: nonRepeaters, maxRepetitions: maxRepetitions, target: target)
            return answered
        }
    }

    private static func exact(asked: [OID], answered: [VarBind], target: String) throws(SNMPError) -> [VarBind] {
        if answered.map(\.oid) == asked { return answered }
        var byOID: [OID: [VarBind]] = [:]
        for varbind in answered { byOID[varbind.oid, default: []].append(varbind) }
        let unasked = answered.map(\.oid).filter { !asked.contains($0) }
        guard unasked.isEmpty else { throw .unaskedOIDs(target: target, asked: asked, answered: unasked) }
        var paired: [VarBind] = []
        for oid in asked {
            guard var matches = byOID[oid], !matches.isEmpty else {
                throw .malformedResponse(target: target, reason: "the answer lacks \(oid), which was asked for")
            }
            paired.append(matches.removeFirst())
            byOID[oid] = matches
        }
        guard paired.count == answered.count else {
            throw .malformedResponse(
                target: target, reason: "\(answered.count) varbinds answered a request for \(asked.count)")
        }
        return paired
    }

    /// Each `answered[i]` lies after `previous[i]`; an exception may repeat the OID it answers.
    private static func after(_ previous: [OID], _ answered: [VarBind], target: String) throws(SNMPError) {
        let unasked = zip(previous, answered).filter { cursor, varbind in
            !(cursor < varbind.oid || (varbind.value.isException && cursor == varbind.oid))
        }
        guard unasked.isEmpty else {
            throw .unaskedOIDs(target: target, asked: unasked.map(\.0), answered: unasked.map(\.1.oid))
        }
    }

    private static func bulk(
        _ asked: [OID], _ answered: [VarBind], nonRepeaters: Int, maxRepetitions: Int, target: String
    ) throws(SNMPError) {
        let fixed = min(max(0, nonRepeaters), asked.count)
        guard answered.count >= fixed else {
            throw .malformedResponse(
                target: target, reason: "\(answered.count) varbinds answered \(fixed) GETBULK non-repeaters")
        }
        try after(Array(asked.prefix(fixed)), Array(answered.prefix(fixed)), target: target)
        var cursors = Array(asked.dropFirst(fixed))
        let repeated = Array(answered.dropFirst(fixed))
        guard !repeated.isEmpty else { return }
        // Checked by division, not multiplication: maxRepetitions is the caller's and never trusted to fit.
        guard !cursors.isEmpty, (repeated.count - 1) / cursors.count < max(1, maxRepetitions) else {
            throw .malformedResponse(
                target: target,
                reason: "\(repeated.count) repeated varbinds answered \(cursors.count) OIDs × \(maxRepetitions)")
        }
        for (position, varbind) in repeated.enumerated() {
            let column = position % cursors.count
            try after([cursors[column]], [varbind], target: target)
            cursors[column] = varbind.oid
        }
    }
}
