/// The OpenAPI 3 document served at /api/v1/openapi.json, assembled from every module's paths.
enum OpenAPIDocument {
    static func make(paths: [String: OpenAPIValue]) -> OpenAPIValue {
        [
            "openapi": "3.0.3",
            "info": [
                "title": "Jifang API",
                "version": "1",
                "description":
                    "Machine-room devices, health, spec findings and alerts; duty-log writes. Authenticate with `Authorization: Bearer <token>` from `jifang users token`, or a browser session.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas,
            ],
        ]
    }

    static func ref(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func arrayOf(_ name: String) -> OpenAPIValue { ["type": "array", "items": ref(name)] }

    static func get(_ summary: String, _ schema: OpenAPIValue, parameters: [OpenAPIValue] = []) -> OpenAPIValue {
        [
            "get": [
                "summary": .string(summary),
                "parameters": .array(parameters),
                "responses": [
                    "200": ["description": "OK", "content": ["application/json": ["schema": schema]]],
                    "401": [
                        "description": "No session or API token",
                        "content": ["application/json": ["schema": ref("Error")]],
                    ],
                    "403": [
                        "description": "The account's role may not read this",
                        "content": ["application/json": ["schema": ref("Error")]],
                    ],
                ],
            ]
        ]
    }

    /// A JSON write (``SecuredRoutes/postJSON(_:_:as:_:)``): its request body and what 201 returns.
    static func post(
        _ summary: String, body: OpenAPIValue, created: OpenAPIValue, permission: String, success: String = "201",
        parameters: [OpenAPIValue] = []
    ) -> OpenAPIValue {
        func error(_ description: String) -> OpenAPIValue {
            ["description": .string(description), "content": ["application/json": ["schema": ref("Error")]]]
        }
        var responses: [String: OpenAPIValue] = [
            success: ["description": "Stored", "content": ["application/json": ["schema": created]]],
            "400": error("The body is refused; `field` names the field at fault. Nothing was stored."),
            "401": error("No API token (a session cookie is not taken for writes)"),
            "403": error("The account's role may not write this, or the account is not registered staff"),
            "415": error("The body is not application/json"),
        ]
        if !parameters.isEmpty { responses["404"] = error("Nothing of that id to write to") }
        return [
            "post": [
                "summary": .string(summary),
                "parameters": .array(parameters),
                "description": .string(
                    "Takes an API token only (a browser session is refused with 401; browsers use the page's form). "
                        + "Needs the \(permission) permission. The write is added to the audit trail with the token's account as actor."
                ),
                "requestBody": ["required": true, "content": ["application/json": ["schema": body]]],
                "responses": .object(responses),
            ]
        ]
    }

    static func parameter(_ name: String, in location: String, _ description: String, required: Bool = false)
        -> OpenAPIValue
    {
        [
            "name": .string(name), "in": .string(location), "required": .bool(required || location == "path"),
            "description": .string(description), "schema": ["type": "string"],
        ]
    }

    /// The monitoring API's paths.
    static let monitoringPaths: [String: OpenAPIValue] = [
        "/api/v1/devices": get("Every device with its state, open alerts and failed findings", arrayOf("Device")),
        "/api/v1/devices/{name}": get(
            "One device: summary, latest health, findings and open alerts", ref("DeviceDetail"),
            parameters: [parameter("name", in: "path", "The device's inventory name")]),
        "/api/v1/devices/{name}/observations": get(
            "Samples of one metric of a device (raw) or its hourly/daily roll-ups",
            ["type": "array", "items": ["type": "object"]],
            parameters: [
                parameter("name", in: "path", "The device's inventory name"),
                parameter(
                    "metric", in: "query", "cpu.percent, memory.percent, if.inBps, if.outBps, ups.chargePercent, …",
                    required: true),
                parameter("instance", in: "query", "An interface, sensor or storage name"),
                parameter("from", in: "query", "ISO 8601 start (default: 24 hours before `to`)"),
                parameter("to", in: "query", "ISO 8601 end (default: now)"),
                parameter("resolution", in: "query", "raw (default), hourly or daily"),
            ]),
        "/api/v1/alerts": get(
            "Open alerts, or all with ?all=true", arrayOf("Alert"),
            parameters: [
                parameter("all", in: "query", "true for cleared alerts too"),
                parameter("device", in: "query", "Only this device"),
            ]),
        "/api/v1/findings": get("The latest spec findings of every device", arrayOf("DeviceFindings")),
        "/api/v1/audit": get(
            "The audit trail, newest first (administrators and auditors)", arrayOf("AuditEntry"),
            parameters: [parameter("limit", in: "query", "At most this many entries (default 200)")]),
        "/api/v1/openapi.json": get("This document", ["type": "object"]),
    ]

    static let schemas: OpenAPIValue = [
        "Error": [
            "type": "object", "required": ["error"],
            "properties": [
                "error": ["type": "string"],
                "field": ["type": "string", "description": "The request body's field at fault, when one is"],
            ],
        ],
        "Device": [
            "type": "object",
            "required": ["name", "address", "port", "kind", "state", "openAlerts", "failedFindings"],
            "properties": [
                "name": ["type": "string"], "address": ["type": "string"], "port": ["type": "integer"],
                "unit": ["type": "string", "nullable": true], "location": ["type": "string", "nullable": true],
                "kind": ["type": "string", "enum": ["router", "switch", "server", "ups", "firewall", "other"]],
                "vendor": ["type": "string", "nullable": true], "model": ["type": "string", "nullable": true],
                "serial": ["type": "string", "nullable": true],
                "state": ["type": "string", "enum": ["up", "down", "stale", "unpolled"]],
                "lastPollAt": ["type": "string", "format": "date-time", "nullable": true],
                "lastPollError": ["type": "string", "nullable": true],
                "openAlerts": ["type": "integer"], "failedFindings": ["type": "integer"],
            ],
        ],
        "DeviceDetail": [
            "type": "object",
            "properties": [
                "device": ref("Device"), "health": ["type": "object", "nullable": true],
                "findings": arrayOf("Finding"), "openAlerts": arrayOf("Alert"),
            ],
        ],
        "Finding": [
            "type": "object",
            "properties": [
                "rule": ["type": "string"], "article": ["type": "string", "nullable": true],
                "status": ["type": "string", "enum": ["pass", "fail", "unknown"]], "message": ["type": "string"],
                "observed": ["type": "string", "nullable": true], "source": ["type": "string", "nullable": true],
            ],
        ],
        "DeviceFindings": [
            "type": "object", "properties": ["device": ["type": "string"], "findings": arrayOf("Finding")],
        ],
        "Alert": [
            "type": "object",
            "properties": [
                "id": ["type": "integer"], "device": ["type": "string"], "type": ["type": "string"],
                "subject": ["type": "string"],
                "severity": ["type": "string", "enum": ["info", "warning", "critical"]],
                "message": ["type": "string"], "openedAt": ["type": "string", "format": "date-time"],
                "lastSeenAt": ["type": "string", "format": "date-time"],
                "clearedAt": ["type": "string", "format": "date-time", "nullable": true],
                "openedByPoll": ["type": "integer", "nullable": true],
            ],
        ],
        "AuditEntry": [
            "type": "object",
            "properties": [
                "id": ["type": "integer"], "time": ["type": "string", "format": "date-time"],
                "actor": ["type": "string"],
                "action": ["type": "string"], "subject": ["type": "string"], "detail": ["type": "string"],
                "origin": ["type": "string", "nullable": true],
            ],
        ],
    ]
}
