// The declaration in include/CLibFuzzer.h is all there is: libFuzzer itself comes with
// the toolchain and is linked by `-sanitize=fuzzer`.
#include "CLibFuzzer.h"
