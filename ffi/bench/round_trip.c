/* The C round trip, timed the same way as the Rust and Python ones (bench/src/bin/round_trip.rs,
 * python/bench/round_trip.py): `round_trip URL SECONDS` warms up, then runs each operation in a
 * loop for SECONDS and prints `<operation> <ns per call> <calls>`.
 *
 * Operations: get_dialogs (GET the agent's Dialogs into a finesse_owned_dialog_list, then free
 * it) and make_call (a MAKE_CALL with two call variables, accepted with 202). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "finesse.h"

/* Calls made before timing, so connections, caches and the extension are in place. */
#define WARM_UP_CALLS 200

static const char *const names[] = {"callVariable1", "user.CustomerId"};
static const char *const values[] = {"acct-42", "90210"};

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static finesse_result get_dialogs(const finesse_client *client) {
    finesse_owned_dialog_list *list = NULL;
    finesse_result result = finesse_get_dialogs(client, &list);
    finesse_owned_dialog_list_free(list);
    return result;
}

/* Accepted is all that is timed: the outcome is not awaited, so no accepted handle is asked
 * for. */
static finesse_result make_call(const finesse_client *client) {
    return finesse_make_call(client, "6135551212", names, values, 2, NULL);
}

/* Warms `op` up, then calls it for `budget_ns` and prints the mean time per call. */
static int time_op(const char *name, const finesse_client *client, uint64_t budget_ns,
                   finesse_result (*op)(const finesse_client *)) {
    uint64_t start, elapsed, calls = 0;
    int i;
    for (i = 0; i < WARM_UP_CALLS; i++) {
        if (op(client) != FINESSE_RESULT_OK) {
            return 0;
        }
    }
    start = now_ns();
    do {
        if (op(client) != FINESSE_RESULT_OK) {
            return 0;
        }
        calls++;
        elapsed = now_ns() - start;
    } while (elapsed < budget_ns);
    printf("%s %llu %llu\n", name, (unsigned long long)(elapsed / calls),
           (unsigned long long)calls);
    return 1;
}

int main(int argc, char **argv) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    uint64_t budget_ns;
    int ok;

    if (argc != 3) {
        fprintf(stderr, "usage: %s URL SECONDS\n", argv[0]);
        return 2;
    }
    budget_ns = (uint64_t)(atof(argv[2]) * 1e9);
    if (finesse_config_new(argv[1], &config) != FINESSE_RESULT_OK ||
        finesse_config_set_basic_auth(config, "1001", "secret1001") != FINESSE_RESULT_OK ||
        finesse_config_set_login_id(config, "1001") != FINESSE_RESULT_OK) {
        finesse_config_free(config);
        fprintf(stderr, "configuration failed: %s\n", finesse_last_error_message());
        return 1;
    }
    if (finesse_client_new(config, &client) != FINESSE_RESULT_OK) {
        fprintf(stderr, "finesse_client_new failed: %s\n", finesse_last_error_message());
        return 1;
    }
    ok = time_op("get_dialogs", client, budget_ns, get_dialogs) &&
         time_op("make_call", client, budget_ns, make_call);
    if (!ok) {
        fprintf(stderr, "round trip failed: %s\n", finesse_last_error_message());
    }
    finesse_client_free(client);
    return ok ? 0 : 1;
}
