import JifangRecords

/// What a refused records form shows: an error per field, next to it (`id="<field>-error"`), and
/// a message for refusals that concern no single field (such as an author who is not staff).
struct RecordFormErrors: Sendable {
    private(set) var fields: [String: String] = [:]
    private(set) var general: String?
    /// The fields in the order their errors were added.
    private(set) var order: [String] = []

    init() {}

    var isEmpty: Bool { fields.isEmpty && general == nil }

    subscript(_ field: String) -> String? { fields[field] }

    mutating func add(_ field: String, _ message: String) {
        guard fields[field] == nil else { return }
        fields[field] = message
        order.append(field)
    }

    /// A refusal that concerns no single field, shown above the form.
    mutating func refuse(_ message: String) { general = message }

    /// A required field left empty, in the reader's language.
    mutating func required(_ field: String, _ t: Localizer) {
        add(field, t(.requiredField))
    }

    /// Files a refusal of the records module under the form field it names, if that is one of
    /// `known` (the form's field names), else as the general message, so a refusal is never
    /// left without a message shown.
    ///
    /// Form fields follow the records module's names except where `renaming` maps one of its
    /// names to the form's (the records module names fields as the command line does,
    /// `caused-by`, where a form has `causedBy`).
    mutating func add(
        _ error: RecordsError, known: Set<String>, renaming: [String: String] = [:], _ t: Localizer
    ) {
        switch error {
        case .missingField(let field, _) where known.contains(renaming[field] ?? field):
            required(renaming[field] ?? field, t)
        case .invalidField(let field, _, _) where known.contains(renaming[field] ?? field):
            add(renaming[field] ?? field, error.description)
        default:
            general = error.description
        }
    }

    /// The notice above a refused form.
    func notice(_ t: Localizer) -> HTML {
        guard !isEmpty else { return "" }
        let detail: HTML = general.map { message -> HTML in " \(message)" } ?? ""
        return "<p class=\"notice error\" role=\"alert\">\(t(.fixFields))\(detail)</p>"
    }
}

/// A multi-line text field with its error, like ``field(_:label:type:value:error:extra:)``.
func textArea(_ name: String, label: String, value: String = "", error: String?, rows: Int = 3) -> HTML {
    let invalid: HTML = error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
    let message: HTML = error.map { "<span class=\"field-error\" id=\"\(name)-error\">\($0)</span>" } ?? ""
    return """
        <label for="\(name)">\(label)</label>
        <textarea id="\(name)" name="\(name)" rows="\(rows)"\(invalid)>\(value)</textarea>\(message)
        """
}

extension Localizer {
    /// The API's: errors are in English, whatever language the token's account reads pages in.
    static let api = Localizer(.english)
}

extension Phrase {
    static let requiredField = Phrase("Required.", "必填。")
    static let dutyLog = Phrase("Duty log", "工作日志")
    static let assetRegister = Phrase("Assets", "设备档案")
    static let lendingDesk = Phrase("Lending desk", "资料借阅")
    static let notStaff = Phrase(
        "Your account is linked to no registered staff member (an administrator links it on the Accounts page), so you may read but not write these records.",
        "您的账户未关联登记在册的工作人员（由管理员在账户页面关联），只能查看、不能填写这些记录。")
}
