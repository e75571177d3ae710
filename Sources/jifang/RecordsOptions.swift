import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangRecords
import JifangStore

/// What every records command shares: the store, the records policy and the output format.
struct RecordsOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    /// The policies directory; records.yaml there sets loan days and power-on intervals.
    @OptionGroup var policyOptions: PolicyOptions

    /// The policy file if there is one, else the regulation's defaults.
    func policy() throws -> RecordsPolicy {
        let path = try policyOptions.file(RecordsPolicy.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return RecordsPolicy() }
        return try RecordsPolicy.load(path: path)
    }

    /// Opens (creating if needed) the store; records may be the first thing a new site writes.
    func store() throws -> Store {
        let store = try Store(path: storeOptions.path)
        let policy = try policy()
        if try store.dutyLogUTCOffset() != policy.utcOffsetSeconds {
            try store.setDutyLogUTCOffset(seconds: policy.utcOffsetSeconds)
        }
        return store
    }

    var json: Bool { output.format == .json }

    /// Today at the policy's UTC offset.
    func today() throws -> CalendarDay {
        CalendarDay(Date(), utcOffsetSeconds: try policy().utcOffsetSeconds)
    }

    /// `text` as a day, or today when nil; `option` names the flag in the error.
    func day(_ text: String?, option: String) throws -> CalendarDay {
        guard let text else { return try today() }
        return try parseDay(text, option: option)
    }

    /// Resolves `--by` to a registered person's id: records name who did what.
    func actor(_ key: String, store: Store) throws -> String {
        try StaffRegister(store: store).person(key).id
    }
}

func parseDay(_ text: String, option: String) throws -> CalendarDay {
    guard let day = CalendarDay(text) else {
        throw ValidationError("\(option): \"\(text)\" is not a date; use yyyy-MM-dd, e.g. 2026-11-23.")
    }
    return day
}

func parseEnum<E: RawRepresentable & CaseIterable>(_ text: String, _ type: E.Type, option: String) throws -> E
where E.RawValue == String {
    guard let value = E(rawValue: text) else {
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("\(option): \"\(text)\" is not one of \(allowed).")
    }
    return value
}

func parseAmount(_ text: String?, option: String) throws -> Double? {
    guard let text else { return nil }
    guard let value = Double(text), value >= 0 else {
        throw ValidationError("\(option): \"\(text)\" is not an amount in yuan.")
    }
    return value
}

/// Prints `value` as `--format json` does.
extension Optional where Wrapped == String {
    var orDash: String { self ?? "-" }
}
