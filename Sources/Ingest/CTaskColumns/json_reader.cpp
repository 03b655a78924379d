// json_reader.cpp -- task records from JSON text with simdjson's On-Demand API.
//
// Each record becomes a tc_record whose strings point into the input or into
// simdjson's string buffer, and goes through tc_table_append(), the one place
// where records are validated. JSON Lines are parsed as one stream of
// documents, each checked to be alone on its line; on any error (or anything
// else the stream reads otherwise than lines would) they are read again one
// line at a time, so that an error names its line exactly. A JSON array is
// parsed a chunk of whole elements at a time, and an error names the record
// and the line where that record starts.
#include "byte_scans.hpp"
#include "table.hpp"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

using namespace simdjson;
using namespace taskcolumns;

static_assert(TC_JSON_PADDING >= SIMDJSON_PADDING, "padding must satisfy simdjson");

namespace {

/// JSON's four whitespace characters.
bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

const char *type_name(ondemand::json_type type) {
    switch (type) {
    case ondemand::json_type::array: return "an array";
    case ondemand::json_type::object: return "an object";
    case ondemand::json_type::number: return "a number";
    case ondemand::json_type::string: return "a string";
    case ondemand::json_type::boolean: return "a boolean";
    case ondemand::json_type::null: return "null";
    }
    return "unknown";
}

tc_status syntax_error(tc_error *err, error_code code) {
    if (code == UTF8_ERROR) {
        set_error(err, TC_ERR_UTF8, "", "invalid UTF-8");
    } else if (code == INCORRECT_TYPE) {
        set_error(err, TC_ERR_NOT_OBJECT, "", "a record must be a JSON object");
    } else if (code == INCOMPLETE_ARRAY_OR_OBJECT || code == UNCLOSED_STRING) {
        set_error(err, TC_ERR_SYNTAX, "", "truncated JSON: %s", error_message(code));
    } else if (code == MEMALLOC) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory");
    } else {
        set_error(err, TC_ERR_SYNTAX, "", "invalid JSON: %s", error_message(code));
    }
    return err->status;
}

/// The text of a string (its opening quote at `p`) up to its closing quote, when no escape comes first:
/// a view of the input, with no copy. The input is whole JSON text that simdjson has indexed, so the
/// closing quote is there, and its padding follows.
bool unescaped_text(const char *p, std::string_view *out) {
    const char *q = find_quote_or_backslash(p);
    if (*q == '\\') return false;
    *out = std::string_view(p, static_cast<size_t>(q - p));
    return true;
}

/// The key of `field`: viewed in the input when it has no escapes (as record keys have), else unescaped.
error_code key_of(ondemand::field &field, std::string_view *key) {
    if (unescaped_text(field.key().raw(), key)) return SUCCESS;
    return field.unescaped_key().get(*key);
}

/// A string read, as a record holds it: present and empty is not absent, so it keeps a non-NULL pointer.
tc_string text_of(std::string_view s) { return {s.empty() ? "" : s.data(), s.size()}; }

/// The text of the scalar `value`, without the white space simdjson counts as part of its token.
std::string_view scalar_text(ondemand::value &value) {
    std::string_view token = value.raw_json_token();
    while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
    return token;
}

/// The text of `value` when it is an integer written as std::to_chars() writes one: an optional '-',
/// then 1 to 18 digits, the first not 0 unless it is the only one (so no "-0"). Such text is its own
/// decimal form, and its value is read here without simdjson's number parser (ids, exit codes and
/// attempts mostly are; parsing them, and writing ids back as text, was a tenth of a record's own work).
/// False for any other value, which the number parser then reads and judges.
bool plain_integer(ondemand::value &value, std::string_view *text) {
    const std::string_view token = scalar_text(value);
    const size_t sign = !token.empty() && token[0] == '-' ? 1 : 0, digits = token.size() - sign;
    if (digits == 0 || digits > 18 || (token[sign] == '0' && (digits > 1 || sign))) return false;
    for (size_t i = sign; i < token.size(); i++)
        if (token[i] < '0' || token[i] > '9') return false;
    *text = token;
    return true;
}

