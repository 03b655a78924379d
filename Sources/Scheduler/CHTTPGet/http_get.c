/* See include/http_get.h. libcurl's types and option numbers come from its
 * header; its functions are looked up in the library loaded at run time. */
#define _POSIX_C_SOURCE 200809L  /* strdup */
#include "http_get.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The libcurl functions used, once loaded. */
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        load_error = "libcurl (libcurl.so.4) could not be loaded; install Debian's libcurl4 for HTTP checks";
        return;
    }
#define FIND(field, name)                                              \
    if (!(*(void **)&curl.field = dlsym(library, name))) {             \
        load_error = "libcurl.so.4 lacks " name;                       \
        return;                                                        \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
#undef FIND
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) load_error = "libcurl could not be initialised";
}

const char *th_load(void) {
    pthread_once(&load_once, load);
    return load_error;
}

/* The caller's callbacks, for libcurl's. */
struct transfer {
    th_body_sink sink;
    th_should_stop should_stop;
    void *context;
    int stopped;
};

static size_t on_body(char *bytes, size_t size, size_t count, void *user) {
    struct transfer *transfer = user;
    transfer->sink(transfer->context, bytes, size * count);
    return size * count;
}

static int on_progress(void *user, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d) {
    (void)a, (void)b, (void)c, (void)d;
    struct transfer *transfer = user;
    if (transfer->should_stop(transfer->context)) transfer->stopped = 1;
    return transfer->stopped;
}

void th_get(const char *url, const char *const *headers, size_t header_count, long timeout_ms,
            th_body_sink sink, th_should_stop should_stop, void *context, th_response *out) {
    memset(out, 0, sizeof *out);
    CURL *handle = curl.easy_init();
    if (!handle) {
        snprintf(out->error, sizeof out->error, "libcurl could not start a request");
        return;
    }
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    struct transfer transfer = {sink, should_stop, context, 0};
    char error[CURL_ERROR_SIZE] = "";
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl.easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl.easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    CURLcode code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &out->status);
    char *location = NULL;
    if (curl.easy_getinfo(handle, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
        out->redirect_url = strdup(location);
    }
    out->timed_out = code == CURLE_OPERATION_TIMEDOUT;
    out->stopped = transfer.stopped;
    if (code != CURLE_OK && !out->stopped) {
        snprintf(out->error, sizeof out->error, "%s", error[0] ? error : curl.easy_strerror(code));
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
}

void th_response_free(th_response *response) {
    free(response->redirect_url);
    response->redirect_url = NULL;
}
