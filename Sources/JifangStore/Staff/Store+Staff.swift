import Foundation
import GRDB
import JifangModel

extension Store {
    /// Adds a member of staff, or replaces the record with the same id.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    public func saveStaffMember(_ person: StaffMember) throws {
        let operation = "save staff member \(person.id)"
        try refuseNUL(
            in: [
                ("id", person.id), ("name", person.name), ("unit", person.unit),
                ("certificate_number", person.certificate?.number),
            ], operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO staff (id, name, unit, roles, degree, certificate_number, certificate_level,
                        certificate_issued_on, joined_on, left_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    person.id, person.name, person.unit, person.roles.map(\.rawValue).joined(separator: ","),
                    person.degree?.rawValue, person.certificate?.number, person.certificate?.issuedBy.rawValue,
                    person.certificate?.issuedOn.description, person.joinedOn?.description,
                    person.leftOn?.description,
                ])
        }
    }

    /// The staff by id.
    public func staff() throws -> [StaffMember] {
        try read("read the staff") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map(Self.staffMember)
        }
    }

    /// The member of staff whose id, or else whose exact name, is `key`; `nil` when none is, and
    /// always for a key with a NUL (SQLite would match the key cut at it: `"lina\0x"` as `lina`).
    public func staffMember(_ key: String) throws -> StaffMember? {
        guard !key.containsNUL else { return nil }
        return try read("read staff member \(key)") { db in
            let row =
                try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [key])
                ?? Row.fetchOne(db, sql: "SELECT * FROM staff WHERE name = ? ORDER BY id LIMIT 1", arguments: [key])
            return row.map(Self.staffMember)
        }
    }

    /// Records a training.
    /// - Throws: ``StoreError`` when `training.person` is not a staff id or a text holds a NUL.
    @discardableResult
    public func addTraining(_ training: Training) throws -> Training {
        let operation = "record a training of \(training.person)"
        try refuseNUL(
            in: [("person", training.person), ("title", training.title), ("organiser", training.organiser)],
            operation: operation)
        return try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO trainings (person, day, hours, title, organiser) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    training.person, training.day.description, training.hours, training.title, training.organiser,
                ])
            var stored = training
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Trainings, by day; only `person`'s when given.
    public func trainings(person: String? = nil) throws -> [Training] {
        try read("read the trainings") { db in
            let filter = person == nil ? "" : "WHERE person = ?"
            let arguments: StatementArguments = person.map { [$0] } ?? []
            return try Row.fetchAll(db, sql: "SELECT * FROM trainings \(filter) ORDER BY day, id", arguments: arguments)
                .map { row in
                    Training(
                        id: row["id"], person: row["person"], day: try Self.storedDay(row, "day"),
                        hours: row["hours"], title: row["title"], organiser: row["organiser"])
                }
        }
    }

    /// Records a meeting or circular.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    @discardableResult
    public func addGovernanceRecord(_ record: GovernanceRecord) throws -> GovernanceRecord {
        let operation = "record a \(record.kind.rawValue)"
        try refuseNUL(
            in: [
                ("unit", record.unit), ("title", record.title), ("reference", record.reference),
                ("notes", record.notes),
            ],
            operation: operation)
        return try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO governance (unit, kind, day, title, reference, notes) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    record.unit, record.kind.rawValue, record.day.description, record.title, record.reference,
                    record.notes,
                ])
            var stored = record
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Meetings and circulars, by day.
    public func governanceRecords() throws -> [GovernanceRecord] {
        try read("read the meetings and circulars") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM governance ORDER BY day, id").map { row in
                GovernanceRecord(
                    id: row["id"], unit: row["unit"],
                    kind: GovernanceRecord.Kind(rawValue: row["kind"]) ?? .meeting,
                    day: try Self.storedDay(row, "day"), title: row["title"], reference: row["reference"],
                    notes: row["notes"])
            }
        }
    }

    static func staffMember(_ row: Row) -> StaffMember {
        func day(_ column: String) -> CalendarDay? { (row[column] as String?).flatMap(CalendarDay.init) }
        let roles = (row["roles"] as String).split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }
        var certificate: PostCertificate?
        if let number: String = row["certificate_number"], let issued = day("certificate_issued_on") {
            certificate = PostCertificate(
                number: number, issuedBy: UnitLevel(rawValue: row["certificate_level"] ?? "") ?? .province,
                issuedOn: issued)
        }
        return StaffMember(
            id: row["id"], name: row["name"], unit: row["unit"], roles: roles,
            degree: (row["degree"] as String?).flatMap(Degree.init(rawValue:)), certificate: certificate,
            joinedOn: day("joined_on"), leftOn: day("left_on"))
    }
}
