/* percentile.c -- exact percentiles by selection.
 *
 * numpy's default method ("linear") puts quantile q of n sorted values at the
 * virtual index h = n*q + (1 - q) - 1, that is q * (n - 1) written the way
 * numpy evaluates it, and interpolates between a[floor(h)] and a[floor(h)+1].
 *
 * We never sort. Quantiles are served from the largest down: selecting index
 * k leaves everything at or below a[k] in x[0..k], so the next, smaller index
 * is selected within x[0..k) only. The upper neighbour a[k+1] is the minimum
 * of x[k+1..bound), a linear scan, because everything from 'bound' on is
 * already known to be at least as large.
 *
 * Selection is quickselect with a median-of-three pivot; after 2*log2(n)
 * rounds without converging it falls back to heapsort of what is left, so the
 * worst case stays O(n log n).
 */
#include "stats_kernel.h"

#include <math.h>

static void swap(double *a, double *b) { double t = *a; *a = *b; *b = t; }

static void sift_down(double *x, size_t start, size_t end) {
    size_t root = start;
    while (2 * root + 1 < end) {
        size_t child = 2 * root + 1;
        if (child + 1 < end && x[child] < x[child + 1]) child++;
        if (!(x[root] < x[child])) return;
        swap(&x[root], &x[child]);
        root = child;
    }
}

static void heapsort_range(double *x, size_t n) {
    for (size_t i = n / 2; i-- > 0;) sift_down(x, i, n);
    for (size_t end = n; end-- > 1;) {
        swap(&x[0], &x[end]);
        sift_down(x, 0, end);
    }
}

/* Places the k-th smallest value of x[lo..hi) at x[k], smaller or equal values
 * before it and larger or equal values after it. Requires lo <= k < hi. */
static void select_kth(double *x, size_t lo, size_t hi, size_t k) {
    size_t budget = 2;
    for (size_t m = hi - lo; m > 1; m >>= 1) budget += 2;
    while (hi - lo > 16) {
        if (budget-- == 0) {
            heapsort_range(x + lo, hi - lo);
            return;
        }
        size_t mid = lo + (hi - lo) / 2;
        /* Median of three into x[mid]; x[lo] <= x[mid] <= x[hi-1]. */
        if (x[mid] < x[lo]) swap(&x[mid], &x[lo]);
        if (x[hi - 1] < x[lo]) swap(&x[hi - 1], &x[lo]);
        if (x[hi - 1] < x[mid]) swap(&x[hi - 1], &x[mid]);
        double pivot = x[mid];
        size_t i = lo, j = hi - 1;
        /* Hoare partition: x[lo..i) <= pivot <= x(j..hi). */
        for (;;) {
            while (x[i] < pivot) i++;
            while (pivot < x[j]) j--;
            if (i >= j) break;
            swap(&x[i], &x[j]);
            i++; j--;
        }
        if (k <= j) hi = j + 1; else lo = j + 1;
    }
    /* Insertion sort of the small remainder. */
    for (size_t a = lo + 1; a < hi; a++) {
        double v = x[a];
        size_t b = a;
        while (b > lo && v < x[b - 1]) { x[b] = x[b - 1]; b--; }
        x[b] = v;
    }
}

static double min_of(const double *x, size_t lo, size_t hi) {
    double m = INFINITY;
    for (size_t i = lo; i < hi; i++) m = x[i] < m ? x[i] : m;
    return m;
}

/* numpy's _lerp: exact at both ends, symmetric in rounding. */
static double lerp(double a, double b, double t) {
    if (a == b) return a;
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

void sk_percentiles(double *x, size_t n, const double *q, size_t nq, double *out) {
    if (nq > SK_MAX_QUANTILES) nq = SK_MAX_QUANTILES;
    if (n == 0) {
        for (size_t i = 0; i < nq; i++) out[i] = NAN;
        return;
    }
    /* Order of service: indices of q by decreasing quantile. */
    size_t order[SK_MAX_QUANTILES];
    for (size_t i = 0; i < nq; i++) {
        size_t j = i;
        while (j > 0 && q[order[j - 1]] < q[i]) { order[j] = order[j - 1]; j--; }
        order[j] = i;
    }
    double dn = (double)n;
    size_t bound = n;          /* x[bound..n) is sorted-position-final and >= x[0..bound) */
    size_t last_k = n;         /* last selected index, n for none */
    double last_lower = NAN, last_upper = NAN;
    for (size_t r = 0; r < nq; r++) {
        double qi = q[order[r]];
        double h = dn * qi + (1.0 - qi) - 1.0;
        if (h < 0) h = 0;
        if (h > dn - 1) h = dn - 1;
        size_t k = (size_t)floor(h);
        double t = h - (double)k;
        double lower, upper;
        if (k == last_k) {
            lower = last_lower; upper = last_upper;
        } else {
            select_kth(x, 0, bound, k);
            lower = x[k];
            if (k + 1 >= n) upper = lower;
            else if (k + 1 < bound) upper = min_of(x, k + 1, bound);
            else upper = x[bound];
            bound = k;
            last_k = k; last_lower = lower; last_upper = upper;
        }
        out[order[r]] = lerp(lower, upper, t);
    }
}
