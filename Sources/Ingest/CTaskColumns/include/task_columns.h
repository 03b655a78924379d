/* task_columns.h -- a columnar builder for task records, with a C interface.
 *
 * A tc_table accumulates task records as columns: one contiguous array per
 * numeric field, dictionary codes for status, name, group and run id, and
 * byte arenas for the free-text fields. Records arrive either as JSON text
 * (parsed with simdjson's On-Demand API) or one at a time as a tc_record from
 * any other reader (SQLite rows). Both paths meet in one validation step, so
 * every input format obeys the same rules:
 *
 *   - 'status' is required and non-empty; 'id' is required (string or integer);
 *   - text is valid UTF-8 without NUL characters;
 *   - times are RFC 3339 strings (a date and a time of day, seconds and the
 *     offset's minutes optional, as PostgreSQL writes "+00") or Unix seconds
 *     (a number, or digits in a string), or Unix milliseconds from
 *     TC_MILLISECONDS_FROM on, within the years 1 to 9999 (TC_MIN_TIME ..
 *     TC_MAX_TIME); a time given as an empty string is an error, not a
 *     missing time;
 *   - duration_ms, when absent, is derived from finished_at - started_at;
 *   - a duration must be finite, not negative and at most 100 years
 *     (TC_MAX_DURATION_MS): no task runs longer, and every figure derived
 *     from one stays representable.
 *
 * Missing doubles are NaN, missing integers TC_MISSING_INT, missing strings
 * have length 0. The table owns all memory; column pointers stay valid until
 * the next append or tc_table_destroy().
 */
#ifndef TASK_COLUMNS_H
#define TASK_COLUMNS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TC_MISSING_INT INT32_MIN

/* The accepted range of times, Unix seconds: 0001-01-01T00:00:00Z up to,
 * not including, 10000-01-01T00:00:00Z. */
#define TC_MIN_TIME (-62135596800.0)
#define TC_MAX_TIME 253402300800.0

/* Times given as numbers (or digits in text) from this value on are Unix
 * milliseconds: as seconds they would fall after the year 5138. */
#define TC_MILLISECONDS_FROM 1e11

/* The longest accepted duration: 100 years of 365.25 days, in milliseconds. */
#define TC_MAX_DURATION_MS 3155760000000.0

/* Readable bytes that must follow the text handed to tc_table_append_json_*. */
#define TC_JSON_PADDING 64

/* The fields of a record, in the order of TaskModel's RecordField (a test
 * checks that they agree): tc_field_name() gives each one's JSON key. */
typedef enum tc_field {
    TC_FIELD_RUN_ID,
    TC_FIELD_ID,
    TC_FIELD_NAME,
    TC_FIELD_GROUP,
    TC_FIELD_STATUS,
    TC_FIELD_STARTED_AT,
    TC_FIELD_FINISHED_AT,
    TC_FIELD_DURATION_MS,
    TC_FIELD_EXIT_CODE,
    TC_FIELD_ATTEMPTS,
    TC_FIELD_ERROR,
    TC_FIELD_DATA,
    TC_FIELD_OUTPUT,
    TC_FIELD_COUNT
} tc_field;

/* The JSON key of 'field' ("run_id", "id", …); NULL for TC_FIELD_COUNT or beyond. */
const char *tc_field_name(tc_field field);

/* A borrowed string: 'len' bytes at 'ptr', not NUL-terminated. */
typedef struct tc_string {
    const char *ptr;
    size_t len;
} tc_string;

/* One record as a non-JSON reader sees it. Strings are borrowed for the
 * duration of the append call; a string with a NULL 'ptr' is absent, one
 * with a non-NULL 'ptr' and 'len' 0 is present and empty. Times are Unix
 * seconds or NaN; when a reader has a time as text it passes it in *_text
 * and leaves the double NaN. 'text_is_utf8' is 1 when the reader has already
 * checked every string as UTF-8 (the JSON parser does), 0 to have
 * tc_table_append() check them. */
typedef struct tc_record {
    tc_string id;
    tc_string status;
    tc_string name;
    tc_string group;
    tc_string run_id;
    tc_string error;
    tc_string data;
    tc_string output;
    tc_string started_at_text;
    tc_string finished_at_text;
    double started_at;
    double finished_at;
    double duration_ms;
    int32_t exit_code;
    int32_t attempts;
    int text_is_utf8;
} tc_record;

/* What went wrong, and where. */
typedef enum tc_status {
    TC_OK = 0,
    TC_ERR_NOT_JSON,          /* input does not start like JSON               */
    TC_ERR_SYNTAX,            /* malformed or truncated JSON                  */
    TC_ERR_UTF8,              /* invalid UTF-8                                */
    TC_ERR_NOT_OBJECT,        /* a record that is not a JSON object           */
    TC_ERR_MISSING_FIELD,     /* required field absent or null                */
    TC_ERR_FIELD_TYPE,        /* a field of the wrong type                    */
    TC_ERR_BAD_TIME,          /* a time that is not RFC 3339 / Unix seconds   */
    TC_ERR_BAD_DURATION,      /* negative or non-finite duration              */
    TC_ERR_TIME_ORDER,        /* finished_at before started_at                */
    TC_ERR_TEXT,              /* text that is not UTF-8, or holds a NUL       */
    TC_ERR_INTERNAL,          /* out of memory or a simdjson failure          */
    TC_ERR_XML,               /* XML that is not well-formed                  */
    TC_ERR_NOT_JUNIT          /* well-formed XML, but not JUnit               */
} tc_status;