/// The value of text that plain_integer() accepted.
int64_t plain_integer_value(std::string_view text) {
    const bool negative = text[0] == '-';
    int64_t value = 0;
    for (size_t i = negative ? 1 : 0; i < text.size(); i++) value = value * 10 + (text[i] - '0');
    return negative ? -value : value;
}

/// Reads the fields of one record; the record's own strings live until the
/// next document is parsed. Keeps the number scratch for integer ids.
class RecordReader {
public:
    /// A reader of records for `table`, each field read from its source there (`--field`) or its own name.
    explicit RecordReader(tc_table *table) : table_(table) {
        for (int f = 0; f < TC_FIELD_COUNT; f++) {
            const std::string &source = table->sources[f];
            names_[f] = source.empty() ? std::string_view(tc_field_name(static_cast<tc_field>(f))) : source;
            dotted_ = dotted_ || source.find('.') != std::string::npos;
            quick_[f] = names_[f].size() <= kQuickNameLength && names_[f].find_first_of("\"\\") == std::string_view::npos;
        }
        std::fill(std::begin(field_at_), std::end(field_at_), static_cast<int8_t>(TC_FIELD_COUNT));
    }

    tc_status read(ondemand::object object, tc_record *r, tc_error *err) {
        *r = tc_record{};
        r->started_at = r->finished_at = r->duration_ms = std::numeric_limits<double>::quiet_NaN();
        r->exit_code = r->attempts = TC_MISSING_INT;
        r->text_is_utf8 = 1;  // simdjson validated the whole text as UTF-8
        return read_object(object, std::string_view(), r, err);
    }

private:
    tc_table *table_;
    std::string_view names_[TC_FIELD_COUNT];
    bool dotted_ = false;
    /// The field found at each of a record's first keys, last time (TC_FIELD_COUNT: none, or not yet known).
    static constexpr size_t kRememberedPositions = 32;
    int8_t field_at_[kRememberedPositions];
    /// The longest name a raw key is compared with in place: its bytes and the quote after them are
    /// read from the key on, which the padding after any text read allows.
    static constexpr size_t kQuickNameLength = 48;
    /// Whether a field's name can be compared with a raw key in place: short, and without a quote or
    /// backslash (so that a key matching it byte for byte, then a quote, is that name unescaped).
    bool quick_[TC_FIELD_COUNT];
    char id_text_[24];
    char run_text_[24];

    /// Reads the fields of `object`, whose keys sit under `prefix` (empty at the top, `head_commit` below).
    tc_status read_object(ondemand::object object, std::string_view prefix, tc_record *r, tc_error *err) {
        std::string path;
        size_t position = 0;
        for (auto next : object) {
            ondemand::field field;
            if (auto code = std::move(next).get(field)) return syntax_error(err, code);
            ondemand::value &value = field.value();
            // Records of one input mostly write their keys in one order: the field found at this
            // place last time is compared with the raw key first, with no scan for its end.
            int found = prefix.empty() ? guessed_field(field.key().raw(), position) : TC_FIELD_COUNT;
            std::string_view full;
            if (found == TC_FIELD_COUNT) {
                std::string_view key;
                if (auto code = key_of(field, &key)) return syntax_error(err, code);
                full = key;
                if (!prefix.empty()) {
                    path.assign(prefix).append(".").append(key);
                    full = path;
                }
                found = prefix.empty() ? top_level_field(full, position) : field_named(full);
            }
            if (prefix.empty()) position++;
            if (found < TC_FIELD_COUNT) {
                if (!table_->sources[found].empty()) table_->source_seen[found] = true;
                tc_status status = read_field(static_cast<tc_field>(found), value, r, err);
                if (status != TC_OK) return status;
            } else if (dotted_ && leads_to_source(full)) {
                ondemand::object inner;
                if (value.get_object().get(inner)) continue;  // not an object here: the source is not in this record
                std::string nested(full);
                tc_status status = read_object(inner, nested, r, err);
                if (status != TC_OK) return status;
            }
        }
        return TC_OK;
    }

