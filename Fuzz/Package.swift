// swift-tools-version:6.1
import Foundation
import PackageDescription

// libFuzzer targets, one per decoder, kept out of the root package: they call libFuzzer's
// driver, which only a build with -sanitize=fuzzer links, so a normal build could not link them.
// Build and run them with `.ci/fuzz`; README's "Fuzzing" says more.
//
// Every folder Sources/Fuzz<Name>/ is a target: adding a fuzzer is one main.swift there that
// calls `fuzz { bytes in ... }` (LibFuzzerDriver) plus seed inputs in Corpus/Fuzz<Name>/ (and,
// optionally, a libFuzzer dictionary Corpus/Fuzz<Name>.dict).
let sources = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("Sources")
let names = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? [])
    .filter { $0.hasPrefix("Fuzz") }
    .sorted()

let dependencies: [Target.Dependency] =
    [
        "JifangModel", "JifangConfig", "JifangCapture", "JifangSNMP", "JifangAgents", "JifangTesting",
    ].map { .product(name: $0, package: "Jifang") } + ["LibFuzzerDriver"]

let package = Package(
    name: "JifangFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Jifang", path: "..")],
    targets: [
        // libFuzzer's own main cannot be used: SwiftPM links an executable's main under another
        // name. Each target's main calls libFuzzer's driver instead.
        .target(name: "CLibFuzzer"),
        .target(name: "LibFuzzerDriver", dependencies: ["CLibFuzzer"]),
    ] + names.map { .executableTarget(name: $0, dependencies: dependencies) }
)
