import Foundation
import JifangCompliance
import JifangConfig
import JifangStore

/// A unit's scorecard (area scores, each rule's contribution, rank, flags and changes) and the
/// evidence page of one of its rules.
struct ScorecardPage {
    let localizer: Localizer
    private var t: Localizer { localizer }

    init(localizer: Localizer) { self.localizer = localizer }

    static func score(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }

    static func evidencePath(_ card: Scorecard, _ result: RuleResult) -> String {
        let rule = result.rule.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? result.rule
        return "/evaluations/\(card.period)/\(card.unit.id)/\(rule)"
    }

    func render(_ card: Scorecard, record: EvaluationRecord) -> HTML {
        let areas = card.areas.map { area in
            (t.language == .chinese ? area.area.chinese : area.area.rawValue, area.score)
        }
        let rows: [HTML] = card.results.map { result in
            """
            <tr><td><a href="\(Self.evidencePath(card, result))">\(result.rule)</a></td><td>\(result.article)</td>
            <td>\(title(result))</td><td>\(status(result.status))</td><td>\(Self.score(result.score))</td>
            <td>\(result.contribution.map { String(format: "%.2f / %.2f", $0, result.maxContribution ?? 0) } ?? "—")</td>
            <td>\(result.evidence.summary)</td></tr>
            """
        }
        return """
            <h1>\(card.unit.name) <span class="muted">\(card.unit.id) · \(card.unit.level.rawValue) · \(card.period.description)</span></h1>
            <div class="grid">\(summary(card, record: record))
            <section class="card wide" id="areas"><h2>\(t(Phrase("Area scores", "分项得分")))</h2>\
            \(HTML(unsafe: ScorecardHTML.barChart(areas)))</section>
            <section class="card wide">\(ContributionChart(results: card.results) { Self.evidencePath(card, $0) }.render(title: t(Phrase("Points each rule adds", "各规则得分贡献"))))</section></div>
            <section class="card wide" id="rules"><h2>\(t(Phrase("Rules", "考核规则")))</h2>
            <table><tr><th>\(t(Phrase("Rule", "规则")))</th><th>\(t(Phrase("Article", "条款")))</th>
            <th>\(t(Phrase("Requirement", "要求")))</th><th>\(t(.backupState))</th><th>\(t(Phrase("Score", "得分")))</th>
            <th>\(t(Phrase("Points", "分值")))</th><th>\(t(Phrase("Evidence", "依据")))</th></tr>\(rows)</table></section>
            """
    }

    private func summary(_ card: Scorecard, record: EvaluationRecord) -> HTML {
        let rank: HTML = card.rank.map { "<p>\(t(.ranking)): \($0) / \(card.rankedAmong ?? 0)</p>" } ?? ""
        let previous: HTML =
            card.previousScore.map { previous in
                let delta = (card.score ?? 0) - previous
                return
                    "<p>\(t(Phrase("Previous period", "上期"))): \(Self.score(previous)) (\(String(format: "%+.1f", delta)))</p>"
            } ?? ""
        let changes: [HTML] = card.changes.map { change in
            let failing = change.kind == .newlyFailing
            return """
                <li><span class="state \(failing ? "fail" : "pass")">\(t(failing ? .newlyFailing : .newlyPassing))</span> \
                \(change.rule) (\(change.before) → \(change.after.rawValue))</li>
                """
        }
        return """
            <section class="card" id="summary"><h2>\(t(Phrase("Score", "得分")))</h2>
            <div class="big">\(Self.score(card.score))</div>\(rank)\(flags(card.flags))\(previous)
            <ul>\(changes)</ul>
            <p class="muted">\(t(Phrase("Evaluated", "评估时间"))) \(Format.timestamp(record.evaluatedAt)) \
            \(record.evaluatedBy.map { "· \($0)" })</p>
            <p class="muted">pass \(card.count(.pass)) · fail \(card.count(.fail)) · error \(card.count(.error)) · \
            waived \(card.count(.waived)) · n/a \(card.count(.notApplicable))</p></section>
            """
    }

