import Foundation
import JifangConfig
import JifangModel

/// Checks a device's facts against the spec clauses for its kind (Policies/specs.yaml).
///
/// A fact the device reported over SNMP is used first, then one declared in the inventory; the
/// finding's `source` says which (`snmp`, `declared`, or `none`). When neither is known the
/// finding is `unknown` and its message carries the clause's reason. A fact of the wrong type
/// (text where a number is needed) is also `unknown`: nothing is guessed. Pure and thread-safe.
public struct SpecEvaluator: Sendable {
    public let policy: SpecPolicy

    public init(policy: SpecPolicy) {
        self.policy = policy
    }

    /// One finding per clause for `kind`, in the policy's order.
    public func evaluate(kind: DeviceKind, reported: DeviceFacts, declared: DeviceFacts) -> [Finding] {
        policy.clauses(for: kind).map { evaluate($0, reported: reported, declared: declared) }
    }

    /// The finding for one clause.
    public func evaluate(_ clause: SpecClause, reported: DeviceFacts, declared: DeviceFacts) -> Finding {
        let title = "\(clause.title.en) (\(clause.title.zh))"
        let value: FactValue
        let source: String
        if let fact = reported[clause.fact] {
            (value, source) = (fact, "snmp")
        } else if let fact = declared[clause.fact] {
            (value, source) = (fact, "declared")
        } else {
            return Finding(
                rule: clause.id, article: clause.article, status: .unknown,
                message: "\(title): unknown, \(clause.missing)", observed: nil, source: "none")
        }
        let origin = source == "snmp" ? "reported by the device" : "declared in the inventory"
        guard let (passed, observed) = Self.compare(value, clause) else {
            return Finding(
                rule: clause.id, article: clause.article, status: .unknown,
                message: "\(title): unknown, \(clause.fact) is \"\(value)\" (\(origin)), which cannot be "
                    + "compared: \(Self.expectation(clause))",
                observed: value.description, source: source)
        }
        let verdict = passed ? "meets" : "does not meet"
        return Finding(
            rule: clause.id, article: clause.article, status: passed ? .pass : .fail,
            message: "\(title): \(observed) \(origin) \(verdict) the requirement of \(Self.requirement(clause))",
            observed: observed, source: source)
    }

    /// Whether `value` satisfies the clause, with the value as shown to people; `nil` when the
    /// value's type does not fit the comparator.
    private static func compare(_ value: FactValue, _ clause: SpecClause) -> (Bool, String)? {
        switch clause.comparator {
        case .atLeast(let limit): return numeric(value, clause) { $0 >= limit }
        case .atMost(let limit): return numeric(value, clause) { $0 <= limit }
        case .lessThan(let limit): return numeric(value, clause) { $0 < limit }
        case .between(let low, let high): return numeric(value, clause) { $0 >= low && $0 <= high }
        case .equals(.number(let wanted)): return numeric(value, clause) { abs($0 - wanted) < 1e-9 }
        case .equals(.flag(let wanted)):
            guard case .flag(let flag) = value else { return nil }
            return (flag == wanted, value.description)
        case .equals(let wanted):
            guard case .text(let text) = value else { return nil }
            return (text.lowercased() == wanted.description.lowercased(), text)
        case .contains(let wanted):
            let items: [String]
            switch value {
            case .list(let list): items = list
            case .text(let text): items = [text]
            default: return nil
            }
            let have = Set(items.map { $0.lowercased() })
            return (wanted.allSatisfy { have.contains($0.lowercased()) }, items.joined(separator: ", "))
        case .isTrue:
            guard case .flag(let flag) = value else { return nil }
            return (flag, flag ? "yes" : "no")
        }
    }

    private static func numeric(_ value: FactValue, _ clause: SpecClause, _ test: (Double) -> Bool) -> (Bool, String)? {
        let number: Double
        switch value {
        case .number(let n): number = n
        case .text(let text):
            guard let n = Double(text.trimmingCharacters(in: .whitespaces)) else { return nil }
            number = n
        default: return nil
        }
        let unit = clause.unit
        let inUnit = number / (unit?.factor ?? 1)
        return (test(inUnit), format(inUnit, unit))
    }

    static func format(_ number: Double, _ unit: SpecUnit?) -> String {
        let text: String
        if number.rounded() == number && abs(number) < 1e15, let whole = Int64(exactly: number) {
            text = String(whole)
        } else {
            text = String(format: "%.2f", number)
                .replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        }
        guard let unit, unit.symbol != "count" else { return text }
        return "\(text) \(unit.symbol)"
    }

    static func requirement(_ clause: SpecClause) -> String {
        let u = clause.unit
        switch clause.comparator {
        case .atLeast(let v): return "at least \(format(v, u))"
        case .atMost(let v): return "at most \(format(v, u))"
        case .lessThan(let v): return "below \(format(v, u))"
        case .between(let a, let b): return "between \(format(a, u)) and \(format(b, u))"
        case .equals(.number(let v)): return "exactly \(format(v, u))"
        case .equals(let v): return "\"\(v)\""
        case .contains(let items): return "including " + items.joined(separator: " and ")
        case .isTrue: return "yes"
        }
    }

    private static func expectation(_ clause: SpecClause) -> String {
        switch clause.comparator {
        case .atLeast, .atMost, .lessThan, .between, .equals(.number):
            "a number is needed"
                + (clause.unit.map { $0.symbol == "count" ? "" : " (in \(SpecUnit.base(of: $0.quantity)))" } ?? "")
        case .equals(.flag), .isTrue: "true or false is needed"
        case .equals: "text is needed"
        case .contains: "a list is needed"
        }
    }
}
