import Foundation

// Dispatches `jifang-bench <benchmark> [options]` to one benchmark.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "arp": try ArpBenchmark.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(
        Data("usage: jifang-bench arp [--frames N] [--stations N] [--spoofing PERCENT]\n".utf8))
    exit(2)
}
