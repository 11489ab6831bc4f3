/* The log callback: the library's records reach the application's function (requests with
 * method, URL, status and request id; the notification session's changes), dependencies'
 * records at TRACE, never a password; a NULL callback turns logging off. Uses agent 3101,
 * added to the emulator with a password no other test uses. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define PASSWORD "Pw-3101-unmistakable"
/* base64("3101:" PASSWORD), the HTTP Basic credentials. */
#define BASIC "MzEwMTpQdy0zMTAxLXVubWlzdGFrYWJsZQ=="

/* What the callback saw, from any thread. */
struct seen {
    unsigned records;
    unsigned secrets;
    int saw_get;
    int saw_put;
    int saw_connected;
    int saw_dependency;
    int bad_level;
};
static struct seen seen;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char MARK[] = "user data";

static void collect(finesse_log_level level, const char *target, const char *message,
                    void *user_data) {
    pthread_mutex_lock(&lock);
    seen.records++;
    if (user_data != (void *)MARK || level < FINESSE_LOG_LEVEL_ERROR ||
        level > FINESSE_LOG_LEVEL_TRACE) {
        seen.bad_level = 1;
    }
    if (strstr(message, PASSWORD) != NULL || strstr(message, BASIC) != NULL) {
        seen.secrets++;
    }
    if (strncmp(target, "finesse_client", 14) == 0) {
        if (strstr(message, "GET ") != NULL && strstr(message, "/finesse/api/User/3101") &&
            strstr(message, "HTTP 200") != NULL) {
            seen.saw_get = 1;
        }
        if (strstr(message, "PUT ") != NULL && strstr(message, "requestId") != NULL &&
            strstr(message, "HTTP 202") != NULL) {
            seen.saw_put = 1;
        }
        if (strstr(message, "notifications connected to") != NULL) {
            seen.saw_connected = 1;
        }
    } else {
        seen.saw_dependency = 1;
    }
    pthread_mutex_unlock(&lock);
}

/* A copy of what the callback saw so far. */
static struct seen snapshot(void) {
    struct seen copy;
    pthread_mutex_lock(&lock);
    copy = seen;
    pthread_mutex_unlock(&lock);
    return copy;
}

static void test_records_reach_the_callback_without_secrets(void) {
    finesse_config *config;
    finesse_client *client = NULL;
    finesse_notifications *notifications = NULL;
    finesse_owned_user *user = NULL;
    finesse_accepted *accepted = NULL;
    struct seen got;
    unsigned before;
    CHECK(control("POST", "/agents",
                  "{\"login_id\": \"3101\", \"login_name\": \"agent3101\", "
                  "\"password\": \"" PASSWORD "\"}",
                  NULL, 0) == 201);
    CHECK_CODE(finesse_set_log_callback(9, collect, (void *)MARK),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_OK(finesse_set_log_callback(FINESSE_LOG_LEVEL_TRACE, collect, (void *)MARK));

    config = fixture_config("3101", PASSWORD);
    CHECK(config != NULL);
    CHECK_OK(finesse_client_new(config, &client));
    CHECK_OK(finesse_notifications_start(client, fixture_notification_url(), &notifications));
    CHECK_OK(finesse_get_user(client, &user));
    finesse_owned_user_free(user);
    CHECK_OK(finesse_sign_in(client, "53101", &accepted));
    finesse_accepted_free(accepted);
    accepted = NULL;
    CHECK_OK(finesse_sign_out(client, 31, &accepted));
    finesse_accepted_free(accepted);
    finesse_notifications_free(notifications);
    finesse_client_free(client);

    got = snapshot();
    CHECK(got.records > 0);
    CHECK(!got.bad_level);
    CHECK(got.saw_get);
    CHECK(got.saw_put);
    CHECK(got.saw_connected);
    /* TRACE takes dependencies' records too (TLS, WebSocket frames). */
    CHECK(got.saw_dependency);
    CHECK(got.secrets == 0);

    /* Off: nothing more arrives. */
    CHECK_OK(finesse_set_log_callback(FINESSE_LOG_LEVEL_TRACE, NULL, NULL));
    before = snapshot().records;
    client = fixture_client("1003");
    CHECK(client != NULL);
    CHECK_OK(finesse_get_user(client, &user));
    finesse_owned_user_free(user);
    finesse_client_free(client);
    CHECK(snapshot().records == before);
}

static void test_status_texts(void) {
    CHECK_STR(finesse_result_text(FINESSE_RESULT_OK), "ok");
    CHECK_STR(finesse_result_text(FINESSE_RESULT_OUTCOME_UNKNOWN), "outcome unknown");
    CHECK_STR(finesse_result_text(FINESSE_RESULT_REFUSED), "refused by the notification service");
    CHECK_STR(finesse_result_text(FINESSE_RESULT_PANIC), "internal error");
    CHECK_STR(finesse_result_text(999), "unknown status");
}

void logging_tests(void) {
    RUN(test_records_reach_the_callback_without_secrets);
    RUN(test_status_texts);
}
