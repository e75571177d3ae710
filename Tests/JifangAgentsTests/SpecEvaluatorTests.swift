import JifangAgents
import JifangConfig
import JifangModel
import Testing

@Suite struct SpecEvaluatorTests {
    let evaluator: SpecEvaluator

    init() throws {
        evaluator = SpecEvaluator(policy: try shippedPolicies().specs)
    }

    private func finding(_ findings: [Finding], _ rule: String) throws -> Finding {
        try #require(findings.first { $0.rule == rule }, "no finding \(rule)")
    }

    @Test func routerPassFailAndUnknown() throws {
        let reported = DeviceFacts([
            FactKey.memoryBytes: .number(256 * 1024 * 1024),
            FactKey.flashBytes: .number(16 * 1024 * 1024),
        ])
        let findings = evaluator.evaluate(kind: .router, reported: reported, declared: DeviceFacts())
        #expect(findings.map(\.rule) == ["router.memory", "router.flash", "router.modular", "router.upsPower"])

        let memory = try finding(findings, "router.memory")
        #expect(memory.status == .pass)
        #expect(memory.article == "Art. 55")
        #expect(memory.source == "snmp")
        #expect(memory.observed == "256 MiB")
        #expect(
            memory.message
                == "Router memory at least 128 MB SDRAM (路由器内存不少于128MB SDRAM): 256 MiB reported by the device "
                + "meets the requirement of at least 128 MiB")

        let flash = try finding(findings, "router.flash")
        #expect(flash.status == .fail)
        #expect(flash.observed == "16 MiB")
        #expect(
            flash.message.hasSuffix("16 MiB reported by the device does not meet the requirement of at least 32 MiB"))

        let modular = try finding(findings, "router.modular")
        #expect(modular.status == .unknown)
        #expect(modular.source == "none")
        #expect(modular.observed == nil)
        #expect(modular.message.contains("unknown, no ENTITY-MIB module slots reported"))
    }

    @Test func declaredFactsAreUsedAndLabelled() throws {
        let declared = DeviceFacts([
            FactKey.upsOnline: .flag(true),
            FactKey.earthingOhms: .number(3.5),
            FactKey.humidityPercent: .number(70),
            FactKey.upsRatedVA: .number(20_000),
        ])
        let reported = DeviceFacts([FactKey.upsRatedVA: .number(6_000), FactKey.upsRuntimeMinutes: .number(180)])
        let findings = evaluator.evaluate(kind: .ups, reported: reported, declared: declared)

        let online = try finding(findings, "ups.online")
        #expect(online.status == .pass && online.source == "declared")
        #expect(online.message.contains("yes declared in the inventory meets"))

        let earthing = try finding(findings, "ups.earthing")
        #expect(earthing.status == .pass && earthing.observed == "3.5 Ω" && earthing.source == "declared")
        #expect(earthing.article == "Art. 106")

        let humidity = try finding(findings, "ups.humidity")
        #expect(humidity.status == .fail && humidity.observed == "70 %")
        #expect(humidity.message.hasSuffix("between 45 % and 65 %"))

        // The device's own report wins over what the inventory says.
        let rating = try finding(findings, "ups.rating")
        #expect(rating.status == .fail && rating.source == "snmp" && rating.observed == "6 kVA")

        #expect(try finding(findings, "ups.runtime").status == .pass)
        #expect(try finding(findings, "ups.temperature").status == .unknown)
    }

    @Test func earthingLimitIsStrict() throws {
        let findings = evaluator.evaluate(
            kind: .ups, reported: DeviceFacts(), declared: DeviceFacts([FactKey.earthingOhms: .number(50)]))
        #expect(try finding(findings, "ups.earthing").status == .fail)
    }

    @Test func listsTextAndWrongTypes() throws {
        let firewall = evaluator.evaluate(
            kind: .firewall,
            reported: DeviceFacts([
                FactKey.maxPortSpeedBps: .number(1e9), FactKey.ethernetPortCount: .number(2),
            ]),
            declared: DeviceFacts([FactKey.vpnProtocols: .list(["ipsec", "SSL"])]))
        #expect(try finding(firewall, "firewall.throughput").observed == "1000 Mbit/s")
        #expect(try finding(firewall, "firewall.throughput").status == .pass)
        #expect(try finding(firewall, "firewall.ports").status == .fail)
        let vpn = try finding(firewall, "firewall.vpn")
        #expect(vpn.status == .fail && vpn.observed == "ipsec, SSL")

        let server = evaluator.evaluate(
            kind: .server, reported: DeviceFacts([FactKey.processorCount: .text("two")]),
            declared: DeviceFacts([FactKey.raidLevel: .number(1), FactKey.diskBytes: .number(146e9)]))
        let cpu = try finding(server, "server.processors")
        #expect(cpu.status == .unknown)
        #expect(cpu.message.contains("cpu.count is \"two\" (reported by the device), which cannot be compared"))
        #expect(try finding(server, "server.raid1").status == .pass)
        #expect(try finding(server, "server.diskSize").status == .pass)
        #expect(try finding(server, "server.diskSize").observed == "146 GB")
    }

    @Test func kindWithoutClausesGivesNoFindings() {
        #expect(evaluator.evaluate(kind: .other, reported: DeviceFacts(), declared: DeviceFacts()).isEmpty)
    }
}
