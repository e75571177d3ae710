import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// The duty-log page: entries of a range of days, the chain's status, and the two forms.

extension DutyLogModule {
    /// What a refused form sends back to the page: the values typed and the errors.
    struct Forms {
        var entry = Form()
        var entryErrors = RecordFormErrors()
        var fault = Form()
        var faultErrors = RecordFormErrors()
    }

    func logPage(
        _ request: Request, _ context: WebContext, forms: Forms = Forms(), status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let (from, to) = try range(request)
        let entries = try book.entries(from: from, to: to)
        let verification = try book.verify()
        let names = try staff.names()
        let faults = Dictionary(
            try book.faults(from: from, to: to).map { ($0.entry.id, $0) }, uniquingKeysWith: { a, _ in a })
        let correctedBy = Dictionary(
            entries.compactMap { e in e.category == .faultUpdate ? nil : e.corrects.map { ($0, e.id) } },
            uniquingKeysWith: { _, b in b })
        let rows: [HTML] = entries.reversed().map { entry in
            row(entry, fault: faults[entry.id], correctedBy: correctedBy[entry.id], names: names, t)
        }
        let chain: HTML =
            verification.isIntact
            ? "<p class=\"notice\" id=\"chain-status\">\(t(Phrase("Hash chain intact", "哈希链完整"))): \(verification.entries) \(t(Phrase("entries", "条")))</p>"
            : "<div class=\"notice error\" id=\"chain-status\"><p>\(t(Phrase("The hash chain does not verify", "哈希链校验失败"))):</p><ul>\(verification.problems.map { problem -> HTML in "<li>\(problem.message)</li>" })</ul></div>"
        let saved: HTML =
            try Query(request).text("saved").map {
                "<p class=\"notice\" role=\"status\">\(t(.saved)) #\($0)</p>"
            } ?? ""
        let writer = context.account.map { Permission.writeDutyLog.isGranted(to: $0.role) } ?? false
        var writing: HTML = ""
        if writer {
            let notStaff = try staff.notStaffNotice(for: context.account, t) ?? ""
            writing =
                "\(notStaff)<div class=\"grid\">\(entryForm(forms, context, t))\(faultForm(forms, context, t))</div>"
        }
        let content: HTML = """
            <h1>\(t(.dutyLog))</h1>\(saved)\(chain)
            <form method="get" action="/duty-log" class="inline" id="range">
            <label for="from">\(t(Phrase("From", "从")))</label> <input id="from" name="from" type="date" value="\(from.description)">
            <label for="to">\(t(Phrase("to", "至")))</label> <input id="to" name="to" type="date" value="\(to.description)">
            <button type="submit">\(t(Phrase("Show", "显示")))</button></form>
            \(writing)
            <section class="card wide"><table id="entries"><tr><th>#</th><th>\(t(Phrase("Day", "日期")))</th>
            <th>\(t(Phrase("Time", "时间")))</th><th>\(t(Phrase("Category", "类别")))</th><th>\(t(Phrase("By", "记录人")))</th>
            <th>\(t(Phrase("Entry", "内容")))</th></tr>\(rows)</table>
            \(rows.isEmpty ? HTML("<p class=\"muted\">\(t(Phrase("No entries in these days.", "这些日期没有记录。")))</p>") : "")</section>
            """
        return layout.page(t(.dutyLog), content: content, request: request, context: context, status: status)
    }