typedef struct tc_error {
    tc_status status;
    size_t line;            /* 1-based line of the input, 0 if not applicable */
    size_t record;          /* 1-based record number within this call         */
    char field[32];         /* field at fault, "" if none                     */
    char message[200];      /* human-readable detail, NUL-terminated          */
} tc_error;

typedef struct tc_table tc_table;

/* Creates an empty table, or returns NULL when out of memory. */
tc_table *tc_table_create(void);
void tc_table_destroy(tc_table *table);

/* Empties the table of its records, columns and dictionaries both, so that a
 * reader can go on appending the next piece of an input once the records so
 * far have been copied out. Keeps the field sources and which were seen, and
 * the columns' capacity for the next piece. Column pointers from before are
 * invalid after it. */
void tc_table_clear(tc_table *table);

/* Appends one record after validating it. On error returns the error status,
 * fills *err (field and message; line and record are the caller's to set)
 * and appends nothing. */
tc_status tc_table_append(tc_table *table, const tc_record *record, tc_error *err);

/* Parses JSON Lines text[0..len): one object per line, blank lines ignored.
 * 'first_line' is the line number of text[0] in the whole input, used in
 * errors; on success *next_line is the number of the line after the text.
 * text[len .. len + TC_JSON_PADDING) must be readable. On error the records
 * of lines before the faulty one stay appended (the text is then read a
 * second time, a line at a time, to find the line at fault). */
tc_status tc_table_append_json_lines(tc_table *table, const char *text, size_t len,
                                     size_t first_line, size_t *next_line, tc_error *err);


/* A JSON array read a piece at a time, so that memory holds a piece and not
 * the document: each whole element is parsed and appended as it is found. */
typedef struct tc_json_array_reader tc_json_array_reader;

/* Creates a reader appending to 'table', or NULL when out of memory. */
tc_json_array_reader *tc_json_array_reader_create(tc_table *table);
void tc_json_array_reader_destroy(tc_json_array_reader *reader);

/* Appends the records of the whole elements in text[0..len) (same padding
 * rule); the first call's text starts with the array's '['. *consumed is the
 * number of bytes used: the rest begins an element not yet whole, to be
 * passed again with the bytes after it. 'last' is 1 when the text reaches the
 * end of the input. Errors are those of tc_table_append_json_array, with
 * err->line and err->record naming the record. */
tc_status tc_json_array_reader_push(tc_json_array_reader *reader, const char *text, size_t len, int last,
                                    size_t *consumed, tc_error *err);

/* Reads `field` of JSON records from the key `source` (len bytes) instead of
 * its own name, dots reaching into nested objects ("head_commit.message"),
 * as `--field SCHEMA=SOURCE` asks. The field's own name then means nothing. */
void tc_table_set_source(tc_table *table, tc_field field, const char *source, size_t len);

/* Whether any record appended so far held the source of `field`; 1 or 0. */
int tc_table_source_seen(const tc_table *table, tc_field field);

/* Records that the source of `field` was found (by a reader of another format, CSV). */
void tc_table_mark_source_seen(tc_table *table, tc_field field);

/* Parses the JSON document text[0..len) (same padding rule) and appends the
 * objects of the array found at 'path', keys separated by dots ("jobs",
 * "data.items"): the records a tool wraps in an envelope, as GitHub's jobs
 * API and kubectl do. A missing key or a value that is not an array is an
 * error naming the path. */
tc_status tc_table_append_json_records_at(tc_table *table, const char *text, size_t len, const char *path,
                                          size_t path_len, tc_error *err);

/* When text[0..len) (same padding rule) is one JSON object, writes the names
 * of its fields whose values are arrays into 'names', comma-separated and
 * NUL-terminated, as many as fit in 'capacity' bytes, and returns how many
 * there are; -1 when the text is not one JSON object, or is a record itself
 * (it has a 'status'). For the hint that names where the records might be. */
long tc_json_array_fields(const char *text, size_t len, char *names, size_t capacity);

/* Parses an RFC 3339 time ("2026-11-24T01:02:03.5Z", "+02:00" or "+00"
 * offsets, a space for the 'T', seconds optional, no zone meaning UTC), or
 * digits with at most one point ("1795537909.5", Unix seconds), into a
 * number. A date alone is not a time. Returns 1 on success, 0 otherwise;
 * neither the range nor milliseconds are checked. */
int tc_parse_time(const char *text, size_t len, double *seconds);

