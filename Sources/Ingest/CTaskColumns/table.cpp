// table.cpp -- validation of one record and appending it to the columns.
#include "table.hpp"
#include "byte_scans.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <functional>
#include <new>
#include <utility>

#include <simdjson.h>

namespace taskcolumns {

int32_t Dictionary::code_of(std::string_view value, uint32_t hash) {
    if (2 * (places_.size() + 1) > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    size_t at = static_cast<size_t>(hash) & mask;
    while (slots_[at].code >= 0 && (slots_[at].hash != hash || !same_text(text_of(slots_[at].place), value))) {
        at = (at + 1) & mask;
    }
    if (slots_[at].code < 0) {
        // Offsets and lengths are 32-bit: a dictionary's distinct texts stop at 4 GiB.
        if (value.size() > UINT32_MAX - text_.size()) throw std::bad_alloc();
        const Place place{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(value.size())};
        text_.append(value);  // first: when either throws, the slot stays empty
        places_.push_back(place);
        slots_[at] = Slot{hash, static_cast<int32_t>(places_.size() - 1), place};
    }
    last_ = slots_[at].code;
    return last_;
}

void Dictionary::merge(const Dictionary &part, int32_t *map) {
    constexpr size_t kSlotAhead = 16, kTextAhead = 8;
    const size_t n = part.size();
    std::vector<uint32_t> hashes(n);
    for (size_t code = 0; code < n; code++) hashes[code] = hash_of(part.entry(code));
    for (size_t code = 0; code < n; code++) {
        if (!slots_.empty()) {  // hints only: a slot or text fetched and then moved by grow() costs nothing
            const size_t mask = slots_.size() - 1;
            if (code + kSlotAhead < n) __builtin_prefetch(&slots_[hashes[code + kSlotAhead] & mask]);
            if (code + kTextAhead < n) {
                const Slot &ahead = slots_[hashes[code + kTextAhead] & mask];
                if (ahead.code >= 0) __builtin_prefetch(text_.data() + ahead.place.offset);
            }
        }
        map[code] = code_of(part.entry(code), hashes[code]);
    }
}

void Dictionary::clear() {
    codes.clear();
    text_.clear();
    places_.clear();
    slots_.clear();
    last_ = -1;
}

void Dictionary::grow() {
    std::vector<Slot> larger(slots_.empty() ? 16 : 2 * slots_.size(), Slot{0, -1, Place{0, 0}});
    const size_t mask = larger.size() - 1;
    for (const Slot &slot : slots_) {
        if (slot.code < 0) continue;
        size_t at = static_cast<size_t>(slot.hash) & mask;
        while (larger[at].code >= 0) at = (at + 1) & mask;
        larger[at] = slot;
    }
    slots_.swap(larger);
}

void set_error(tc_error *err, tc_status status, const char *field, const char *format, ...) {
    err->status = status;
    std::snprintf(err->field, sizeof err->field, "%s", field);
    va_list args;
    va_start(args, format);
    std::vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
}

namespace {

/// Resolves a time given as text or seconds and checks its range; false
/// (with *err set) on bad text or a time outside the years 1 to 9999.
bool resolve_time(TimeReader &times, tc_string text, double seconds, const char *field, double *out, tc_error *err) {
    *out = seconds;
    if (text.ptr && text.len == 0) {
        set_error(err, TC_ERR_BAD_TIME, field, "%s is empty; leave the field out (or null) when there is no time", field);
        return false;
    }
    if (text.len > 0 && !times.read(text.ptr, text.len, out)) {
        set_error(err, TC_ERR_BAD_TIME, field,
                  "'%.*s' is not an RFC 3339 time (a date and a time of day) or Unix seconds or milliseconds",
                  static_cast<int>(text.len > 60 ? 60 : text.len), text.ptr);
        return false;
    }
    // A number this large is no time in seconds (it would be after the year 5138): it is milliseconds,
    // as Jenkins and JavaScript write them. A date is never read so, whatever its year.
    const double given = *out;
    if (!is_date(text.ptr, text.len) && given >= TC_MILLISECONDS_FROM) *out = given / 1000;
    if (!std::isnan(*out) && !(*out >= TC_MIN_TIME && *out < TC_MAX_TIME)) {
        set_error(err, TC_ERR_BAD_TIME, field,
                  "%s %g is outside the years 1 to 9999 (numbers are Unix seconds, or milliseconds from 1e11; "
                  "microseconds and nanoseconds are not read)", field, given);
        return false;
    }
    return true;
}

/// Checks a duration given or derived; false (with *err set) when no task can have it.
bool check_duration(double duration, const char *field, tc_error *err) {
    if (std::isnan(duration)) return true;
    if (!std::isfinite(duration)) {
        set_error(err, TC_ERR_BAD_DURATION, field, "duration_ms must be finite, got %g", duration);
        return false;
    }
    if (duration < 0) {
        set_error(err, TC_ERR_BAD_DURATION, field, "duration_ms must not be negative, got %g", duration);
        return false;
    }
    if (duration > TC_MAX_DURATION_MS) {
        set_error(err, TC_ERR_BAD_DURATION, field, "%s gives a duration over 100 years (%g ms), which no task has",
                  field, duration);
        return false;
    }
    return true;
}

/// Checks that a string is text: UTF-8 (unless the reader checked it) without NUL.
bool check_text(tc_string s, const char *field, bool utf8_checked, tc_error *err) {
    if (s.len == 0 || (s.len <= 64 && is_plain_ascii(s.ptr, s.len))) return true;
    if (std::memchr(s.ptr, 0, s.len)) {
        set_error(err, TC_ERR_TEXT, field, "%s contains a NUL character, which text may not hold", field);
        return false;
    }
    if (!utf8_checked && !simdjson::validate_utf8(s.ptr, s.len)) {
        set_error(err, TC_ERR_TEXT, field, "%s is not valid UTF-8 text", field);
        return false;
    }
    return true;
}

std::string_view view(tc_string s) { return {s.ptr, s.len}; }

}  // namespace
}  // namespace taskcolumns

using namespace taskcolumns;

extern "C" const char *tc_field_name(tc_field field) {
    return field >= 0 && field < TC_FIELD_COUNT ? kFieldNames[field] : nullptr;
}

extern "C" tc_table *tc_table_create(void) { return new (std::nothrow) tc_table(); }

extern "C" void tc_table_destroy(tc_table *table) { delete table; }

extern "C" void tc_table_clear(tc_table *table) { table->clear(); }

extern "C" tc_status tc_table_append(tc_table *t, const tc_record *r, tc_error *err) {
    if (r->id.len == 0) {
        const char *id = field_name(TC_FIELD_ID);
        set_error(err, TC_ERR_MISSING_FIELD, id, "required field '%s' is missing", id);
        return err->status;
    }
    if (r->status.len == 0) {
        const char *status = field_name(TC_FIELD_STATUS);
        const std::string &source = t->sources[TC_FIELD_STATUS];
        if (source.empty()) {
            set_error(err, TC_ERR_MISSING_FIELD, status, "required field '%s' is missing or empty", status);
        } else {
            set_error(err, TC_ERR_MISSING_FIELD, status, "required field '%s' (read from '%s') is missing or empty", status,
                      source.c_str());
        }
        return err->status;
    }
    const bool utf8 = r->text_is_utf8 != 0;
    const std::pair<tc_string, tc_field> texts[] = {
        {r->id, TC_FIELD_ID}, {r->status, TC_FIELD_STATUS}, {r->name, TC_FIELD_NAME}, {r->group, TC_FIELD_GROUP},
        {r->run_id, TC_FIELD_RUN_ID}, {r->error, TC_FIELD_ERROR}, {r->data, TC_FIELD_DATA}, {r->output, TC_FIELD_OUTPUT},
        {r->started_at_text, TC_FIELD_STARTED_AT}, {r->finished_at_text, TC_FIELD_FINISHED_AT},
    };
    for (const auto &[text, field] : texts) {
        if (!check_text(text, field_name(field), utf8, err)) return err->status;
    }
    double started, finished;
    if (!resolve_time(t->times, r->started_at_text, r->started_at, field_name(TC_FIELD_STARTED_AT), &started, err))
        return err->status;
    if (!resolve_time(t->times, r->finished_at_text, r->finished_at, field_name(TC_FIELD_FINISHED_AT), &finished, err))
        return err->status;
    double duration = r->duration_ms;
    const char *duration_field = field_name(TC_FIELD_DURATION_MS);
    if (std::isnan(duration) && !std::isnan(started) && !std::isnan(finished)) {
        if (finished < started) {
            set_error(err, TC_ERR_TIME_ORDER, "finished_at", "finished_at is before started_at");
            return err->status;
        }
        duration = (finished - started) * 1000.0;
        duration_field = field_name(TC_FIELD_FINISHED_AT);
    }
    if (!check_duration(duration, duration_field, err)) return err->status;
    try {
        t->started_at.push_back(started);
        t->finished_at.push_back(finished);
        t->duration_ms.push_back(duration);
        t->exit_code.push_back(r->exit_code);
        t->attempts.push_back(r->attempts);
        t->dictionaries[TC_STATUS].encode(view(r->status));
        t->dictionaries[TC_NAME].encode(view(r->name));
        t->dictionaries[TC_GROUP].encode(view(r->group));
        t->dictionaries[TC_RUN_ID].encode(view(r->run_id));
        t->texts[TC_ID].append(view(r->id));
        t->texts[TC_ERROR].append(view(r->error));
        t->texts[TC_DATA].append(view(r->data));
        t->texts[TC_OUTPUT].append(view(r->output));
    } catch (const std::bad_alloc &) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory");
        return err->status;
    }
    return TC_OK;
}

