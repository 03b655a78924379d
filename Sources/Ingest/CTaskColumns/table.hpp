// table.hpp -- the internals of tc_table: dictionaries, text arenas, columns.
#pragma once

#include "task_columns.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace taskcolumns {

/// Whether the first and the last `sizeof(Word)` bytes of p[0..n) and q[0..n) agree (two loads each, which
/// overlap when n is under twice a word): all of them, for sizeof(Word) <= n <= 2 * sizeof(Word).
template <typename Word>
inline bool same_ends(const char *p, const char *q, size_t n) {
    Word p0, p1, q0, q1;
    std::memcpy(&p0, p, sizeof p0);
    std::memcpy(&p1, p + n - sizeof p1, sizeof p1);
    std::memcpy(&q0, q, sizeof q0);
    std::memcpy(&q1, q + n - sizeof q1, sizeof q1);
    return ((p0 ^ q0) | (p1 ^ q1)) == 0;
}

/// Whether `a` and `b` hold the same bytes, as `a == b` says, with the short texts that keys and
/// dictionary values mostly are compared inline: a call to `memcmp` for each was a tenth of reading
/// JSON Lines. Reads only within both texts.
inline bool same_text(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n >= 8 && n <= 16) return same_ends<uint64_t>(p, q, n);
    if (n >= 4 && n < 8) return same_ends<uint32_t>(p, q, n);
    if (n < 4) {
        for (size_t i = 0; i < n; i++)
            if (p[i] != q[i]) return false;
        return true;
    }
    return std::memcmp(p, q, n) == 0;
}

/// Dictionary encoding: each distinct value gets a code in order of first
/// appearance. Consecutive records often repeat a value, so the last code is
/// checked first; then an open-addressing table of slots, probed linearly and
/// kept at most half full, finds the code without a node per value. The
/// entries' texts are kept back to back in one buffer, and each slot holds its
/// entry's place there: a lookup reads the slot and the text, where a
/// `std::string` per entry was a third read between them (with 100k distinct
/// names, as JUnit files have, each read a cache miss).
class Dictionary {
public:
    /// Records the code of `value` (see `code_of`) as the next record's.
    int32_t encode(std::string_view value) {
        const int32_t code = code_of(value);
        codes.push_back(code);
        return code;
    }
    /// The code of `value`, which is added when new.
    /// Throws std::bad_alloc when memory runs out, or the entries' texts would pass 4 GiB.
    int32_t code_of(std::string_view value) {
        if (last_ >= 0 && same_text(entry(static_cast<size_t>(last_)), value)) return last_;  // before hashing
        return code_of(value, hash_of(value));
    }
    /// The code of `value`, whose hash_of() is `hash`, as code_of(value), found in the slots (the last
    /// code is not tried first: code_of(value) has, and merge() looks up distinct values).
    int32_t code_of(std::string_view value, uint32_t hash);
    /// The codes of every entry of `part`, added here when new, in order, written at map[0..part.size()).
    /// A lookup in a large dictionary waits for two reads from memory, its slot and its text; the
    /// entries to look up are all known here, so each slot is fetched some entries ahead, and its text
    /// fewer entries ahead, while the lookups before them run. Throws as code_of().
    void merge(const Dictionary &part, int32_t *map);
    /// The hash a value's slot is found by. A text of up to 16 bytes (most names, groups, statuses and
    /// run ids) is hashed inline from two overlapping loads, mixed by a 128-bit multiply whose halves are
    /// folded together; a longer one by std::hash (a call of `_Hash_bytes` for each value, even of a
    /// few bytes, was a third of encoding one).
    static uint32_t hash_of(std::string_view value) {
        const size_t n = value.size();
        if (n > 16) return static_cast<uint32_t>(std::hash<std::string_view>{}(value));
        const char *p = value.data();
        uint64_t a = 0, b = 0;
        if (n >= 8) {
            std::memcpy(&a, p, 8);
            std::memcpy(&b, p + n - 8, 8);
        } else if (n >= 4) {
            uint32_t a32, b32;
            std::memcpy(&a32, p, 4);
            std::memcpy(&b32, p + n - 4, 4);
            a = a32;
            b = b32;
        } else if (n > 0) {
            a = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
                static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
        }
        const unsigned __int128 product = static_cast<unsigned __int128>(a ^ 0x9E3779B97F4A7C15ull) *
                                          (b ^ 0xD6E8FEB86659FD93ull ^ (static_cast<uint64_t>(n) << 56));
        const uint64_t folded = static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
        return static_cast<uint32_t>(folded ^ (folded >> 32));
    }
    /// Forgets every code and entry.
    void clear();
    /// The number of entries: distinct values.
    size_t size() const { return places_.size(); }
    /// The text of the entry whose code is `code` (< size()), valid until the next entry is added.
    std::string_view entry(size_t code) const { return text_of(places_[code]); }
    std::vector<int32_t> codes;

private:
    struct Place {
        uint32_t offset;  // in text_
        uint32_t length;
    };
    struct Slot {
        uint32_t hash;  // the value's hash, cut to 32 bits: the slot's place, and a check before comparing texts
        int32_t code;   // -1 when empty
        Place place;    // the entry's text
    };
    std::string text_;            // the entries' texts, back to back
    std::vector<Place> places_;   // by code
    std::vector<Slot> slots_;
    int32_t last_ = -1;

