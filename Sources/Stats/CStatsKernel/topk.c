/* topk.c -- indices of the k largest values, by a bounded min-heap.
 *
 * The heap holds the best k seen so far with the weakest at its root, so each
 * new value costs one comparison unless it beats the root. "Weaker" means a
 * smaller value, or an equal value at a later index: ties keep input order.
 */
#include "stats_kernel.h"

static int weaker(const double *x, size_t a, size_t b) {
    return x[a] < x[b] || (x[a] == x[b] && a > b);
}

static void sift_down(const double *x, size_t *heap, size_t size, size_t root) {
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= size) return;
        if (child + 1 < size && weaker(x, heap[child + 1], heap[child])) child++;
        if (!weaker(x, heap[child], heap[root])) return;
        size_t t = heap[root]; heap[root] = heap[child]; heap[child] = t;
        root = child;
    }
}

size_t sk_top_k(const double *x, size_t n, size_t k, size_t *heap, size_t *idx) {
    if (k == 0) return 0;
    size_t size = 0;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != x[i]) continue;
        if (size < k) {
            heap[size++] = i;
            if (size == k) for (size_t r = k / 2; r-- > 0;) sift_down(x, heap, k, r);
        } else if (weaker(x, heap[0], i)) {
            heap[0] = i;
            sift_down(x, heap, k, 0);
        }
    }
    if (size < k) for (size_t r = size / 2; r-- > 0;) sift_down(x, heap, size, r);
    /* Pop the weakest to the back: idx ends strongest first. */
    size_t r = size;
    while (size > 0) {
        idx[size - 1] = heap[0];
        heap[0] = heap[--size];
        sift_down(x, heap, size, 0);
    }
    return r;
}
