import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangStore

/// `jifang alerts`: open alerts, or their whole history.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List open alerts (or, with --all, every alert with when it opened and cleared)."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "Include cleared alerts.")
    var all = false

    @Option(name: .long, help: "Only alerts of this device.")
    var device: String?

    func run() throws {
        let store = try Store(path: storeOptions.path, create: false)
        let alerts = try store.alerts(openOnly: !all, device: device)
        switch output.format {
        case .json:
            try printJSON(alerts.map(AlertRow.init))
        case .text:
            guard !alerts.isEmpty else {
                print(all ? "No alerts recorded." : "No open alerts.")
                return
            }
            let formatter = ISO8601DateFormatter()
            var table = TextTable(headers: [
                "ID", "DEVICE", "TYPE", "SUBJECT", "SEVERITY", "OPENED", "CLEARED", "MESSAGE",
            ])
            for alert in alerts {
                table.append([
                    String(alert.id), alert.condition.device, alert.condition.type.rawValue, alert.condition.subject,
                    alert.condition.severity.rawValue, formatter.string(from: alert.openedAt),
                    alert.clearedAt.map { formatter.string(from: $0) } ?? "open", alert.condition.message,
                ])
            }
            print(table.render())
        }
    }
}

/// An alert as `--format json` prints it: flat, with `null` for an open alert's `clearedAt`.
private struct AlertRow: Encodable {
    var alert: Alert
    private enum Key: String, CodingKey {
        case id, device, type, subject, severity, message, openedAt, lastSeenAt, clearedAt, openedByPoll
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(alert.id, forKey: .id)
        try c.encode(alert.condition.device, forKey: .device)
        try c.encode(alert.condition.type, forKey: .type)
        try c.encode(alert.condition.subject, forKey: .subject)
        try c.encode(alert.condition.severity, forKey: .severity)
        try c.encode(alert.condition.message, forKey: .message)
        try c.encode(alert.openedAt, forKey: .openedAt)
        try c.encode(alert.lastSeenAt, forKey: .lastSeenAt)
        try c.encode(alert.clearedAt, forKey: .clearedAt)
        try c.encode(alert.openedByPoll, forKey: .openedByPoll)
    }
}
