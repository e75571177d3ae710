import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// Configurations fetched over SSH from a real OpenSSH server on loopback whose login prints a
/// device-like configuration.
@Suite(
    .serialized,
    .enabled(
        if: SSHServer.isInstalled,
        "\(SSHServer.sshd) is not installed: install openssh-server (bash .ci/setup does) to run the SSH backup tests"))
struct SSHConfigBackupTests {
    static let command = "display current-configuration"

    /// A "device" whose login prints `running.cfg` for the one command it knows.
    static func device(_ fixture: BackupFixture) async throws -> SSHServer {
        try fixture.write(
            """
            #!/bin/sh
            if [ "$SSH_ORIGINAL_COMMAND" != "\(command)" ]; then
                echo "Error: Unrecognized command found at '^' position." >&2
                exit 1
            fi
            exec cat \(fixture.path("running.cfg"))

            """, to: "device.sh")
        chmod(fixture.path("device.sh"), 0o755)
        return try await SSHServer.start(forceCommand: fixture.path("device.sh"))
    }

    static let configuration = """
        #
        sysname core-router
        #
        local-user admin password irreversible-cipher $1a$Xyz$secret$
        #
        interface GigabitEthernet0/0/1
         description to-province
         ip address 10.20.0.1 255.255.255.252
        #
        return
        """

    @Test func versionsManifestAndDiffOverSSH() async throws {
        let fixture = try BackupFixture()
        try fixture.write(Self.configuration, to: "running.cfg")
        let server = try await Self.device(fixture)
        defer { server.stop() }
        try fixture.write(server.knownHostsLine + "\n", to: "known_hosts")
        let target = BackupTarget(
            name: "core-router-config", category: .configuration,
            source: .deviceConfig(
                device: "core-router",
                method: .ssh(
                    SSHFetch(
                        host: server.host, port: server.port, user: server.user, command: Self.command,
                        identityFile: server.identity, knownHostsFile: fixture.path("known_hosts")))))
        let agent = try fixture.agent([target])

        let first = await agent.backUpConfiguration(target, snmp: false)
        #expect(first.result == .done, "\(first.message)")
        let record = try #require(first.record)
        #expect(first.message.contains("via ssh \(server.user)@127.0.0.1:\(server.port)"), "\(first.message)")
        let stored = try String(contentsOfFile: "\(record.path!)/config.txt", encoding: .utf8)
        #expect(stored == Self.configuration, "the version is what the device printed")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(record.path!)/MANIFEST.json"))) as? [String: Any]
        #expect(manifest?["target"] as? String == "core-router-config")
        #expect(manifest?["kind"] as? String == "config")
        #expect(manifest?["contentSHA256"] as? String == record.sha256)
        #expect((manifest?["source"] as? String)?.contains("ssh") == true, "\(manifest ?? [:])")
        let files = (manifest?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(files == ["config.txt"], "\(files ?? [])")

        #expect(await agent.backUpConfiguration(target, snmp: false).result == .unchanged)

        try fixture.write(
            Self.configuration.replacingOccurrences(of: "description to-province", with: "description to-city"),
            to: "running.cfg")
        let changed = await agent.backUpConfiguration(target, snmp: false)
        #expect(changed.result == .done, "\(changed.message)")
        let diff = try #require(changed.diff)
        #expect(diff.contains("- description to-province") && diff.contains("+ description to-city"), "\(diff)")
        #expect(!diff.contains("$1a$Xyz$secret$"), "secrets stay masked in the diff")
        let diffFile = "\(fixture.path("repo"))/core-router-config/diffs/\(changed.record!.id).diff"
        #expect(try String(contentsOfFile: diffFile, encoding: .utf8) == diff)
        let versions = try fixture.store.backups(target: "core-router-config", kind: .config, status: .good)
        #expect(versions.count == 2)
        let (_, results) = try agent.verify()
        #expect(results.count == 2 && results.allSatisfy(\.passed), "\(results)")
    }

    /// Without a known-hosts file of its own a target trusts the first key into the agent's
    /// file; a key that does not match the file refuses the fetch.
    @Test func hostKeysAreCheckedDeliberately() async throws {
        let fixture = try BackupFixture()
        try fixture.write(Self.configuration, to: "running.cfg")
        let server = try await Self.device(fixture)
        defer { server.stop() }
        func target(knownHosts: String?) -> BackupTarget {
            BackupTarget(
                name: "router-config", category: .configuration,
                source: .deviceConfig(
                    device: "router",
                    method: .ssh(
                        SSHFetch(
                            host: server.host, port: server.port, user: server.user, command: Self.command,
                            identityFile: server.identity, knownHostsFile: knownHosts))))
        }
        let firstContact = target(knownHosts: nil)
        let agent = try fixture.agent([firstContact])
        let first = await agent.backUpConfiguration(firstContact, snmp: false)
        #expect(first.result == .done, "\(first.message)")
        let accepted = try String(contentsOfFile: agent.layout.knownHosts, encoding: .utf8)
        #expect(accepted.contains(server.hostKey), "the first key is recorded in the agent's own file")

        // Another server's key under this address: the login is refused, with the file named.
        _ = try Command.run(
            "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", fixture.path("other_key")])
        let other = try String(contentsOfFile: fixture.path("other_key.pub"), encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try fixture.write("[\(server.host)]:\(server.port) \(other)\n", to: "wrong_known_hosts")
        let pinned = target(knownHosts: fixture.path("wrong_known_hosts"))
        let refused = await agent.backUpConfiguration(pinned, snmp: false)
        #expect(refused.result == .failed)
        #expect(refused.message.contains("SSH host key"), "\(refused.message)")
        #expect(refused.message.contains("wrong_known_hosts"), "\(refused.message)")
    }
}
