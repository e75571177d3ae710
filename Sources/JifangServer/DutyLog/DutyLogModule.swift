import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

/// The duty log (工作日志, Art. 26, 40, 102, 105): the entries of a range of days, people's and
/// agents' alike, with the hash chain's status; the daily-entry and major-fault forms; completing
/// a fault; and the supervisor's sign-off.
///
/// Everything is written through ``DutyLogBook`` as the signed-in account's staff member, so
/// entries join the hash chain and the book's rules (staff only, the five fault fields) apply.
public struct DutyLogModule: WebModule, RecordsWebModule {
    let book: DutyLogBook
    let parts: RecordsModuleParts

    public init(store: Store, policy: RecordsPolicy, layout: Layout) {
        book = DutyLogBook(store: store, policy: policy)
        parts = RecordsModuleParts(store: store, policy: policy, layout: layout)
    }

    public var navigation: [NavigationItem] {
        [NavigationItem(.dutyLog, path: "/duty-log", permission: .viewRecords)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/duty-log", .viewRecords) { request, context in try logPage(request, context) }
        routes.post("/duty-log/entries", .writeDutyLog) { request, context, form in
            try addEntry(request, context, form)
        }
        routes.post("/duty-log/faults", .writeDutyLog) { request, context, form in
            try recordFault(request, context, form)
        }
        routes.get("/duty-log/complete", .writeDutyLog) { request, context in
            let id = try Query(request).id("fault") ?? 0
            return try completionPage(request, context, fault: id, form: Form(), errors: RecordFormErrors())
        }
        routes.post("/duty-log/complete", .writeDutyLog) { request, context, form in
            try completeFault(request, context, form)
        }
        routes.get("/duty-log/review", .reviewDutyLog) { request, context in
            try reviewPage(request, context, errors: RecordFormErrors())
        }
        routes.post("/duty-log/review", .reviewDutyLog) { request, context, form in
            try signReview(request, context, form)
        }
        registerAPIWrites(on: routes)
        routes.get("/api/v1/duty-log", .viewRecords) { request, _ in
            let (from, to) = try range(request)
            let verification = try book.verify()
            return try Responses.json(
                APIDutyLog(
                    from: from, to: to, intact: verification.isIntact,
                    problems: verification.problems.map(\.message),
                    entries: try book.entries(from: from, to: to),
                    incompleteFaults: try book.faults().filter { !$0.isComplete }.map(\.entry.id)))
        }
    }

    /// The days `?from=`…`?to=`, by default the last 7 days and today.
    func range(_ request: Request) throws(QueryRefusal) -> (from: CalendarDay, to: CalendarDay) {
        let query = Query(request)
        let to = try query.day("to") ?? clock.today
        let from = try query.day("from") ?? to.adding(days: -7)
        return from <= to ? (from, to) : (to, from)
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        guard Permission.viewRecords.isGranted(to: account.role) else { return [] }
        let today = try book.entries(from: clock.today, to: clock.today).filter { $0.category != .review }
        let incomplete = try book.faults().filter { !$0.isComplete }
        let unreviewed = try book.unreviewed()
        let written = today.filter { $0.source == .manual }.count
        let faults: [HTML] = incomplete.prefix(6).map { fault in
            "<li>#\(Int(fault.entry.id)) \(fault.entry.day.description): \(fault.details.symptom ?? "") <span class=\"muted\">\(t(.lacks)) \(fault.missingFields.joined(separator: ", "))</span></li>"
        }
        return [
            """
            <section class="card" id="duty-log-today"><h2><a href="/duty-log">\(t(Phrase("Today's duty log", "今日工作日志")))</a></h2>
            <div class="big">\(today.count)</div>
            <p>\(t(Phrase("written by staff", "人工记录"))) \(written) · \(t(Phrase("automatic", "自动记录"))) \(today.count - written)
            · \(t(Phrase("not yet reviewed", "待审阅"))) \(unreviewed.count)</p>
            \(written == 0 ? HTML("<p class=\"notice error\">\(t(Phrase("Nobody has written today's entry yet.", "今日尚无人工记录。")))</p>") : "")
            <h3>\(t(Phrase("Incomplete major faults", "未填写完整的重大故障"))) \(incomplete.count)</h3><ul>\(faults)</ul></section>
            """
        ]
    }

    public var openAPIPaths: [String: OpenAPIValue] {
        Self.apiWritePaths.merging(readPaths) { write, read in read.merging(write) }
    }

    private var readPaths: [String: OpenAPIValue] {
        [
            "/api/v1/duty-log": OpenAPIDocument.get(
                "Duty-log entries of a range of days (default the last 7 days and today), the hash chain's status and incomplete major faults",
                [
                    "type": "object",
                    "properties": [
                        "from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"],
                        "intact": ["type": "boolean"],
                        "problems": ["type": "array", "items": ["type": "string"]],
                        "entries": ["type": "array", "items": DutyLogModule.entrySchema],
                        "incompleteFaults": ["type": "array", "items": ["type": "integer"]],
                    ],
                ],
                parameters: [
                    OpenAPIDocument.parameter("from", in: "query", "First day, yyyy-MM-dd"),
                    OpenAPIDocument.parameter("to", in: "query", "Last day, yyyy-MM-dd (default today)"),
                ])
        ]
    }

    static let entrySchema: OpenAPIValue = [
        "type": "object",
        "properties": [
            "id": ["type": "integer"], "unit": ["type": "string", "nullable": true],
            "day": ["type": "string", "format": "date"], "time": ["type": "string", "format": "date-time"],
            "category": ["type": "string"], "text": ["type": "string"], "author": ["type": "string"],
            "source": ["type": "string", "enum": ["manual", "automatic"]],
            "device": ["type": "string", "nullable": true], "poll": ["type": "integer", "nullable": true],
            "corrects": ["type": "integer", "nullable": true],
            "fault": [
                "type": "object", "nullable": true,
                "properties": [
                    "symptom": ["type": "string"], "cause": ["type": "string"], "handling": ["type": "string"],
                    "participants": ["type": "string"], "result": ["type": "string"],
                ],
            ],
            "prevHash": ["type": "string"], "hash": ["type": "string"],
        ],
    ]
}

/// GET /api/v1/duty-log.
struct APIDutyLog: Encodable {
    var from: CalendarDay
    var to: CalendarDay
    var intact: Bool
    var problems: [String]
    var entries: [DutyLogEntry]
    var incompleteFaults: [Int64]
}

extension Phrase {
    static let lacks = Phrase("lacks", "缺")
}
