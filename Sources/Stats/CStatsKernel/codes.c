/* codes.c -- counting dictionary codes and grouping values by code. */
#include "stats_kernel.h"

#include <string.h>

/* Few codes (statuses) are counted in this many tables side by side: consecutive records often have
 * the same code, and an increment then waits for the one before it unless they go to different tables. */
#define SK_FEW_CODES 64
#define SK_CODE_TABLES 4

void sk_count_codes(const int32_t *codes, size_t n, size_t ncodes, uint64_t *counts) {
    memset(counts, 0, ncodes * sizeof *counts);
    if (ncodes > SK_FEW_CODES) {
        for (size_t i = 0; i < n; i++) counts[codes[i]]++;
        return;
    }
    uint64_t tables[SK_FEW_CODES * SK_CODE_TABLES];  /* code c's counts at c * SK_CODE_TABLES */
    memset(tables, 0, ncodes * SK_CODE_TABLES * sizeof *tables);
    size_t i = 0;
    for (; i + SK_CODE_TABLES <= n; i += SK_CODE_TABLES) {
        for (size_t t = 0; t < SK_CODE_TABLES; t++) tables[(size_t)codes[i + t] * SK_CODE_TABLES + t]++;
    }
    for (; i < n; i++) counts[codes[i]]++;
    for (size_t c = 0; c < ncodes; c++) {
        for (size_t t = 0; t < SK_CODE_TABLES; t++) counts[c] += tables[c * SK_CODE_TABLES + t];
    }
}

void sk_count_pairs(const int32_t *a, const int32_t *b, size_t n,
                    size_t na, size_t nb, uint64_t *counts) {
    memset(counts, 0, na * nb * sizeof *counts);
    for (size_t i = 0; i < n; i++) {
        if (a[i] < 0) continue;
        counts[(size_t)a[i] * nb + (size_t)b[i]]++;
    }
}

size_t sk_partition_by_code(const double *x, const int32_t *codes, size_t n,
                            size_t ncodes, size_t *offsets, double *out) {
    /* Counting sort: count per code, prefix sums, then place. offsets[c+1]
     * serves as the running write position of code c during placement. */
    memset(offsets, 0, (ncodes + 1) * sizeof *offsets);
    for (size_t i = 0; i < n; i++) offsets[codes[i] + 1] += (x[i] == x[i]);
    for (size_t c = 0; c < ncodes; c++) offsets[c + 1] += offsets[c];
    size_t placed = offsets[ncodes];
    /* Shift down by one slot so that offsets[c+1] starts at code c's begin. */
    for (size_t c = ncodes; c > 0; c--) offsets[c] = offsets[c - 1];
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) out[offsets[codes[i] + 1]++] = v;
    }
    return placed;
}
