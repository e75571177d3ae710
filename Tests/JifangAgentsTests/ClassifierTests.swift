import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import Testing

/// The Policies/ directory shipped in the repository.
let shippedPolicyDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Policies").path

func shippedPolicies() throws -> PolicySet {
    try PolicySet.load(directory: shippedPolicyDirectory)
}

/// One device as a recording or a vendor's documented output describes it.
struct Sample: CustomTestStringConvertible, Sendable {
    var label: String
    var oid: String?
    var descr: String?
    var chassis: PhysicalEntity? = nil
    var hints: Set<ClassificationHint> = []
    var kind: DeviceKind
    var vendor: String?
    var rule: String?
    var model: String? = nil
    var osVersion: String? = nil
    var serial: String? = nil

    var testDescription: String { label }

    var system: SystemInfo {
        SystemInfo(sysDescr: descr, sysObjectID: oid, entities: chassis.map { [$0] } ?? [])
    }
}

private func chassis(
    _ index: Int = 1, descr: String?, name: String? = nil, model: String?, software: String? = nil,
    serial: String? = nil
) -> PhysicalEntity {
    PhysicalEntity(
        index: index, class: .chassis, descr: descr, name: name, containedIn: 0, softwareRev: software,
        serial: serial, model: model)
}

@Suite struct ClassifierTests {
    /// sysObjectID, sysDescr and chassis entities as recorded by snmpsim-data
    /// (network/, UPS/, os/ recordings), unless the label says otherwise.
    static let recorded: [Sample] = [
        // Routers
        Sample(
            label: "juniper-mx960-16-1r6-7-a", oid: "1.3.6.1.4.1.2636.1.1.1.2.21",
            descr:
                "Juniper Networks, Inc. mx960 internet router, kernel JUNOS 16.1R6.7, Build date: 2017-11-22 02:47:00 UTC Copyright (c) 1996-2017 Juniper Networks, Inc.",
            chassis: chassis(
                descr: "Juniper MX960 Internet Backbone Router", name: "CHAS-BP-MX960-S", model: "710-030012",
                software: "16.1R6.7", serial: "JN11F7072AFA"),
            kind: .router, vendor: "Juniper", rule: "juniper-router", model: "mx960", osVersion: "16.1R6.7",
            serial: "JN11F7072AFA"),
        Sample(
            label: "huawei ME60 (empty sysDescr)", oid: "1.3.6.1.4.1.2011.2.89.5", descr: "",
            chassis: chassis(
                16_777_216, descr: "ME60-X8 frame", name: "ME60-X8 frame", model: "",
                software: "VRP (R) software, Version 5.160 (CN), RELEASE 0089", serial: "2102352021N0H6000098"),
            kind: .router, vendor: "Huawei", rule: "huawei-ne-router", model: "ME60-X8", osVersion: "5.160",
            serial: "2102352021N0H6000098"),
        Sample(
            label: "h3c-comware-7-1-075 (SR8808-X)", oid: "1.3.6.1.4.1.25506.1.921",
            descr: "H3C Comware Platform Software, Software Version 7.1.075, Release 7751P01",
            chassis: chassis(
                3, descr: "H3C SR8808-X", name: "H3C SR8808-X", model: "H3C SR8808-X", software: "7.1.075 7751P01",
                serial: "210235A0YVX18A00000B"),
            kind: .router, vendor: "H3C", rule: "h3c-router", model: "SR8808-X", osVersion: "7.1.075 7751P01"),
        Sample(
            label: "ruijie-n18010", oid: "1.3.6.1.4.1.4881.1.1.10.1.165",
            descr: "Ruijie High-density IPv6 100G Core Routing Switch(N18010) By Ruijie Networks",
            kind: .router, vendor: "Ruijie", rule: "ruijie-router", model: "N18010"),
        Sample(
            label: "cisco-unmarked-0", oid: "1.3.6.1.4.1.9.1.366",
            descr: "Cisco Internetwork Operating System Software",
            kind: .router, vendor: "Cisco", rule: "cisco-ios-router"),
        // Switches
        Sample(
            label: "cisco-c3560", oid: "1.3.6.1.4.1.9.1.617",
            descr:
                "Cisco IOS Software, C3560 Software (C3560-IPSERVICESK9-M), Version 12.2(55)SE3, RELEASE SOFTWARE (fc1)\r\nTechnical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2011 by Cisco Systems, Inc.",
            chassis: chassis(
                1001, descr: "WS-C3560G-48TS", name: "1", model: "WS-C3560G-48TS-E", software: "12.2(55)SE3",
                serial: "FOC1408Z61U"),
            kind: .switch, vendor: "Cisco", rule: "cisco-catalyst-ios", model: "WS-C3560G-48TS-E",
            osVersion: "12.2(55)SE3", serial: "FOC1408Z61U"),
        Sample(
            label: "cisco-n5000", oid: "1.3.6.1.4.1.9.12.3.1.3.1084",
            descr:
                "Cisco NX-OS(tm) n5000, Software (n5000-uk9), Version 6.0(2)N2(3), RELEASE SOFTWARE Copyright (c) 2002-2012 by Cisco Systems, Inc.",
            chassis: chassis(
                149, descr: "Nexus5548 Chassis", name: "Nexus5548 Chassis", model: "N5K-C5548UP", serial: "SSI183706KP"),
            kind: .switch, vendor: "Cisco", rule: "cisco-nexus", model: "N5K-C5548UP", osVersion: "6.0(2)N2(3)"),
        Sample(
            label: "cisco-unknown-01 (Catalyst 6509 chassis)", oid: "1.3.6.1.4.1.9.1.283",
            descr: "Cisco Internetwork Operating System Software",
            chassis: chassis(
                descr: "Cisco Systems Catalyst 6500 9-slot Chassis System", name: "WS-C6509-E", model: "WS-C6509-E",
                serial: "SMG1151NLQS"),
            kind: .switch, vendor: "Cisco", rule: "cisco-catalyst-chassis", model: "WS-C6509-E"),
        Sample(
            label: "huawei-s5720", oid: "1.3.6.1.4.1.2011.2.23.276",
            descr:
                "S5720-36C-EI-AC \r\nHuawei Versatile Routing Platform Software \r\n VRP (R) software,Version 5.160 (S5720 V200R007C00SPC500) \r\n Copyright (C) 2007 Huawei Technologies Co., Ltd.",
            chassis: chassis(
                67_108_867, descr: "HUAWEI S5720 Routing Switch", name: "HUAWEI S5720 Routing Switch", model: "",
                software: "Version 5.160 V200R007C00SPC500", serial: "210235956210F7000410"),
            kind: .switch, vendor: "Huawei", rule: "huawei-s-switch", model: "S5720-36C-EI-AC",
            osVersion: "V200R007C00SPC500", serial: "210235956210F7000410"),
        Sample(
            label: "huawei-s12704", oid: "1.3.6.1.4.1.2011.2.279.3", descr: "S12704",
            kind: .switch, vendor: "Huawei", rule: "huawei-s-switch", model: "S12704"),
        Sample(
            label: "h3c-e528", oid: "1.3.6.1.4.1.25506.1.578",
            descr:
                "H3C Switch E528 Software Version 5.20, Release 1513P62\r\nCopyright(c) 2004-2013 Hangzhou H3C Tech. Co., Ltd. All rights reserved.",
            chassis: chassis(
                2, descr: "H3C E528 Software Version Release 1513P62", name: "H3C Switch E528",
                model: "H3C Switch E528", software: "5.20 Release 1513P62", serial: "210235A0GKC158000929"),
            kind: .switch, vendor: "H3C", rule: "h3c-switch", model: "E528", osVersion: "5.20, Release 1513P62"),
        Sample(
            label: "ruijie-s5750", oid: "1.3.6.1.4.1.4881.1.1.10.1.41",
            descr: "Ruijie 10G Routing Switch(S5750-24GT/12SFP) By Ruijie Networks",
            chassis: chassis(
                descr: "S5750-24GT/12SFP", name: "RG-S5750-24GT/12SFP", model: "RG-S5750-24GT/12SFP",
                software: "RGOS 10.4(3)p4 Release(161753)", serial: "9017EHC410215"),
            kind: .switch, vendor: "Ruijie", rule: "ruijie-switch", model: "RG-S5750-24GT/12SFP",
            osVersion: "RGOS 10.4(3)p4 Release(161753)"),
        Sample(
            label: "zte-zxr10-5250", oid: "1.3.6.1.4.1.3902.3.100.614",
            descr: "ZTE Ethernet Switch  ZXR10 5250-52TM-H, Version: V2.05.11B19",
            kind: .switch, vendor: "ZTE", rule: "zte-zxr10-switch", model: "5250-52TM-H", osVersion: "V2.05.11B19"),
        Sample(
            label: "zte-zrx10 (9908)", oid: "1.3.6.1.4.1.3902.3.600.3.1.601",
            descr: "ZTE ZXR10 9908 Software, 9900 Version: V1.01.10.B19P06,  RELEASE SOFTWARE",
            kind: .switch, vendor: "ZTE", rule: "zte-zxr10-switch", model: "9908", osVersion: "V1.01.10.B19P06"),
        Sample(
            label: "hpe-procurve-516733-b21", oid: "1.3.6.1.4.1.11.2.3.7.11.107",
            descr: "ProCurve 516733-B21 6120XG Blade Switch, revision Z.14.31, ROM Z.14.09",
            kind: .switch, vendor: "HPE", rule: "hp-procurve-switch", osVersion: "Z.14.31"),
        // Firewalls
        Sample(
            label: "fortinet-xcu", oid: "1.3.6.1.4.1.12356.101.1.30000", descr: "xcu",
            chassis: chassis(
                descr: "Fortinet FGT_3000D, HW Serial#: FGT3KD3Z16800461", name: "FGT_3000D", model: "FGT_3000D",
                software: "FortiCarrier-3000D v5.4.5,build1138b1138,170531 (GA)", serial: "FGT3KD3Z16800461"),
            kind: .firewall, vendor: "Fortinet", rule: "fortinet-fortigate", model: "FGT_3000D", osVersion: "v5.4.5",
            serial: "FGT3KD3Z16800461"),
        Sample(
            label: "paloalto-pa-5000", oid: "1.3.6.1.4.1.25461.2.3.9",
            descr: "Palo Alto Networks PA-5000 series firewall",
            chassis: chassis(
                descr: "PA-5050", name: "PA-5050", model: "PA-5050", software: "8.0.1", serial: "0009C100761"),
            kind: .firewall, vendor: "Palo Alto Networks", rule: "paloalto-firewall", model: "PA-5050",
            osVersion: "8.0.1", serial: "0009C100761"),
        Sample(
            label: "topsec-ngfw4000-uf", oid: "1.3.6.1.4.1.14331.1.4",
            descr: "Topsec  NGFW4000-UF(TG-72282) Software Version V3.2073N.2060N_NGFW.1",
            kind: .firewall, vendor: "Topsec", rule: "topsec-firewall", model: "NGFW4000-UF",
            osVersion: "V3.2073N.2060N_NGFW.1"),
        Sample(
            label: "sangfor-ad1800-fp2 (application delivery, not a firewall)", oid: "1.3.6.1.4.1.35047",
            descr: "Linux AD-1800-FP2 2.6.30 #1 SMP Tue Feb 23 12:45:59 CST 2016 x86_64",
            kind: .other, vendor: "Sangfor", rule: "sangfor-ad", model: "AD-1800-FP2"),
        // UPS
        Sample(
            label: "eaton-93e-80", oid: "1.3.6.1.4.1.705.1", descr: "EATON 93E 80", hints: [.upsMIB],
            kind: .ups, vendor: "Eaton", rule: "eaton-ups", model: "93E 80"),
        Sample(
            label: "huawei-gse200m (net-snmp agent on a UPS card)", oid: "1.3.6.1.4.1.8072.3.2.10",
            descr: "Linux GSE200M 2.6.27-SPEAr310 #591 Wed Sep 4 16:10:51 CST 2013 armv5tejl", hints: [.upsMIB],
            kind: .ups, vendor: "Huawei", rule: "huawei-ups", model: "GSE200M"),
        Sample(
            label: "eastpower-istars (UPS-MIB only)", oid: "1.3.6.1.4.1.40614", descr: "iStars_SWV053",
            hints: [.upsMIB],
            kind: .ups, vendor: nil, rule: "ups-mib-present"),
        Sample(
            label: "emerson-network-power", oid: "1.3.6.1.4.1.13400.2.1",
            descr: "UPS Web/SNMP Agent, Emerson Network Power Co., Ltd.",
            kind: .ups, vendor: nil, rule: "ups-by-description"),
        Sample(
            label: "apc-7902b (a rack PDU)", oid: "1.3.6.1.4.1.318.1.3.4.8",
            descr:
                "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.7.2 PN:apc_hw05_aos_672.bin AF1:v6.7.2 AN1:apc_hw05_rpdu2g_672.bin MN:AP7902B HR:B2 SN: 5A1551F39430 MD:10/07/2018)",
            kind: .other, vendor: "APC", rule: "apc-pdu", model: "AP7902B", osVersion: "v6.7.2", serial: "5A1551F39430"),
        // Servers
        Sample(
            label: "os/linux/unknown-006", oid: "1.3.6.1.4.1.8072.3.2.10",
            descr: "Linux DummySystem 3.10.0-514.el7.x86_64 #1 SMP Tue Nov 22 16:42:41 UTC 2016 x86_64",
            kind: .server, vendor: nil, rule: "net-snmp-host", osVersion: "3.10.0-514.el7.x86_64"),
        Sample(
            label: "os/windows/server-2003-5-2", oid: "1.3.6.1.4.1.311.1.1.3.1.2",
            descr:
                "Hardware: x86 Family 6 Model 63 Stepping 2 AT/AT COMPATIBLE - Software: Windows Version 5.2 (Build 3790 Multiprocessor Free)",
            kind: .server, vendor: "Microsoft", rule: "windows-server",
            osVersion: "Windows Version 5.2 (Build 3790 Multiprocessor Free)"),
    ]

