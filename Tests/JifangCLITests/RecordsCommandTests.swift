import Foundation
import JifangTesting
import Testing

/// `jifang assets|log|docs|staff` run as a person would, against a store in a temporary directory.
@Suite(.serialized) struct RecordsCommandTests {
    let directory: TemporaryDirectory
    let database: String
    let jifang: CommandRunner

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-cli-records")
        database = directory.appending("jifang.sqlite").path
        jifang = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: ["JIFANG_DATABASE": database],
            workingDirectory: PackagePaths.root)
    }

    @discardableResult
    func run(_ arguments: String..., status: Int32 = 0) throws -> CommandRunner.Output {
        let output = try jifang.run(arguments)
        #expect(output.status == status, "\(arguments.joined(separator: " ")): \(output)")
        return output
    }

    func json(_ arguments: String...) throws -> Any {
        let output = try jifang.run(arguments + ["--format", "json"])
        #expect(output.status == 0, "\(output)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    func registerStaff() throws {
        try run("staff", "add", "zhangwei", "张伟", "--role", "technician", "--degree", "associate")
        try run("staff", "add", "lina", "李娜", "--role", "supervisor", "administrator")
        try run("staff", "add", "wangfang", "王芳", "--role", "keeper")
    }

    @Test func aDayOfWorkAFaultAndTheSupervisorsReview() throws {
        defer { directory.remove() }
        try registerStaff()
        try run("log", "add", "data-upload", "上报11月人口变动数据", "--by", "张伟", "--day", "2026-11-05")
        try run("log", "fault", "--symptom", "专网中断", "--cause", "光纤被挖断", "--by", "zhangwei", "--day", "2026-11-05")
        let refused = try run("log", "review", "--from", "2026-11-05", "--by", "李娜", status: 1)
        #expect(refused.stderr.contains("lacks handling, participants, result"))
        try run(
            "log", "fault", "--update", "2", "--handling", "联系电信抢修", "--participants", "张伟、李娜", "--result", "恢复",
            "--by", "zhangwei")
        try run("log", "review", "--from", "2026-11-05", "--by", "李娜")

        let entries = try #require(try json("log", "list", "--from", "2026-11-01") as? [[String: Any]])
        #expect(entries.first?["text"] as? String == "上报11月人口变动数据")
        #expect(entries.map { $0["category"] as? String } == ["data-upload", "fault", "fault-update", "review"])
        let text = try run("log", "list").stdout
        #expect(text.contains("数据上报"))
        #expect(text.contains("李娜"))
        #expect(try run("log", "verify").stdout.contains("intact: 4 entries"))
    }

    @Test func verifyNamesAnEntryEditedWithTheSqliteTool() throws {
        defer { directory.remove() }
        try registerStaff()
        for day in ["2026-11-02", "2026-11-03", "2026-11-04"] {
            try run("log", "add", "other", "巡检机房", "--by", "zhangwei", "--day", day)
        }
        let sqlite = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let edit = try sqlite.run([
            database, "DROP TRIGGER duty_log_no_update; UPDATE duty_log SET text = '无' WHERE id = 2;",
        ])
        #expect(edit.status == 0, "\(edit)")
        let verify = try run("log", "verify", status: 1)
        #expect(verify.stdout.contains("edited: entry 2 of 2026-11-03 was edited"))
    }

    @Test func aKeeperLendsAndTakesBackAManual() throws {
        defer { directory.remove() }
        try registerStaff()
        try run("assets", "add", "--tag", "RT-01", "--name", "核心路由器", "--kind", "router", "--by", "lina")
        try run(
            "docs", "add", "D-001", "AR2220 配置手册", "--category", "equipment", "--keeper", "王芳", "--asset", "RT-01",
            "--price", "85")
        let outsider = try run("docs", "lend", "D-001", "--to", "外单位", "--by", "wangfang", status: 1)
        #expect(outsider.stderr.contains("外单位 is not registered staff"))
        let loan = try #require(
            try json("docs", "lend", "D-001", "--to", "张伟", "--by", "王芳", "--day", "2026-10-01") as? [String: Any])
        #expect(loan["due"] as? String == "2026-10-31")
        let overdue = try #require(try json("docs", "overdue", "--day", "2026-11-02") as? [[String: Any]])
        #expect(overdue.count == 1)
        let back = try #require(
            try json("docs", "return", "D-001", "--condition", "damaged", "--by", "wangfang", "--day", "2026-11-02")
                as? [String: Any])
        #expect(back["compensation"] as? Double == 85)
    }

    @Test func csvImportRejectsABadLineAndStoresNothing() throws {
        defer { directory.remove() }
        try registerStaff()
        let file = directory.appending("assets.csv").path
        try "asset_tag,name,category,status\nPC-1,办公电脑,pc,in-use\nPC-2,打印机,printer,borrowed\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let bad = try run("assets", "import", file, "--by", "lina", status: 1)
        #expect(bad.stderr.contains("assets.csv:3: column status: \"borrowed\" is not a state"))
        let listed = try #require(try json("assets", "list") as? [Any])
        #expect(listed.isEmpty)

        try "Asset Tag,Item Name,Category,Status\nPC-1,办公电脑,pc,Deployed\nPC-2,打印机,printer,Ready to Deploy\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        try run("assets", "import", file, "--by", "lina")
        let exported = try run("assets", "export").stdout
        #expect(exported.hasPrefix("asset_tag,name,category,status,"))
        #expect(exported.contains("PC-2,打印机,printer,idle,"))
        try run("assets", "edit", "PC-1", "--location", "三楼机房", "--responsible", "张伟", "--by", "lina")
        let shown = try #require(try json("assets", "show", "PC-1") as? [String: Any])
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(
            history.contains {
                $0["field"] as? String == "location" && $0["after"] as? String == "三楼机房"
                    && $0["actor"] as? String == "lina"
            })
        let due = try #require(try json("assets", "power-on-due", "--day", "2099-01-01") as? [[String: Any]])
        #expect(due.map { $0["asset"] as? String } == ["PC-2"])
    }
}