extern "C" size_t tc_table_count(const tc_table *t) { return t->duration_ms.size(); }

extern "C" void tc_table_set_source(tc_table *t, tc_field field, const char *source, size_t len) {
    if (field >= 0 && field < TC_FIELD_COUNT) t->sources[field].assign(source, len);
}

extern "C" int tc_table_source_seen(const tc_table *t, tc_field field) {
    return field >= 0 && field < TC_FIELD_COUNT && t->source_seen[field] ? 1 : 0;
}

extern "C" void tc_table_mark_source_seen(tc_table *t, tc_field field) {
    if (field >= 0 && field < TC_FIELD_COUNT) t->source_seen[field] = true;
}
extern "C" const double *tc_table_started_at(const tc_table *t) { return t->started_at.data(); }
extern "C" const double *tc_table_finished_at(const tc_table *t) { return t->finished_at.data(); }
extern "C" const double *tc_table_duration_ms(const tc_table *t) { return t->duration_ms.data(); }
extern "C" const int32_t *tc_table_exit_code(const tc_table *t) { return t->exit_code.data(); }
extern "C" const int32_t *tc_table_attempts(const tc_table *t) { return t->attempts.data(); }

extern "C" const int32_t *tc_table_codes(const tc_table *t, tc_dictionary_column c) {
    return t->dictionaries[c].codes.data();
}