    /// Devices without a recording here, with sysDescr texts as these products print them.
    static let documented: [Sample] = [
        Sample(
            label: "Cisco ASA", oid: "1.3.6.1.4.1.9.1.745", descr: "Cisco Adaptive Security Appliance Version 9.8(2)",
            kind: .firewall, vendor: "Cisco", rule: "cisco-asa", osVersion: "9.8(2)"),
        Sample(
            label: "Cisco ISR 2900", oid: "1.3.6.1.4.1.9.1.1047",
            descr:
                "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M6, RELEASE SOFTWARE (fc2)",
            kind: .router, vendor: "Cisco", rule: "cisco-ios-router", osVersion: "15.2(4)M6"),
        Sample(
            label: "Cisco Catalyst 2960X", oid: "1.3.6.1.4.1.9.1.1208",
            descr:
                "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E6, RELEASE SOFTWARE (fc1)",
            kind: .switch, vendor: "Cisco", rule: "cisco-catalyst-ios"),
        Sample(
            label: "Juniper SRX", oid: "1.3.6.1.4.1.2636.1.1.1.2.41",
            descr: "Juniper Networks, Inc. srx240h internet router, kernel JUNOS 12.1X44-D35.5",
            kind: .firewall, vendor: "Juniper", rule: "juniper-srx", model: "srx240h", osVersion: "12.1X44-D35.5"),
        Sample(
            label: "Juniper EX", oid: "1.3.6.1.4.1.2636.1.1.1.2.31",
            descr: "Juniper Networks, Inc. ex4200-48t Ethernet Switch, kernel JUNOS 12.3R12.4",
            kind: .switch, vendor: "Juniper", rule: "juniper-ex", model: "ex4200-48t"),
        Sample(
            label: "Huawei AR router", oid: "1.3.6.1.4.1.2011.2.224.67",
            descr:
                "Huawei AR2220 Huawei Versatile Routing Platform Software VRP (R) software,Version 5.160 (AR2200 V200R007C00SPC600)",
            kind: .router, vendor: "Huawei", rule: "huawei-ar-router", model: "AR2220", osVersion: "V200R007C00SPC600"),
        Sample(
            label: "Huawei USG", oid: "1.3.6.1.4.1.2011.2.239.2",
            descr: "Huawei Versatile Security Platform Software, Software Version: V500R001C30SPC600 (USG6330)",
            kind: .firewall, vendor: "Huawei", rule: "huawei-usg", model: "USG6330", osVersion: "V500R001C30SPC600"),
        Sample(
            label: "ZTE M6000 router", oid: "1.3.6.1.4.1.3902.3.100.800",
            descr: "ZTE ZXR10 M6000-8 Software, Version: V2.00.20, RELEASE SOFTWARE",
            kind: .router, vendor: "ZTE", rule: "zte-zxr10-router", model: "M6000-8"),
        Sample(
            label: "APC Smart-UPS", oid: "1.3.6.1.4.1.318.1.3.2.12",
            descr:
                "APC Web/SNMP Management Card (MB:v3.9.2 PF:v3.9.2 PN:apc_hw02_aos_392.bin MN:AP9619 SN: ZA0738018345)",
            kind: .ups, vendor: "APC", rule: "apc-ups", osVersion: "v3.9.2"),
        Sample(
            label: "RFC 1628 agent", oid: "1.3.6.1.2.1.33", descr: "UPS Agent", kind: .ups, vendor: nil,
            rule: "rfc1628-ups"),
    ]