    /// The field read from `key`, TC_FIELD_COUNT for none.
    int field_named(std::string_view key) const {
        int found = 0;
        while (found < TC_FIELD_COUNT && !same_text(key, names_[found])) found++;
        return found;
    }

    /// The field found at `position` last time, when the raw key at `raw` (just after its opening
    /// quote) is its name, byte for byte, then a closing quote; TC_FIELD_COUNT otherwise.
    int guessed_field(const char *raw, size_t position) const {
        if (position >= kRememberedPositions) return TC_FIELD_COUNT;
        const int guess = field_at_[position];
        if (guess >= TC_FIELD_COUNT || !quick_[guess]) return TC_FIELD_COUNT;
        const std::string_view name = names_[guess];
        return same_text(std::string_view(raw, name.size()), name) && raw[name.size()] == '"' ? guess : TC_FIELD_COUNT;
    }

    /// The field read from `key`, the `position`th key of a record. Records of one input mostly
    /// write their keys in one order, so the field found at a position last time is tried first:
    /// one comparison a key rather than a search through every field's name.
    int top_level_field(std::string_view key, size_t position) {
        if (position >= kRememberedPositions) return field_named(key);
        const int guess = field_at_[position];
        if (guess < TC_FIELD_COUNT && same_text(key, names_[guess])) return guess;
        const int found = field_named(key);
        field_at_[position] = static_cast<int8_t>(found);
        return found;
    }

    /// Whether some field's source continues below `path` (`head_commit` for `head_commit.message`).
    bool leads_to_source(std::string_view path) const {
        for (const auto &name : names_) {
            if (name.size() > path.size() && name[path.size()] == '.' && name.substr(0, path.size()) == path) return true;
        }
        return false;
    }

    /// Reads `value` into `field`.
    tc_status read_field(tc_field field, ondemand::value &value, tc_record *r, tc_error *err) {
        const char *name = field_name(field);
        switch (field) {
        case TC_FIELD_RUN_ID: return read_key(value, name, run_text_, &r->run_id, err);
        case TC_FIELD_ID: return read_key(value, name, id_text_, &r->id, err);
        case TC_FIELD_NAME: return read_string(value, name, &r->name, err);
        case TC_FIELD_GROUP: return read_string(value, name, &r->group, err);
        case TC_FIELD_STATUS:
            // null is an outcome not known yet (Jenkins' build still running), as a NULL state is in SQLite.
            return read_string(value, name, &r->status, err, tc_string{"none", 4});
        case TC_FIELD_STARTED_AT: return read_time(value, name, &r->started_at_text, &r->started_at, err);
        case TC_FIELD_FINISHED_AT: return read_time(value, name, &r->finished_at_text, &r->finished_at, err);
        case TC_FIELD_DURATION_MS: return read_number(value, name, &r->duration_ms, err);
        case TC_FIELD_EXIT_CODE: return read_integer(value, name, &r->exit_code, err);
        case TC_FIELD_ATTEMPTS: return read_integer(value, name, &r->attempts, err);
        case TC_FIELD_ERROR: return read_string(value, name, &r->error, err);
        case TC_FIELD_DATA: return read_raw(value, &r->data, err);
        case TC_FIELD_OUTPUT: return read_string(value, name, &r->output, err);
        case TC_FIELD_COUNT: break;
        }
        return TC_OK;
    }

    static tc_status type_error(tc_error *err, const char *field, const char *expected, ondemand::value &value) {
        ondemand::json_type type;
        if (auto code = value.type().get(type)) return syntax_error(err, code);
        set_error(err, TC_ERR_FIELD_TYPE, field, "field '%s' must be %s, got %s", field, expected, type_name(type));
        return err->status;
    }

    static bool is_null(ondemand::value &value) {
        ondemand::json_type type;
        return !value.type().get(type) && type == ondemand::json_type::null;
    }

