#ifndef JIFANG_CLIBFUZZER_H
#define JIFANG_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, linked in by -sanitize=fuzzer: parses libFuzzer's flags from the command
/// line and calls `callback` once per input. A program that calls it keeps its own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