    @Test(arguments: recorded + documented)
    func classifies(_ sample: Sample) throws {
        let classifier = Classifier(policy: try shippedPolicies().classification)
        let result = classifier.classify(sample.system, hints: sample.hints)
        let identity = result.identity
        #expect(identity.kind == sample.kind, "\(result.explanation)")
        #expect(identity.vendor == sample.vendor)
        #expect(identity.matchedRule == sample.rule, "\(result.explanation)")
        if let model = sample.model { #expect(identity.model == model) }
        if let osVersion = sample.osVersion { #expect(identity.osVersion == osVersion) }
        if let serial = sample.serial { #expect(identity.serial == serial) }
        #expect(result.explanation.hasPrefix("rule \(sample.rule ?? "")"))
    }

    @Test func everyKindIsCoveredByTwoVendorsFromRecordings() {
        for kind in [DeviceKind.router, .switch, .firewall, .ups] {
            let vendors = Set(Self.recorded.filter { $0.kind == kind }.compactMap(\.vendor))
            #expect(vendors.count >= 2, "\(kind): \(vendors)")
        }
    }

    @Test func unmatchedDeviceIsOtherWithoutVendorAndSaysSo() throws {
        let classifier = Classifier(policy: try shippedPolicies().classification)
        // camera/samsung-ipolis
        let system = SystemInfo(
            sysDescr: "SAMSUNG iPolis H.264 Premium Level IP Camera", sysObjectID: "1.3.6.1.4.1.36849.1.2.64")
        let result = classifier.classify(system)
        #expect(result.identity == DeviceIdentity(kind: .other))
        #expect(
            result.explanation
                == "no classification rule matched (sysObjectID 1.3.6.1.4.1.36849.1.2.64, sysDescr \"SAMSUNG iPolis "
                + "H.264 Premium Level IP Camera\"); classified as other")
    }

    @Test func oidPrefixesMatchWholeArcs() throws {
        let policy = try ClassificationPolicy.parse(
            yaml: """
                rules:
                  - name: cisco
                    kind: router
                    vendor: Cisco
                    match: { sysObjectID: 1.3.6.1.4.1.9 }
                """)
        let classifier = Classifier(policy: policy)
        #expect(classifier.classify(SystemInfo(sysObjectID: ".1.3.6.1.4.1.9.1.1")).identity.vendor == "Cisco")
        #expect(classifier.classify(SystemInfo(sysObjectID: "1.3.6.1.4.1.9")).identity.vendor == "Cisco")
        #expect(classifier.classify(SystemInfo(sysObjectID: "1.3.6.1.4.1.90.1")).identity.vendor == nil)
    }

    @Test func declaredKindWinsAndIsExplained() throws {
        let classifier = Classifier(policy: try shippedPolicies().classification)
        let system = SystemInfo(
            sysDescr: "Linux DummySystem 3.10.0-514.el7.x86_64 #1 SMP x86_64", sysObjectID: "1.3.6.1.4.1.8072.3.2.10")
        let result = classifier.classify(system, declaredKind: .firewall)
        #expect(result.identity.kind == .firewall)
        #expect(result.identity.matchedRule == "net-snmp-host")
        #expect(result.explanation.hasSuffix("; the inventory declares it a firewall"))
    }
}
