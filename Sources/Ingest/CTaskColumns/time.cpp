// time.cpp -- RFC 3339 times to Unix seconds, without locale or time zone state.
#include "table.hpp"

#include <cstdint>

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

}  // namespace

bool taskcolumns::is_date(const char *text, size_t len) { return len >= 5 && text[4] == '-'; }

extern "C" int tc_parse_time(const char *text, size_t len, double *seconds) {
    const char *p = text, *end = text + len;
    if (len > 0 && !taskcolumns::is_date(text, len)) return parse_seconds(p, end, seconds) ? 1 : 0;
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!read_digits(p, end, 4, &year) || end - p < 10 || p[4] != '-' || p[7] != '-') return 0;
    if (!read_digits(p + 5, end, 2, &month) || !read_digits(p + 8, end, 2, &day)) return 0;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return 0;
    p += 10;
    double fraction = 0;
    int offset_minutes = 0;
    if (p == end) return 0;  // a date alone says no time of day
    {
        if (*p != 'T' && *p != 't' && *p != ' ') return 0;
        p++;
        // Seconds may be left out: "2026-11-24T16:31".
        if (end - p < 5 || p[2] != ':') return 0;
        if (!read_digits(p, end, 2, &hour) || !read_digits(p + 3, end, 2, &minute)) return 0;
        p += 5;
        if (p < end && *p == ':') {
            if (!read_digits(p + 1, end, 2, &second)) return 0;
            p += 3;
        }
        if (hour > 23 || minute > 59 || second > 60) return 0;
        if (p < end && *p == '.') {
            p++;
            double scale = 0.1;
            const char *digits = p;
            while (p < end && *p >= '0' && *p <= '9') {
                fraction += (*p - '0') * scale;
                scale *= 0.1;
                p++;
            }
            if (p == digits) return 0;
        }
        if (p < end) {
            if (*p == 'Z' || *p == 'z') {
                p++;
            } else if (*p == '+' || *p == '-') {
                int sign = *p == '-' ? -1 : 1, oh, om;
                p++;
                if (!read_digits(p, end, 2, &oh)) return 0;
                p += 2;
                // Minutes may be left out, as PostgreSQL writes "+00".
                om = 0;
                if (p < end && *p == ':') p++;
                if (p < end) {
                    if (!read_digits(p, end, 2, &om)) return 0;
                    p += 2;
                }
                if (oh > 23 || om > 59) return 0;
                offset_minutes = sign * (oh * 60 + om);
            }
        }
        if (p != end) return 0;
    }
    int64_t days = days_from_civil(year, month, day);
    int64_t whole = days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    *seconds = static_cast<double>(whole) + fraction;
    return 1;
}
