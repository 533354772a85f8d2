#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, linked in by `-sanitize=fuzzer`. The fuzz target calls it from
/// its own `main`: SwiftPM gives every Swift executable a `main` of its own, which would
/// otherwise take the place of libFuzzer's.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
