// libFuzzer's entry point for a program with its own main (from libclang_rt.fuzzer_no_main):
// the fuzz targets are ordinary SwiftPM executables whose main hands over to it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
