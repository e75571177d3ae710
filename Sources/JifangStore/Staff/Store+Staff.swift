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
            try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map { try Self.staffMember($0) }
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
            return try row.map { try Self.staffMember($0) }
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
                    let table = "trainings"
                    return Training(
                        id: try row.decode(Int64.self, "id", in: table),
                        person: try row.decode(String.self, "person", in: table),
                        day: try row.decode(CalendarDay.self, "day", in: table),
                        hours: try row.decode(Double.self, "hours", in: table),
                        title: try row.decode(String.self, "title", in: table),
                        organiser: try row.decodeIfPresent(String.self, "organiser", in: table))
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
                let table = "governance"
                return GovernanceRecord(
                    id: try row.decode(Int64.self, "id", in: table),
                    unit: try row.decodeIfPresent(String.self, "unit", in: table),
                    kind: try row.decode(GovernanceRecord.Kind.self, "kind", in: table),
                    day: try row.decode(CalendarDay.self, "day", in: table),
                    title: try row.decode(String.self, "title", in: table),
                    reference: try row.decodeIfPresent(String.self, "reference", in: table),
                    notes: try row.decodeIfPresent(String.self, "notes", in: table))
            }
        }
    }

    /// A `staff` row as a record. `roles` is a comma-separated list of ``StaffRole`` values; a
    /// role no version wrote fails the read rather than being dropped, since roles decide who may
    /// sign. A certificate number comes with its level and day, as ``saveStaffMember(_:)`` writes them.
    static func staffMember(_ row: Row) throws -> StaffMember {
        let table = "staff"
        let rolesText = try row.decode(String.self, "roles", in: table)
        let roles = try rolesText.split(separator: ",").map { name in
            guard let role = StaffRole(rawValue: String(name)) else {
                throw StoredValueError(
                    table: table, column: "roles", value: rolesText.databaseValue,
                    expected: "a comma-separated list of "
                        + StaffRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return role
        }
        var certificate: PostCertificate?
        if let number = try row.decodeIfPresent(String.self, "certificate_number", in: table) {
            certificate = PostCertificate(
                number: number, issuedBy: try row.decode(UnitLevel.self, "certificate_level", in: table),
                issuedOn: try row.decode(CalendarDay.self, "certificate_issued_on", in: table))
        }
        return StaffMember(
            id: try row.decode(String.self, "id", in: table), name: try row.decode(String.self, "name", in: table),
            unit: try row.decodeIfPresent(String.self, "unit", in: table), roles: roles,
            degree: try row.decodeIfPresent(Degree.self, "degree", in: table), certificate: certificate,
            joinedOn: try row.decodeIfPresent(CalendarDay.self, "joined_on", in: table),
            leftOn: try row.decodeIfPresent(CalendarDay.self, "left_on", in: table))
    }
}
