import Foundation
import Hummingbird
import JifangAgents
import JifangModel
import JifangStore

/// The backup register (Art. 28, 140–143): what was backed up, when, its size, SHA-256 and where
/// copies are kept; what the schedule says is due or overdue (the agent's own `dueItems`, as
/// `jifang backup due` prints it); configuration versions with their masked diffs; and the age of
/// each target's last good backup on /metrics.
///
/// Reading is `viewMonitoring`; backups are run by the agent (`jifang backup run` or the
/// scheduler), not from the browser.
public struct BackupsModule: WebModule {
    let store: Store
    let layout: Layout
    let backupsPath: String
    let inventoryPath: String
    let policiesDirectory: String
    private let agents: FileBackedValue<BackupAgent>

    /// - Parameters:
    ///   - backupsPath: the targets file (Inventory/backups.yaml).
    ///   - inventoryPath: the site inventory, for configuration targets' devices.
    ///   - policiesDirectory: the directory holding backups.yaml (schedule and retention).
    public init(parts: WebServerParts, backupsPath: String, inventoryPath: String, policiesDirectory: String) {
        store = parts.store
        layout = parts.layout
        self.backupsPath = backupsPath
        self.inventoryPath = inventoryPath
        self.policiesDirectory = policiesDirectory
        let store = store
        agents = FileBackedValue(
            paths: [backupsPath, inventoryPath, "\(policiesDirectory)/backups.yaml"]
        ) {
            try BackupAgent.load(
                backups: backupsPath, inventory: inventoryPath, policies: policiesDirectory, store: store)
        }
    }

    /// The agent as `jifang backup` builds it, read again when one of its files changes.
    func agent() throws -> BackupAgent {
        try agents.get()
    }

    public var navigation: [NavigationItem] {
        [NavigationItem(.backups, path: "/backups", permission: .viewMonitoring)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/backups", .viewMonitoring) { request, context in
            let t = context.localizer(request)
            let due = Result { try agent().dueItems() }
            let content = BackupsPage(localizer: t).render(
                records: try store.backups().reversed(), due: due.mapError { $0 as any Error })
            return layout.page(t(.backups), content: content, request: request, context: context)
        }
        routes.get("/backups/{id}/diff", .viewMonitoring) { request, context in
            let t = context.localizer(request)
            guard let id = context.parameters.get("id").flatMap(Int64.init), let record = try store.backup(id: id),
                record.kind == .config
            else {
                return layout.message(.notFound, status: .notFound, request: request, context: context)
            }
            let diff = try agent().configDiff(id: id)
            let content: HTML = """
                <h1>\(record.target) · \(t(Phrase("configuration version", "配置版本"))) #\(Int(id))</h1>
                <p class="muted">\(Format.timestamp(record.startedAt)) · SHA-256 \(record.sha256) · \
                \(t(Phrase("secrets masked", "敏感信息已屏蔽")))</p>
                <pre class="card" id="diff">\(diff.isEmpty ? t(Phrase("First version: no diff.", "首个版本，无差异。")) : diff)</pre>
                """
            return layout.page(record.target, content: content, request: request, context: context)
        }
        routes.get("/api/v1/backups", .viewMonitoring) { request, _ in
            let query = Query(request)
            return try Responses.json(
                try store.backups(target: try query.text("target"), kind: try query.choice("kind", as: BackupKind.self))
            )
        }
        routes.get("/api/v1/backups/due", .viewMonitoring) { _, _ in try Responses.json(try agent().dueItems()) }
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        let body: HTML
        do {
            let items = try agent().dueItems()
            let rows: [HTML] = items.prefix(6).map { item in
                """
                <li><span class="state \(item.state == .overdue ? "fail" : "warning")">\(t(item.state.phrase))</span> \
                \(item.target) <span class="muted">\(item.period)</span></li>
                """
            }
            body = "<div class=\"big\">\(items.count)</div><ul>\(rows)</ul>"
        } catch {
            body = "<p class=\"muted\">\(String(describing: error))</p>"
        }
        return [
            "<section class=\"card\" id=\"backups-due\"><h2><a href=\"/backups\">\(t(.backupsDue))</a></h2>\(body)</section>"
        ]
    }

    public func metrics(now: Date) throws -> String {
        var out = PrometheusExposition.Writer()
        out.family(
            "jifang_backup_age_seconds",
            "Seconds since the target's last good backup or configuration version finished (Art. 141).")
        let good = try store.backups(status: .good).filter { $0.kind == .backup || $0.kind == .config }
        let latest = Dictionary(grouping: good, by: \.target).mapValues { records in
            records.compactMap { $0.finishedAt ?? $0.startedAt }.max()!
        }
        for (target, time) in latest.sorted(by: { $0.key < $1.key }) {
            out.sample("jifang_backup_age_seconds", [("target", target)], max(0, now.timeIntervalSince(time)).rounded())
        }
        // Without a readable backups.yaml there is no schedule to report (the page says why);
        // a schedule the store cannot answer for fails the scrape like the register read above.
        if let agent = try? agent() {
            let items = try agent.dueItems()
            out.family("jifang_backups_due", "Backups the schedule says are missing, by state (due, overdue).")
            for state in [DueItem.State.due, .overdue] {
                out.sample(
                    "jifang_backups_due", [("state", state.rawValue)], Double(items.filter { $0.state == state }.count))
            }
        }
        return out.text
    }
}

extension BackupsModule {
    public var openAPIPaths: [String: OpenAPIValue] {
        [
            "/api/v1/backups": OpenAPIDocument.get(
                "The backup register, oldest first: target, kind, period, status, times, size, SHA-256, locations",
                ["type": "array", "items": Self.recordSchema],
                parameters: [
                    OpenAPIDocument.parameter("target", in: "query", "Only this target"),
                    OpenAPIDocument.parameter("kind", in: "query", "backup, config, disc or archive"),
                ]),
            "/api/v1/backups/due": OpenAPIDocument.get(
                "What the schedule says is missing or overdue (as `jifang backup due`)",
                [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "target": ["type": "string"], "kind": ["type": "string"], "period": ["type": "string"],
                            "state": ["type": "string", "enum": ["due", "overdue"]], "reason": ["type": "string"],
                        ],
                    ],
                ]),
        ]
    }

    static let recordSchema: OpenAPIValue = [
        "type": "object",
        "properties": [
            "id": ["type": "integer"], "target": ["type": "string"],
            "category": [
                "type": "string", "nullable": true, "enum": ["database", "logs", "documents", "configuration"],
            ],
            "kind": ["type": "string", "enum": ["backup", "config", "disc", "archive"]], "period": ["type": "string"],
            "status": ["type": "string", "enum": ["running", "good", "failed", "interrupted", "pruned"]],
            "startedAt": ["type": "string", "format": "date-time"],
            "finishedAt": ["type": "string", "format": "date-time", "nullable": true],
            "path": ["type": "string", "nullable": true], "size": ["type": "integer", "nullable": true],
            "sha256": ["type": "string", "nullable": true],
            "locations": ["type": "array", "items": ["type": "string"]],
            "verifiedAt": ["type": "string", "format": "date-time", "nullable": true],
            "verified": ["type": "boolean", "nullable": true], "message": ["type": "string", "nullable": true],
        ],
    ]
}

extension DueItem.State {
    var phrase: Phrase { self == .overdue ? Phrase("overdue", "已逾期") : Phrase("due", "待备份") }
}

extension Phrase {
    static let backups = Phrase("Backups", "备份")
    static let backupsDue = Phrase("Backups due", "待备份")
}
