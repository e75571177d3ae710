import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

/// The asset register (网络设备档案, Art. 27, 132–139): the list by state, idle equipment whose
/// monthly power-on run is due or overdue, entering assets, and state changes through their
/// records (repair tickets with cause and cost, scrapping with hand-over, power-on runs).
///
/// Every change goes through ``AssetRegister`` and records the signed-in account's staff id.
public struct AssetsModule: WebModule, RecordsWebModule {
    let registry: AssetRegister
    let parts: RecordsModuleParts

    public init(store: Store, policy: RecordsPolicy, layout: Layout) {
        registry = AssetRegister(store: store, policy: policy)
        parts = RecordsModuleParts(store: store, policy: policy, layout: layout)
    }

    /// The asset with `tag`, `nil` when the register has none.
    ///
    /// - Throws: the store's error when the register cannot be read: the page answers 500, not
    ///   "not found" or "tag free".
    func existingAsset(_ tag: String) throws -> Asset? {
        do {
            return try registry.asset(tag)
        } catch RecordsError.notFound {
            return nil
        }
    }

    /// What `?state=` must be.
    static let stateForm = "an asset state (\(AssetState.allCases.map(\.rawValue).joined(separator: ", ")))"

    public var navigation: [NavigationItem] {
        [NavigationItem(.assetRegister, path: "/assets", permission: .viewRecords)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/assets", .viewRecords) { request, context in
            try listPage(request, context, form: Form(), errors: RecordFormErrors())
        }
        routes.post("/assets", .manageAssets) { request, context, form in try addAsset(request, context, form) }
        routes.get("/assets/{tag}", .viewRecords) { request, context in
            try assetPage(request, context, change: nil, form: Form(), errors: RecordFormErrors())
        }
        for change in AssetChangeForm.allCases {
            routes.post("/assets/{tag}/\(change.rawValue)", .manageAssets) { request, context, form in
                try apply(change, request, context, form)
            }
        }
        routes.get("/api/v1/assets", .viewRecords) { request, _ in
            let state = try Query(request).parsed("state", mustBe: AssetsModule.stateForm, AssetState.init(term:))
            return try Responses.json(
                APIAssets(
                    assets: try registry.assets(state: state),
                    powerOn: try registry.powerOnSchedule(on: clock.today)))
        }
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        guard Permission.viewRecords.isGranted(to: account.role) else { return [] }
        let schedule = try registry.powerOnSchedule(on: clock.today)
        let overdue = schedule.filter(\.overdue)
        let rows: [HTML] = schedule.prefix(8).map { item in
            let state: HTML =
                item.overdue
                ? "<span class=\"state fail\">\(t(.overdue))</span>" : "<span class=\"state warning\">\(t(.due))</span>"
            return
                "<li>\(state) <a href=\"/assets/\(item.asset)\">\(item.asset)</a> \(item.name) · \(item.due.description)</li>"
        }
        return [
            """
            <section class="card" id="power-on-due"><h2><a href="/assets?state=idle">\(t(Phrase("Idle equipment power-on (Art. 137)", "闲置设备通电（第137条）")))</a></h2>
            <div class="big">\(overdue.count)</div><p>\(t(.overdue)) \(overdue.count) · \(t(.due)) \(schedule.count - overdue.count)</p>
            <ul>\(rows)</ul></section>
            """
        ]
    }

    public var openAPIPaths: [String: OpenAPIValue] {
        [
            "/api/v1/assets": OpenAPIDocument.get(
                "The asset register, optionally by state, and idle equipment whose monthly power-on run is due or overdue",
                [
                    "type": "object",
                    "properties": [
                        "assets": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "tag": ["type": "string"], "name": ["type": "string"], "kind": ["type": "string"],
                                    "state": [
                                        "type": "string", "enum": ["in-use", "idle", "under-repair", "scrapped"],
                                    ],
                                    "location": ["type": "string", "nullable": true],
                                    "responsible": ["type": "string", "nullable": true],
                                    "stateSince": ["type": "string", "format": "date", "nullable": true],
                                    "lastPowerOn": ["type": "string", "format": "date", "nullable": true],
                                ],
                            ],
                        ],
                        "powerOn": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "asset": ["type": "string"], "name": ["type": "string"],
                                    "due": ["type": "string", "format": "date"], "overdue": ["type": "boolean"],
                                ],
                            ],
                        ],
                    ],
                ],
                parameters: [OpenAPIDocument.parameter("state", in: "query", "in-use, idle, under-repair or scrapped")])
        ]
    }
}

/// The state changes an asset's page offers, each with its own form and path.
enum AssetChangeForm: String, CaseIterable, Sendable {
    /// Between in-use and idle.
    case state
    /// Opens a repair ticket (Art. 138).
    case repair
    /// Closes the repair ticket with result and cost.
    case repaired
    /// Scraps with a hand-over record (Art. 139).
    case scrap
    /// The monthly power-on run of idle equipment (Art. 137).
    case powerOn = "power-on"
}

/// GET /api/v1/assets.
struct APIAssets: Encodable {
    var assets: [Asset]
    var powerOn: [PowerOnStatus]
}

extension Phrase {
    static let overdue = Phrase("overdue", "逾期")
    static let due = Phrase("due", "到期")
}
