// junit_xml_fuzzer.cpp -- libFuzzer target for the JUnit XML reader.
//
// Feeds each input to a tc_junit reader in three pieces, split where the
// input's first byte says, so that every parser state meets a block
// boundary, and reads the columns back. Built with AddressSanitizer and
// UBSan by `make fuzz`; a crash, a leak, an overflow, undefined behaviour or
// a time-out (an entity that expands without end) is a finding. A rejected
// input is not: rejecting is the reader's job.
#include "task_columns.h"

#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = reinterpret_cast<const char *>(data);
    size_t first = size ? data[0] % (size + 1) : 0, second = first + (size - first) / 2;
    tc_table *table = tc_table_create();
    tc_junit *reader = tc_junit_create(table);
    tc_error error{};
    if (tc_junit_push(reader, text, first, 0, &error) == TC_OK &&
        tc_junit_push(reader, text + first, second - first, 0, &error) == TC_OK) {
        tc_junit_push(reader, text + second, size - second, 1, &error);
    }
    tc_junit_destroy(reader);
    size_t count = tc_table_count(table);
    const uint64_t *offsets = tc_table_text_offsets(table, TC_OUTPUT);
    size_t bytes = 0;
    tc_table_text_bytes(table, TC_OUTPUT, &bytes);
    if (offsets[count] != bytes) __builtin_trap();
    for (size_t i = 0; i < count; i++) {
        if (offsets[i + 1] - offsets[i] > 3 * TC_JUNIT_OUTPUT_LIMIT + 256) __builtin_trap();  // outputs are cut
    }
    tc_table_destroy(table);
    return 0;
}
