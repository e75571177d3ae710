import Foundation

/// `jifang-bench <benchmark> [options]`: one subcommand per benchmark.
let benchmarks: [String: ([String]) async throws -> Void] = [
    "poll": PollBenchmark.run
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: jifang-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]")
    print("  poll [--devices N] [--concurrency N] [--process-devices N] [--process-workers N]")
    exit(2)
}
do {
    try await benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("jifang-bench \(name): \(error)\n".utf8))
    exit(1)
}
