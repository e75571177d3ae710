import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// The supervisor's sign-off (Art. 105) and completing a major fault recorded without all five fields.

extension DutyLogModule {
    /// What a sign-off would cover now: the days from the oldest to the newest entry not yet
    /// reviewed, and every entry of those days (reviews excluded), as ``DutyLogBook/review`` signs them.
    struct Pending {
        var from: CalendarDay
        var to: CalendarDay
        var covered: [DutyLogEntry]
        var unreviewed: Set<Int64>
        /// The digest the sign-off will store, over the covered entries' hashes in id order.
        var digest: String
    }

    func pending() throws -> Pending? {
        let unreviewed = try book.unreviewed()
        guard let from = unreviewed.map(\.day).min(), let to = unreviewed.map(\.day).max() else { return nil }
        let covered = try book.entries(from: from, to: to).filter { $0.category != .review }.sorted { $0.id < $1.id }
        return Pending(
            from: from, to: to, covered: covered, unreviewed: Set(unreviewed.map(\.id)),
            digest: DutyLogReview.digest(ofHashes: covered.map(\.hash)))
    }

    func reviewPage(
        _ request: Request, _ context: WebContext, errors: RecordFormErrors, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let title = t(Phrase("Duty-log review", "工作日志审阅"))
        var notices: [HTML] = [errors.notice(t)]
        if let signed = try Query(request).text("signed") {
            notices.append(
                "<p class=\"notice\" role=\"status\">\(t(Phrase("Signed off: review", "已签署审阅"))) #\(signed)</p>")
        }
        if let notStaff = try staff.notStaffNotice(for: context.account, t) { notices.append(notStaff) }
        guard let pending = try pending() else {
            let content: HTML = """
                <h1>\(title)</h1>\(notices)<p id="nothing-to-review">\(t(Phrase("Every entry has been reviewed.", "所有记录均已审阅。")))</p>
                """
            return layout.page(title, content: content, request: request, context: context, status: status)
        }
        let names = try staff.names()
        let rows: [HTML] = pending.covered.map { entry in
            let earlier: HTML =
                pending.unreviewed.contains(entry.id)
                ? "" : " <span class=\"muted\">(\(t(Phrase("signed before", "此前已审阅"))))</span>"
            let author = entry.source == .automatic ? t(Phrase("agent", "自动")) : names[entry.author] ?? entry.author
            let category = t.language == .chinese ? entry.category.chinese : entry.category.rawValue
            return """
                <tr id="review-entry-\(Int(entry.id))"><td>\(Int(entry.id))</td><td>\(entry.day.description) \(clock.time(entry.time))</td>
                <td>\(category)</td><td>\(author)</td><td>\(entry.text)\(earlier)</td></tr>
                """
        }
        let incomplete = try book.faults(from: pending.from, to: pending.to).filter { !$0.isComplete }
        if !incomplete.isEmpty {
            notices.append(
                "<p class=\"notice error\">\(t(Phrase("Incomplete major faults in this period must be completed before it can be signed off", "本期有未填写完整的重大故障，补记后方可签署"))): \(incomplete.map { "#\($0.entry.id)" }.joined(separator: ", "))</p>"
            )
        }
        let content: HTML = """
            <h1>\(title)</h1>\(notices)
            <p>\(pending.from.description) – \(pending.to.description): \(pending.covered.count) \(t(Phrase("entries", "条"))),
            \(pending.unreviewed.count) \(t(Phrase("not yet reviewed", "待审阅")))</p>
            <section class="card wide"><table id="review-entries"><tr><th>#</th><th>\(t(Phrase("Time", "时间")))</th>
            <th>\(t(Phrase("Category", "类别")))</th><th>\(t(Phrase("By", "记录人")))</th><th>\(t(Phrase("Entry", "内容")))</th></tr>\(rows)</table></section>
            <form method="post" action="/duty-log/review" class="stack" id="review-form">\(csrfField(context))
            <input type="hidden" name="from" value="\(pending.from.description)"><input type="hidden" name="to" value="\(pending.to.description)">
            <input type="hidden" name="seen" value="\(pending.digest)">
            \(field("comment", label: t(Phrase("Remark (optional)", "审阅意见（可选）")), error: errors["comment"]))
            <button type="submit">\(t(Phrase("Sign off these entries", "签署以上记录")))</button></form>
            """
        return layout.page(title, content: content, request: request, context: context, status: status)
    }

