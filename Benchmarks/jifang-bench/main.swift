import Foundation

// Dispatches `jifang-bench <benchmark> [options]` to one benchmark; each lives in its own file.
let usage = """
    usage: jifang-bench ingest [--rows N] [--devices N] [--metrics N] [--keep]
           jifang-bench arp [--frames N] [--stations N] [--spoofing PERCENT] [--file PATH]
           jifang-bench watch [--frames N] [--stations N] [--file PATH]

    """
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "ingest": IngestBenchmark.main(Array(arguments.dropFirst()))
case "arp": try ArpBenchmark.run(Array(arguments.dropFirst()))
case "watch": try WatchBenchmark.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
