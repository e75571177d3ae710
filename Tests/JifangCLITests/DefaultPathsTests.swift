import Foundation
import JifangTesting
import Testing

/// The built `jifang` finds its inventory, policies and store by the search order of `DefaultPaths`
/// when run from a directory that holds none of them.
@Suite(.serialized)
struct DefaultPathsTests {
    /// None of the variables that would name the files, so only the search order decides.
    static let unset = ["JIFANG_POLICIES": "", "JIFANG_INVENTORY": "", "JIFANG_DATABASE": "", "JIFANG_CONFIG_DIR": ""]

    let checkout = PackagePaths.root.path

    /// `swift build`'s binary run from an empty directory reads its checkout's Policies and Inventory.
    @Test func aBuiltBinaryRunsFromAnyDirectory() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-paths")
        defer { directory.remove() }
        let jifang = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: Self.unset, workingDirectory: directory.url)
        let output = try jifang.run(["check"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("\(checkout)/Inventory/site.yaml: "), "\(output)")
        #expect(output.stdout.contains("\(checkout)/Policies: "), "\(output)")
    }

    /// A policy file in the configuration directory replaces the shipped one of the same name, and
    /// only that one; its errors name the override itself, not the merged view.
    @Test func aConfigurationFileOverridesOneShippedPolicy() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-override")
        defer { directory.remove() }
        let overrides = directory.appending("etc/policies")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        try "rawDays: 14\nhourlyDays: 7\ndailyDays: 1830\n".write(
            to: overrides.appendingPathComponent("retention.yaml"), atomically: true, encoding: .utf8)
        var environment = Self.unset
        environment["JIFANG_CONFIG_DIR"] = directory.appending("etc").path
        let jifang = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: environment, workingDirectory: directory.url)

        let broken = try jifang.run(["check"])
        #expect(broken.status != 0, "\(broken)")
        #expect(broken.stderr.contains("\(overrides.path)/retention.yaml:2: hourlyDays"), "\(broken)")
        #expect(!broken.stderr.contains("jifang-policies-"), "errors name the real file: \(broken)")

        try FileManager.default.removeItem(at: overrides.appendingPathComponent("retention.yaml"))
        try FileManager.default.copyItem(
            at: PackagePaths.root.appendingPathComponent("Policies/retention.yaml"),
            to: overrides.appendingPathComponent("retention.yaml"))
        let valid = try jifang.run(["check"])
        #expect(valid.status == 0, "\(valid)")
        #expect(valid.stdout.contains("\(overrides.path) (retention.yaml) over \(checkout)/Policies: "), "\(valid)")
    }

    /// A binary installed as PREFIX/usr/bin/jifang reads PREFIX/etc/jifang and PREFIX/usr/share/jifang
    /// and keeps its store in PREFIX/var/lib/jifang; without the shipped policies, errors list every
    /// path tried.
    @Test func anInstalledBinaryUsesItsPrefixAndNamesThePathsTried() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-installed")
        defer { directory.remove() }
        let prefix = directory.appending("root").path
        let manager = FileManager.default
        for path in ["usr/bin", "usr/share/jifang", "etc/jifang", "var/lib/jifang", "work"] {
            try manager.createDirectory(atPath: "\(prefix)/\(path)", withIntermediateDirectories: true)
        }
        try manager.copyItem(atPath: PackagePaths.executable("jifang").path, toPath: "\(prefix)/usr/bin/jifang")
        try manager.copyItem(atPath: "\(checkout)/Policies", toPath: "\(prefix)/usr/share/jifang/policies")
        try "devices: []\n".write(toFile: "\(prefix)/etc/jifang/site.yaml", atomically: true, encoding: .utf8)
        let jifang = CommandRunner(
            executable: URL(fileURLWithPath: "\(prefix)/usr/bin/jifang"), environment: Self.unset,
            workingDirectory: URL(fileURLWithPath: "\(prefix)/work"))

        let installed = try jifang.run(["check"])
        #expect(installed.status == 0, "\(installed)")
        #expect(installed.stdout.contains("\(prefix)/etc/jifang/site.yaml: 0 devices"), "\(installed)")
        #expect(installed.stdout.contains("\(prefix)/usr/share/jifang/policies: "), "\(installed)")
        let users = try jifang.run(["users", "list"])
        #expect(users.status == 0, "\(users)")
        #expect(manager.fileExists(atPath: "\(prefix)/var/lib/jifang/jifang.sqlite"), "\(users)")
        #expect(!manager.fileExists(atPath: "\(prefix)/work/jifang.sqlite"))

        try manager.removeItem(atPath: "\(prefix)/usr/share/jifang")
        try manager.removeItem(atPath: "\(prefix)/etc/jifang/site.yaml")
        let missing = try jifang.run(["check"])
        #expect(missing.status != 0, "\(missing)")
        #expect(
            missing.stderr.contains("no inventory found; tried \(prefix)/work/Inventory/site.yaml"), "\(missing)")
        #expect(
            missing.stderr.contains("no policies directory found; tried \(prefix)/work/Policies"), "\(missing)")
    }
}
