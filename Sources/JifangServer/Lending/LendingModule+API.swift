import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// Taking a document back through the API: the form's checks, as the token's staff member.

extension LendingModule {
    func registerAPIWrites(on routes: SecuredRoutes) {
        routes.postJSON("/api/v1/loans/{id}/return", .manageLoans, as: APILoanReturn.self) { _, context, body in
            let keeper = try staff.apiActor(context.account, mayNot: "take documents back")
            let id = context.parameters.get("id").flatMap { Int64($0) }
            guard let id, let loan = try desk.loans(openOnly: true).first(where: { $0.id == id }) else {
                throw JSONRefusal("there is no open loan \(context.parameters.get("id") ?? "")", status: .notFound)
            }
            var errors = RecordFormErrors()
            let compensation = AssetsModule.amount(body.compensation, field: "compensation", &errors, .api)
            let condition = body.condition ?? .fine
            do {
                guard
                    let returned = try takeBack(
                        loan.document, condition: condition, compensation: compensation, keeper: keeper.id, &errors,
                        .api)
                else { throw errors.jsonRefusal }
                let owed = returned.compensation.map { String(format: ", compensation %.2f yuan", $0) } ?? ""
                return JSONWrite(
                    status: .ok, body: returned, action: "loan.return", subject: "loan #\(id)",
                    detail:
                        "\(loan.document) from \(loan.borrower) received by \(keeper.id): \(condition.rawValue)\(owed)")
            } catch let error as RecordsError {
                errors.add(error, known: ["condition", "compensation"], .api)
                throw errors.jsonRefusal
            }
        }
    }

    static var apiWritePaths: [String: OpenAPIValue] {
        [
            "/api/v1/loans/{id}/return": OpenAPIDocument.post(
                "Takes a lent document back after inspection, as the token's staff member; a damaged or lost one is paid for at its price unless compensation is given",
                body: [
                    "type": "object",
                    "properties": [
                        "condition": [
                            "type": "string", "enum": .array(ReturnCondition.allCases.map { .string($0.rawValue) }),
                            "description": "Default fine",
                        ],
                        "compensation": ["type": "number", "minimum": 0, "description": "Yuan; default the price"],
                    ],
                ],
                created: ["type": "object", "description": "The loan, closed"],
                permission: Permission.manageLoans.rawValue, success: "200",
                parameters: [OpenAPIDocument.parameter("id", in: "path", "The loan's id (GET /api/v1/loans)")])
        ]
    }
}

/// The body of `POST /api/v1/loans/{id}/return`; `{}` takes back an item in fine condition.
struct APILoanReturn: Decodable, Sendable {
    var condition: ReturnCondition?
    var compensation: Double?
}
