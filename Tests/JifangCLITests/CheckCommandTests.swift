import Foundation
import JifangTesting
import Testing

/// `jifang check` names the file, line and field of every problem, and passes the shipped files.
struct CheckCommandTests {
    let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: PackagePaths.root)

    @Test func theShippedDemoSiteAndPoliciesPass() throws {
        let output = try jifang.run(["check", "--inventory", "Inventory/site.yaml", "--policies", "Policies"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("OK"))
        let tests = try jifang.run(["check", "--inventory", "Inventory/test-site.yaml"])
        #expect(tests.status == 0, "\(tests)")
    }

    @Test func everyErrorNamesFileLineAndField() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-check")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        try """
        devices:
          - name: core-router
            address: 127.0.0.1
            port: 1161
            community: public
          - name: edge
            address: 127.0.0.2
            port: 70000
            community: public
            versoin: v2c
        """.write(to: inventory, atomically: true, encoding: .utf8)
        let output = try jifang.run(["check", "--inventory", inventory.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("\(inventory.path):8: devices[1].port: 70000 is not a UDP port"), "\(output)")
        #expect(output.stderr.contains("\(inventory.path):10: devices[1].versoin"), "\(output)")
    }

    @Test func aBrokenPolicyFileIsNamed() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-policy")
        defer { directory.remove() }
        for name in ["classification.yaml", "specs.yaml", "thresholds.yaml", "retention.yaml"] {
            try FileManager.default.copyItem(
                at: PackagePaths.root.appendingPathComponent("Policies/\(name)"), to: directory.appending(name))
        }
        try "rawDays: 14\nhourlyDays: 7\ndailyDays: 1830\n".write(
            to: directory.appending("retention.yaml"), atomically: true, encoding: .utf8)
        let output = try jifang.run(["check", "--policies", directory.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("retention.yaml:2: hourlyDays"), "\(output)")
    }
}
