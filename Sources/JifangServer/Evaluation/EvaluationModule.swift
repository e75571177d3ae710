import Foundation
import Hummingbird
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore

/// The half-yearly evaluation (Mgmt Art. 28, 30; Art. 151): auditors run it for a period, every
/// unit is scored and ranked; the scorecard shows area scores and each rule's contribution, each
/// rule drills down to its evidence, and the ranking page flags commendation and accountability.
///
/// Reading needs `viewEvaluations` (auditors and administrators); running needs `runEvaluations`
/// (auditors only). Runs use the same ``Evaluator`` as `jifang evaluate` and store the scorecards
/// with their evidence and who ran them.
public struct EvaluationModule: WebModule {
    let store: Store
    let layout: Layout
    /// The directory holding rules.yaml, read on every run so edits apply.
    let policiesDirectory: String

    public init(parts: WebServerParts, policiesDirectory: String) {
        store = parts.store
        layout = parts.layout
        self.policiesDirectory = policiesDirectory
    }

    var scorecards: StoredScorecards { StoredScorecards(store: store) }

    public var navigation: [NavigationItem] {
        [NavigationItem(.evaluation, path: "/evaluations", permission: .viewEvaluations)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/evaluations", .viewEvaluations) { request, context in
            try listPage(request, context, form: Form(), errors: [:])
        }
        routes.post("/evaluations", .runEvaluations) { request, context, form in try run(request, context, form) }
        routes.get("/evaluations/{period}", .viewEvaluations) { request, context in
            let t = context.localizer(request)
            let period = context.parameters.get("period") ?? ""
            let evaluations = try scorecards.all(period: period)
            guard !evaluations.isEmpty else {
                return layout.message(.notFound, status: .notFound, request: request, context: context)
            }
            let content = RankingPage(localizer: t, period: period).render(evaluations)
            return layout.page("\(t(.ranking)) \(period)", content: content, request: request, context: context)
        }
        routes.get("/evaluations/{period}/{unit}", .viewEvaluations) { request, context in
            let t = context.localizer(request)
            guard let found = try lookup(context), let card = found.card else {
                return layout.message(.notFound, status: .notFound, request: request, context: context)
            }
            let content = ScorecardPage(localizer: t).render(card, record: found.record)
            return layout.page(card.unit.name, content: content, request: request, context: context)
        }
        routes.get("/evaluations/{period}/{unit}/{rule}", .viewEvaluations) { request, context in
            let t = context.localizer(request)
            guard let found = try lookup(context), let card = found.card,
                let result = card.results.first(where: { $0.rule == context.parameters.get("rule") })
            else {
                return layout.message(.notFound, status: .notFound, request: request, context: context)
            }
            let content = ScorecardPage(localizer: t).evidence(result, card: card)
            return layout.page(result.rule, content: content, request: request, context: context)
        }
        routes.get("/api/v1/evaluations", .viewEvaluations) { request, _ in
            let query = Query(request)
            return try Responses.json(
                try store.evaluationRecords(period: try query.text("period"), unit: try query.text("unit")))
        }
        routes.get("/api/v1/evaluations/{id}", .viewEvaluations) { _, context in
            guard let id = context.parameters.get("id").flatMap(Int64.init),
                let record = try store.evaluationRecords().first(where: { $0.id == id })
            else {
                return Responses.jsonError("there is no evaluation with that id", status: .notFound)
            }
            return try Responses.json(APIEvaluation(evaluation: record, scorecard: try scorecards.scorecard(record)))
        }
    }

    private func lookup(_ context: WebContext) throws -> (record: EvaluationRecord, card: Scorecard?)? {
        guard let period = context.parameters.get("period"), let unit = context.parameters.get("unit") else {
            return nil
        }
        return try scorecards.find(period: period, unit: unit)
    }

    private func listPage(
        _ request: Request, _ context: WebContext, form: Form, errors: [String: Phrase],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let content = EvaluationListPage(localizer: t, context: context).render(
            records: try store.evaluationRecords(), units: try Self.evaluatedUnits(store), form: form, errors: errors)
        return layout.page(t(.evaluation), content: content, request: request, context: context, status: status)
    }

    static func evaluatedUnits(_ store: Store) throws -> [OrganisationUnit] {
        try store.units().filter { [.city, .county, .township].contains($0.level) }.sorted { $0.id < $1.id }
    }

    /// Evaluates every unit for the period (ranking needs them all) and shows the chosen unit's scorecard.
    private func run(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        var errors: [String: Phrase] = [:]
        let period = Period(form["period"])
        if period == nil { errors["period"] = .badPeriod }
        let unit = form["unit"]
        if try !Self.evaluatedUnits(store).contains(where: { $0.id == unit }) { errors["unit"] = .unknownUnit }
        guard errors.isEmpty, let period else {
            return try listPage(request, context, form: form, errors: errors, status: .unprocessableContent)
        }
        let username = context.account?.username
        let report = try Evaluator(store: store, policiesDirectory: policiesDirectory).evaluate(
            period: period, evaluatedBy: username)
        try store.appendAudit(
            actor: Store.Actor(username ?? "anonymous", origin: context.remoteAddress), action: "evaluation.run",
            subject: period.description, detail: "\(report.scorecards.count) units evaluated")
        return Responses.redirect("/evaluations/\(period)/\(unit)")
    }
}

/// One stored evaluation with its scorecard, as /api/v1/evaluations/{id} returns it.
struct APIEvaluation: Encodable {
    var evaluation: EvaluationRecord
    /// `null` for evaluations stored without their scorecard.
    var scorecard: Scorecard?
}

extension EvaluationModule {
    public var openAPIPaths: [String: OpenAPIValue] {
        let record: OpenAPIValue = [
            "type": "object",
            "properties": [
                "id": ["type": "integer"], "period": ["type": "string"], "unit": ["type": "string"],
                "level": ["type": "string", "enum": ["province", "city", "county", "township", "village"]],
                "score": ["type": "number", "nullable": true], "rank": ["type": "integer", "nullable": true],
                "rankedAmong": ["type": "integer", "nullable": true],
                "evaluatedAt": ["type": "string", "format": "date-time"],
                "evaluatedBy": ["type": "string", "nullable": true], "hasScorecard": ["type": "boolean"],
            ],
        ]
        return [
            "/api/v1/evaluations": OpenAPIDocument.get(
                "Stored evaluations, newest period first (auditors and administrators)",
                ["type": "array", "items": record],
                parameters: [
                    OpenAPIDocument.parameter("period", in: "query", "Only this period, e.g. 2026H2"),
                    OpenAPIDocument.parameter("unit", in: "query", "Only this unit id"),
                ]),
            "/api/v1/evaluations/{id}": OpenAPIDocument.get(
                "One evaluation with its scorecard: area scores, each rule's status, points, evidence and waiver",
                [
                    "type": "object",
                    "properties": ["evaluation": record, "scorecard": ["type": "object", "nullable": true]],
                ],
                parameters: [OpenAPIDocument.parameter("id", in: "path", "The evaluation's id")]),
        ]
    }
}

extension Phrase {
    static let evaluation = Phrase("Evaluation", "考核评估")
    static let ranking = Phrase("Ranking", "排名")
    static let badPeriod = Phrase(
        "Give a half-year such as 2026H2 (H1 January–June, H2 July–December).",
        "请填写半年度，如 2026H2（H1 为 1–6 月，H2 为 7–12 月）。")
}
