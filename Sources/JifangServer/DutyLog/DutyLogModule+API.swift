import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// Writing the duty log through the API: the same checks as the forms, as the token's staff member.

extension DutyLogModule {
    func registerAPIWrites(on routes: SecuredRoutes) {
        routes.postJSON("/api/v1/duty-log", .writeDutyLog, as: APINewEntry.self) { _, context, body in
            var errors = RecordFormErrors()
            let author = try writer(context.account)
            guard
                let entry = try writeEntry(
                    category: DutyLogCategory(rawValue: body.category), text: body.text, corrects: body.corrects,
                    by: context.account, &errors, .api)
            else { throw errors.jsonRefusal }
            return JSONWrite(
                body: entry, action: "duty-log.entry", subject: "duty-log #\(entry.id)",
                detail: "\(entry.category.rawValue) by \(author.id): \(entry.text.prefix(200))")
        }
        routes.postJSON("/api/v1/duty-log/faults", .writeDutyLog, as: APINewFault.self) { _, context, body in
            var errors = RecordFormErrors()
            let author = try writer(context.account)
            guard
                let entry = try writeFault(
                    body.details, device: body.device, by: context.account, &errors, .api)
            else { throw errors.jsonRefusal }
            return JSONWrite(
                body: entry, action: "duty-log.fault", subject: "duty-log #\(entry.id)",
                detail:
                    "major fault by \(author.id)\(entry.device.map { " on \($0)" } ?? ""): \(entry.text.prefix(200))")
        }
    }

    /// The staff member `account` writes as; an account that is none may not write (403).
    private func writer(_ account: Account?) throws -> StaffMember {
        try staff.apiActor(account, mayNot: "write the duty log")
    }

    static var apiWritePaths: [String: OpenAPIValue] {
        [
            "/api/v1/duty-log": OpenAPIDocument.post(
                "Adds a daily entry as the token's staff member; it joins the hash chain",
                body: [
                    "type": "object", "required": ["category", "text"],
                    "properties": [
                        "category": [
                            "type": "string", "enum": .array(DutyLogCategory.manual.map { .string($0.rawValue) }),
                        ],
                        "text": ["type": "string"],
                        "corrects": ["type": "integer", "description": "The id of the entry this one corrects"],
                    ],
                ],
                created: entrySchema, permission: Permission.writeDutyLog.rawValue),
            "/api/v1/duty-log/faults": OpenAPIDocument.post(
                "Records a major fault (Art. 105) with all five fields, as the token's staff member",
                body: [
                    "type": "object", "required": .array(FaultDetails.fieldNames.map { .string($0) }),
                    "properties": [
                        "symptom": ["type": "string"], "cause": ["type": "string"], "handling": ["type": "string"],
                        "participants": ["type": "string"], "result": ["type": "string"],
                        "device": ["type": "string", "description": "The device's inventory name, if one"],
                    ],
                ],
                created: entrySchema, permission: Permission.writeDutyLog.rawValue),
        ]
    }
}

/// The body of `POST /api/v1/duty-log`.
struct APINewEntry: Decodable, Sendable {
    var category: String
    var text: String
    var corrects: Int64?
}

/// The body of `POST /api/v1/duty-log/faults`. The five fields are optional here so that a
/// missing one is refused by the form's own five-field check, which names it.
struct APINewFault: Decodable, Sendable {
    var symptom: String?
    var cause: String?
    var handling: String?
    var participants: String?
    var result: String?
    var device: String?

    /// The five fields, read as the form reads its own (blank is missing).
    var details: FaultDetails {
        DutyLogModule.details(
            Form(
                [
                    "symptom": symptom, "cause": cause, "handling": handling, "participants": participants,
                    "result": result,
                ]
                .compactMapValues { $0 }))
    }
}

extension RecordFormErrors {
    /// The API's refusal of what a form would show: 400 naming the first field at fault, with
    /// every message; a refusal of no single field has none.
    var jsonRefusal: JSONRefusal {
        let messages = order.map { field in
            let message = self[field] ?? ""
            return message.hasPrefix("\(field):") ? message : "\(field): \(message)"
        }
        return JSONRefusal((messages + (general.map { [$0] } ?? [])).joined(separator: " "), field: order.first)
    }
}
