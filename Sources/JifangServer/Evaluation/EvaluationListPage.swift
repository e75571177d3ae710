import Foundation
import JifangModel
import JifangStore

/// The /evaluations page: the run form (auditors) and the stored evaluations by period.
struct EvaluationListPage {
    let localizer: Localizer
    let context: WebContext
    private var t: Localizer { localizer }

    init(localizer: Localizer, context: WebContext) {
        self.localizer = localizer
        self.context = context
    }

    func render(records: [EvaluationRecord], units: [OrganisationUnit], form: Form, errors: [String: Phrase]) -> HTML {
        let byPeriod = Dictionary(grouping: records, by: \.period).sorted { $0.key > $1.key }
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let sections: [HTML] = byPeriod.map { period, records in
            let rows: [HTML] = records.sorted {
                ($0.level.rawValue, $0.rank ?? .max) < ($1.level.rawValue, $1.rank ?? .max)
            }
            .map { record in
                """
                <tr><td><a href="/evaluations/\(period)/\(record.unit)">\(names[record.unit] ?? record.unit)</a> \
                <span class="muted">\(record.unit)</span></td><td>\(record.level.rawValue)</td>
                <td>\(ScorecardPage.score(record.score))</td>
                <td>\(record.rank.map { "\($0) / \(record.rankedAmong ?? 0)" } ?? "—")</td>
                <td>\(Format.timestamp(record.evaluatedAt))</td><td>\(record.evaluatedBy ?? "—")</td></tr>
                """
            }
            return """
                <section class="card wide"><h2>\(period) · <a href="/evaluations/\(period)">\(t(.ranking))</a></h2>
                <table><tr><th>\(t(Phrase("Unit", "单位")))</th><th>\(t(Phrase("Level", "级别")))</th>
                <th>\(t(Phrase("Score", "得分")))</th><th>\(t(.ranking))</th><th>\(t(Phrase("Evaluated", "评估时间")))</th>
                <th>\(t(Phrase("By", "评估人")))</th></tr>\(rows)</table></section>
                """
        }
        let notice: HTML =
            errors.isEmpty ? "" : "<p class=\"notice error\" role=\"alert\">\(t(.fixFields))</p>"
        let empty: HTML =
            records.isEmpty ? "<p class=\"muted\">\(t(Phrase("No evaluation yet.", "尚无考核记录。")))</p>" : ""
        return """
            <h1>\(t(.evaluation))</h1>\(notice)\(runForm(units: units, form: form, errors: errors))\(empty)\(sections)
            """
    }

    private func runForm(units: [OrganisationUnit], form: Form, errors: [String: Phrase]) -> HTML {
        guard let account = context.account, Permission.runEvaluations.isGranted(to: account.role) else { return "" }
        let options = [(value: "", title: "—")] + units.map { (value: $0.id, title: "\($0.name) (\($0.id))") }
        let unitError: HTML =
            errors["unit"].map { "<span class=\"field-error\" id=\"unit-error\">\(t($0))</span>" } ?? ""
        let period = form["period"].isEmpty ? Self.currentPeriod() : form["period"]
        return """
            <section class="card"><h2>\(t(Phrase("Run an evaluation", "执行考核")))</h2>
            <form method="post" action="/evaluations" class="stack" id="evaluate-form">\(csrfField(context))
            \(field("period", label: t(Phrase("Period (e.g. 2026H2)", "考核期（如 2026H2）")), value: period, error: errors["period"].map { t($0) }))
            \(select("unit", label: t(Phrase("Unit to show", "查看单位")), options: options, selected: form["unit"]))\(unitError)
            <p class="muted">\(t(Phrase("Every unit is evaluated and ranked; the chosen unit's scorecard opens.", "所有单位均参与评估和排名，完成后打开所选单位的评分卡。")))</p>
            <button type="submit">\(t(Phrase("Evaluate", "开始考核")))</button></form></section>
            """
    }

    /// The half-year containing today, in UTC+8.
    static func currentPeriod(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month], from: now)
        return "\(parts.year ?? 2026)H\((parts.month ?? 1) <= 6 ? 1 : 2)"
    }
}
