/* buckets.c -- records per time bucket and code (tasks over time). */
#include "stats_kernel.h"

#include <string.h>

void sk_count_time_buckets(const double *t, const int32_t *codes, size_t n,
                           double origin, double width, size_t nbuckets,
                           size_t ncodes, uint64_t *counts) {
    memset(counts, 0, nbuckets * ncodes * sizeof *counts);
    double scale = 1.0 / width;
    for (size_t i = 0; i < n; i++) {
        double v = t[i];
        if (!(v >= origin)) continue; /* NaN or before origin */
        double f = (v - origin) * scale;
        size_t b = f >= (double)(nbuckets - 1) ? nbuckets - 1 : (size_t)f;
        counts[b * ncodes + (size_t)codes[i]]++;
    }
}
