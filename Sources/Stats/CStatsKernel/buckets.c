/* buckets.c -- the time bucket of each record (tasks over time). */
#include "stats_kernel.h"

void sk_time_bucket_codes(const double *t, size_t n, double origin, double width,
                          size_t nbuckets, int32_t *bucket) {
    double scale = 1.0 / width;
    double last = (double)(nbuckets - 1);
    for (size_t i = 0; i < n; i++) {
        double v = t[i];
        if (!(v >= origin)) { /* NaN or before origin */
            bucket[i] = -1;
            continue;
        }
        double f = (v - origin) * scale;
        bucket[i] = (int32_t)(f >= last ? last : f);
    }
}