    /// A string, or `if_null` for null. (Whether a value is null is asked only when it is not what the field
    /// holds: asking every value its type first cost more than the answer saved.)
    static tc_status read_string(ondemand::value &value, const char *field, tc_string *out, tc_error *err,
                                 tc_string if_null = tc_string{}) {
        std::string_view s;
        auto code = value.get_string().get(s);
        if (code == INCORRECT_TYPE && is_null(value)) {
            *out = if_null;
            return TC_OK;
        }
        if (code == INCORRECT_TYPE) return type_error(err, field, "a string", value);
        if (code) return syntax_error(err, code);
        *out = text_of(s);
        return TC_OK;
    }

    /// A string, or an integer kept as its decimal text (ids, run ids).
    static tc_status read_key(ondemand::value &value, const char *field, char *scratch, tc_string *out, tc_error *err) {
        std::string_view s;
        auto code = value.get_string().get(s);
        if (code == SUCCESS || (code == INCORRECT_TYPE && plain_integer(value, &s))) {
            *out = text_of(s);
            return TC_OK;
        }
        if (code != INCORRECT_TYPE) return syntax_error(err, code);
        int64_t integer;
        if (value.get_int64().get(integer)) {  // null is asked about only now: most keys that are not strings are integers
            if (is_null(value)) return TC_OK;
            return type_error(err, field, "a string or an integer", value);
        }
        auto result = std::to_chars(scratch, scratch + 23, integer);
        *out = {scratch, static_cast<size_t>(result.ptr - scratch)};
        return TC_OK;
    }

    static tc_status read_number(ondemand::value &value, const char *field, double *out, tc_error *err) {
        double number;
        auto code = value.get_double().get(number);
        if (code == INCORRECT_TYPE && is_null(value)) return TC_OK;
        if (code == INCORRECT_TYPE) return type_error(err, field, "a number", value);
        if (code == NUMBER_ERROR) {  // e.g. 1e999: JSON's only way to spell a non-finite number
            set_error(err, TC_ERR_BAD_DURATION, field, "field '%s' must be a finite number", field);
            return err->status;
        }
        if (code) return syntax_error(err, code);
        *out = number;
        return TC_OK;
    }

    static tc_status read_integer(ondemand::value &value, const char *field, int32_t *out, tc_error *err) {
        int64_t integer;
        std::string_view text;
        auto code = plain_integer(value, &text) ? (integer = plain_integer_value(text), SUCCESS)
                                                : value.get_int64().get(integer);
        if ((code == INCORRECT_TYPE || code == NUMBER_ERROR) && is_null(value)) return TC_OK;
        if (code == INCORRECT_TYPE || code == NUMBER_ERROR) return type_error(err, field, "an integer", value);
        if (code) return syntax_error(err, code);
        if (integer < INT32_MIN + 1 || integer > INT32_MAX) {
            set_error(err, TC_ERR_FIELD_TYPE, field, "field '%s' is out of range: %lld", field,
                      static_cast<long long>(integer));
            return err->status;
        }
        *out = static_cast<int32_t>(integer);
        return TC_OK;
    }

    static tc_status read_time(ondemand::value &value, const char *field, tc_string *text, double *seconds, tc_error *err) {
        std::string_view s;
        auto code = value.get_string().get(s);
        if (code == SUCCESS) {
            *text = text_of(s);
            return TC_OK;
        }
        if (code != INCORRECT_TYPE) return syntax_error(err, code);
        ondemand::json_type type;
        if (auto code = value.type().get(type)) return syntax_error(err, code);
        if (type == ondemand::json_type::number) return read_number(value, field, seconds, err);
        if (type == ondemand::json_type::null) return TC_OK;
        return type_error(err, field, "an RFC 3339 string or Unix seconds", value);
    }