    std::string_view text_of(Place place) const { return {text_.data() + place.offset, place.length}; }
    /// Doubles the slots (16 at first) and places every code again.
    void grow();
};

/// Variable-length text, back to back, with count + 1 offsets.
class TextColumn {
public:
    TextColumn() : offsets{0} {}
    /// Appends one record's text. (Inlined by force: the compiler had made it a call, four a record.)
    __attribute__((always_inline)) void append(std::string_view value) {
        if (!value.empty()) bytes.append(value);  // most error, data and output texts are empty: no call for them
        offsets.push_back(bytes.size());
    }
    /// Forgets every record's text.
    void clear() {
        bytes.clear();
        offsets.assign(1, 0);
    }
    /// Keeps the texts of the first `count` records (no more than it holds).
    void truncate(size_t count) {
        offsets.resize(count + 1);
        bytes.resize(offsets[count]);
    }
    std::string bytes;
    std::vector<uint64_t> offsets;
};

/// Reads times as tc_parse_time() does, remembering the date of the last one read: the times of one
/// input mostly share it, and working it out again (the calendar arithmetic and the checks of each
/// digit) was half of reading a time.
class TimeReader {
public:
    /// Reads `text` as tc_parse_time() describes; false when it is not a time.
    bool read(const char *text, size_t len, double *seconds);

private:
    /// "YYYY-MM-DD".
    static constexpr size_t kDateLength = 10;
    char date_text_[kDateLength] = {};
    int64_t day_seconds_ = 0;  // from the epoch to that date
    bool known_ = false;       // whether date_text_ holds a date read before
};

/// The one table of field names on the C++ side, in tc_field order.
inline constexpr const char *kFieldNames[TC_FIELD_COUNT] = {
    "run_id", "id", "name", "group", "status", "started_at", "finished_at", "duration_ms", "exit_code", "attempts",
    "error", "data", "output",
};

/// The name of `field`, which is one (tc_field_name() checks; this is for the loops that read records).
inline const char *field_name(tc_field field) { return kFieldNames[field]; }

/// Whether a time's text is a date (a '-' after a four-digit year), not a number of seconds or milliseconds.
bool is_date(const char *text, size_t len);

/// Sets *err to the given status, field and message (printf-style).
void set_error(tc_error *err, tc_status status, const char *field, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

}  // namespace taskcolumns

struct tc_table {
    std::vector<double> started_at, finished_at, duration_ms;
    std::vector<int32_t> exit_code, attempts;
    taskcolumns::Dictionary dictionaries[4];  // indexed by tc_dictionary_column
    taskcolumns::TextColumn texts[4];         // indexed by tc_text_column
    /// Where each field is read from in JSON, when not from a key of its own name (`--field`); dotted paths
    /// reach into nested objects. Empty for the field's own name.
    std::string sources[TC_FIELD_COUNT];
    /// Whether any record held a field's source.
    bool source_seen[TC_FIELD_COUNT] = {};
    /// Reads the records' times.
    taskcolumns::TimeReader times;

    /// Room for `more` records beyond those held, so that a table filled from
    /// text of known line count has no growth slack (tables are kept whole
    /// until the end of loading, so slack would count twice in memory).
    void reserve_more(size_t more) {
        size_t n = duration_ms.size() + more;
        for (auto *column : {&started_at, &finished_at, &duration_ms}) column->reserve(n);
        exit_code.reserve(n);
        attempts.reserve(n);
        for (auto &dictionary : dictionaries) dictionary.codes.reserve(n);
        for (auto &text : texts) text.offsets.reserve(n + 1);
    }

    /// Keeps the first `count` records (no more than it holds). Dictionary entries stay: a record read
    /// again after this finds its values' codes as they were.
    void truncate(size_t count) {
        for (auto *column : {&started_at, &finished_at, &duration_ms}) column->resize(count);
        exit_code.resize(count);
        attempts.resize(count);
        for (auto &dictionary : dictionaries) dictionary.codes.resize(count);
        for (auto &text : texts) text.truncate(count);
    }

    /// Forgets every record (see tc_table_clear()).
    void clear() {
        for (auto *column : {&started_at, &finished_at, &duration_ms}) column->clear();
        exit_code.clear();
        attempts.clear();
        for (auto &dictionary : dictionaries) dictionary.clear();
        for (auto &text : texts) text.clear();
    }
};
