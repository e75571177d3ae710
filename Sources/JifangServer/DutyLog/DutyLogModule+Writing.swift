import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// Writing entries and major faults: one set of checks for the web forms and the JSON API.

extension DutyLogModule {
    /// Checks and stores a daily entry as `account`'s staff member, unless `errors` already holds
    /// a refusal; refusals are added to `errors` and nothing is stored.
    func writeEntry(
        category: DutyLogCategory, text: String, corrects: Int64?, by account: Account?,
        _ errors: inout RecordFormErrors, _ t: Localizer
    ) throws -> DutyLogEntry? {
        if !DutyLogCategory.manual.contains(category) {
            let choices = DutyLogCategory.manual.map(\.rawValue).joined(separator: ", ")
            errors.add("category", t(Phrase("Choose a category: \(choices).", "请选择类别：\(choices)。")))
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.required("text", t) }
        let author = try staff.person(for: account)
        if author == nil { errors.refuse(t(.notStaff)) }
        guard errors.isEmpty, let author else { return nil }
        do {
            return try book.add(category: category, text: text, author: author.id, corrects: corrects)
        } catch let error as RecordsError {
            if case .notFound = error { errors.add("corrects", error.description) }
            errors.add(error, known: ["category", "text", "corrects"], t)
            return nil
        }
    }

    /// Checks and stores a major fault as `account`'s staff member; problems are added to
    /// `errors` and nothing is stored.
    ///
    /// A record made here is the detailed record Art. 105 asks for, so all five fields are
    /// required (the records module itself accepts a symptom alone, to be completed later).
    func writeFault(
        _ details: FaultDetails, device: String?, by account: Account?, _ errors: inout RecordFormErrors,
        _ t: Localizer
    ) throws -> DutyLogEntry? {
        for name in details.missingFields { errors.required(name, t) }
        let author = try staff.person(for: account)
        if author == nil { errors.refuse(t(.notStaff)) }
        guard errors.isEmpty, let author else { return nil }
        let device = device?.trimmingCharacters(in: .whitespaces)
        do {
            return try book.recordFault(details, author: author.id, device: device?.isEmpty == false ? device : nil)
        } catch let error as RecordsError {
            errors.add(error, known: Set(FaultDetails.fieldNames), t)
            return nil
        }
    }

    // MARK: The web forms

    func addEntry(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        var errors = RecordFormErrors()
        let correctsText = form["corrects"].trimmingCharacters(in: .whitespaces)
        let corrects = Int64(correctsText)
        if !correctsText.isEmpty, corrects == nil {
            errors.add("corrects", t(Phrase("Give an entry number.", "请填写记录编号。")))
        }
        let written = try audit.record(
            "duty-log.entry", by: context,
            {
                try writeEntry(
                    category: DutyLogCategory(rawValue: form["category"]), text: form["text"], corrects: corrects,
                    by: context.account, &errors, t)
            },
            entry: Self.auditEntry)
        if let entry = written {
            return Responses.redirect("/duty-log?saved=\(entry.id)")
        }
        return try logPage(
            request, context, forms: Forms(entry: form, entryErrors: errors), status: .unprocessableContent)
    }

    func recordFault(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        var errors = RecordFormErrors()
        let written = try audit.record(
            "duty-log.fault", by: context,
            {
                try writeFault(
                    Self.details(form), device: form["device"], by: context.account, &errors, context.localizer(request)
                )
            },
            entry: Self.auditEntry)
        if let entry = written {
            return Responses.redirect("/duty-log?saved=\(entry.id)")
        }
        return try logPage(
            request, context, forms: Forms(fault: form, faultErrors: errors), status: .unprocessableContent)
    }

    /// The audit trail's subject and detail for an entry written through a form.
    static func auditEntry(_ entry: DutyLogEntry) -> (subject: String, detail: String) {
        let device = entry.device.map { " on \($0)" } ?? ""
        return (
            "duty-log #\(entry.id)", "\(entry.category.rawValue) by \(entry.author)\(device): \(entry.text.prefix(200))"
        )
    }

    /// The five fields of a form, by the records module's field names; blank fields are nil.
    static func details(_ form: Form) -> FaultDetails {
        func value(_ name: String) -> String? {
            let text = form[name].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        return FaultDetails(
            symptom: value("symptom"), cause: value("cause"), handling: value("handling"),
            participants: value("participants"), result: value("result"))
    }
}
