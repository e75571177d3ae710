// jifang-bench <benchmark> [options]; each benchmark lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "ingest": IngestBenchmark.main(Array(arguments.dropFirst()))
default: print("usage: jifang-bench ingest [--rows N]")
}
