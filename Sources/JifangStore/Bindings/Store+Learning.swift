import Foundation
import GRDB
import JifangModel

extension Store {
    /// Merges pairs seen in ARP traffic into the store: first and last sighting widen, packets add.
    public func recordPairs(_ pairs: [ObservedPair]) throws {
        guard !pairs.isEmpty else { return }
        try write("record ARP pairs") { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO arp_pairs (ip, mac, vlan, first_seen, last_seen, packets) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(ip, mac) DO UPDATE SET
                        vlan = coalesce(excluded.vlan, vlan),
                        first_seen = min(first_seen, excluded.first_seen),
                        last_seen = max(last_seen, excluded.last_seen),
                        packets = packets + excluded.packets
                    """)
            for pair in pairs {
                try statement.execute(arguments: [
                    pair.ip.rawValue, pair.mac.description, pair.vlan.map { Int($0) }, pair.firstSeen.storeMillis,
                    pair.lastSeen.storeMillis, pair.packets,
                ])
            }
        }
    }

    /// Every pair seen so far, by IP then MAC.
    public func observedPairs() throws -> [ObservedPair] {
        try read("read ARP pairs") { db in
            try Row.fetchAll(
                db, sql: "SELECT ip, mac, vlan, first_seen, last_seen, packets FROM arp_pairs ORDER BY ip, mac"
            ).map(Self.pair)
        }
    }

    /// Proposes a binding for every unbound IP that one unicast MAC alone claimed over at least
    /// `stableFor` seconds (from its first to its last sighting), and that has no pending proposal.
    ///
    /// IPs claimed by several MACs are listed as conflicting and never proposed: a person must
    /// decide which station owns the address.
    public func proposeBindings(stableFor: TimeInterval, at time: Date = Date()) throws -> BindingLearning {
        try write("propose bindings") { db in
            var learning = BindingLearning()
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.ip, p.mac, p.vlan, p.first_seen, p.last_seen, p.packets FROM arp_pairs p
                    WHERE p.ip NOT IN (SELECT ip FROM bindings)
                      AND p.ip NOT IN (SELECT ip FROM binding_proposals WHERE status = 'pending')
                    ORDER BY p.ip, p.mac
                    """)
            let byIP = Dictionary(grouping: try rows.map(Self.pair), by: \.ip)
            for (ip, pairs) in byIP.sorted(by: { $0.key < $1.key }) {
                guard pairs.count == 1, let pair = pairs.first, pair.mac.isUnicast else {
                    if pairs.count > 1 { learning.conflicting.append(ip) }
                    continue
                }
                guard pair.lastSeen.timeIntervalSince(pair.firstSeen) >= stableFor else {
                    learning.tooRecent += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO binding_proposals (ip, mac, vlan, first_seen, last_seen, packets, proposed_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                        """,
                    arguments: [
                        pair.ip.rawValue, pair.mac.description, pair.vlan.map { Int($0) }, pair.firstSeen.storeMillis,
                        pair.lastSeen.storeMillis, pair.packets, time.storeMillis,
                    ])
                learning.proposals.append(
                    BindingProposal(
                        id: db.lastInsertedRowID, pair: pair, proposedAt: Date(storeMillis: time.storeMillis),
                        status: .pending))
            }
            return learning
        }
    }

    /// Proposals, oldest first; only pending ones unless `pendingOnly` is false.
    public func bindingProposals(pendingOnly: Bool = true) throws -> [BindingProposal] {
        try read("read binding proposals") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, ip, mac, vlan, first_seen, last_seen, packets, proposed_at, status, decided_at, decided_by
                    FROM binding_proposals \(pendingOnly ? "WHERE status = 'pending'" : "") ORDER BY id
                    """
            ).map(Self.proposal)
        }
    }

    /// Turns pending proposals into bindings (all pending ones when `ids` is nil), with history
    /// and one `binding-approved` duty-log event each.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` naming an id that is not a
    ///   pending proposal; nothing is approved then.
    @discardableResult
    public func approveProposals(
        _ ids: [Int64]?, owner: String? = nil, unit: String? = nil, actor: String? = nil,
        at time: Date = Date()
    ) throws -> [BindingEntry] {
        try decide(ids, approve: true, actor: actor, at: time) { db, proposal in
            let pair = proposal.pair
            let entry = BindingEntry(ip: pair.ip, mac: pair.mac, owner: owner, unit: unit, vlan: pair.vlan)
            _ = try self.put(db, entry, source: "learned", actor: actor, at: time)
            _ = try self.appendEvent(
                db, type: .bindingApproved, device: nil,
                message: "Binding \(pair.ip) → \(pair.mac) approved from learning (proposal \(proposal.id), seen "
                    + "\(pair.packets) times)" + (actor.map { " by \($0)" } ?? ""), at: time)
            return entry
        }
    }

    /// Rejects pending proposals; a rejected pair is not proposed again while it stays rejected.
    @discardableResult
    public func rejectProposals(_ ids: [Int64], actor: String? = nil, at time: Date = Date()) throws -> Int {
        try decide(ids, approve: false, actor: actor, at: time) { _, _ in () }.count
    }

    private func decide<T>(
        _ ids: [Int64]?, approve: Bool, actor: String?, at time: Date,
        _ body: @escaping (Database, BindingProposal) throws -> T
    ) throws -> [T] {
        let path = self.path
        return try write(approve ? "approve proposals" : "reject proposals") { db in
            let pending = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, ip, mac, vlan, first_seen, last_seen, packets, proposed_at, status, decided_at, decided_by
                    FROM binding_proposals WHERE status = 'pending' ORDER BY id
                    """
            ).map(Self.proposal)
            let byID = Dictionary(uniqueKeysWithValues: pending.map { ($0.id, $0) })
            let chosen = try (ids ?? pending.map(\.id)).map { id in
                guard let proposal = byID[id] else {
                    throw StoreError.invalidArgument(
                        path: path, operation: approve ? "approve proposals" : "reject proposals",
                        reason: "\(id) is not a pending proposal; `jifang bindings learn` lists them")
                }
                return proposal
            }
            var results: [T] = []
            for proposal in chosen {
                try db.execute(
                    sql: "UPDATE binding_proposals SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                    arguments: [approve ? "approved" : "rejected", time.storeMillis, actor, proposal.id])
                results.append(try body(db, proposal))
            }
            return results
        }
    }

    /// A row of `arp_pairs` (ip, mac, vlan, first_seen, last_seen, packets); a value the pair
    /// cannot hold fails the read naming it.
    static func pair(_ row: Row) throws -> ObservedPair {
        try pair(row, in: "arp_pairs")
    }

    /// A row of `binding_proposals` with its pair's columns.
    static func proposal(_ row: Row) throws -> BindingProposal {
        let table = "binding_proposals"
        let decided = try row.decodeIfPresent(Int64.self, "decided_at", in: table)
        return BindingProposal(
            id: try row.decode(Int64.self, "id", in: table), pair: try pair(row, in: table),
            proposedAt: Date(storeMillis: try row.decode(Int64.self, "proposed_at", in: table)),
            status: BindingProposal.Status(rawValue: try row.decode(String.self, "status", in: table)) ?? .pending,
            decidedAt: decided.map { Date(storeMillis: $0) },
            decidedBy: try row.decodeIfPresent(String.self, "decided_by", in: table))
    }

    private static func pair(_ row: Row, in table: String) throws -> ObservedPair {
        ObservedPair(
            ip: try row.decode(IPv4Address.self, "ip", in: table),
            mac: try row.decode(MACAddress.self, "mac", in: table),
            vlan: try row.decodeIfPresent(UInt16.self, "vlan", in: table),
            firstSeen: Date(storeMillis: try row.decode(Int64.self, "first_seen", in: table)),
            lastSeen: Date(storeMillis: try row.decode(Int64.self, "last_seen", in: table)),
            packets: try row.decode(Int.self, "packets", in: table))
    }
}
