import Foundation
import JifangModel
import JifangTesting
import Testing

@testable import JifangAgents

/// What ConfigFetcher refuses: hosts ssh would read as options, and drop-folder files that are
/// links or too large.
@Suite struct ConfigFetcherTests {
    @Test func sshArgumentsEndTheOptionsBeforeTheHost() throws {
        let ssh = SSHFetch(
            host: "10.0.0.1", port: 2222, user: "backup", command: "show running-config", identityFile: "/etc/id")
        let arguments = try ConfigFetcher.sshArguments(ssh, knownHosts: "/repo/.ssh/known_hosts", target: "t")
        #expect(Array(arguments.suffix(3)) == ["--", "10.0.0.1", "show running-config"])
        #expect(arguments.firstIndex(of: "--") == arguments.count - 3)
        #expect(arguments.contains("-l") && arguments[arguments.firstIndex(of: "-l")! + 1] == "backup")
    }

    @Test(arguments: [
        SSHFetch(host: "-oProxyCommand=sh -c id", user: "backup", command: "show run"),
        SSHFetch(host: "10.0.0.1", user: "-oProxyCommand=id", command: "show run"),
        SSHFetch(host: "10.0.0.1", port: 0, user: "backup", command: "show run"),
    ])
    func optionLikeValuesBuiltInCodeAreRefused(ssh: SSHFetch) {
        #expect(throws: BackupError.self) {
            try ConfigFetcher.sshArguments(ssh, knownHosts: "/k", target: "t")
        }
    }

    /// A real ssh given `-oProxyCommand=…` as its host would run that command here.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh"), "needs openssh-client"))
    func aProxyCommandHostRunsNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = directory.appending("pwned").path
        let fetcher = ConfigFetcher(target: "t", knownHostsFile: directory.appending("known_hosts").path)
        let ssh = SSHFetch(host: "-oProxyCommand=touch \(marker)", port: 22, user: "backup", command: "show run")
        #expect(throws: BackupError.self) { try fetcher.fetch(.ssh(ssh)) }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func aDropFolderLinkIsRefusedNotFollowed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let drop = directory.appending("drop").path
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        let secret = directory.appending("shadow").path
        try "root:$6$hash:19000::::::\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try "sysname old\n".write(toFile: "\(drop)/old.cfg", atomically: true, encoding: .utf8)
        // The newest entry is a link an uploader planted, pointing at a file only the agent can read.
        Thread.sleep(forTimeInterval: 0.02)
        try FileManager.default.createSymbolicLink(atPath: "\(drop)/new.cfg", withDestinationPath: secret)
        let fetcher = ConfigFetcher(target: "sw-config", knownHostsFile: directory.appending("k").path)
        do {
            let data = try fetcher.fetch(.dropFolder(path: drop, pattern: "*.cfg"))
            Issue.record("expected the link to be refused, got \(String(decoding: data, as: UTF8.self))")
        } catch {
            #expect(error.description.contains("\(drop)/new.cfg is a symbolic link"), "\(error.description)")
            #expect(!error.description.contains("$6$hash"))
        }
    }

    @Test func anOversizeDropFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let drop = directory.appending("drop").path
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        let path = "\(drop)/huge.cfg"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("sysname x\n".utf8)))
        // Sparse: 64 MiB and one byte that take no disk space.
        #expect(truncate(path, off_t(ConfigFetcher.maxDropFileBytes + 1)) == 0)
        let fetcher = ConfigFetcher(target: "sw-config", knownHostsFile: directory.appending("k").path)
        do {
            _ = try fetcher.fetch(.dropFolder(path: drop, pattern: nil))
            Issue.record("expected the oversize file to be refused")
        } catch {
            #expect(
                error.description.contains("\(path) is 67108865 bytes, more than the limit of 67108864 bytes"),
                "\(error.description)")
        }
        // At the limit it is read.
        #expect(truncate(path, off_t(ConfigFetcher.maxDropFileBytes)) == 0)
        #expect(try fetcher.fetch(.dropFolder(path: drop, pattern: nil)).count == ConfigFetcher.maxDropFileBytes)
    }
}
