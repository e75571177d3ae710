import Foundation
import JifangModel
import JifangTesting
import Testing

@testable import JifangAgents

/// What a hook sees: a minimal environment and private files for the configuration it prints.
@Suite struct ExternalCommandTests {
    @Test func aHookSeesAMinimalEnvironmentAndWritesIntoAPrivateFile() throws {
        // A secret of the kind `env:NAME` references point to, in the agent's own environment.
        setenv("JIFANG_TEST_AUTH_SECRET", "hunter2-in-the-environment", 1)
        defer { unsetenv("JIFANG_TEST_AUTH_SECRET") }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hook = directory.appending("fetch-config.sh").path
        try """
        #!/bin/sh
        output=$(readlink /proc/$$/fd/1)
        echo "output-mode $(stat -c %a "$output")"
        echo "folder-mode $(stat -c %a "$(dirname "$output")")"
        echo "folder $(dirname "$output")"
        env

        """.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        let fetcher = ConfigFetcher(target: "fw-config", knownHostsFile: directory.appending("k").path)
        let text = String(decoding: try fetcher.fetch(.hook(command: [hook])), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("output-mode 600"), "\(text)")
        #expect(lines.contains("folder-mode 700"), "\(text)")
        #expect(!text.contains("hunter2"))
        // sh adds PWD, SHLVL and _ itself; everything else came from the agent.
        let names = Set(lines.dropFirst(3).compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
        #expect(names.subtracting(["PWD", "SHLVL", "_", "OLDPWD"]).isSubset(of: ["PATH", "HOME", "LANG"]), "\(names)")
        #expect(names.contains("PATH"))
        // The output folder is gone afterwards.
        let folder = try #require(lines.first { $0.hasPrefix("folder ") }).dropFirst("folder ".count)
        #expect(!FileManager.default.fileExists(atPath: String(folder)))
    }

    @Test func extraVariablesAreAddedToTheMinimalEnvironment() {
        let environment = ExternalCommand.environment(adding: ["PGPASSWORD": "x"])
        #expect(environment["PGPASSWORD"] == "x")
        #expect(Set(environment.keys).isSubset(of: ["PATH", "HOME", "LANG", "PGPASSWORD"]))
        #expect(environment["PATH"] != nil)
    }

    /// A hook that prints more than the limit (4 KiB here, 64 MiB in service) is refused naming
    /// it; one that prints without end is stopped rather than filling the disk.
    @Test(.timeLimit(.minutes(1)))
    func aHookThatPrintsMoreThanTheLimitIsRefusedNamingIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fetcher = ConfigFetcher(
            target: "fw-config", knownHostsFile: directory.appending("k").path, outputLimit: 4096)
        for (name, body) in [("big.sh", "head -c 5000 /dev/zero"), ("endless.sh", "exec yes configuration")] {
            let hook = directory.appending(name).path
            try "#!/bin/sh\n\(body)\n".write(toFile: hook, atomically: true, encoding: .utf8)
            chmod(hook, 0o755)
            #expect(throws: BackupError.outputTooLarge(target: "fw-config", command: hook, limit: 4096)) {
                try fetcher.fetch(.hook(command: [hook]))
            }
        }
        let exact = directory.appending("exact.sh").path
        try "#!/bin/sh\nhead -c 4096 /dev/zero\n".write(toFile: exact, atomically: true, encoding: .utf8)
        chmod(exact, 0o755)
        #expect(try fetcher.fetch(.hook(command: [exact])).count == 4096, "the limit itself is allowed")
        let message = BackupError.outputTooLarge(target: "fw-config", command: "/etc/jifang/fetch.sh", limit: 4096)
        #expect(message.description.contains("`/etc/jifang/fetch.sh` printed more than 4096 bytes"))
    }
}
