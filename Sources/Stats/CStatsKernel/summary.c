/* summary.c -- dense compaction, range and the duration summary.
 *
 * Loops keep SK_LANES independent accumulators so that the compiler can keep
 * them in vector registers without reassociating floating-point additions on
 * its own (which it may not do without -ffast-math). The lanes are combined
 * in a fixed order, so results are deterministic for a given input.
 */
#include "stats_kernel.h"

#include <math.h>

#define SK_LANES 8

size_t sk_compact(const double *x, size_t n, double *out) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        out[m] = v;           /* written unconditionally: no branch ...   */
        m += (v == v);        /* ... the slot is kept only when v is not NaN */
    }
    return m;
}

size_t sk_range(const double *x, size_t n, double *min, double *max) {
    double lo = INFINITY, hi = -INFINITY;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            count++;
        }
    }
    *min = count ? lo : NAN;
    *max = count ? hi : NAN;
    return count;
}

/* Sum, minimum and maximum in SK_LANES lanes. */
static void lane_sum_min_max(const double *x, size_t n, double *sum, double *min, double *max) {
    double s[SK_LANES] = {0}, lo[SK_LANES], hi[SK_LANES];
    for (int l = 0; l < SK_LANES; l++) { lo[l] = INFINITY; hi[l] = -INFINITY; }
    size_t i = 0;
    for (; i + SK_LANES <= n; i += SK_LANES) {
        for (int l = 0; l < SK_LANES; l++) {
            double v = x[i + l];
            s[l] += v;
            lo[l] = v < lo[l] ? v : lo[l];
            hi[l] = v > hi[l] ? v : hi[l];
        }
    }
    for (; i < n; i++) {
        double v = x[i];
        s[0] += v;
        lo[0] = v < lo[0] ? v : lo[0];
        hi[0] = v > hi[0] ? v : hi[0];
    }
    double total = 0, a = INFINITY, b = -INFINITY;
    for (int l = 0; l < SK_LANES; l++) {
        total += s[l];
        a = lo[l] < a ? lo[l] : a;
        b = hi[l] > b ? hi[l] : b;
    }
    *sum = total; *min = a; *max = b;
}

/* Sum of squared deviations from 'mean' and sum of the deviations, in lanes. */
static void lane_deviations(const double *x, size_t n, double mean, double *squares, double *plain) {
    double q[SK_LANES] = {0}, d[SK_LANES] = {0};
    size_t i = 0;
    for (; i + SK_LANES <= n; i += SK_LANES) {
        for (int l = 0; l < SK_LANES; l++) {
            double e = x[i + l] - mean;
            q[l] += e * e;
            d[l] += e;
        }
    }
    for (; i < n; i++) {
        double e = x[i] - mean;
        q[0] += e * e;
        d[0] += e;
    }
    double tq = 0, td = 0;
    for (int l = 0; l < SK_LANES; l++) { tq += q[l]; td += d[l]; }
    *squares = tq; *plain = td;
}

/* Values per block of the summary: 16 KiB, which stays in the first-level cache from the block's first
 * pass to its second, so that the column is read from memory once. */
#define SK_SUMMARY_BLOCK 2048

void sk_summarize(const double *x, size_t n, sk_summary *out) {
    out->count = n;
    if (n == 0) {
        out->min = out->max = out->mean = out->stddev = out->sum = NAN;
        return;
    }
    double sum = 0, min = INFINITY, max = -INFINITY, mean = 0, m2 = 0;
    size_t seen = 0;
    for (size_t start = 0; start < n; start += SK_SUMMARY_BLOCK) {
        const size_t count = n - start < SK_SUMMARY_BLOCK ? n - start : SK_SUMMARY_BLOCK;
        const double *block = x + start;
        /* The block's corrected two-pass summary: its mean, then the squared deviations from it. */
        double block_sum, block_min, block_max, squares, plain;
        lane_sum_min_max(block, count, &block_sum, &block_min, &block_max);
        double block_mean = block_sum / (double)count;
        lane_deviations(block, count, block_mean, &squares, &plain);
        double block_m2 = squares - plain * plain / (double)count;
        if (block_m2 < 0) block_m2 = 0;
        block_mean += plain / (double)count;
        /* Merged into the blocks before it (Chan, Golub and LeVeque's pairwise update). */
        const size_t total = seen + count;
        const double delta = block_mean - mean;
        mean += delta * ((double)count / (double)total);
        m2 += block_m2 + delta * delta * ((double)seen * ((double)count / (double)total));
        seen = total;
        sum += block_sum;
        min = block_min < min ? block_min : min;
        max = block_max > max ? block_max : max;
    }
    out->sum = sum;
    out->min = min;
    out->max = max;
    out->mean = mean;
    out->stddev = n > 1 ? sqrt(m2 / (double)(n - 1)) : 0.0;
}
