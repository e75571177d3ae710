import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer over `body`, with libFuzzer's flags from the command line, and exits with its
/// status; a fuzz target's main.swift calls it and nothing else.
///
/// `body` gets each input's bytes, valid during the call. It fails an input by trapping
/// (`precondition`), which libFuzzer reports as a crash and saves.
public func fuzz(_ body: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) -> Never {
    Harness.body = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

private enum Harness {
    // Set once, before libFuzzer starts, which then calls back on this one thread.
    nonisolated(unsafe) static var body: (@Sendable (UnsafeRawBufferPointer) -> Void)?
}

/// libFuzzer's callback. It must also be exported under this name: -sanitize=fuzzer links
/// libFuzzer's own main, which refers to it (SwiftPM's `--defsym main=` keeps ours as the entry).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Harness.body?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
