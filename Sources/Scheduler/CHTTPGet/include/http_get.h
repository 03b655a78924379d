/* One HTTP GET through libcurl, which is loaded with dlopen on the first
 * call: a program that never makes an HTTP check (`taskreport report`,
 * `stats`, `chart`) does not load libcurl and the ~30 libraries it pulls in,
 * which were about 10 ms of every start.
 *
 * Redirects are not followed: the caller reads `redirect_url` and decides.
 * Thread-safe once th_load() has returned NULL; each call uses a handle of
 * its own. */
#ifndef HTTP_GET_H
#define HTTP_GET_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What one GET learnt. */
typedef struct th_response {
    /* The status of the answer; 0 when none came. */
    long status;
    /* Where a 3xx answer points, resolved against the request's address (malloc'd); NULL when none. */
    char *redirect_url;
    /* Non-zero when the deadline stopped the request. */
    int timed_out;
    /* Non-zero when the caller's `should_stop` stopped it. */
    int stopped;
    /* Why the request failed, as libcurl says; empty when it did not. */
    char error[256];
} th_response;

/* Receives `count` bytes of the body as they arrive. */
typedef void (*th_body_sink)(void *context, const char *bytes, size_t count);
/* Called about once a second and at each piece of data; non-zero stops the request. */
typedef int (*th_should_stop)(void *context);

/* Loads libcurl and initialises it, once. Returns NULL when it is ready, else why it is not
 * (a static string). */
const char *th_load(void);

/* GETs `url` with `headers` ("Name: value" each, `header_count` of them), taking at most
 * `timeout_ms` in all (connecting, headers and body). Fills `out`, which the caller releases with
 * th_response_free. th_load() must have returned NULL. */
void th_get(const char *url, const char *const *headers, size_t header_count, long timeout_ms,
            th_body_sink sink, th_should_stop should_stop, void *context, th_response *out);

/* Releases what th_get allocated in `response`. */
void th_response_free(th_response *response);

#ifdef __cplusplus
}
#endif

#endif
