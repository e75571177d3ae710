/// A role a person holds in the unit's informatization work.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// 网络管理员
    case administrator
    /// 信息技术员
    case technician
    /// 主管: reviews the duty log.
    case supervisor
    case auditor
    /// 资料管理员: keeps the technical documents.
    case keeper
}

/// Education as Art. 5 grades it.
public enum Degree: String, Sendable, Codable, CaseIterable {
    case doctorate
    case master
    case bachelor
    /// 大专
    case associate
    /// 中专
    case secondaryTechnical = "secondary-technical"
    case other

    /// Rank for "at least" comparisons (higher is more).
    public var rank: Int {
        switch self {
        case .doctorate: 5
        case .master: 4
        case .bachelor: 3
        case .associate: 2
        case .secondaryTechnical: 1
        case .other: 0
        }
    }
}

/// A post certificate (上岗证) and who issued it (Art. 6).
public struct PostCertificate: Sendable, Hashable, Codable {
    public var number: String
    /// The level of the authority that issued it (province for city/county staff, city for township).
    public var issuedBy: UnitLevel
    public var issuedOn: CalendarDay

    public init(number: String, issuedBy: UnitLevel, issuedOn: CalendarDay) {
        self.number = number
        self.issuedBy = issuedBy
        self.issuedOn = issuedOn
    }
}

/// A member of staff of the unit's system: who may write the log, borrow documents and sign off.
public struct StaffMember: Sendable, Hashable, Codable, Identifiable {
    /// A short unique id (employee number or pinyin), used on the command line.
    public var id: String
    /// The person's name as written (张伟).
    public var name: String
    public var unit: String?
    public var roles: [StaffRole]
    public var degree: Degree?
    public var certificate: PostCertificate?
    public var joinedOn: CalendarDay?
    /// The day the person left; after it they may not borrow or sign.
    public var leftOn: CalendarDay?

    public init(
        id: String, name: String, unit: String? = nil, roles: [StaffRole] = [], degree: Degree? = nil,
        certificate: PostCertificate? = nil, joinedOn: CalendarDay? = nil, leftOn: CalendarDay? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.roles = roles
        self.degree = degree
        self.certificate = certificate
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// Whether the person is on the staff on `day`.
    public func isActive(on day: CalendarDay) -> Bool {
        (joinedOn.map { $0 <= day } ?? true) && (leftOn.map { day < $0 } ?? true)
    }
}

/// A training a member of staff attended (Art. 149: at least 2 a year, 48 hours in total).
public struct Training: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var person: String
    public var day: CalendarDay
    public var hours: Double
    public var title: String
    public var organiser: String?

    public init(id: Int64, person: String, day: CalendarDay, hours: Double, title: String, organiser: String? = nil) {
        self.id = id
        self.person = person
        self.day = day
        self.hours = hours
        self.title = title
        self.organiser = organiser
    }
}

/// A leadership meeting or a circular on informatization work (Mgmt Art. 27, 29).
public struct GovernanceRecord: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 领导小组会议
        case meeting
        /// 通报
        case circular
    }

    public var id: Int64
    public var unit: String?
    public var kind: Kind
    public var day: CalendarDay
    public var title: String
    /// The document number (文号) or minutes reference.
    public var reference: String?
    public var notes: String?

    public init(
        id: Int64, unit: String?, kind: Kind, day: CalendarDay, title: String, reference: String? = nil,
        notes: String? = nil
    ) {
        self.id = id
        self.unit = unit
        self.kind = kind
        self.day = day
        self.title = title
        self.reference = reference
        self.notes = notes
    }
}
