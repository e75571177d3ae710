import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangServer
import JifangStore
import JifangTesting
import Testing

/// The binding register's pages: what each role may do, proposals, port release over SNMP.
@Suite(.serialized)
struct BindingsModuleTests {
    @Test func thePageShowsTheRegisterEventsAndPortsWithSwitchAndPort() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let page = String(buffer: try await browser.get("/bindings").body)
            #expect(page.contains("172.16.0.10") && page.contains("王芳") && page.contains("Gi0/0/3"), "register")
            #expect(page.contains("binding-violation") && page.contains("GigabitEthernet0/0/7"), "event with its port")
            #expect(page.contains("sw1") && page.contains("172.16.0.20"), "proposal listed")
            #expect(page.contains("id=\"port-actions\"") && page.contains("GigabitEthernet0/0/3"))
            #expect(!page.contains("id=\"proposal-form\"") && !page.contains("id=\"release-form\""), "no forms")
            let dashboard = String(buffer: try await browser.get("/").body)
            #expect(dashboard.contains("id=\"binding-violations\""))
            #expect(dashboard.contains("<div class=\"big\">1</div><ul><li>172.16.0.10"), "one unhandled violation")
        }
    }

    @Test func onlyAdministratorsApproveProposalsOrReleasePorts() async throws {
        let fixture = try ServerFixture()
        let proposal = try #require(try fixture.store.bindingProposals().first)
        let shutdown = try #require(try fixture.store.portActions(activeOnly: true).first)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in [AccountRole.technician, .auditor] {
                var browser = Browser(client)
                try await browser.signIn(role.rawValue)
                let approve = try await browser.submit(
                    "/bindings", to: "/bindings/proposals", ["proposal": String(proposal.id), "decision": "approve"])
                #expect(approve.status == .forbidden, "\(role) cannot approve a binding")
                let release = try await browser.submit(
                    "/bindings", to: "/bindings/ports/release", ["action": String(shutdown.id)])
                #expect(release.status == .forbidden, "\(role) cannot release a port")
            }
            #expect(try fixture.store.bindingProposals().count == 1)
            #expect(try fixture.store.portActions(activeOnly: true).count == 1)

            var admin = Browser(client)
            try await admin.signIn("administrator")
            let approved = try await admin.submit(
                "/bindings", to: "/bindings/proposals",
                ["proposal": String(proposal.id), "owner": "李强", "unit": "330105", "decision": "approve"])
            #expect(approved.status == .seeOther)
            let entry = try #require(try fixture.store.binding(for: proposal.pair.ip))
            #expect(entry.owner == "李强" && entry.unit == "330105" && entry.mac == proposal.pair.mac)
            #expect(try fixture.store.bindingHistory(ip: proposal.pair.ip).last?.actor == "administrator")
            #expect(
                try fixture.store.auditTrail().contains {
                    $0.action == "binding.approve" && $0.actor == "administrator"
                })
        }
    }

    @Test func aBadFieldComesBackWithItsErrorAndNothingIsApproved() async throws {
        let fixture = try ServerFixture()
        let proposal = try #require(try fixture.store.bindingProposals().first)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var admin = Browser(client)
            try await admin.signIn("administrator")
            let response = try await admin.submit(
                "/bindings", to: "/bindings/proposals",
                ["proposal": String(proposal.id), "owner": "李强", "unit": "999999", "decision": "approve"])
            #expect(response.status == .unprocessableContent)
            let page = String(buffer: response.body)
            #expect(page.contains("id=\"unit-error\"") && page.contains("value=\"李强\""))
            let missing = try await admin.submit("/bindings", to: "/bindings/proposals", ["proposal": "424242"])
            #expect(String(buffer: missing.body).contains("id=\"proposal-error\""))
            let port = try await admin.submit("/bindings", to: "/bindings/ports/release", ["action": "abc"])
            #expect(port.status == .unprocessableContent && String(buffer: port.body).contains("id=\"action-error\""))
            #expect(try fixture.store.bindingProposals().map(\.id) == [proposal.id], "still pending")
            #expect(try fixture.store.binding(for: proposal.pair.ip) == nil, "nothing bound")
        }
    }

    @Test func anUnreachableSwitchLeavesTheShutdownInForce() async throws {
        let fixture = try ServerFixture()
        let shutdown = try #require(try fixture.store.portActions(activeOnly: true).first)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var admin = Browser(client)
            try await admin.signIn("administrator")
            let response = try await admin.submit(
                "/bindings", to: "/bindings/ports/release", ["action": String(shutdown.id)])
            #expect(response.status == .badGateway)
            #expect(String(buffer: response.body).contains("The port was not released"))
            #expect(try fixture.store.portActions(activeOnly: true).map(\.id) == [shutdown.id])
        }
    }

    /// snmpsim serves ifAdminStatus.3 of sw1 as down and writable; the release sets it back up.
    @Test func anAdministratorReleasesAPortOverSNMP() async throws {
        let fixture = try ServerFixture()
        let shutdown = try #require(try fixture.store.portActions(activeOnly: true).first)
        let community = "jifang-web-release"
        let recording = fixture.directory.appending("\(community).snmprec")
        try """
        1.3.6.1.2.1.1.1.0|4|Jifang test access switch
        1.3.6.1.2.1.2.2.1.7.3|2:writecache|value=2

        """.write(to: recording, atomically: true, encoding: .utf8)
        let port = LoopbackPort.freeUDP()
        let simulator = try await SNMPSimulator.start(
            recordings: [recording], endpoints: [.init(host: "127.0.0.1", port: port)])
        defer { simulator.stop() }
        try ServerFixture.writeSite(fixture.directory, switchPort: port, community: community)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var admin = Browser(client)
            try await admin.signIn("administrator")
            let response = try await admin.submit(
                "/bindings", to: "/bindings/ports/release", ["action": String(shutdown.id)])
            #expect(response.status == .seeOther, "\(String(buffer: response.body))")
        }
        #expect(try await simulator.get("1.3.6.1.2.1.2.2.1.7.3", community: community) == "1")
        #expect(try fixture.store.portActions(activeOnly: true).isEmpty)
        let released = try fixture.store.events().filter { $0.type == .portReleased }
        #expect(released.first?.message.contains("by administrator") == true, "\(released)")
    }

    @Test func theAPIListsBindingsAndLocatedEvents() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(username: "technician", label: "t", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let bindings = try await client.execute(uri: "/api/v1/bindings", method: .get, headers: headers)
            let entries = try JSONDecoder.jifangAPI.decode([BindingEntry].self, from: Data(buffer: bindings.body))
            #expect(entries.map(\.switchName) == ["sw1"] && entries.map(\.port) == ["Gi0/0/3"])
            let events = try await client.execute(uri: "/api/v1/arp-events", method: .get, headers: headers)
            let located = try JSONDecoder.jifangAPI.decode([LocatedARPEvent].self, from: Data(buffer: events.body))
            let violation = try #require(located.first { $0.event.type == .bindingViolation })
            #expect(violation.switchName == "sw1" && violation.port == "GigabitEthernet0/0/7")
            #expect(violation.event.frame == 7)
            let ports = try await client.execute(
                uri: "/api/v1/port-actions?active=true", method: .get, headers: headers)
            let actions = try JSONDecoder.jifangAPI.decode([PortAction].self, from: Data(buffer: ports.body))
            #expect(actions.map(\.state) == [.shutdown] && actions.first?.device == "sw1")
        }
    }
}
