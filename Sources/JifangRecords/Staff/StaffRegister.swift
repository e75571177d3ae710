import JifangModel
import JifangStore

/// Staff and governance records: people with roles, degree, post certificate and trainings, and
/// the unit's meetings and circulars on informatization (Art. 5–6, 149; Mgmt Art. 27, 29).
///
/// Other desks ask it who is staff: only registered, active staff may write the duty log, sign
/// it off (supervisors) or borrow documents.
public struct StaffRegister: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Registers a person, or replaces the record with the same id.
    ///
    /// - Throws: ``RecordsError/missingField(field:context:)`` for an empty id or name;
    ///   ``RecordsError/invalidField(field:value:reason:)`` when a text breaks ``RecordText``'s
    ///   rule or the person left before joining.
    public func register(_ person: StaffMember) throws {
        var person = person
        person.id = try person.id.recordText(field: "id")
        person.name = try person.name.recordText(field: "name")
        person.unit = try person.unit?.recordText(field: "unit")
        if let number = person.certificate?.number {
            person.certificate?.number = try number.recordText(field: "certificate")
        }
        guard person.id.nonBlank != nil else { throw RecordsError.missingField(field: "id", context: "a staff member") }
        guard person.name.nonBlank != nil else {
            throw RecordsError.missingField(field: "name", context: "staff member \(person.id)")
        }
        if person.id.contains(where: \.isWhitespace) {
            throw RecordsError.invalidField(field: "id", value: person.id, reason: "must not contain spaces")
        }
        if let joined = person.joinedOn, let left = person.leftOn, left < joined {
            throw RecordsError.invalidField(
                field: "left", value: left.description, reason: "is before the day the person joined (\(joined))")
        }
        try storing { try store.saveStaffMember(person) }
    }

    /// The person whose id or exact name is `key`.
    ///
    /// - Throws: ``RecordsError/notFound(kind:key:)`` when nobody is registered under it.
    public func person(_ key: String) throws -> StaffMember {
        guard let person = try storing({ try store.staffMember(key) }) else {
            throw RecordsError.notFound(kind: "staff member", key: key)
        }
        return person
    }

    /// The person `key`, who must be on the staff on `day` and, if `role` is given, hold it.
    ///
    /// - Throws: ``RecordsError/notAllowed(reason:)`` naming the person and what they lack.
    public func activePerson(_ key: String, on day: CalendarDay, role: StaffRole? = nil, for purpose: String) throws
        -> StaffMember
    {
        let person: StaffMember
        do {
            person = try self.person(key)
        } catch RecordsError.notFound {
            throw RecordsError.notAllowed(
                reason: "\(key) is not registered staff of the unit's system and may not \(purpose) "
                    + "(register them with `jifang staff add`)")
        }
        guard person.isActive(on: day) else {
            throw RecordsError.notAllowed(
                reason: "\(person.name) (\(person.id)) is not on the staff on \(day) and may not \(purpose)")
        }
        if let role, !person.roles.contains(role) {
            throw RecordsError.notAllowed(
                reason: "\(person.name) (\(person.id)) is not a \(role.rawValue) and may not \(purpose)")
        }
        return person
    }

    /// Records a training of a registered person.
    ///
    /// - Throws: ``RecordsError/invalidField(field:value:reason:)`` for hours outside 0–1000 (NaN
    ///   included) or a text breaking ``RecordText``'s rule.
    @discardableResult
    public func addTraining(person key: String, day: CalendarDay, hours: Double, title: String, organiser: String?)
        throws -> Training
    {
        let person = try person(try key.recordText(field: "person"))
        guard hours > 0, hours <= 1000 else {
            throw RecordsError.invalidField(
                field: "hours", value: String(hours), reason: "is not a number of hours (0–1000)")
        }
        guard let title = try title.recordText(field: "title").nonBlank else {
            throw RecordsError.missingField(field: "title", context: "a training")
        }
        let organiser = try organiser?.recordText(field: "organiser").nonBlank
        return try storing {
            try store.addTraining(
                Training(id: 0, person: person.id, day: day, hours: hours, title: title, organiser: organiser))
        }
    }

    /// Records a leadership meeting or a circular on informatization work.
    ///
    /// - Throws: ``RecordsError`` naming the field when the title is empty or a text breaks
    ///   ``RecordText``'s rule; nothing is stored then.
    @discardableResult
    public func addGovernance(
        kind: GovernanceRecord.Kind, unit: String?, day: CalendarDay, title: String, reference: String?, notes: String?
    ) throws -> GovernanceRecord {
        guard let title = try title.recordText(field: "title").nonBlank else {
            throw RecordsError.missingField(field: "title", context: "a \(kind.rawValue)")
        }
        let unit = try unit?.recordText(field: "unit")
        let reference = try reference?.recordText(field: "reference").nonBlank
        let notes = try notes?.recordText(field: "notes").nonBlank
        return try storing {
            try store.addGovernanceRecord(
                GovernanceRecord(
                    id: 0, unit: unit, kind: kind, day: day, title: title, reference: reference, notes: notes))
        }
    }

    /// Each person's trainings in `year`: count and hours against Art. 149's 2 trainings and 48 hours.
    public func trainingSummary(year: Int) throws -> [TrainingSummary] {
        let people = try storing { try store.staff() }
        let trainings = try storing { try store.trainings() }.filter { $0.day.year == year }
        return people.filter { $0.leftOn.map { $0.year >= year } ?? true }.map { person in
            let own = trainings.filter { $0.person == person.id }
            return TrainingSummary(
                person: person.id, name: person.name, year: year, trainings: own.count,
                hours: own.reduce(0) { $0 + $1.hours })
        }
    }
}

/// One person's training in a year, against Art. 149 (at least 2 trainings, 48 hours).
public struct TrainingSummary: Sendable, Hashable, Codable {
    public var person: String
    public var name: String
    public var year: Int
    public var trainings: Int
    public var hours: Double
    public var meetsRequirement: Bool { trainings >= 2 && hours >= 48 }

    private enum CodingKeys: String, CodingKey { case person, name, year, trainings, hours, meetsRequirement }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(name, forKey: .name)
        try c.encode(year, forKey: .year)
        try c.encode(trainings, forKey: .trainings)
        try c.encode(hours, forKey: .hours)
        try c.encode(meetsRequirement, forKey: .meetsRequirement)
    }

    public init(person: String, name: String, year: Int, trainings: Int, hours: Double) {
        self.person = person
        self.name = name
        self.year = year
        self.trainings = trainings
        self.hours = hours
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            person: try c.decode(String.self, forKey: .person), name: try c.decode(String.self, forKey: .name),
            year: try c.decode(Int.self, forKey: .year), trainings: try c.decode(Int.self, forKey: .trainings),
            hours: try c.decode(Double.self, forKey: .hours))
    }
}