    func flags(_ flags: [RankFlag]) -> HTML {
        let chips: [HTML] = flags.map { flag in
            flag == .commendation
                ? "<span class=\"state pass\">\(t(.commendation))</span> "
                : "<span class=\"state fail\">\(t(.accountability))</span> "
        }
        return chips.isEmpty ? "" : "<p>\(chips)</p>"
    }

    func status(_ status: RuleStatus) -> HTML {
        let style =
            switch status {
            case .pass: "pass"
            case .fail, .error: "fail"
            case .waived: "warning"
            case .notApplicable: "unknown"
            }
        return "<span class=\"state \(style)\">\(status.rawValue)</span>"
    }

    private func title(_ result: RuleResult) -> String { t.language == .chinese ? result.titleZh : result.title }

    /// The evidence of one rule: why it passed or failed, the records read, the waiver.
    func evidence(_ result: RuleResult, card: Scorecard) -> HTML {
        let records: [HTML] = result.evidence.records.map { reference in "<li>\(Self.link(reference))</li>" }
        let more: HTML =
            result.evidence.recordCount > result.evidence.records.count
            ? "<p class=\"muted\">… \(result.evidence.recordCount) \(t(Phrase("records in all", "条记录")))</p>" : ""
        var waiver: HTML = ""
        if let applied = result.waiver {
            waiver = """
                <section class="card" id="waiver"><h2>\(t(Phrase("Waiver", "豁免")))</h2>
                <p>#\(Int(applied.id)) · \(t(Phrase("approved by", "批准人"))) \(applied.approver) · \
                \(applied.startsOn.description) – \(applied.expiresOn.description)</p>
                <p>\(applied.justification)</p>
                <p class="muted">\(t(Phrase("Status without the waiver", "豁免前状态"))): \(result.waivedStatus?.rawValue ?? "—")</p></section>
                """
        }
        return """
            <p><a href="/evaluations/\(card.period.description)/\(card.unit.id)">← \(card.unit.name) \(card.period.description)</a></p>
            <h1>\(result.rule) <span class="muted">\(result.article)</span></h1>
            <p>\(title(result))</p>
            <div class="grid"><section class="card" id="outcome"><h2>\(t(Phrase("Outcome", "结果")))</h2>
            <p>\(status(result.status))</p>
            <p>\(t(Phrase("Area", "分项"))): \(t.language == .chinese ? result.area.chinese : result.area.rawValue) · \
            \(t(Phrase("weight", "权重"))) \(String(format: "%g", result.weight))</p>
            <p>\(t(Phrase("Points", "分值"))): \(result.contribution.map { String(format: "%.2f / %.2f", $0, result.maxContribution ?? 0) } ?? "—")</p></section>
            \(waiver)</div>
            <section class="card wide" id="evidence"><h2>\(t(Phrase("Why", "判定依据")))</h2><p>\(result.evidence.summary)</p>
            <h3>\(t(Phrase("Records looked at", "查阅的记录"))) (\(result.evidence.recordCount))</h3>
            <ul class="records">\(records)</ul>\(more)</section>
            """
    }

    /// A record reference, linked to its page where the UI has one.
    static func link(_ reference: String) -> HTML {
        if reference.hasPrefix("device:") {
            return "<a href=\"/devices/\(String(reference.dropFirst(7)))\">\(reference)</a>"
        }
        if reference.hasPrefix("backups#") { return "<a href=\"/backups\">\(reference)</a>" }
        if reference.hasPrefix("bindings:") || reference.hasPrefix("arp_pair:") {
            return "<a href=\"/bindings\">\(reference)</a>"
        }
        return "<code>\(reference)</code>"
    }
}

extension Phrase {
    static let commendation = Phrase("commendation", "表彰")
    static let accountability = Phrase("accountability", "问责")
    static let newlyFailing = Phrase("newly failing", "新增不合格")
    static let newlyPassing = Phrase("newly passing", "新转合格")
}
