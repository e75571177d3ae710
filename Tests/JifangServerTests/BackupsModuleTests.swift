import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangAgents
import JifangModel
import JifangServer
import JifangStore
import Testing

/// The backup register's pages, what is due, masked diffs, the API and /metrics.
@Suite(.serialized)
struct BackupsModuleTests {
    @Test func thePageShowsTheRegisterWhatIsDueAndConfigurationVersions() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("auditor")
            let page = String(buffer: try await browser.get("/backups").body)
            #expect(
                page.contains("id=\"due\"") && page.contains("registry-db"), "the database has no backup this month")
            #expect(page.contains("no good backup for"), "the agent's reason is shown")
            let size = ByteCountFormatter.string(fromByteCount: 123_456, countStyle: .file)
            #expect(page.contains("server-logs") && page.contains(size), "the size is shown")
            #expect(page.contains(String(repeating: "ab", count: 8)), "SHA-256 shown")
            #expect(page.contains("href=\"/backups/2/diff\""), "configuration version links its diff")
            let diff = String(buffer: try await browser.get("/backups/2/diff").body)
            #expect(diff.contains("snmp-agent community read ****") && diff.contains("sysname core-router-2"))
            #expect(try await browser.get("/backups/1/diff").status == .notFound, "a backup has no diff")
            let dashboard = String(buffer: try await browser.get("/").body)
            #expect(dashboard.contains("id=\"backups-due\"") && dashboard.contains("registry-db"))
        }
    }

    @Test func metricsGiveTheAgeOfEachTargetsLastGoodBackup() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(username: "administrator", label: "p", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let response = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"])
            let text = String(buffer: response.body)
            #expect(text.contains("# TYPE jifang_backup_age_seconds gauge"))
            let line = try #require(
                text.split(separator: "\n").first { $0.hasPrefix("jifang_backup_age_seconds{target=\"server-logs\"}") })
            let age = try #require(Double(line.split(separator: " ").last ?? ""))
            #expect(age >= 7000 && age < 7200, "finished 7000 s ago: \(line)")
            #expect(text.contains("jifang_backup_age_seconds{target=\"core-router-config\"}"))
            #expect(!text.contains("target=\"registry-db\""), "never backed up: no age")
            #expect(
                text.contains("jifang_backups_due{state=\"due\"}")
                    || text.contains("jifang_backups_due{state=\"overdue\"}"))
        }
    }

    @Test func theAPIReturnsTheRegisterAndWhatIsDue() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(username: "technician", label: "t", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let all = try await client.execute(uri: "/api/v1/backups", method: .get, headers: headers)
            let records = try JSONDecoder.jifangAPI.decode([BackupRecord].self, from: Data(buffer: all.body))
            #expect(records.map(\.target) == ["server-logs", "core-router-config"])
            let configs = try await client.execute(uri: "/api/v1/backups?kind=config", method: .get, headers: headers)
            #expect(try JSONDecoder.jifangAPI.decode([BackupRecord].self, from: Data(buffer: configs.body)).count == 1)
            let due = try await client.execute(uri: "/api/v1/backups/due", method: .get, headers: headers)
            let items = try JSONDecoder.jifangAPI.decode([DueItem].self, from: Data(buffer: due.body))
            #expect(items.contains { $0.target == "registry-db" && $0.kind == .backup })
        }
    }
}

extension JSONDecoder {
    static var jifangAPI: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
