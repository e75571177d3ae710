import Foundation

/// `jifang-bench <benchmark> [options]`: one subcommand per benchmark, each in its own file.
let usage = """
    usage: jifang-bench poll [--devices N] [--concurrency N] [--process-devices N] [--process-workers N]
           jifang-bench ingest [--rows N] [--devices N] [--metrics N] [--keep]
           jifang-bench arp [--frames N] [--stations N] [--spoofing PERCENT] [--file PATH]
           jifang-bench watch [--frames N] [--stations N] [--spoofing PERCENT] [--rounds N] [--file PATH]
           jifang-bench evaluate [--province] [--cities N] [--counties N] [--townships N] [--devices N] [--polls N]
                                 [--seed N] [--store FILE] [--keep FILE]
           jifang-bench web [--database PATH] [--duration S] [--connections N] [--threads N] [--rate R]

    """
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "poll": try await PollBenchmark.run(Array(arguments.dropFirst()))
    case "ingest": IngestBenchmark.main(Array(arguments.dropFirst()))
    case "arp": try ArpBenchmark.run(Array(arguments.dropFirst()))
    case "watch": try WatchBenchmark.run(Array(arguments.dropFirst()))
    case "evaluate": try EvaluateBenchmark.run(Array(arguments.dropFirst()))
    case "web": try await WebBenchmark.run(Array(arguments.dropFirst()))
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("jifang-bench \(arguments.first ?? ""): \(error)\n".utf8))
    exit(1)
}
