// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Jifang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jifang", targets: ["jifang"]),
        .library(name: "JifangModel", targets: ["JifangModel"]),
        .library(name: "JifangSNMP", targets: ["JifangSNMP"]),
        .library(name: "JifangStore", targets: ["JifangStore"]),
        .library(name: "JifangAgents", targets: ["JifangAgents"]),
        .library(name: "JifangRecords", targets: ["JifangRecords"]),
        .library(name: "JifangCompliance", targets: ["JifangCompliance"]),
        // For the fuzz package (Fuzz/Package.swift), which depends on this one by path.
        .library(name: "JifangConfig", targets: ["JifangConfig"]),
        .library(name: "JifangCapture", targets: ["JifangCapture"]),
        .library(name: "JifangTesting", targets: ["JifangTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure value types shared by every module; no I/O.
        .target(name: "JifangModel", swiftSettings: strict),

        // The one C boundary to net-snmp.
        .systemLibrary(
            name: "CNetSNMP",
            pkgConfig: "netsnmp",
            providers: [.apt(["libsnmp-dev"])]
        ),
        .target(name: "JifangSNMP", dependencies: ["CNetSNMP", "JifangModel"], swiftSettings: strict),

        // The one C boundary to libpcap.
        .systemLibrary(
            name: "CPcap",
            pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]
        ),
        .target(name: "JifangCapture", dependencies: ["CPcap", "JifangModel"], swiftSettings: strict),

        // Inventory and Policies: YAML files people edit, validated with file:line:field errors.
        .target(
            name: "JifangConfig",
            dependencies: ["JifangModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "JifangStore",
            dependencies: ["JifangModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "JifangAgents",
            dependencies: [
                "JifangModel", "JifangSNMP", "JifangConfig", "JifangStore", "JifangCapture",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Operations records: asset lifecycle, duty-log chain and reviews, document loans, staff, CSV.
        .target(name: "JifangRecords", dependencies: ["JifangModel", "JifangStore"], swiftSettings: strict),
        // The half-yearly evaluation: rules from Policies/rules.yaml checked against the store, scores, ranking.
        .target(
            name: "JifangCompliance", dependencies: ["JifangModel", "JifangStore", "JifangConfig"],
            swiftSettings: strict),
        // The people's side: web UI, REST API and /metrics.
        .target(
            name: "JifangServer",
            dependencies: [
                "JifangModel", "JifangStore", "JifangAgents", "JifangConfig", "JifangRecords", "JifangCompliance",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "jifang",
            dependencies: [
                "JifangAgents", "JifangConfig", "JifangStore", "JifangSNMP", "JifangModel", "JifangRecords",
                "JifangCapture", "JifangCompliance", "JifangServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // Helpers every test target shares: real snmpd/snmpsim on loopback, temporary stores.
        .target(name: "JifangTesting", dependencies: ["JifangModel", "JifangSNMP"], swiftSettings: strict),

        .testTarget(name: "JifangModelTests", dependencies: ["JifangModel"]),
        .testTarget(name: "JifangSNMPTests", dependencies: ["JifangSNMP", "JifangTesting"]),
        .testTarget(name: "JifangCaptureTests", dependencies: ["JifangCapture", "JifangTesting"]),
        .testTarget(name: "JifangConfigTests", dependencies: ["JifangConfig", "JifangTesting"]),
        .testTarget(name: "JifangStoreTests", dependencies: ["JifangStore", "JifangTesting"]),
        .testTarget(
            name: "JifangAgentsTests",
            dependencies: [
                "JifangAgents", "JifangTesting", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "JifangRecordsTests", dependencies: ["JifangRecords", "JifangConfig", "JifangTesting"]),
        .testTarget(name: "JifangCLITests", dependencies: ["JifangTesting", "JifangCompliance"]),
        .testTarget(
            name: "JifangComplianceTests", dependencies: ["JifangCompliance", "JifangTesting"], exclude: ["Golden"]),
        .testTarget(
            name: "JifangServerTests",
            dependencies: [
                "JifangServer", "JifangRecords", "JifangTesting", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),

        .executableTarget(
            name: "jifang-bench",
            dependencies: [
                "JifangAgents", "JifangSNMP", "JifangStore", "JifangModel", "JifangCapture", "JifangTesting",
                "JifangCompliance",
                "JifangServer",
            ],
            path: "Benchmarks/jifang-bench",
            swiftSettings: strict
        ),
    ]
)