    /// The free 'data' payload is kept as its JSON text.
    static tc_status read_raw(ondemand::value &value, tc_string *out, tc_error *err) {
        ondemand::json_type type;
        if (auto code = value.type().get(type)) return syntax_error(err, code);
        std::string_view raw;
        error_code code = SUCCESS;
        if (type == ondemand::json_type::object) {
            ondemand::object object;
            code = value.get_object().get(object);
            if (!code) code = object.raw_json().get(raw);
        } else if (type == ondemand::json_type::array) {
            ondemand::array array;
            code = value.get_array().get(array);
            if (!code) code = array.raw_json().get(raw);
        } else if (type != ondemand::json_type::null) {
            raw = scalar_text(value);
        }
        if (code) return syntax_error(err, code);
        *out = {raw.data(), raw.size()};
        return TC_OK;
    }
};

size_t line_of(const char *begin, const char *at) {
    return 1 + count_newlines(begin, at);
}

/// Whether a line holds nothing but spaces, tabs and a carriage return. (Not
/// strchr: it finds the terminating NUL too, and a line of NULs is not blank.)
bool is_blank(const char *p, const char *end) {
    for (; p < end; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r') return false;
    return true;
}

/// Where the top-level value starting at `p` (an object or array) closes,
/// just past its closing bracket; nullptr when it never closes on [p, end).
/// Strings and their escapes are skipped, so brackets inside them do not count.
const char *closing_bracket(const char *p, const char *end) {
    size_t depth = 0;
    bool in_string = false;
    for (; p < end; p++) {
        char c = *p;
        if (in_string) {
            if (c == '\\') p++;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
            return p + 1;
        }
    }
    return nullptr;
}

/// simdjson calls a document with anything after its value "incomplete"; a
/// line whose record closes before the line ends is not truncated but has
/// content after the record, and is reported so.
tc_status refine_incomplete(const char *line, const char *eol, tc_error *err) {
    if (err->status != TC_ERR_SYNTAX || std::strncmp(err->message, "truncated", 9) != 0) return err->status;
    const char *start = line;
    while (start < eol && is_json_space(*start)) start++;
    const char *closed = closing_bracket(start, eol);
    if (closed && !is_blank(closed, eol)) set_error(err, TC_ERR_SYNTAX, "", "unexpected content after the record");
    return err->status;
}

/// The JSON text after a complete document must be whitespace only.
tc_status expect_end(ondemand::document &doc, const char *what, tc_error *err) {
    const char *rest;
    if (doc.current_location().get(rest) == SUCCESS) {
        set_error(err, TC_ERR_SYNTAX, "", "unexpected content after the %s", what);
        return err->status;
    }
    return TC_OK;
}

/// An error found before any record was read: the structure of the whole
/// document is wrong. A truncated document is reported at its last line.
tc_status document_error(const char *text, size_t len, tc_error *err, error_code code) {
    if (code == INCOMPLETE_ARRAY_OR_OBJECT || code == UNCLOSED_STRING) {
        size_t trimmed = len;
        while (trimmed > 0 && is_json_space(text[trimmed - 1])) trimmed--;
        err->line = line_of(text, text + trimmed);
    }
    return syntax_error(err, code);
}

}  // namespace

