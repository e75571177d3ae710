import Foundation
import JifangConfig
import JifangModel
import JifangTesting
import Testing

/// The Policies/ directory shipped in the repository.
let shippedPolicies = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Policies").path

@Suite struct PolicySetTests {
    @Test func shippedPoliciesLoadWithoutErrors() throws {
        let policies: PolicySet
        do {
            policies = try PolicySet.load(directory: shippedPolicies)
        } catch {
            Issue.record("Policies/ does not load:\n\(error)")
            return
        }
        #expect(policies.classification.rules.count > 40)
        for kind in [DeviceKind.router, .switch, .server, .firewall, .ups] {
            #expect(!policies.specs.clauses(for: kind).isEmpty, "no clauses for \(kind)")
        }
        let memory = try #require(policies.specs.clauses.first { $0.id == "router.memory" })
        #expect(memory.comparator == .atLeast(128) && memory.unit?.symbol == "MiB" && memory.article == "Art. 55")
        #expect(memory.title.zh == "路由器内存不少于128MB SDRAM")
        #expect(policies.thresholds.cpu == ThresholdLevels(warning: 80, critical: 95))
        #expect(policies.thresholds.unreachable?.failures == 3)
        #expect(policies.thresholds.interfaceDown?.types == [6, 62, 69, 117])
        #expect(
            policies.retention
                == RetentionPolicy(rawDays: 14, hourlyDays: 180, dailyDays: 1830, utcOffsetSeconds: 8 * 3600))
        #expect(policies.thresholds.interfaceDown?.when == .wentDown)
        let articles = Set(policies.specs.clauses.map(\.article))
        #expect(articles == ["Art. 55", "Art. 56", "Art. 57", "Art. 58", "Art. 59", "Art. 101", "Art. 106"])
    }

    @Test func errorsOfEveryFileAreCollected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in PolicySet.fileNames {
            try FileManager.default.copyItem(
                atPath: "\(shippedPolicies)/\(name)", toPath: directory.appending(name).path)
        }
        try "rawDays: 30\nhourlyDays: 7\ndailyDays: 365\n"
            .write(to: directory.appending("retention.yaml"), atomically: true, encoding: .utf8)
        try "cpu: { warning: 90, critical: 80 }\nreboot: { severity: loud }\n"
            .write(to: directory.appending("thresholds.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appending("specs.yaml"))
        do {
            _ = try PolicySet.load(directory: directory.path)
            Issue.record("expected errors")
        } catch {
            let base = directory.path
            #expect(
                error.errors.map(\.description) == [
                    "\(base)/retention.yaml:2: hourlyDays: hourly roll-ups (7 days) must be kept at least as long as raw samples (30 days)",
                    "\(base)/specs.yaml: the file does not exist",
                    "\(base)/thresholds.yaml:1: cpu.warning: the warning level 90.0 is above the critical level 80.0",
                    "\(base)/thresholds.yaml:2: reboot.severity: \"loud\" is not one of info, warning, critical",
                ])
        }
    }

    @Test func badClassificationRulesAreReported() {
        let yaml = """
            rules:
              - name: one
                kind: router
                vendor: X
                match: { sysObjectID: 1.3.6.1.4.1.x }
              - name: two
                kind: toaster
                match: { sysDescr: 'Cisco (' }
                model: { from: sysDescr, regex: 'no group' }
              - name: one
                kind: switch
                match: { hint: snmp-mib }
                serial: chassis.serialNumber
              - name: four
                kind: ups
                match: {}
            """
        do {
            _ = try ClassificationPolicy.parse(yaml: yaml, file: "Policies/classification.yaml")
            Issue.record("expected errors")
        } catch {
            let f = "Policies/classification.yaml"
            #expect(
                error.errors.map(\.description) == [
                    "\(f):5: rules[0].match.sysObjectID: \"1.3.6.1.4.1.x\" is not a numeric OID such as 1.3.6.1.4.1.9",
                    "\(f):7: rules[1].kind: \"toaster\" is not one of router, switch, server, ups, firewall, other",
                    "\(f):8: rules[1].match.sysDescr: \"Cisco (\" is not a valid regular expression",
                    "\(f):9: rules[1].model.regex: \"no group\" needs a capture group ( … ) around the part to extract",
                    "\(f):12: rules[2].match.hint: \"snmp-mib\" is not one of ups-mib, host-resources-mib",
                    "\(f):13: rules[2].serial: \"chassis.serialNumber\" is not one of sysDescr, sysObjectID, sysName, "
                        + "chassis.model, chassis.descr, chassis.name, chassis.softwareRev, chassis.firmwareRev, "
                        + "chassis.hardwareRev, chassis.serial, chassis.manufacturer",
                    "\(f):16: rules[3].match: a match needs at least one of sysObjectID, sysDescr, chassis, hint",
                ])
        }
    }

    @Test func badSpecClausesAreReported() {
        let yaml = """
            router:
              - id: router.memory
                article: Art. 55
                title: { en: Memory, zh: 内存 }
                fact: memory.bytes
                comparator: atLeast
                value: 128
                unit: kVA
                missing: not reported
              - id: router.flash
                article: Art. 55
                title: { en: Flash }
                fact: flash.size
                comparator: atLeast
                value: 32
                missing: not reported
            ups:
              - id: router.memory
                article: Art. 59
                title: { en: Online, zh: 在线式 }
                fact: ups.online
                comparator: greaterOrEqual
                missing: not reported
              - id: ups.humidity
                article: Art. 106
                title: { en: Humidity, zh: 湿度 }
                fact: env.humidityPercent
                comparator: between
                values: [65, 45]
                missing: not reported
            printer: []
            """
        do {
            _ = try SpecPolicy.parse(yaml: yaml, file: "specs.yaml")
            Issue.record("expected errors")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.count == 6, "\(error)")
            #expect(
                messages.contains(
                    "specs.yaml:8: router[0].unit: kVA does not measure memory.bytes; use one of B, KB, MB, GB, TB, KiB, MiB, GiB, TiB"
                ))
            #expect(messages.contains("specs.yaml:12: router[1].title.zh: required field is missing"))
            #expect(
                messages.contains {
                    $0.hasPrefix(
                        "specs.yaml:13: router[1].fact: \"flash.size\" is not a fact name; known facts: memory.bytes, flash.bytes"
                    )
                })
            #expect(
                messages.contains {
                    $0.hasPrefix("specs.yaml:22: ups[0].comparator: \"greaterOrEqual\" is not a comparator")
                })
            #expect(
                messages.contains("specs.yaml:29: ups[1].values: between needs two numbers, lowest first, e.g. [0, 40]")
            )
            #expect(messages.contains { $0.hasPrefix("specs.yaml:31: printer: unknown field \"printer\"") })
        }
    }
}
