import Foundation
import JifangAgents
import JifangModel

/// The /backups page: what is due, the register, and configuration versions with their diffs.
struct BackupsPage {
    let localizer: Localizer
    private var t: Localizer { localizer }

    init(localizer: Localizer) { self.localizer = localizer }

    /// - Parameters:
    ///   - records: the register, newest first.
    ///   - due: the schedule's answer, or why the backup files could not be read.
    func render(records: [BackupRecord], due: Result<[DueItem], any Error>) -> HTML {
        """
        <h1>\(t(.backups))</h1>
        <div class="grid">\(dueSection(due))</div>
        \(register(records.filter { $0.kind != .config }))
        \(configVersions(records.filter { $0.kind == .config }))
        """
    }

    private func dueSection(_ due: Result<[DueItem], any Error>) -> HTML {
        let body: HTML
        switch due {
        case .failure(let error):
            body = "<p class=\"notice error\">\(String(describing: error))</p>"
        case .success(let items) where items.isEmpty:
            body = "<p>\(t(Phrase("Nothing is due.", "没有待备份项。")))</p>"
        case .success(let items):
            let rows: [HTML] = items.map { item in
                """
                <tr><td>\(item.target)</td><td>\(item.kind.rawValue)</td><td>\(item.period)</td>
                <td><span class="state \(item.state == .overdue ? "fail" : "warning")">\(t(item.state.phrase))</span></td>
                <td>\(item.reason)</td></tr>
                """
            }
            body = """
                <table><tr><th>\(t(.backupTarget))</th><th>\(t(.backupKind))</th><th>\(t(.backupPeriod))</th><th>\(t(.backupState))</th>
                <th>\(t(Phrase("Reason", "原因")))</th></tr>\(rows)</table>
                """
        }
        return """
            <section class="card wide" id="due"><h2>\(t(Phrase("Due and overdue", "待备份与逾期")))</h2>\(body)</section>
            """
    }

    private func register(_ records: [BackupRecord]) -> HTML {
        let rows: [HTML] = records.prefix(500).map { record in
            """
            <tr><td>\(Int(record.id))</td><td>\(record.target)</td><td>\(record.kind.rawValue)</td><td>\(record.period)</td>
            <td>\(Format.timestamp(record.finishedAt ?? record.startedAt))</td><td>\(Self.size(record.size))</td>
            <td><code title="\(record.sha256)">\(record.sha256.map { String($0.prefix(16)) })</code></td>
            <td><span class="state \(Self.stateClass(record.status))">\(record.status.rawValue)</span>\
            \(record.verified == false ? HTML(" <span class=\"state fail\">verify</span>") : "")</td>
            <td>\(HTML(unsafe: record.locations.map(HTML.escape).joined(separator: "<br>")))</td></tr>
            """
        }
        return """
            <section class="card wide" id="register"><h2>\(t(Phrase("Backup register", "备份登记"))) (Art. 28)</h2>
            <table><tr><th>#</th><th>\(t(.backupTarget))</th><th>\(t(.backupKind))</th><th>\(t(.backupPeriod))</th>
            <th>\(t(Phrase("Time", "时间")))</th><th>\(t(Phrase("Size", "大小")))</th><th>SHA-256</th><th>\(t(.backupState))</th>
            <th>\(t(Phrase("Locations", "存放位置")))</th></tr>\(rows)</table></section>
            """
    }

    private func configVersions(_ records: [BackupRecord]) -> HTML {
        let rows: [HTML] = records.prefix(200).map { record in
            """
            <tr><td>\(Int(record.id))</td><td>\(record.target)</td><td>\(Format.timestamp(record.startedAt))</td>
            <td><code>\(record.sha256.map { String($0.prefix(16)) })</code></td>
            <td><span class="state \(Self.stateClass(record.status))">\(record.status.rawValue)</span></td>
            <td><a href="/backups/\(Int(record.id))/diff">\(t(Phrase("masked diff", "差异（已屏蔽）")))</a></td></tr>
            """
        }
        return """
            <section class="card wide" id="config-versions"><h2>\(t(Phrase("Configuration versions", "配置版本"))) (Art. 141)</h2>
            <table><tr><th>#</th><th>\(t(.backupTarget))</th><th>\(t(Phrase("Time", "时间")))</th><th>SHA-256</th>
            <th>\(t(.backupState))</th><th></th></tr>\(rows)</table></section>
            """
    }

    static func stateClass(_ status: BackupStatus) -> String {
        switch status {
        case .good: "pass"
        case .failed, .interrupted: "fail"
        case .running: "warning"
        case .pruned: "unknown"
        }
    }

    static func size(_ bytes: Int64?) -> String {
        guard let bytes else { return "—" }
        return ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file)
    }
}

extension Phrase {
    static let backupTarget = Phrase("Target", "备份对象")
    static let backupKind = Phrase("Kind", "类型")
    static let backupPeriod = Phrase("Period", "周期")
    static let backupState = Phrase("State", "状态")
}