namespace {
/// Whether the document that starts at `start` and runs, with the white space after it, up to `next`
/// is on one line, and a line break follows it before `next` (unless it is the last).
bool alone_on_its_line(const char *start, const char *next, bool last) {
    const char *end = next;
    while (end > start && is_json_space(end[-1])) end--;
    if (std::memchr(start, '\n', static_cast<size_t>(end - start))) return false;
    return last || std::memchr(end, '\n', static_cast<size_t>(next - end)) != nullptr;
}

/// Appends the records of whole JSON Lines text[0..len) from one stream of documents: simdjson
/// indexes the text once (one call for every line cost a fifth of the parse), and each document is
/// checked to be alone on its line, as reading line by line would require. Reports no error: false
/// for anything that line-by-line reading might take differently (an error, a record across lines
/// or beside another, a line longer than a batch), which the caller then reads so, to name the line.
bool append_lines_at_once(tc_table *table, const char *text, size_t len, tc_error *err) {
    ondemand::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
    parser.threaded = false;  // the caller's threads are the parallelism; simdjson starts none of its own
#endif
    ondemand::document_stream stream;
    // Batches of 1 MB (simdjson's default), or the whole text when shorter (the parser allocates for
    // a whole batch): its index of a batch is four bytes a byte, and a batch of a whole 2 MB half held
    // 5 MB more at 1M records. A batch ends after its last whole document; the next begins there.
    const size_t batch = std::min<size_t>(ondemand::DEFAULT_BATCH_SIZE, std::max<size_t>(len, 1));
    if (parser.iterate_many(text, len, batch).get(stream)) return false;
    RecordReader reader(table);
    tc_record record;
    const char *previous = nullptr;
    for (auto it = stream.begin(); it != stream.end(); ++it) {
        ondemand::document_reference doc;
        if ((*it).get(doc)) return false;
        const char *start = text + it.current_index();
        if (previous && !alone_on_its_line(previous, start, false)) return false;
        previous = start;
        ondemand::object object;
        if (doc.get_object().get(object) || reader.read(object, &record, err) != TC_OK) return false;
        if (tc_table_append(table, &record, err) != TC_OK) return false;
    }
    return stream.truncated_bytes() == 0 && (!previous || alone_on_its_line(previous, text + len, true));
}
}  // namespace

extern "C" tc_status tc_table_append_json_lines(tc_table *table, const char *text, size_t len,
                                                size_t first_line, size_t *next_line, tc_error *err) {
    const char *end = text + len;
    const size_t line_breaks = count_newlines(text, end);
    const size_t before = table->duration_ms.size();
    try {
        table->reserve_more(line_breaks + 1);
        if (append_lines_at_once(table, text, len, err)) {
            *next_line = first_line + line_breaks + (len > 0 && text[len - 1] != '\n' ? 1 : 0);
            return TC_OK;
        }
    } catch (const std::bad_alloc &) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory");
        return err->status;
    }
    // Read again line by line, from the first record, for the error and its line (or for what
    // reading at once would not take).
    table->truncate(before);
    *err = tc_error{};
    ondemand::parser parser;
    RecordReader reader(table);
    tc_record record;
    size_t line = first_line, number = 0;
    for (const char *p = text; p < end; line++) {
        const char *eol = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!eol) eol = end;
        if (!is_blank(p, eol)) {
            number++;
            err->line = line;
            err->record = number;
            size_t capacity = static_cast<size_t>(end - p) + TC_JSON_PADDING;
            ondemand::document doc;
            if (auto code = parser.iterate(padded_string_view(p, static_cast<size_t>(eol - p), capacity)).get(doc)) {
                syntax_error(err, code);
                return refine_incomplete(p, eol, err);
            }
            ondemand::object object;
            if (auto code = doc.get_object().get(object)) {
                syntax_error(err, code);
                return refine_incomplete(p, eol, err);
            }
            if (reader.read(object, &record, err) != TC_OK) return refine_incomplete(p, eol, err);
            if (expect_end(doc, "record", err) != TC_OK) return err->status;
            if (tc_table_append(table, &record, err) != TC_OK) return err->status;
        }
        p = eol + 1;
    }
    *next_line = line;
    return TC_OK;
}

namespace {
/// Appends each object of `array` (inside `text`) as a record, naming a record's line on error.
tc_status append_array(tc_table *table, const char *text, ondemand::array &array, tc_error *err) {
    RecordReader reader(table);
    tc_record record;
    for (auto element : array) {
        err->record++;
        ondemand::value value;
        if (auto code = element.get(value)) return syntax_error(err, code);
        // Where the record starts; turned into a line number only on error,
        // since counting lines for every record would be quadratic.
        const char *at = nullptr;
        (void)value.current_location().get(at);
        auto fail = [&](tc_status status) {
            if (at) err->line = line_of(text, at);
            return status;
        };
        ondemand::object object;
        if (auto code = value.get_object().get(object)) return fail(syntax_error(err, code));
        if (reader.read(object, &record, err) != TC_OK) return fail(err->status);
        if (tc_table_append(table, &record, err) != TC_OK) return fail(err->status);
    }
    err->record = 0;
    return TC_OK;
}
}  // namespace

