/* stats_kernel.h -- the statistics kernel of taskreport.
 *
 * Pure C99 functions over contiguous columns. The caller owns every buffer:
 * the kernel keeps no globals and allocates nothing. Missing values in a
 * double column are NaN; sk_compact() drops them once so that every later
 * pass runs over dense data without a branch per value.
 *
 * Typical use for one duration column x[0..n):
 *
 *     double *work = caller_buffer(n);
 *     size_t m = sk_compact(x, n, work);           // m finite values
 *     sk_summary s; sk_summarize(work, m, &s);     // count/min/max/mean/stddev
 *     sk_histogram_log(work, m, lo, hi, bins, counts);
 *     sk_percentiles(work, m, qs, 4, out);         // reorders work[]
 *
 * Every exported symbol carries the sk_ prefix.
 */
#ifndef STATS_KERNEL_H
#define STATS_KERNEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ===== Dense columns ===================================================== */

/* Copies the non-NaN values of x[0..n) into out[0..m), keeping their order,
 * and returns m. 'out' must have room for n values; it may not alias x. */
size_t sk_compact(const double *x, size_t n, double *out);

/* ===== Summary =========================================================== */

/* Summary of a dense column. For count == 0 every field but count is NaN;
 * for count == 1 the standard deviation is 0. */
typedef struct sk_summary {
    size_t count;
    double min;
    double max;
    double mean;
    double stddev; /* sample standard deviation (n - 1 in the denominator) */
    double sum;
} sk_summary;

/* Computes the summary of the dense values x[0..n) (no NaN allowed).
 * One pass over memory, a block of 2048 values at a time: in each block, the
 * corrected two-pass algorithm (the block's mean, then the squared deviations
 * from it with the compensating term), and the blocks merged with the
 * pairwise update (both from Chan, Golub and LeVeque 1983). It stays accurate
 * when the mean is large compared with the spread, as durations in
 * milliseconds are, and when the mean drifts along the column. */
void sk_summarize(const double *x, size_t n, sk_summary *out);

/* Minimum, maximum and number of the non-NaN values of x[0..n). For no such
 * values *min and *max are NaN. Used for time ranges, which keep their NaNs. */
size_t sk_range(const double *x, size_t n, double *min, double *max);

/* ===== Percentiles ======================================================= */

/* Exact percentiles of the dense values x[0..n) by selection, not sorting.
 * q[0..nq) are quantiles in [0, 1], in any order; out[i] receives the value
 * for q[i] with numpy's default method ("linear": virtual index q * (n - 1),
 * interpolated between its neighbours in sorted order). x is reordered. For
 * n == 0 every out[i] is NaN. nq must be at most SK_MAX_QUANTILES. */
#define SK_MAX_QUANTILES 16
void sk_percentiles(double *x, size_t n, const double *q, size_t nq, double *out);

/* ===== Histograms ======================================================== */

/* Counts the dense values x[0..n) into 'bins' equal-width bins over [lo, hi].
 * Bins are half-open [edge_i, edge_i+1) except the last, which includes hi,
 * as numpy.histogram does. Values outside [lo, hi] are not counted.
 * counts[0..bins) is overwritten. Requires bins >= 1 and lo < hi. */
void sk_histogram_linear(const double *x, size_t n, double lo, double hi,
                         size_t bins, uint64_t *counts);

/* Counts the dense values x[0..n) into 'bins' log-spaced bins: edge i is
 * lo * (hi / lo)^(i / bins). Values below lo, zero and negatives included, go
 * to the first bin and values above hi (infinity too) to the last, so every
 * value is counted once. Requires 1 <= bins <= SK_MAX_BINS and 0 < lo < hi. */
#define SK_MAX_BINS 1024
void sk_histogram_log(const double *x, size_t n, double lo, double hi,
                      size_t bins, uint64_t *counts);

/* Edges of the bins above: edges[0..bins] (bins + 1 values). */
void sk_histogram_edges_linear(double lo, double hi, size_t bins, double *edges);
void sk_histogram_edges_log(double lo, double hi, size_t bins, double *edges);

/* ===== Dictionary codes ================================================== */

/* Counts how often each code in codes[0..n) occurs. counts[0..ncodes) is
 * overwritten. Every code must be in [0, ncodes). */
void sk_count_codes(const int32_t *codes, size_t n, size_t ncodes, uint64_t *counts);

/* Counts pairs (a[i], b[i]) into the row-major table counts[na * nb]:
 * counts[a * nb + b]. The table is overwritten. A pair whose a[i] is
 * negative is not counted; every other code must be in range. The table is
 * dense, so callers keep na * nb near n (sparse counting is theirs to do). */
void sk_count_pairs(const int32_t *a, const int32_t *b, size_t n,
                    size_t na, size_t nb, uint64_t *counts);

/* Groups the non-NaN values of x by code: afterwards the values of code c are
 * out[offsets[c] .. offsets[c+1]), in input order. offsets has ncodes + 1
 * entries and 'out' room for n values. Returns the number of values placed. */
size_t sk_partition_by_code(const double *x, const int32_t *codes, size_t n,
                            size_t ncodes, size_t *offsets, double *out);

/* ===== Time buckets ====================================================== */

/* Writes into bucket[0..n) the time bucket of each time t[i]: bucket b holds
 * the times in [starts[b], starts[b + 1]); the last bucket also holds times
 * beyond it. NaN times and times before starts[0] get -1. Requires starts
 * increasing and 1 <= nbuckets <= INT32_MAX; a binary search per time, so
 * buckets may be calendar months of unequal length. The buckets serve as the
 * first codes of sk_count_pairs(), which skips the -1s. */
void sk_bucket_codes(const double *t, size_t n, const double *starts, size_t nbuckets, int32_t *bucket);

/* ===== Top k ============================================================= */

/* Writes into idx[0..r) the indices of the r = min(k, number of non-NaN
 * values) largest values of x[0..n), largest first; ties keep the lower index
 * first. 'heap' is scratch space for k indices. Returns r. */
size_t sk_top_k(const double *x, size_t n, size_t k, size_t *heap, size_t *idx);

#ifdef __cplusplus
}
#endif

#endif /* STATS_KERNEL_H */
