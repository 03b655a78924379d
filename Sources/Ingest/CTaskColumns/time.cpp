// time.cpp -- RFC 3339 times to Unix seconds, without locale or time zone state.
#include "table.hpp"

#include <cstdint>
#include <cstring>

namespace {

bool read_digits(const char *p, const char *end, int count, int *out) {
    if (end - p < count) return false;
    int value = 0;
    for (int i = 0; i < count; i++) {
        if (p[i] < '0' || p[i] > '9') return false;
        value = value * 10 + (p[i] - '0');
    }
    *out = value;
    return true;
}

/// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
/// (the civil-from-days inverse described by Howard Hinnant).
int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/// Unix seconds written as text, "1795537909" or "1795537909.5": digits, at most one point.
bool parse_seconds(const char *p, const char *end, double *seconds) {
    double whole = 0, fraction = 0, scale = 1;
    bool point = false, digits = false;
    for (; p < end; p++) {
        if (*p == '.' && !point) {
            point = true;
        } else if (*p >= '0' && *p <= '9') {
            digits = true;
            if (point) {
                scale *= 0.1;
                fraction += (*p - '0') * scale;
            } else {
                whole = whole * 10 + (*p - '0');
            }
        } else {
            return false;
        }
    }
    if (!digits) return false;
    *seconds = whole + fraction;
    return true;
}

/// Reads "YYYY-MM-DD" from `p` (10 bytes, which `end` allows) into the seconds from the epoch to that day.
bool read_date(const char *p, const char *end, int64_t *seconds) {
    int year, month, day;
    if (!read_digits(p, end, 4, &year) || p[4] != '-' || p[7] != '-') return false;
    if (!read_digits(p + 5, end, 2, &month) || !read_digits(p + 8, end, 2, &day)) return false;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return false;
    *seconds = days_from_civil(year, month, day) * 86400;
    return true;
}

/// The powers of ten that a fraction's digits are divided by.
constexpr double kPowersOfTen[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                   1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

/// The seconds from the epoch of a time of day on the day `day` seconds from it, `offset_minutes` east
/// of UTC; false when the clock is no clock (a leap second, :60, is let through). Both readers of a
/// time of day end here, so that they give the same double for the same text.
bool clock_seconds(int64_t day, int hour, int minute, int second, int offset_minutes, double fraction, double *seconds) {
    if (hour > 23 || minute > 59 || second > 60) return false;
    const int64_t whole = day + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    *seconds = static_cast<double>(whole) + fraction;
    return true;
}

/// Whether each byte of `word` selected by `mask` (0xFF or 0 per byte) is an ASCII digit: its high
/// nibble 3 both as it is and with 6 added (a digit's low nibble is at most 9). A selected byte that
/// passes the first test carries nothing into the next when 6 is added; an unselected byte of 0xFA
/// or more would carry 1 into the next, which can only make a digit fail the second test, never a
/// byte that is no digit pass it (the caller then reads the text the slow way).
bool all_digits(uint64_t word, uint64_t mask) {
    constexpr uint64_t high_nibbles = 0xF0F0F0F0F0F0F0F0ull, zeros = 0x3030303030303030ull;
    return (word & high_nibbles & mask) == (zeros & mask) &&
           ((word + 0x0606060606060606ull) & high_nibbles & mask) == (zeros & mask);
}

/// Reads "THH:MM:SS.mmmZ" at `p` (14 bytes: UTC to the millisecond, as JavaScript's `toISOString`,
/// GitHub and most CI tools write times) as whole words: the fixed bytes compared and the digits
/// checked at once. False when the bytes are in any other form, which read_time_of_day() then reads
/// a character at a time. Gives what read_time_of_day() gives for the same text.
bool read_utc_milliseconds(const char *p, int64_t day, double *seconds) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t clock;  // "HH:MM:SS"
    uint32_t tail;   // "mmmZ"
    std::memcpy(&clock, p + 1, sizeof clock);
    std::memcpy(&tail, p + 10, sizeof tail);
    constexpr uint64_t colons = 0x0000FF0000FF0000ull;  // bytes 2 and 5
    if (p[0] != 'T' || p[9] != '.' || (clock & colons) != (0x00003A00003A0000ull) || (tail >> 24) != 'Z') return false;
    if (!all_digits(clock, ~colons) || !all_digits(tail, 0x00FFFFFFull)) return false;
    const uint64_t d = clock - 0x3030303030303030ull;  // each byte's digit (the colons become 0x0A, unused)
    const uint32_t m = tail - 0x30303030u;
    auto byte = [](uint64_t word, int at) { return static_cast<int>((word >> (8 * at)) & 0xFF); };
    const int hour = byte(d, 0) * 10 + byte(d, 1), minute = byte(d, 3) * 10 + byte(d, 4),
              second = byte(d, 6) * 10 + byte(d, 7);
    const int milliseconds = byte(m, 0) * 100 + byte(m, 1) * 10 + byte(m, 2);
    return clock_seconds(day, hour, minute, second, 0, static_cast<double>(milliseconds) / kPowersOfTen[3], seconds);
#else
    (void)p, (void)day, (void)seconds;
    return false;
#endif
}

/// Reads the rest of a time after its date, the separator and "HH:MM", then optionally ":SS", a
/// fraction and a zone, from [p, end); `day` is the seconds to that date.
bool read_time_of_day(const char *p, const char *end, int64_t day, double *seconds) {
    int hour, minute, second = 0;
    if (end - p < 6 || (*p != 'T' && *p != 't' && *p != ' ') || p[3] != ':') return false;
    // Seconds may be left out: "2026-11-24T16:31".
    if (!read_digits(p + 1, end, 2, &hour) || !read_digits(p + 4, end, 2, &minute)) return false;
    p += 6;
    if (p < end && *p == ':') {
        if (!read_digits(p + 1, end, 2, &second)) return false;
        p += 3;
    }
    double fraction = 0;
    if (p < end && *p == '.') {
        // The first 18 digits as an integer, divided once by their power of ten: the double nearest
        // the decimal fraction. Digits after them are checked, and add nothing a double would keep.
        p++;
        const char *digits = p;
        uint64_t numerator = 0;
        for (; p < end && *p >= '0' && *p <= '9'; p++) {
            if (p - digits < 18) numerator = numerator * 10 + static_cast<uint64_t>(*p - '0');
        }
        if (p == digits) return false;
        fraction = static_cast<double>(numerator) / kPowersOfTen[p - digits < 18 ? p - digits : 18];
    }
    int offset_minutes = 0;
    if (p < end) {
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p == '-' ? -1 : 1, oh, om = 0;
            p++;
            if (!read_digits(p, end, 2, &oh)) return false;
            p += 2;
            // Minutes may be left out, as PostgreSQL writes "+00".
            if (p < end && *p == ':') p++;
            if (p < end) {
                if (!read_digits(p, end, 2, &om)) return false;
                p += 2;
            }
            if (oh > 23 || om > 59) return false;
            offset_minutes = sign * (oh * 60 + om);
        }
    }
    if (p != end) return false;
    return clock_seconds(day, hour, minute, second, offset_minutes, fraction, seconds);
}

}  // namespace

bool taskcolumns::is_date(const char *text, size_t len) { return len >= 5 && text[4] == '-'; }

bool taskcolumns::TimeReader::read(const char *text, size_t len, double *seconds) {
    const char *end = text + len;
    if (len > 0 && !is_date(text, len)) return parse_seconds(text, end, seconds);
    // A date alone is no time: "YYYY-MM-DD" is followed by at least "THH:MM".
    if (len < kDateLength + 6) return false;
    if (!known_ || std::memcmp(text, date_text_, kDateLength) != 0) {
        int64_t day;
        if (!read_date(text, end, &day)) return false;
        std::memcpy(date_text_, text, kDateLength);
        day_seconds_ = day;
        known_ = true;
    }
    if (len == kDateLength + 14 && read_utc_milliseconds(text + kDateLength, day_seconds_, seconds)) return true;
    return read_time_of_day(text + kDateLength, end, day_seconds_, seconds);
}

extern "C" int tc_parse_time(const char *text, size_t len, double *seconds) {
    return taskcolumns::TimeReader().read(text, len, seconds) ? 1 : 0;
}
