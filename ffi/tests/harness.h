/*
 * A small assert harness: each case is a `static void test_*(void)` that frees what it makes;
 * a failed check reports the file, line and the library's last error, and ends the case.
 */
#ifndef FINESSE_TEST_HARNESS_H
#define FINESSE_TEST_HARNESS_H

#include <string.h>

#include "finesse.h"

/* Records a failed check of the running case. */
void harness_fail(const char *file, int line, const char *what);

/* Records a call that returned `got` where `want` was expected. */
void harness_fail_code(const char *file, int line, const char *call, finesse_result got,
                       finesse_result want);

/* Records a string accessor that returned `got` (possibly NULL) where `want` was expected. */
void harness_fail_str(const char *file, int line, const char *expr, const char *got,
                      const char *want);

/* Runs one case and counts it as passed or failed. */
void harness_run(const char *name, void (*test)(void));

/* Prints "N passed, N failed" and returns the process exit status. */
int harness_report(void);

#define CHECK(cond)                                    \
    do {                                               \
        if (!(cond)) {                                 \
            harness_fail(__FILE__, __LINE__, #cond);   \
            return;                                    \
        }                                              \
    } while (0)

#define CHECK_CODE(call, want)                                             \
    do {                                                                   \
        finesse_result got_ = (call);                                      \
        if (got_ != (want)) {                                              \
            harness_fail_code(__FILE__, __LINE__, #call, got_, (want));    \
            return;                                                        \
        }                                                                  \
    } while (0)

/* A string result equal to `want` (never NULL). */
#define CHECK_STR(expr, want)                                              \
    do {                                                                   \
        const char *got_ = (expr);                                         \
        const char *want_ = (want);                                        \
        if (got_ == NULL || strcmp(got_, want_) != 0) {                    \
            harness_fail_str(__FILE__, __LINE__, #expr, got_, want_);      \
            return;                                                        \
        }                                                                  \
    } while (0)

#define CHECK_OK(call) CHECK_CODE(call, FINESSE_RESULT_OK)

#define RUN(test) harness_run(#test, test)

#endif