/* ===== JUnit XML ========================================================= */

/* The most of each of a test case's texts (system-out, system-err, the
 * failure's) kept in its output, from the end. */
#define TC_JUNIT_OUTPUT_LIMIT 16384

/* A streaming reader of JUnit XML (a <testsuites> or <testsuite> root) that
 * appends one record per <testcase> to a table, as bytes arrive; memory is
 * bounded by one test case, not by the document. Each record has:
 *   - name: the test's name; id: "classname.name", or the name alone when
 *     there is no class name or the name holds it (Jest and ctest repeat
 *     the name, mocha gives the title that ends it);
 *   - group: the class name, else the enclosing suite's name (likewise);
 *   - status: passed, failed (<failure>), error (<error>), skipped
 *     (<skipped>) or disabled (ctest's and Google Test's not-run tests);
 *   - duration_ms from 'time' (seconds); started_at from the case's or the
 *     nearest suite's 'timestamp';
 *   - error: the failure's or the skip's 'message', else its 'type', else
 *     the first line of its text (Jest writes no message);
 *   - output: system-out, system-err and the failure's text, each cut to
 *     its last TC_JUNIT_OUTPUT_LIMIT bytes;
 *   - attempts: 1 + Surefire's flaky and rerun elements, when there are any.
 * Predefined entities, character references and CDATA are read, a text of
 * any length among them; a document that declares an entity is refused
 * (TC_ERR_XML), and nothing outside the input (DTD, external entity,
 * network) is ever loaded. */
typedef struct tc_junit tc_junit;

/* Creates a reader appending to 'table', or NULL when out of memory. */
tc_junit *tc_junit_create(tc_table *table);
void tc_junit_destroy(tc_junit *reader);

/* Feeds the next len bytes of the document, any split; 'last' is 1 with the
 * final bytes (len may then be 0). On error (TC_ERR_XML with libxml2's
 * message, TC_ERR_NOT_JUNIT, or a record that breaks the rules, its message
 * naming the test case) returns the status with err->line set, and the
 * records of the test cases before stay appended; push no more after it. */
tc_status tc_junit_push(tc_junit *reader, const char *bytes, size_t len, int last, tc_error *err);

/* ===== Reading the columns =============================================== */

size_t tc_table_count(const tc_table *table);

/* Numeric columns, tc_table_count() entries each. */
const double *tc_table_started_at(const tc_table *table);
const double *tc_table_finished_at(const tc_table *table);
const double *tc_table_duration_ms(const tc_table *table);
const int32_t *tc_table_exit_code(const tc_table *table);
const int32_t *tc_table_attempts(const tc_table *table);

/* Dictionary-encoded columns: codes per record, and the dictionary entries in
 * order of first appearance. Missing values get a code whose entry is "". */
typedef enum tc_dictionary_column {
    TC_STATUS = 0,
    TC_NAME = 1,
    TC_GROUP = 2,
    TC_RUN_ID = 3
} tc_dictionary_column;

const int32_t *tc_table_codes(const tc_table *table, tc_dictionary_column column);
size_t tc_table_dictionary_size(const tc_table *table, tc_dictionary_column column);
/* Entry 'code' (below tc_table_dictionary_size()), valid until a record is next appended. */
tc_string tc_table_dictionary_entry(const tc_table *table, tc_dictionary_column column, size_t code);

/* One dictionary across the parts of an input that were parsed apart: each
 * part's entries are merged into it, keeping the order of first appearance. */
typedef struct tc_dictionary tc_dictionary;

/* Creates an empty dictionary, or returns NULL when out of memory. */
tc_dictionary *tc_dictionary_create(void);
void tc_dictionary_destroy(tc_dictionary *dictionary);

/* Adds the entries of 'column' of 'table' that 'dictionary' lacks, and writes
 * at map[i] the dictionary's code of the table's code i, for each of its
 * tc_table_dictionary_size() entries. Returns 0 when out of memory (the
 * dictionary then holds some of the entries), 1 otherwise. */
int tc_dictionary_merge(tc_dictionary *dictionary, const tc_table *table, tc_dictionary_column column, int32_t *map);

size_t tc_dictionary_size(const tc_dictionary *dictionary);
/* Entry 'code' (below tc_dictionary_size()), valid until the next merge. */
tc_string tc_dictionary_entry(const tc_dictionary *dictionary, size_t code);

/* Free-text columns: the bytes of every record back to back and count + 1
 * offsets, so record i is bytes[offsets[i] .. offsets[i+1]). */
typedef enum tc_text_column {
    TC_ID = 0,
    TC_ERROR = 1,
    TC_DATA = 2,
    TC_OUTPUT = 3
} tc_text_column;

const char *tc_table_text_bytes(const tc_table *table, tc_text_column column, size_t *byte_count);
const uint64_t *tc_table_text_offsets(const tc_table *table, tc_text_column column);

#ifdef __cplusplus
}
#endif

#endif /* TASK_COLUMNS_H */