    func signReview(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        var errors = RecordFormErrors()
        // Sign only what the supervisor saw: if entries arrived or changed since the page was
        // drawn, show the page again instead of signing entries nobody looked at.
        guard let pending = try pending(), CalendarDay(form["from"]) == pending.from,
            CalendarDay(form["to"]) == pending.to, form["seen"] == pending.digest
        else {
            errors.refuse(
                t(
                    Phrase(
                        "The log changed since the page was opened; nothing was signed. Look at the entries again.",
                        "页面打开后日志有变动，未签署。请重新查看后再签署。")))
            return try reviewPage(request, context, errors: errors, status: .conflict)
        }
        guard let supervisor = try staff.person(for: context.account) else {
            errors.refuse(t(.notStaff))
            return try reviewPage(request, context, errors: errors, status: .unprocessableContent)
        }
        do {
            let comment = form["comment"].trimmingCharacters(in: .whitespacesAndNewlines)
            let review = try audit.record(
                "duty-log.review", by: context,
                {
                    try book.review(
                        from: pending.from, to: pending.to, supervisor: supervisor.id,
                        comment: comment.isEmpty ? nil : comment)
                },
                entry: { review in
                    (
                        "duty-log #\(review.id)",
                        "review of \(pending.from)–\(pending.to) (\(pending.covered.count) entries) signed by \(supervisor.id)"
                    )
                })
            return Responses.redirect("/duty-log/review?signed=\(review.map { "\($0.id)" } ?? "")")
        } catch let error as RecordsError {
            errors.add(error, known: ["comment"], t)
            return try reviewPage(request, context, errors: errors, status: .unprocessableContent)
        }
    }

    // MARK: Completing a fault

    func completionPage(
        _ request: Request, _ context: WebContext, fault id: Int64, form: Form, errors: RecordFormErrors,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let title = t(Phrase("Complete a major fault", "补记重大故障"))
        guard let fault = try book.faults().first(where: { $0.entry.id == id }) else {
            return layout.message(.notFound, status: .notFound, request: request, context: context)
        }
        let fields: [HTML] = zip(FaultDetails.fieldNames, fault.details.values).map { name, value in
            if let value, errors[name] == nil { return "<dt>\(t(Self.faultPhrase(name)))</dt><dd>\(value)</dd>" }
            return textArea(name, label: t(Self.faultPhrase(name)), value: form[name], error: errors[name], rows: 2)
        }
        let content: HTML = """
            <h1>\(title) #\(Int(id))</h1>\(errors.notice(t))
            <form method="post" action="/duty-log/complete" class="stack" id="complete-form">\(csrfField(context))
            <input type="hidden" name="fault" value="\(Int(id))">\(fields)
            <button type="submit">\(t(.save))</button></form>
            """
        return layout.page(title, content: content, request: request, context: context, status: status)
    }

    func completeFault(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        guard let id = Int64(form["fault"]) else {
            return layout.message(.notFound, status: .notFound, request: request, context: context)
        }
        var errors = RecordFormErrors()
        guard let author = try staff.person(for: context.account) else {
            errors.refuse(t(.notStaff))
            return try completionPage(
                request, context, fault: id, form: form, errors: errors, status: .unprocessableContent)
        }
        do {
            let entry = try audit.record(
                "duty-log.complete", by: context,
                { try book.completeFault(id, with: Self.details(form), author: author.id) },
                entry: { entry in ("duty-log #\(id)", "major fault completed by \(author.id) in entry #\(entry.id)") })
            return Responses.redirect("/duty-log?saved=\(entry.map { "\($0.id)" } ?? "")")
        } catch let error as RecordsError {
            if case .missingField = error {
                // Nothing was filled in: each still-missing field is the one to fill.
                let missing = try book.faults().first { $0.entry.id == id }?.missingFields ?? []
                for name in missing { errors.required(name, t) }
            } else if case .notFound = error {
                return layout.message(.notFound, status: .notFound, request: request, context: context)
            } else {
                errors.add(error, known: Set(FaultDetails.fieldNames), t)
            }
        }
        return try completionPage(
            request, context, fault: id, form: form, errors: errors, status: .unprocessableContent)
    }
}
