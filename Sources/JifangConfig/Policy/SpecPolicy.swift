import JifangModel

/// A title in the two languages users read.
public struct BilingualText: Sendable, Hashable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }
}

/// How a clause compares a fact with its required value; numbers are in the clause's unit.
public enum SpecComparator: Sendable, Hashable {
    case atLeast(Double)
    case atMost(Double)
    /// Strictly below, for limits the regulation states as "below".
    case lessThan(Double)
    case between(Double, Double)
    /// A number (compared numerically), a flag or text (compared without case).
    case equals(FactValue)
    /// A list fact holding every one of these items (compared without case).
    case contains([String])
    case isTrue

    /// The comparator's name as written in Policies/specs.yaml.
    public var name: String {
        switch self {
        case .atLeast: "atLeast"
        case .atMost: "atMost"
        case .lessThan: "lessThan"
        case .between: "between"
        case .equals: "equals"
        case .contains: "contains"
        case .isTrue: "isTrue"
        }
    }

    static let names = ["atLeast", "atMost", "lessThan", "between", "equals", "contains", "isTrue"]
}

/// One clause of Policies/specs.yaml: a fact a device of some kind must satisfy.
public struct SpecClause: Sendable, Hashable {
    /// Unique id, e.g. `router.memory`; becomes ``Finding/rule``.
    public var id: String
    public var kind: DeviceKind
    /// The regulation article, e.g. `Art. 55`.
    public var article: String
    public var title: BilingualText
    /// A ``FactKey`` name.
    public var fact: String
    public var comparator: SpecComparator
    /// The unit the comparator's numbers are in; `nil` for flags, text and lists.
    public var unit: SpecUnit?
    /// Printed when nobody knows the fact, e.g. "flash size not reported by this device".
    public var missing: String

    public init(
        id: String, kind: DeviceKind, article: String, title: BilingualText, fact: String,
        comparator: SpecComparator, unit: SpecUnit? = nil, missing: String
    ) {
        self.id = id
        self.kind = kind
        self.article = article
        self.title = title
        self.fact = fact
        self.comparator = comparator
        self.unit = unit
        self.missing = missing
    }
}

/// The hardware clauses of the regulation, per device kind.
public struct SpecPolicy: Sendable, Hashable {
    /// Clauses in file order.
    public var clauses: [SpecClause]

    public init(clauses: [SpecClause]) {
        self.clauses = clauses
    }

    /// The clauses that apply to devices of `kind`, in file order.
    public func clauses(for kind: DeviceKind) -> [SpecClause] {
        clauses.filter { $0.kind == kind }
    }
}
