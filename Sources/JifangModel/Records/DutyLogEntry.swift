import struct Foundation.Date

/// What a duty-log entry is about (Art. 26, 40, 102, 105).
///
/// An open set: the categories people choose are listed in ``manual``; entries agents write carry
/// their event type (`device-down`, `alert-opened`, `backup-done`, …).
public struct DutyLogCategory: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let powerOn: DutyLogCategory = "power-on"
    public static let powerOff: DutyLogCategory = "power-off"
    public static let problemMet: DutyLogCategory = "problem-met"
    public static let problemSolved: DutyLogCategory = "problem-solved"
    public static let backup: DutyLogCategory = "backup"
    public static let restore: DutyLogCategory = "restore"
    public static let dataUpload: DutyLogCategory = "data-upload"
    public static let dataDownload: DutyLogCategory = "data-download"
    public static let visitor: DutyLogCategory = "visitor"
    public static let other: DutyLogCategory = "other"
    /// A major fault with its five fields (Art. 105).
    public static let fault: DutyLogCategory = "fault"
    /// Fills in fields of an earlier ``fault`` entry it points at.
    public static let faultUpdate: DutyLogCategory = "fault-update"
    /// A supervisor's sign-off of a period.
    public static let review: DutyLogCategory = "review"

    /// The categories a person may choose for a daily entry.
    public static let manual: [DutyLogCategory] = [
        .powerOn, .powerOff, .problemMet, .problemSolved, .backup, .restore, .dataUpload, .dataDownload, .visitor,
        .other,
    ]

    /// The Chinese term for the categories people choose, else the raw name.
    public var chinese: String {
        switch self {
        case .powerOn: "开机"
        case .powerOff: "关机"
        case .problemMet: "遇到问题"
        case .problemSolved: "解决问题"
        case .backup: "备份"
        case .restore: "恢复"
        case .dataUpload: "数据上报"
        case .dataDownload: "数据下载"
        case .visitor: "来访登记"
        case .other: "其他"
        case .fault: "重大故障"
        case .faultUpdate: "故障补记"
        case .review: "审阅"
        default: rawValue
        }
    }
}

/// Who wrote an entry: a person, or an agent from an event it recorded.
public enum DutyLogSource: String, Sendable, Codable, CaseIterable {
    case manual
    case automatic
}

/// The five fields of a major-fault record (Art. 105); complete when all five are filled.
public struct FaultDetails: Sendable, Hashable, Codable {
    /// 故障现象
    public var symptom: String?
    /// 发生原因
    public var cause: String?
    /// 处理过程
    public var handling: String?
    /// 参加人员
    public var participants: String?
    /// 处理结果
    public var result: String?

    public init(
        symptom: String? = nil, cause: String? = nil, handling: String? = nil, participants: String? = nil,
        result: String? = nil
    ) {
        self.symptom = symptom
        self.cause = cause
        self.handling = handling
        self.participants = participants
        self.result = result
    }

    /// The field names in the regulation's order.
    public static let fieldNames = ["symptom", "cause", "handling", "participants", "result"]

    /// Values in ``fieldNames`` order.
    public var values: [String?] { [symptom, cause, handling, participants, result] }

    /// The names of the fields still empty.
    public var missingFields: [String] {
        zip(Self.fieldNames, values).compactMap { name, value in
            (value?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) ? name : nil
        }
    }

    public var isComplete: Bool { missingFields.isEmpty }

    public var isEmpty: Bool { values.allSatisfy { $0 == nil } }

    /// `self` with the fields `update` fills replacing these.
    public func merging(_ update: FaultDetails) -> FaultDetails {
        FaultDetails(
            symptom: update.symptom ?? symptom, cause: update.cause ?? cause, handling: update.handling ?? handling,
            participants: update.participants ?? participants, result: update.result ?? result)
    }
}

/// One entry of the duty log (工作日志). Entries are never changed: a correction is a new entry
/// whose ``corrects`` names the entry it corrects.
///
/// Each entry is chained to the one before it: ``hash`` is SHA-256 over the entry's fields and
/// ``prevHash`` (see ``DutyLogChain``), so editing, removing or reordering entries shows.
public struct DutyLogEntry: Sendable, Hashable, Codable, Identifiable {
    /// Position in the log; the chain follows ids in ascending order.
    public var id: Int64
    /// The organisation unit (site) the entry belongs to.
    public var unit: String?
    /// The working day the entry belongs to, in the site's time zone.
    public var day: CalendarDay
    /// When what is recorded happened.
    public var time: Date
    public var category: DutyLogCategory
    public var text: String
    /// The staff member who wrote it; `agent` for automatic entries.
    public var author: String
    public var source: DutyLogSource
    public var device: String?
    /// The store event an automatic entry copies.
    public var event: Int64?
    /// The poll that caused it, for traceability to observations.
    public var poll: Int64?
    public var alert: Int64?
    /// The entry this one corrects or (for `fault-update`) completes.
    public var corrects: Int64?
    /// The fault fields, for `fault` and `fault-update` entries.
    public var fault: FaultDetails?
    /// When the entry was written to the log.
    public var recordedAt: Date
    /// The hash of the entry before it; 64 zeros for the first.
    public var prevHash: String
    public var hash: String

    public init(
        id: Int64, unit: String?, day: CalendarDay, time: Date, category: DutyLogCategory, text: String,
        author: String, source: DutyLogSource, device: String? = nil, event: Int64? = nil, poll: Int64? = nil,
        alert: Int64? = nil, corrects: Int64? = nil, fault: FaultDetails? = nil, recordedAt: Date,
        prevHash: String = "", hash: String = ""
    ) {
        self.id = id
        self.unit = unit
        self.day = day
        self.time = time
        self.category = category
        self.text = text
        self.author = author
        self.source = source
        self.device = device
        self.event = event
        self.poll = poll
        self.alert = alert
        self.corrects = corrects
        self.fault = fault
        self.recordedAt = recordedAt
        self.prevHash = prevHash
        self.hash = hash
    }
}