extern "C" size_t tc_table_dictionary_size(const tc_table *t, tc_dictionary_column c) {
    return t->dictionaries[c].size();
}

extern "C" tc_string tc_table_dictionary_entry(const tc_table *t, tc_dictionary_column c, size_t code) {
    const std::string_view entry = t->dictionaries[c].entry(code);
    return {entry.data(), entry.size()};
}

struct tc_dictionary {
    taskcolumns::Dictionary dictionary;
};

extern "C" tc_dictionary *tc_dictionary_create(void) { return new (std::nothrow) tc_dictionary(); }

extern "C" void tc_dictionary_destroy(tc_dictionary *dictionary) { delete dictionary; }

extern "C" int tc_dictionary_merge(tc_dictionary *dictionary, const tc_table *t, tc_dictionary_column c, int32_t *map) {
    try {
        dictionary->dictionary.merge(t->dictionaries[c], map);
    } catch (const std::bad_alloc &) {
        return 0;
    }
    return 1;
}

extern "C" size_t tc_dictionary_size(const tc_dictionary *dictionary) { return dictionary->dictionary.size(); }

extern "C" tc_string tc_dictionary_entry(const tc_dictionary *dictionary, size_t code) {
    const std::string_view entry = dictionary->dictionary.entry(code);
    return {entry.data(), entry.size()};
}

extern "C" const char *tc_table_text_bytes(const tc_table *t, tc_text_column c, size_t *byte_count) {
    *byte_count = t->texts[c].bytes.size();
    return t->texts[c].bytes.data();
}

extern "C" const uint64_t *tc_table_text_offsets(const tc_table *t, tc_text_column c) {
    return t->texts[c].offsets.data();
}