namespace {
/// Starts reading text[0..len) as one JSON document (errors name line 1 until a record is known).
tc_status open_document(ondemand::parser &parser, const char *text, size_t len, ondemand::document &doc, tc_error *err) {
    err->line = 1;
    err->record = 0;
    if (auto code = parser.iterate(padded_string_view(text, len, len + TC_JSON_PADDING)).get(doc))
        return document_error(text, len, err, code);
    return TC_OK;
}
}  // namespace

/// A JSON array read a piece at a time: where the reader is in the array's syntax, and how far.
struct tc_json_array_reader {
    enum class Expecting { open, first_element, element, comma_or_close, nothing };

    explicit tc_json_array_reader(tc_table *table) : table(table), reader(table) {}

    tc_table *table;
    RecordReader reader;
    ondemand::parser parser;
    Expecting expecting = Expecting::open;
    size_t line = 1;          // the line of the next byte to be read
    size_t content_line = 1;  // the line of the last byte that was not white space
    size_t records = 0;

    tc_status push(const char *text, size_t len, bool last, size_t *consumed, tc_error *err);

private:
    /// Appends the element text[0..len), `available` bytes readable from text on (padding included).
    tc_status append(const char *text, size_t len, size_t available, tc_error *err);
};

namespace {
/// Where the scalar starting at `p` ends (a string with its escapes, or up to a comma, bracket or
/// space); nullptr when it may go on past `end`.
const char *scalar_end(const char *p, const char *end) {
    if (*p == '"') {
        for (p++; p < end; p++) {
            if (*p == '\\') p++;
            else if (*p == '"') return p + 1;
        }
        return nullptr;
    }
    for (; p < end; p++)
        if (*p == ',' || *p == ']' || *p == '}' || is_json_space(*p)) return p;
    return nullptr;
}
}  // namespace

tc_status tc_json_array_reader::append(const char *text, size_t len, size_t available, tc_error *err) {
    records++;
    err->record = records;
    err->line = line;
    tc_record record;
    ondemand::document doc;
    if (auto code = parser.iterate(padded_string_view(text, len, available)).get(doc)) return syntax_error(err, code);
    ondemand::object object;
    if (auto code = doc.get_object().get(object)) return syntax_error(err, code);
    if (reader.read(object, &record, err) != TC_OK) return err->status;
    if (expect_end(doc, "record", err) != TC_OK) return err->status;
    return tc_table_append(table, &record, err);
}

tc_status tc_json_array_reader::push(const char *text, size_t len, bool last, size_t *consumed, tc_error *err) {
    const char *p = text, *end = text + len;
    *consumed = 0;  // on error, nothing is taken
    while (true) {
        for (; p < end && is_json_space(*p); p++)
            if (*p == '\n') line++;
        if (p == end) break;
        content_line = line;
        if (expecting == Expecting::open) {  // the format was told from this '['
            expecting = Expecting::first_element;
            p++;
        } else if (expecting == Expecting::nothing) {
            err->line = line;
            err->record = 0;
            set_error(err, TC_ERR_SYNTAX, "", "unexpected content after the array");
            return err->status;
        } else if (expecting == Expecting::comma_or_close || (expecting == Expecting::first_element && *p == ']')) {
            if (*p != ',' && *p != ']') {
                err->line = line;
                err->record = records;
                return syntax_error(err, TAPE_ERROR);
            }
            expecting = *p == ',' ? Expecting::element : Expecting::nothing;
            p++;
        } else {  // an element
            const char *close = *p == '{' || *p == '[' ? closing_bracket(p, end) : scalar_end(p, end);
            if (!close && !last) break;  // not whole yet: read on
            const char *stop = close ? close : end;
            if (append(p, static_cast<size_t>(stop - p), static_cast<size_t>(end - p) + TC_JSON_PADDING, err) != TC_OK) {
                if (!close) {  // a cut-short document: named at its last line, as a whole one would be
                    while (end > p && is_json_space(end[-1])) end--;
                    err->line = line - 1 + line_of(p, end);
                }
                return err->status;
            }
            line += count_newlines(p, stop);
            content_line = line;
            p = stop;
            expecting = Expecting::comma_or_close;
        }
    }
    *consumed = static_cast<size_t>(p - text);
    if (last && expecting != Expecting::nothing) {
        err->line = content_line;
        err->record = 0;
        return syntax_error(err, INCOMPLETE_ARRAY_OR_OBJECT);
    }
    return TC_OK;
}

