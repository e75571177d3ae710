import Foundation
import Hummingbird
import JifangModel
import JifangStore

/// Devices, their health over time, spec findings and alerts: the dashboard panels, the device
/// page and the alerts list.
public struct MonitoringModule: WebModule {
    let data: MonitoringData
    let layout: Layout

    public var navigation: [NavigationItem] {
        [
            NavigationItem(.dashboard, path: "/", permission: .viewMonitoring),
            NavigationItem(.alerts, path: "/alerts", permission: .viewMonitoring),
        ]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/devices/{name}", .viewMonitoring) { request, context in
            try devicePage(request, context)
        }
        routes.get("/alerts", .viewMonitoring) { request, context in
            try alertsPage(request, context)
        }
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        let snapshot = try data.snapshot()
        return [
            statePanel(snapshot, t), findingsPanel(snapshot, t), upsPanel(snapshot, t), alertsPanel(snapshot, t),
            devicesTable(snapshot, t),
        ]
    }

    // MARK: Dashboard panels

    private func statePanel(_ snapshot: MonitoringSnapshot, _ t: Localizer) -> HTML {
        let counts = DeviceState.allCases.map { state in
            (state, snapshot.devices.filter { snapshot.state(of: $0) == state }.count)
        }
        let total = max(1, snapshot.devices.count)
        var offset = 0.0
        var bars: [String] = []
        for (index, (state, count)) in counts.enumerated() where count > 0 {
            let width = 300.0 * Double(count) / Double(total)
            let color = ["#1f8f4e", "#c53030", "#b7791f", "#718096"][index]
            bars.append(
                "<rect x=\"\(offset)\" y=\"0\" width=\"\(width)\" height=\"18\" fill=\"\(color)\"><title>\(state.rawValue) \(count)</title></rect>"
            )
            offset += width
        }
        let list: [HTML] = counts.map { state, count in
            "<li><span class=\"state \(state.rawValue)\">\(t(state.phrase))</span> \(count)</li>"
        }
        return """
            <section class="card" id="device-states"><h2>\(t(Phrase("Devices by state", "设备状态")))</h2>
            <div class="big">\(snapshot.devices.count)</div>
            <svg class="chart" viewBox="0 0 300 18" role="img" aria-label="devices by state" xmlns="http://www.w3.org/2000/svg">\(HTML(unsafe: bars.joined()))</svg>
            <ul class="plain">\(list)</ul></section>
            """
    }

    private func findingsPanel(_ snapshot: MonitoringSnapshot, _ t: Localizer) -> HTML {
        let all = snapshot.findings.values.flatMap { $0 }
        let counts = FindingStatus.allCases.map { status in (status, all.filter { $0.status == status }.count) }
        let failing = snapshot.findings.sorted { $0.key < $1.key }.flatMap { device, findings in
            findings.filter { $0.status == .fail }.map { (device, $0) }
        }
        let rows: [HTML] = failing.prefix(8).map { device, finding in
            "<li><a href=\"/devices/\(device)\">\(device)</a>: \(finding.rule) <span class=\"muted\">\(finding.article)</span></li>"
        }
        let list: [HTML] = counts.map { status, count in
            "<span class=\"state \(status.rawValue)\">\(status.rawValue)</span> \(count) "
        }
        return """
            <section class="card" id="findings"><h2>\(t(Phrase("Spec findings", "规范检查")))</h2>
            <p>\(list)</p><ul>\(rows)</ul></section>
            """
    }

    private func upsPanel(_ snapshot: MonitoringSnapshot, _ t: Localizer) -> HTML {
        let units = snapshot.health.values.filter { $0.ups != nil }.sorted { $0.device.name < $1.device.name }
        let rows: [HTML] = units.map { health in
            let ups = health.ups!
            let source = ups.outputSource?.rawValue ?? "unknown"
            return """
                <tr><td><a href="/devices/\(health.device.name)">\(health.device.name)</a></td>
                <td><span class="state \(source)">\(source)</span></td>
                <td>\(Format.number(ups.batteryChargePercent, unit: " %"))</td>
                <td>\(Format.number(ups.runtimeMinutes, unit: " min"))</td>
                <td>\(Format.number(ups.loadPercent, unit: " %"))</td></tr>
                """
        }
        let body: HTML =
            rows.isEmpty
            ? "<p class=\"muted\">\(t(Phrase("No UPS reported yet.", "尚无 UPS 数据。")))</p>"
            : """
            <table><tr><th>UPS</th><th>\(t(Phrase("Source", "供电")))</th><th>\(t(Phrase("Charge", "电量")))</th>
            <th>\(t(Phrase("Runtime", "续航")))</th><th>\(t(Phrase("Load", "负载")))</th></tr>\(rows)</table>
            """
        return "<section class=\"card\" id=\"ups\"><h2>\(t(Phrase("UPS", "UPS 电源")))</h2>\(body)</section>"
    }

    private func alertsPanel(_ snapshot: MonitoringSnapshot, _ t: Localizer) -> HTML {
        let rows: [HTML] = snapshot.openAlerts.prefix(8).map { alert in
            "<li><span class=\"state \(alert.condition.severity.rawValue)\">\(alert.condition.severity.rawValue)</span> \(alert.condition.device): \(alert.condition.message)</li>"
        }
        return """
            <section class="card" id="open-alerts"><h2><a href="/alerts">\(t(Phrase("Open alerts", "未清除告警")))</a></h2>
            <div class="big">\(snapshot.openAlerts.count)</div><ul>\(rows)</ul></section>
            """
    }

    private func devicesTable(_ snapshot: MonitoringSnapshot, _ t: Localizer) -> HTML {
        let rows: [HTML] = snapshot.devices.map { device in
            let state = snapshot.state(of: device)
            let failed = snapshot.findings[device.name]?.filter { $0.status == .fail }.count ?? 0
            return """
                <tr><td><a href="/devices/\(device.name)">\(device.name)</a></td><td>\(device.kind.rawValue)</td>
                <td>\(device.vendor) \(device.model)</td><td>\(device.address)</td>
                <td><span class="state \(state.rawValue)">\(t(state.phrase))</span></td>
                <td>\(Format.age(device.lastPollAt, now: snapshot.takenAt, t))</td>
                <td>\(snapshot.openAlerts(of: device.name).count)</td><td>\(failed)</td></tr>
                """
        }
        return """
            <section class="card wide" id="devices"><h2>\(t(.devices))</h2><table>
            <tr><th>\(t(Phrase("Name", "名称")))</th><th>\(t(Phrase("Kind", "类型")))</th><th>\(t(Phrase("Model", "型号")))</th>
            <th>\(t(Phrase("Address", "地址")))</th><th>\(t(Phrase("State", "状态")))</th><th>\(t(Phrase("Last poll", "最近轮询")))</th>
            <th>\(t(.alerts))</th><th>\(t(Phrase("Failed checks", "不合格项")))</th></tr>\(rows)</table></section>
            """
    }

    // MARK: Pages

    private func alertsPage(_ request: Request, _ context: WebContext) throws -> Response {
        let t = context.localizer(request)
        let all = try Query(request).flag("all")
        let alerts = try data.store.alerts(openOnly: !all).sorted { $0.openedAt > $1.openedAt }
        let rows: [HTML] = alerts.prefix(500).map { alert in
            """
            <tr><td>\(Format.timestamp(alert.openedAt))</td><td><a href="/devices/\(alert.condition.device)">\(alert.condition.device)</a></td>
            <td>\(alert.condition.type.rawValue)</td><td>\(alert.condition.subject)</td>
            <td><span class="state \(alert.condition.severity.rawValue)">\(alert.condition.severity.rawValue)</span></td>
            <td>\(alert.condition.message)</td><td>\(alert.clearedAt.map(Format.timestamp) ?? "—")</td></tr>
            """
        }
        let content: HTML = """
            <h1>\(t(.alerts))</h1>
            <p class="tabs"><a href="/alerts">\(t(Phrase("Open", "未清除")))</a><a href="/alerts?all=1">\(t(Phrase("All", "全部")))</a></p>
            <table><tr><th>\(t(Phrase("Opened", "发生时间")))</th><th>\(t(.devices))</th><th>\(t(Phrase("Type", "类型")))</th>
            <th>\(t(Phrase("Subject", "对象")))</th><th>\(t(Phrase("Severity", "级别")))</th><th>\(t(Phrase("Message", "说明")))</th>
            <th>\(t(Phrase("Cleared", "清除时间")))</th></tr>\(rows)</table>
            """
        return layout.page(t(.alerts), content: content, request: request, context: context)
    }

    private func devicePage(_ request: Request, _ context: WebContext) throws -> Response {
        let t = context.localizer(request)
        guard let name = context.parameters.get("name"), let device = try data.store.device(named: name) else {
            return layout.message(.notFound, status: .notFound, request: request, context: context)
        }
        let range = try Query(request).choice("range", default: ChartRange.day)
        let now = Date()
        let health = try data.store.latestHealth(device: name)
        let findings = try data.store.findings(device: name)
        let charts = try DeviceCharts(store: data.store, device: name, range: range, now: now).render(t)
        let findingRows: [HTML] = findings.map { finding in
            """
            <tr><td><span class="state \(finding.status.rawValue)">\(finding.status.rawValue)</span></td><td>\(finding.rule)</td>
            <td>\(finding.article)</td><td>\(finding.message)</td><td>\(finding.observed)</td><td>\(finding.source)</td></tr>
            """
        }
        let interfaceRows: [HTML] = (health?.interfaces ?? []).map { interface in
            """
            <tr><td>\(interface.name)</td><td><span class="state \(interface.operStatus == .up ? "up" : "down")">\(interface.operStatus.rawValue)</span></td>
            <td>\(interface.adminStatus.rawValue)</td><td>\(Format.bitRate(interface.speedBps.map(Double.init)))</td>
            <td>\(Format.bitRate(interface.inBitsPerSecond))</td><td>\(Format.bitRate(interface.outBitsPerSecond))</td></tr>
            """
        }
        let tabs: [HTML] = ChartRange.allCases.map { option in
            "<a href=\"?range=\(option.rawValue)\"\(option == range ? HTML(" aria-current=\"page\"") : "")>\(t(option.phrase))</a>"
        }
        let state = device.lastPollReachable.map { $0 ? "up" : "down" } ?? "unpolled"
        let content: HTML = """
            <h1>\(device.name) <span class="state \(state)">\(state)</span></h1>
            <div class="grid"><section class="card"><h2>\(t(Phrase("Identity", "基本信息")))</h2><table>
            <tr><th>\(t(Phrase("Kind", "类型")))</th><td>\(device.kind.rawValue)</td></tr>
            <tr><th>\(t(Phrase("Model", "型号")))</th><td>\(device.vendor) \(device.model)</td></tr>
            <tr><th>\(t(Phrase("Serial", "序列号")))</th><td>\(device.serial)</td></tr>
            <tr><th>\(t(Phrase("Address", "地址")))</th><td>\(device.address):\(device.port)</td></tr>
            <tr><th>\(t(Phrase("Location", "位置")))</th><td>\(device.location)</td></tr>
            <tr><th>\(t(Phrase("Last poll", "最近轮询")))</th><td>\(Format.age(device.lastPollAt, now: now, t)) \(device.lastPollError)</td></tr>
            </table></section>
            <section class="card"><h2>\(t(Phrase("Now", "当前")))</h2><table>
            <tr><th>CPU</th><td>\(Format.number(health?.cpuPercent, unit: " %"))</td></tr>
            <tr><th>\(t(Phrase("Memory", "内存")))</th><td>\(Format.number(health?.memoryPercent, unit: " %"))</td></tr>
            <tr><th>\(t(Phrase("Uptime", "运行时间")))</th><td>\(Format.number(health?.system.uptimeSeconds.map { $0 / 86_400 }, digits: 1, unit: " d"))</td></tr>
            </table></section></div>
            <section class="card"><h2>\(t(Phrase("Health over time", "健康趋势")))</h2><p class="tabs">\(tabs)</p>
            <div class="grid">\(charts)</div></section>
            <section class="card"><h2>\(t(Phrase("Spec findings", "规范检查")))</h2><table>
            <tr><th></th><th>\(t(Phrase("Rule", "条款")))</th><th>\(t(Phrase("Article", "依据")))</th><th>\(t(Phrase("Finding", "结论")))</th>
            <th>\(t(Phrase("Observed", "观测值")))</th><th>\(t(Phrase("Source", "来源")))</th></tr>\(findingRows)</table></section>
            <section class="card"><h2>\(t(Phrase("Interfaces", "接口")))</h2><table>
            <tr><th></th><th>\(t(Phrase("Status", "状态")))</th><th>admin</th><th>\(t(Phrase("Speed", "速率")))</th><th>in</th><th>out</th></tr>
            \(interfaceRows)</table></section>
            """
        return layout.page(device.name, content: content, request: request, context: context)
    }
}
