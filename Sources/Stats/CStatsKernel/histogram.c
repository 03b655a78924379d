/* histogram.c -- linear and log-spaced histograms of dense columns.
 *
 * The bin of a value is first estimated and then corrected against the exact
 * edges, so a value that sits on an edge always lands in the bin that edge
 * opens, whatever the rounding of the estimate. The edge functions below are
 * the single definition of where edges are.
 *
 * Log bins avoid log() per value, which cost 25 ns each. Mostly, a value's
 * bin is looked up by its cell: the exponent and leading mantissa bits of the
 * double, which order as positive values do. Cells are made narrower than
 * bins, so at most one edge falls in each, and one comparison with the next
 * edge corrects the lookup (both steps without a branch; the cells of a block
 * are found in a loop the compiler vectorizes). Bins too narrow for 4096 cells
 * are estimated instead: log2 from the exponent bits plus a cubic for the
 * mantissa (error below 0.0014 in log2), corrected by as many steps as the
 * bins' width needs.
 */
#include "stats_kernel.h"

#include <math.h>
#include <string.h>

void sk_histogram_edges_linear(double lo, double hi, size_t bins, double *edges) {
    double width = (hi - lo) / (double)bins;
    for (size_t i = 0; i <= bins; i++) edges[i] = lo + width * (double)i;
    edges[bins] = hi;
}

void sk_histogram_edges_log(double lo, double hi, size_t bins, double *edges) {
    double step = log(hi / lo) / (double)bins;
    for (size_t i = 0; i <= bins; i++) edges[i] = lo * exp(step * (double)i);
    edges[0] = lo;
    edges[bins] = hi;
}

/* Moves the estimated bin b of v to the bin whose [edges[b], edges[b+1]) holds v;
 * values beyond the ends stay in the end bins. Estimates are off by a step at most, unless log
 * bins are narrower than the logarithm's error (hundreds of bins over less than a factor of two). */
static size_t correct_bin(double v, size_t b, size_t bins, const double *edges) {
    while (b > 0 && v < edges[b]) b--;
    while (b + 1 < bins && v >= edges[b + 1]) b++;
    return b;
}

void sk_histogram_linear(const double *x, size_t n, double lo, double hi,
                         size_t bins, uint64_t *counts) {
    double edges[SK_MAX_BINS + 1];
    sk_histogram_edges_linear(lo, hi, bins, edges);
    memset(counts, 0, bins * sizeof *counts);
    double scale = (double)bins / (hi - lo);
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= lo && v <= hi)) continue;
        double f = (v - lo) * scale;
        size_t b = f >= (double)bins ? bins - 1 : (size_t)f;
        counts[correct_bin(v, b, bins, edges)]++;
    }
}

/* log2(v) within 0.0014 for normal positive doubles: the unbiased exponent
 * plus a least-squares cubic for log2 of the mantissa in [1, 2) (fitted with
 * numpy.polyfit). Zero gives about -1023, which clamps to the first bin. */
static inline double approximate_log2(double v) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    double exponent = (double)(int64_t)((bits >> 52) & 0x7ff) - 1023.0;
    uint64_t mantissa_bits = (bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull;
    double m;
    memcpy(&m, &mantissa_bits, sizeof m);
    double p = -2.13382433 + (3.01074372 + (-1.02950006 + 0.15391477 * m) * m) * m;
    return exponent + p;
}

#define SK_BLOCK 256

/* The log histogram by estimated logarithms, for bins too narrow for the cells below. */
static void histogram_log_estimated(const double *x, size_t n, double lo, double hi, size_t bins,
                                    const double *edges, uint64_t *counts) {
    double base = log2(lo);
    double scale = (double)bins / log2(hi / lo);
    double last = (double)(bins - 1);
    uint32_t estimate[SK_BLOCK];
    for (size_t start = 0; start < n; start += SK_BLOCK) {
        size_t count = n - start < SK_BLOCK ? n - start : SK_BLOCK;
        const double *block = x + start;
        /* Vectorized: estimate every bin of the block. */
        for (size_t i = 0; i < count; i++) {
            double f = (approximate_log2(block[i]) - base) * scale;
            f = f < 0 ? 0 : f;
            f = f > last ? last : f;
            estimate[i] = (uint32_t)f;
        }
        /* Scalar: correct against the exact edges and count. */
        for (size_t i = 0; i < count; i++) {
            counts[correct_bin(block[i], estimate[i], bins, edges)]++;
        }
    }
}