extern "C" tc_json_array_reader *tc_json_array_reader_create(tc_table *table) {
    return new (std::nothrow) tc_json_array_reader(table);
}

extern "C" void tc_json_array_reader_destroy(tc_json_array_reader *reader) { delete reader; }

extern "C" tc_status tc_json_array_reader_push(tc_json_array_reader *reader, const char *text, size_t len, int last,
                                               size_t *consumed, tc_error *err) {
    *err = tc_error{};
    try {
        return reader->push(text, len, last != 0, consumed, err);
    } catch (const std::bad_alloc &) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory");
        return err->status;
    }
}

extern "C" tc_status tc_table_append_json_records_at(tc_table *table, const char *text, size_t len, const char *path,
                                                     size_t path_len, tc_error *err) {
    ondemand::parser parser;
    ondemand::document doc;
    if (open_document(parser, text, len, doc, err) != TC_OK) return err->status;
    ondemand::value value;
    if (auto code = doc.get_value().get(value)) return document_error(text, len, err, code);
    std::string_view rest(path, path_len), walked;
    while (!rest.empty()) {
        const size_t dot = rest.find('.');
        const std::string_view key = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        walked = std::string_view(path, static_cast<size_t>(key.data() + key.size() - path));
        ondemand::object object;
        if (value.get_object().get(object)) {
            set_error(err, TC_ERR_FIELD_TYPE, "", "--records-at %.*s: the value before '%.*s' is not an object",
                      static_cast<int>(path_len), path, static_cast<int>(key.size()), key.data());
            return err->status;
        }
        if (object.find_field_unordered(key).get(value)) {
            set_error(err, TC_ERR_MISSING_FIELD, "", "--records-at %.*s: the document has no field '%.*s'",
                      static_cast<int>(path_len), path, static_cast<int>(walked.size()), walked.data());
            return err->status;
        }
    }
    ondemand::array array;
    if (auto code = value.get_array().get(array)) {
        if (code != INCORRECT_TYPE) return syntax_error(err, code);
        set_error(err, TC_ERR_FIELD_TYPE, "", "--records-at %.*s: the field is not an array of records",
                  static_cast<int>(path_len), path);
        return err->status;
    }
    return append_array(table, text, array, err);
}

extern "C" long tc_json_array_fields(const char *text, size_t len, char *names, size_t capacity) {
    ondemand::parser parser;
    ondemand::document doc;
    if (parser.iterate(padded_string_view(text, len, len + TC_JSON_PADDING)).get(doc)) return -1;
    ondemand::object object;
    if (doc.get_object().get(object)) return -1;
    long found = 0;
    size_t used = 0;
    if (capacity > 0) names[0] = 0;
    for (auto field : object) {
        std::string_view key;
        ondemand::value value;
        ondemand::json_type type;
        if (field.unescaped_key().get(key) || field.value().get(value) || value.type().get(type)) return -1;
        if (key == tc_field_name(TC_FIELD_STATUS)) return -1;  // a record, not an envelope
        if (type != ondemand::json_type::array) continue;
        // Names, comma-separated, as many as fit.
        if (used + key.size() + 2 < capacity) {
            if (found > 0) names[used++] = ',';
            std::memcpy(names + used, key.data(), key.size());
            used += key.size();
            names[used] = 0;
        }
        found++;
    }
    return found;
}
