import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

/// The technical-document lending desk (借阅, Art. 144–146): the catalogue, open and overdue
/// loans, lending to staff of the system only, renewals, and returns with inspection and
/// compensation at the item's price.
///
/// Every loan goes through ``DocumentDesk``, with the signed-in account's staff member as the
/// keeper who lends, renews or takes back.
public struct LendingModule: WebModule, RecordsWebModule {
    let desk: DocumentDesk
    let parts: RecordsModuleParts

    public init(store: Store, policy: RecordsPolicy, layout: Layout) {
        desk = DocumentDesk(store: store, policy: policy)
        parts = RecordsModuleParts(store: store, policy: policy, layout: layout)
    }

    public var navigation: [NavigationItem] {
        [NavigationItem(.lendingDesk, path: "/lending", permission: .viewRecords)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/lending", .viewRecords) { request, context in
            try deskPage(request, context, action: nil, form: Form(), errors: RecordFormErrors())
        }
        for action in LoanAction.allCases {
            routes.post("/lending/\(action.rawValue)", .manageLoans) { request, context, form in
                try perform(action, request, context, form)
            }
        }
        registerAPIWrites(on: routes)
        routes.get("/api/v1/loans", .viewRecords) { request, _ in
            let all = try Query(request).flag("all")
            return try Responses.json(
                APILoans(loans: try desk.loans(openOnly: !all), overdue: try desk.overdue(on: clock.today).map(\.id)))
        }
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        guard Permission.viewRecords.isGranted(to: account.role) else { return [] }
        let overdue = try desk.overdue(on: clock.today)
        let open = try desk.loans(openOnly: true)
        let rows: [HTML] = overdue.prefix(8).map { loan in
            "<li>\(loan.document) \(loan.title) · \(loan.borrower) · \(t(.due)) \(loan.due.description)</li>"
        }
        return [
            """
            <section class="card" id="overdue-loans"><h2><a href="/lending">\(t(Phrase("Overdue loans (Art. 146)", "逾期借阅（第146条）")))</a></h2>
            <div class="big">\(overdue.count)</div><p>\(t(Phrase("open loans", "借出中"))) \(open.count)</p><ul>\(rows)</ul></section>
            """
        ]
    }

    public var openAPIPaths: [String: OpenAPIValue] {
        Self.apiWritePaths.merging(readPaths) { write, read in read.merging(write) }
    }

    private var readPaths: [String: OpenAPIValue] {
        [
            "/api/v1/loans": OpenAPIDocument.get(
                "Open loans of technical documents (all with ?all=true) and the ids of those overdue",
                [
                    "type": "object",
                    "properties": [
                        "loans": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "properties": [
                                    "id": ["type": "integer"], "document": ["type": "string"],
                                    "title": ["type": "string"], "borrower": ["type": "string"],
                                    "lentOn": ["type": "string", "format": "date"],
                                    "due": ["type": "string", "format": "date"], "lentBy": ["type": "string"],
                                    "renewals": ["type": "array", "items": ["type": "object"]],
                                    "returnedOn": ["type": "string", "format": "date", "nullable": true],
                                    "condition": [
                                        "type": "string", "enum": ["fine", "damaged", "lost"], "nullable": true,
                                    ],
                                    "compensation": ["type": "number", "nullable": true],
                                ],
                            ],
                        ],
                        "overdue": ["type": "array", "items": ["type": "integer"]],
                    ],
                ],
                parameters: [OpenAPIDocument.parameter("all", in: "query", "true for returned loans too")])
        ]
    }
}

/// What the desk does with a document, each a form and a path.
enum LoanAction: String, CaseIterable, Sendable {
    case lend
    case renew
    case `return`
}

/// GET /api/v1/loans.
struct APILoans: Encodable {
    var loans: [Loan]
    var overdue: [Int64]
}
