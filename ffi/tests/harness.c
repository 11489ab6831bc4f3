/* The assert harness: counts cases and reports failures with the library's last error. */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"

#include <stdio.h>
#include <time.h>

static int passed;
static int failed;
static int current_failed;

static void print_last_error(void) {
    const char *message = finesse_last_error_message();
    fprintf(stderr, "    last error: code %u, HTTP %u: %s\n", (unsigned)finesse_last_error_code(),
            (unsigned)finesse_last_error_http_status(), message ? message : "(none)");
}

void harness_fail(const char *file, int line, const char *what) {
    current_failed = 1;
    fprintf(stderr, "  %s:%d: check failed: %s\n", file, line, what);
    print_last_error();
}

void harness_fail_code(const char *file, int line, const char *call, finesse_result got,
                       finesse_result want) {
    current_failed = 1;
    fprintf(stderr, "  %s:%d: %s returned %u, expected %u\n", file, line, call, (unsigned)got,
            (unsigned)want);
    print_last_error();
}

void harness_fail_str(const char *file, int line, const char *expr, const char *got,
                      const char *want) {
    current_failed = 1;
    if (got == NULL) {
        fprintf(stderr, "  %s:%d: %s is NULL, expected \"%s\"\n", file, line, expr, want);
    } else {
        fprintf(stderr, "  %s:%d: %s is \"%s\", expected \"%s\"\n", file, line, expr, got, want);
    }
    print_last_error();
}

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

void harness_run(const char *name, void (*test)(void)) {
    long start = now_ms();
    current_failed = 0;
    finesse_last_error_clear();
    test();
    if (current_failed) {
        failed++;
    } else {
        passed++;
    }
    printf("%s %s (%ld ms)\n", current_failed ? "FAIL" : "ok  ", name, now_ms() - start);
    fflush(stdout);
}

int harness_report(void) {
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