/* The bits of a double at or above zero, which order as the values do. */
static inline uint64_t bits_of(double v) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}

static inline double double_of(uint64_t bits) {
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* Cells of the log histogram: at most this many (a power of two), one bin number each, 8 KiB on the stack. */
#define SK_MAX_CELLS 4096

/* Splits [lo, hi] into cells by the top bits of the doubles: exponent and the first 'shift' bits of the
 * mantissa below it, so that cell c holds the doubles from cell_low(c) to cell_low(c + 1). When every
 * cell is narrower than a bin, at most one edge falls inside each, and a value's bin is the bin of its
 * cell's low end, or the next one when the value is at or past the next edge: a table lookup and one
 * comparison a value, no logarithm. Returns the number of cells, with *cell0 and *shift, and
 * bin_of_cell filled; 0 when the bins are too narrow for SK_MAX_CELLS cells. */
static size_t log_cells(double lo, double hi, size_t bins, const double *edges, uint16_t *bin_of_cell,
                        uint64_t *cell0, int *shift) {
    for (int kept = 1; kept <= 12; kept++) {  /* mantissa bits kept: cells 2^(1/2^kept) wide */
        const int s = 52 - kept;
        const uint64_t first = bits_of(lo) >> s, cells = (bits_of(hi) >> s) - first + 1;
        if (cells > SK_MAX_CELLS) return 0;
        size_t b = 0;
        int one_edge_each = 1;
        for (uint64_t c = 0; c < cells && one_edge_each; c++) {
            const double low = double_of((first + c) << s), high = double_of((first + c + 1) << s);
            while (b + 1 < bins && edges[b + 1] <= low) b++;
            bin_of_cell[c] = (uint16_t)b;
            /* The edge after the bin's next one must lie beyond the cell. */
            one_edge_each = b + 2 >= bins || edges[b + 2] >= high;
        }
        if (one_edge_each) {
            for (uint64_t c = cells; c < SK_MAX_CELLS; c++) bin_of_cell[c] = (uint16_t)(bins - 1);
            *cell0 = first;
            *shift = s;
            return (size_t)cells;
        }
    }
    return 0;
}

void sk_histogram_log(const double *x, size_t n, double lo, double hi,
                      size_t bins, uint64_t *counts) {
    double edges[SK_MAX_BINS + 1];
    sk_histogram_edges_log(lo, hi, bins, edges);
    memset(counts, 0, bins * sizeof *counts);
    uint16_t bin_of_cell[SK_MAX_CELLS];
    uint64_t cell0;
    int shift;
    const size_t cells = log_cells(lo, hi, bins, edges, bin_of_cell, &cell0, &shift);
    if (cells == 0) {
        histogram_log_estimated(x, n, lo, hi, bins, edges, counts);
        return;
    }
    /* Each bin's next edge: a value at or past it belongs to the next bin (the last bin has none). */
    double next_edge[SK_MAX_BINS];
    for (size_t b = 0; b < bins; b++) next_edge[b] = b + 1 == bins ? INFINITY : edges[b + 1];
    const size_t last_bin = bins - 1;
    uint32_t cell[SK_BLOCK];
    for (size_t start = 0; start < n; start += SK_BLOCK) {
        const size_t count = n - start < SK_BLOCK ? n - start : SK_BLOCK;
        const double *block = x + start;
        /* Vectorized: each value's cell, values below lo (zero and negatives too) in lo's and values
         * above hi in hi's. (The mask keeps a NaN, which dense columns do not hold, inside the table.) */
        for (size_t i = 0; i < count; i++) {
            double v = block[i];
            v = v < lo ? lo : v;
            v = v > hi ? hi : v;
            cell[i] = (uint32_t)((bits_of(v) >> shift) - cell0) & (SK_MAX_CELLS - 1);
        }
        for (size_t i = 0; i < count; i++) {
            const double v = block[i];
            const size_t b = bin_of_cell[cell[i]];
            const size_t bin = b + (size_t)(v >= next_edge[b]);
            counts[bin > last_bin ? last_bin : bin]++;  /* an infinite value is at the last bin's "next edge" */
        }
    }
}