    private func row(
        _ entry: DutyLogEntry, fault: FaultStatus?, correctedBy: Int64?, names: [String: String], _ t: Localizer
    ) -> HTML {
        let category = t.language == .chinese ? entry.category.chinese : entry.category.rawValue
        let author =
            entry.source == .automatic ? t(Phrase("agent", "自动")) : names[entry.author].map { "\($0)" } ?? entry.author
        var notes: [HTML] = []
        if let device = entry.device { notes.append(" <span class=\"muted\">[\(device)]</span>") }
        if let poll = entry.poll { notes.append(" <span class=\"muted\">[poll \(Int(poll))]</span>") }
        if let target = entry.corrects, entry.category != .faultUpdate {
            notes.append(" <span class=\"muted\">(\(t(Phrase("corrects", "更正"))) #\(Int(target)))</span>")
        }
        if let by = correctedBy {
            notes.append(" <span class=\"state warning\">\(t(Phrase("corrected by", "已被更正")) ) #\(Int(by))</span>")
        }
        var details: HTML = ""
        if let fault {
            let fields: [HTML] = zip(FaultDetails.fieldNames, fault.details.values).map { name, value in
                "<dt>\(t(Self.faultPhrase(name)))</dt><dd>\(value ?? "—")</dd>"
            }
            let missing: HTML =
                fault.isComplete
                ? ""
                : " <span class=\"state warning\">\(t(.lacks)) \(fault.missingFields.joined(separator: ", "))</span> <a href=\"/duty-log/complete?fault=\(Int(entry.id))\">\(t(Phrase("complete", "补记")))</a>"
            details = "\(missing)<dl class=\"fault\">\(fields)</dl>"
        }
        return """
            <tr id="entry-\(Int(entry.id))" class="\(entry.source.rawValue)"><td>\(Int(entry.id))</td><td>\(entry.day.description)</td>
            <td>\(clock.time(entry.time))</td><td>\(category)</td><td>\(author)</td><td>\(entry.text)\(notes)\(details)</td></tr>
            """
    }

    private func entryForm(_ forms: Forms, _ context: WebContext, _ t: Localizer) -> HTML {
        let categories = DutyLogCategory.manual.map { category in
            (value: category.rawValue, title: t.language == .chinese ? category.chinese : category.rawValue)
        }
        let errors = forms.entryErrors
        let chosen = forms.entry["category"].isEmpty ? DutyLogCategory.other.rawValue : forms.entry["category"]
        let categoryError: HTML =
            errors["category"].map { "<span class=\"field-error\" id=\"category-error\">\($0)</span>" } ?? ""
        return """
            <section class="card"><h2>\(t(Phrase("Daily entry", "日常记录")))</h2>\(errors.notice(t))
            <form method="post" action="/duty-log/entries" class="stack" id="entry-form">\(csrfField(context))
            \(select("category", label: t(Phrase("Category", "类别")), options: categories, selected: chosen))\(categoryError)
            \(textArea("text", label: t(Phrase("What was done", "工作内容")), value: forms.entry["text"], error: errors["text"]))
            \(field("corrects", label: t(Phrase("Corrects entry # (optional)", "更正第几条（可选）")), value: forms.entry["corrects"], error: errors["corrects"]))
            <button type="submit">\(t(Phrase("Add entry", "添加记录")))</button></form></section>
            """
    }

    private func faultForm(_ forms: Forms, _ context: WebContext, _ t: Localizer) -> HTML {
        let errors = forms.faultErrors
        let fields: [HTML] = FaultDetails.fieldNames.map { name in
            textArea(name, label: t(Self.faultPhrase(name)), value: forms.fault[name], error: errors[name], rows: 2)
        }
        return """
            <section class="card"><h2>\(t(Phrase("Major fault (Art. 105)", "重大故障（第105条）")))</h2>\(errors.notice(t))
            <form method="post" action="/duty-log/faults" class="stack" id="fault-form">\(csrfField(context))
            \(fields)
            \(field("device", label: t(Phrase("Device (optional)", "设备（可选）")), value: forms.fault["device"], error: errors["device"]))
            <button type="submit">\(t(Phrase("Record fault", "记录故障")))</button></form></section>
            """
    }

    /// The label of a fault field, by the records module's field name.
    static func faultPhrase(_ name: String) -> Phrase {
        switch name {
        case "symptom": Phrase("Symptom", "故障现象")
        case "cause": Phrase("Cause", "发生原因")
        case "handling": Phrase("Handling", "处理过程")
        case "participants": Phrase("Participants", "参加人员")
        case "result": Phrase("Result", "处理结果")
        default: Phrase(name, name)
        }
    }
}
