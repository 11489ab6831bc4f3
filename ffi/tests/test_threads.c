/* Eight threads share one client (agent 2001 on extension 52001): concurrent GETs and
 * commands, and a last error that stays per thread. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define THREADS 8
#define ROUNDS 4

struct worker {
    const finesse_client *client;
    int index;
    int failures;
};

/* One thread's work; counts what went wrong instead of stopping. */
static void *work(void *arg) {
    struct worker *w = arg;
    int round;
    for (round = 0; round < ROUNDS; round++) {
        finesse_owned_user *user = NULL;
        finesse_owned_dialog_list *list = NULL;
        finesse_owned_dialog *dialog = NULL;
        finesse_accepted *accepted = NULL;
        finesse_result expected;

        if (finesse_get_user(w->client, &user) != FINESSE_RESULT_OK ||
            strcmp(finesse_user_login_id(finesse_owned_user_view(user)), "2001") != 0) {
            w->failures++;
        }
        finesse_owned_user_free(user);
        if (finesse_get_dialogs(w->client, &list) != FINESSE_RESULT_OK) {
            w->failures++;
        }
        finesse_owned_dialog_list_free(list);
        list = NULL;
        if (finesse_not_ready(w->client, 23, &accepted) != FINESSE_RESULT_OK ||
            finesse_accepted_request_id(accepted) == NULL) {
            w->failures++;
        }
        finesse_accepted_free(accepted);
        /* Even threads get a 404, odd threads an argument error: each sees its own. */
        expected = w->index % 2 == 0 ? FINESSE_RESULT_NOT_FOUND : FINESSE_RESULT_INVALID_ARGUMENT;
        if (finesse_get_dialog(w->client, w->index % 2 == 0 ? "424242" : "no such id", &dialog) !=
                expected ||
            dialog != NULL) {
            w->failures++;
        }
        if (finesse_get_dialogs(w->client, &list) != FINESSE_RESULT_OK) {
            w->failures++;
        }
        finesse_owned_dialog_list_free(list);
        if (finesse_last_error_code() != expected) {
            w->failures++;
        }
    }
    return NULL;
}

static void test_eight_threads_share_one_client(void) {
    finesse_client *client = fixture_client("2001");
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    int i, started = 0, failures = 0;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "52001", NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    for (i = 0; i < THREADS; i++) {
        workers[i].client = client;
        workers[i].index = i;
        workers[i].failures = 0;
        if (pthread_create(&threads[i], NULL, work, &workers[i]) == 0) {
            started++;
        }
    }
    for (i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        failures += workers[i].failures;
    }
    if (failures > 0) {
        fprintf(stderr, "  %d failures across threads\n", failures);
    }
    CHECK(started == THREADS);
    CHECK(failures == 0);
    CHECK_OK(finesse_sign_out(client, 31, NULL));
    finesse_client_free(client);
}

void thread_tests(void) { RUN(test_eight_threads_share_one_client); }
