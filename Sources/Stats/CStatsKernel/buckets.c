/* buckets.c -- the time bucket of each record (tasks over time). */
#include "stats_kernel.h"

void sk_bucket_codes(const double *t, size_t n, const double *starts, size_t nbuckets, int32_t *bucket) {
    double first = starts[0];
    for (size_t i = 0; i < n; i++) {
        double v = t[i];
        if (!(v >= first)) { /* NaN or before the first bucket */
            bucket[i] = -1;
            continue;
        }
        /* The last start at or before v: starts[lo] <= v < starts[hi], hi == nbuckets meaning beyond. */
        size_t lo = 0, hi = nbuckets;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (v >= starts[mid]) lo = mid; else hi = mid;
        }
        bucket[i] = (int32_t)lo;
    }
}
