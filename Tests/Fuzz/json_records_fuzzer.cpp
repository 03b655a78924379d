// json_records_fuzzer.cpp -- libFuzzer target for the JSON and JSON Lines reader.
//
// Feeds each input to the reader both ways (as JSON Lines and as a JSON
// array, streamed in two pieces), with the padding the reader promises to
// need and no more, and
// parses it as a time. Built with AddressSanitizer and UBSan by `make fuzz`;
// a crash, a leak, an overflow or undefined behaviour is a finding. A
// rejected input is not: rejecting is the reader's job.
#include "task_columns.h"

#include <cstdint>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Exactly the promised padding, so reading past it is caught.
    std::vector<char> text(size + TC_JSON_PADDING);
    if (size) std::memcpy(text.data(), data, size);

    tc_error error{};
    size_t next_line = 0;
    tc_table *lines = tc_table_create();
    tc_table_append_json_lines(lines, text.data(), size, 1, &next_line, &error);
    // Read every column back, as the Swift side does.
    size_t count = tc_table_count(lines);
    for (int column = TC_STATUS; column <= TC_RUN_ID; column++) {
        auto c = static_cast<tc_dictionary_column>(column);
        const int32_t *codes = tc_table_codes(lines, c);
        size_t entries = tc_table_dictionary_size(lines, c);
        for (size_t i = 0; i < count; i++) {
            if (codes[i] < 0 || static_cast<size_t>(codes[i]) >= entries) __builtin_trap();
        }
    }
    tc_table_destroy(lines);

    // The array reader, in two pieces split where the first byte says (an element cut in two waits).
    tc_table *array = tc_table_create();
    tc_json_array_reader *reader = tc_json_array_reader_create(array);
    size_t split = size ? data[0] % (size + 1) : 0, consumed = 0;
    if (tc_json_array_reader_push(reader, text.data(), split, 0, &consumed, &error) == TC_OK) {
        std::vector<char> rest(size - consumed + TC_JSON_PADDING);
        if (size > consumed) std::memcpy(rest.data(), text.data() + consumed, size - consumed);
        tc_json_array_reader_push(reader, rest.data(), size - consumed, 1, &consumed, &error);
    }
    tc_json_array_reader_destroy(reader);
    tc_table_destroy(array);

    double seconds = 0;
    tc_parse_time(text.data(), size, &seconds);
    return 0;
}
