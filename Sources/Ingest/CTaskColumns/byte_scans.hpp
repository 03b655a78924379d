// byte_scans.hpp -- scans of texts eight or sixteen bytes at a time, in portable C++ (no intrinsics).
//
// Each word is tested for a byte at once: for `x`, the word XORed with that byte repeated, a byte of
// `x` is zero exactly where the byte was, and `(x - 0x01..) & ~x & 0x80..` sets the high bit of the
// first such byte (bytes after it may be set wrongly, by the borrow; the first never is).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace taskcolumns {
namespace bytes {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;
constexpr uint64_t kLow7s = 0x7F7F7F7F7F7F7F7Full;

inline uint64_t load(const char *p) {
    uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

/// The high bit of each zero byte of `x`, and of no other byte: exact, with no borrow between bytes.
inline uint64_t zero_bytes(uint64_t x) { return ~(((x & kLow7s) + kLow7s) | x) & kHighs; }

/// The high bit of the first zero byte of `x` (in memory order) set; maybe bits after it; none before.
inline uint64_t first_zero_byte(uint64_t x) { return (x - kOnes) & ~x & kHighs; }

}  // namespace bytes

/// The first '"' or '\\' at or after `p`, which must come before the readable bytes end; up to seven
/// bytes after it are read. (For the keys of a document that simdjson has indexed, with its padding.)
inline const char *find_quote_or_backslash(const char *p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (;; p += 8) {
        const uint64_t word = bytes::load(p);
        const uint64_t found = bytes::first_zero_byte(word ^ ('"' * bytes::kOnes)) |
                               bytes::first_zero_byte(word ^ ('\\' * bytes::kOnes));
        if (found) return p + __builtin_ctzll(found) / 8;
    }
#else
    while (*p != '"' && *p != '\\') p++;
    return p;
#endif
}

/// The line breaks in [p, end), sixty-four bytes at a time: each of four sixteen-byte blocks compared
/// with sixteen line breaks at once (the compiler's vector extension: SSE2 or NEON, no intrinsics),
/// the matches (each -1) taken from per-byte counters that are summed before any can pass 255. (Counting
/// a chunk's lines to size its columns, eight bytes at a time, was a fifteenth of reading JSON Lines;
/// a block at a time, the loop's own count and test were as many instructions as the comparing.)
inline size_t count_newlines(const char *p, const char *end) {
    typedef unsigned char Block __attribute__((vector_size(16)));
    auto matches = [](const char *at) {
        Block block;
        std::memcpy(&block, at, sizeof block);
        return (Block)(block == '\n');
    };
    size_t count = 0;
    while (end - p >= 64) {
        Block counters = {};
        // 63 rounds of four blocks: at most 252 matches a byte.
        for (int round = 0; round < 63 && end - p >= 64; round++, p += 64) {
            counters -= matches(p) + matches(p + 16) + matches(p + 32) + matches(p + 48);
        }
        for (int i = 0; i < 16; i++) count += counters[i];
    }
    for (; end - p >= 16; p += 16) {
        const Block found = matches(p);
        for (int i = 0; i < 16; i++) count += found[i] != 0;
    }
    for (; p < end; p++) count += *p == '\n';
    return count;
}

/// Whether p[0..n) is ASCII without NUL, which is text with nothing more to check: most ids, names,
/// statuses and times are. Reads only p[0..n): a text of eight bytes or more as words, the last of
/// them overlapping the one before (a call of `memchr` and of the UTF-8 validator each, for a few
/// bytes, had cost more than the check).
inline bool is_plain_ascii(const char *p, size_t n) {
    if (n < 8) {
        unsigned char high = 0, nonzero = 1;
        for (size_t i = 0; i < n; i++) {
            const auto c = static_cast<unsigned char>(p[i]);
            high |= c;
            nonzero &= c != 0;
        }
        return !(high & 0x80) && nonzero;
    }
    uint64_t bad = 0;
    for (size_t i = 0; i + 8 < n; i += 8) {
        const uint64_t word = bytes::load(p + i);
        bad |= (word & bytes::kHighs) | bytes::zero_bytes(word);
    }
    const uint64_t last = bytes::load(p + n - 8);
    bad |= (last & bytes::kHighs) | bytes::zero_bytes(last);
    return bad == 0;
}

}  // namespace taskcolumns
