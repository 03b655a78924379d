/* histogram.c -- linear and log-spaced histograms of dense columns.
 *
 * The bin of a value is computed arithmetically and then corrected against
 * the exact edges by at most one step either way, so a value that sits on an
 * edge always lands in the bin that edge opens, whatever the rounding of the
 * division or the logarithm did. The edge functions below are the single
 * definition of where edges are.
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

/* Moves a guessed bin b to the bin whose [edge_b, edge_b+1) holds v. */
static size_t correct_bin(double v, size_t b, size_t bins, double lo, double hi,
                          double step, int logarithmic) {
    double left = logarithmic ? lo * exp(step * (double)b) : lo + step * (double)b;
    if (b > 0 && v < left) return b - 1;
    if (b + 1 < bins) {
        double right = logarithmic ? lo * exp(step * (double)(b + 1)) : lo + step * (double)(b + 1);
        if (v >= right) return b + 1;
    }
    (void)hi;
    return b;
}

void sk_histogram_linear(const double *x, size_t n, double lo, double hi,
                         size_t bins, uint64_t *counts) {
    memset(counts, 0, bins * sizeof *counts);
    double width = (hi - lo) / (double)bins;
    double scale = (double)bins / (hi - lo);
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= lo && v <= hi)) continue;
        double f = (v - lo) * scale;
        size_t b = f >= (double)bins ? bins - 1 : (size_t)f;
        b = correct_bin(v, b, bins, lo, hi, width, 0);
        counts[b]++;
    }
}

void sk_histogram_log(const double *x, size_t n, double lo, double hi,
                      size_t bins, uint64_t *counts) {
    memset(counts, 0, bins * sizeof *counts);
    double step = log(hi / lo) / (double)bins;
    double scale = 1.0 / step;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        size_t b;
        if (v <= lo) {
            b = 0;
        } else if (v >= hi) {
            b = bins - 1;
        } else {
            double f = log(v / lo) * scale;
            b = f >= (double)bins ? bins - 1 : (size_t)f;
            b = correct_bin(v, b, bins, lo, hi, step, 1);
        }
        counts[b]++;
    }
}
