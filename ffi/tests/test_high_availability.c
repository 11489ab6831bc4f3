/* High availability against the two-node emulator (FINESSE_TEST_PAIR_*, side A and side B
 * sharing one CTI state): a dead side A moves REST and notifications to side B together,
 * with the connection states an application shows (failing over, connected with its
 * transport, recovered); a call that ended during an outage comes as a resync event; SSO
 * tokens come from a callback and are renewed once after a rejection. Uses agents 1001 and
 * 1002 of the pair. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

/* Generous, for runs under valgrind. */
#define WAIT_MS 20000

static const char *side_a(void) { return fixture_env("FINESSE_TEST_PAIR_A_URL"); }
static const char *side_b(void) { return fixture_env("FINESSE_TEST_PAIR_B_URL"); }
static const char *pair_ca(void) { return fixture_env("FINESSE_TEST_PAIR_CA"); }
static const char *control_a(void) { return fixture_env("FINESSE_TEST_PAIR_A_CONTROL"); }

/* What the connection events of a recovery said. */
struct recovery {
    int failing_over;
    char from[256];
    char to[256];
    char transport[32];
    uint32_t changes;
    int resync_removed;
};

/* Reads events until a FINESSE_CONNECTION_STATE_RECOVERED one, noting the rest; 1 if it
 * came. */
static int until_recovered(const finesse_notifications *session, struct recovery *seen) {
    long deadline = now_ms() + WAIT_MS;
    memset(seen, 0, sizeof *seen);
    while (now_ms() < deadline) {
        finesse_owned_event *owned = NULL;
        const finesse_event *event;
        finesse_connection_state state;
        int done = 0;
        if (finesse_next_event(session, 200, &owned) != FINESSE_RESULT_OK) {
            continue;
        }
        event = finesse_owned_event_view(owned);
        state = finesse_event_connection_state(event);
        if (state == FINESSE_CONNECTION_STATE_FAILING_OVER) {
            seen->failing_over = 1;
            snprintf(seen->from, sizeof seen->from, "%s", finesse_event_connection_from(event));
            snprintf(seen->to, sizeof seen->to, "%s", finesse_event_connection_detail(event));
        } else if (state == FINESSE_CONNECTION_STATE_CONNECTED) {
            snprintf(seen->transport, sizeof seen->transport, "%s",
                     finesse_event_connection_transport(event));
        } else if (state == FINESSE_CONNECTION_STATE_RECOVERED) {
            seen->changes = finesse_event_connection_changes(event);
            done = 1;
        } else if (finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_REMOVED &&
                   finesse_event_is_resync(event)) {
            seen->resync_removed = 1;
        }
        finesse_owned_event_free(owned);
        if (done) {
            return 1;
        }
    }
    return 0;
}

/* Reads events until one of `kind`; 1 if it came. */
static int until_kind(const finesse_notifications *session, finesse_event_kind kind,
                      finesse_connection_state state) {
    long deadline = now_ms() + WAIT_MS;
    while (now_ms() < deadline) {
        finesse_owned_event *owned = NULL;
        const finesse_event *event;
        int found;
        if (finesse_next_event(session, 200, &owned) != FINESSE_RESULT_OK) {
            continue;
        }
        event = finesse_owned_event_view(owned);
        found = finesse_event_type(event) == kind &&
                (state == FINESSE_CONNECTION_STATE_NONE ||
                 finesse_event_connection_state(event) == state);
        /* A resync flag is only ever set on User and Dialog events. */
        if (finesse_event_type(event) == FINESSE_EVENT_KIND_CONNECTION &&
            finesse_event_is_resync(event)) {
            found = 0;
            deadline = 0;
        }
        finesse_owned_event_free(owned);
        if (found) {
            return 1;
        }
    }
    return 0;
}

static finesse_notifications *session_with_failover(const finesse_client *client,
                                                    uint32_t failover_after_ms) {
    finesse_notification_options *options = NULL;
    finesse_notifications *session = NULL;
    if (finesse_notification_options_new(&options) != FINESSE_RESULT_OK) {
        return NULL;
    }
    if (finesse_notification_options_set_keep_alive(options, 1000, 1000, 2) !=
            FINESSE_RESULT_OK ||
        finesse_notification_options_set_failover_after_ms(options, failover_after_ms) !=
            FINESSE_RESULT_OK ||
        finesse_notifications_start_with(client, options, &session) != FINESSE_RESULT_OK) {
        session = NULL;
    }
    finesse_notification_options_free(options);
    return session;
}

static void test_a_dead_side_a_moves_the_client_to_side_b(void) {
    char node[256];
    size_t len = 0;
    struct recovery seen;
    long started;
    finesse_client *client = fixture_client_at(side_a(), pair_ca(), "1001");
    finesse_notifications *session;
    CHECK(client != NULL);
    session = session_with_failover(client, 1000);
    CHECK(session != NULL);
    CHECK_OK(finesse_sign_in(client, "1001001", NULL));
    CHECK_OK(finesse_client_active_node(client, node, sizeof node, &len));
    CHECK_STR(node, side_a());
    CHECK(len == strlen(side_a()));
    CHECK_CODE(finesse_client_active_node(client, node, 4, NULL), FINESSE_RESULT_INVALID_ARGUMENT);

    CHECK(control_at(control_a(), "PUT", "/node-down", "{\"down\":true}", NULL, 0) == 204);
    started = now_ms();
    CHECK(until_recovered(session, &seen));
    CHECK(now_ms() - started < 7000);
    CHECK(seen.failing_over);
    CHECK_STR(seen.from, side_a());
    CHECK_STR(seen.to, side_b());
    CHECK_STR(seen.transport, "websocket");
    CHECK_OK(finesse_client_active_node(client, node, sizeof node, NULL));
    CHECK_STR(node, side_b());
    /* The agent works on from side B. */
    CHECK_OK(finesse_ready(client, NULL));
    CHECK(wait_for_user_state(client, "READY") == 0);
    finesse_notifications_free(session);
    finesse_client_free(client);
    CHECK(control_at(control_a(), "PUT", "/node-down", "{\"down\":false}", NULL, 0) == 204);
}

static void test_a_call_that_ended_during_an_outage_comes_as_resync(void) {
    char body[512];
    char id[64] = "";
    struct recovery seen;
    finesse_client *client = fixture_client_at(side_a(), pair_ca(), "1002");
    finesse_notifications *session;
    CHECK(client != NULL);
    session = session_with_failover(client, 60000);
    CHECK(session != NULL);
    CHECK_OK(finesse_sign_in(client, "1002002", NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK(control_at(control_a(), "POST", "/inbound-calls",
                     "{\"to\":\"1002002\",\"from_address\":\"6135550000\"}", body,
                     sizeof body) == 201);
    CHECK(sscanf(strstr(body, "\"dialog_id\":\"") ? strstr(body, "\"dialog_id\":\"") + 13 : "",
                 "%63[0-9]", id) == 1);
    CHECK(until_kind(session, FINESSE_EVENT_KIND_DIALOG_ADDED, FINESSE_CONNECTION_STATE_NONE));

    CHECK(control_at(control_a(), "PUT", "/notification-service-down", "{\"down\":true}", NULL,
                     0) == 204);
    CHECK(until_kind(session, FINESSE_EVENT_KIND_CONNECTION,
                     FINESSE_CONNECTION_STATE_DISCONNECTED));
    {
        char path[128];
        snprintf(path, sizeof path, "/dialogs/%s/hangup", id);
        CHECK(control_at(control_a(), "POST", path, NULL, NULL, 0) / 100 == 2);
    }
    CHECK(control_at(control_a(), "PUT", "/notification-service-down", "{\"down\":false}", NULL,
                     0) == 204);
    CHECK(until_recovered(session, &seen));
    CHECK(seen.resync_removed);
    CHECK(seen.changes >= 1);
    CHECK(!seen.failing_over);
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_notifications_free(session);
    finesse_client_free(client);
}

/* The token callback: the first token is already dead although it claims an hour, later ones
 * live an hour; counts its calls in `*user_data`. */
static int32_t provide_token(void *user_data, char *token, size_t capacity, uint32_t *expires_in) {
    int *calls = user_data;
    char body[512];
    const char *lifetime = *calls == 0 ? "{\"lifetime_ms\":1}" : "{\"lifetime_ms\":3600000}";
    const char *start;
    *calls += 1;
    if (control_at(control_a(), "POST", "/agents/1001/tokens", lifetime, body, sizeof body) !=
        201) {
        return -1;
    }
    start = strstr(body, "\"token\":\"");
    if (start == NULL || sscanf(start + 9, "%511[^\"]", token) != 1 || strlen(token) >= capacity) {
        return -1;
    }
    *expires_in = 3600;
    return 0;
}

static int32_t no_token(void *user_data, char *token, size_t capacity, uint32_t *expires_in) {
    (void)user_data;
    (void)token;
    (void)capacity;
    (void)expires_in;
    return 7;
}

static void test_tokens_come_from_the_callback(void) {
    int calls = 0;
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    finesse_owned_user *user = NULL;
    CHECK_OK(finesse_config_new(side_a(), &config));
    CHECK_OK(finesse_config_add_ca_file(config, pair_ca()));
    CHECK_CODE(finesse_config_set_token_provider(config, "1001", NULL, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_OK(finesse_config_set_token_provider(config, "1001", provide_token, &calls));
    CHECK_OK(finesse_client_new(config, &client));
    sleep_ms(5);
    CHECK_OK(finesse_get_user(client, &user));
    CHECK(calls == 2); /* once, and once more after the 401 */
    finesse_owned_user_free(user);
    finesse_client_free(client);

    config = NULL;
    client = NULL;
    user = NULL;
    CHECK_OK(finesse_config_new(side_a(), &config));
    CHECK_OK(finesse_config_add_ca_file(config, pair_ca()));
    CHECK_OK(finesse_config_set_token_provider(config, "1001", no_token, NULL));
    CHECK_OK(finesse_client_new(config, &client));
    CHECK_CODE(finesse_get_user(client, &user), FINESSE_RESULT_AUTHENTICATION);
    CHECK(strstr(finesse_last_error_message(), "returned 7") != NULL);
    CHECK(user == NULL);
    finesse_client_free(client);
}

void high_availability_tests(void) {
    harness_run("a dead side A moves the client to side B", test_a_dead_side_a_moves_the_client_to_side_b);
    harness_run("a call that ended during an outage comes as resync",
                test_a_call_that_ended_during_an_outage_comes_as_resync);
    harness_run("tokens come from the callback", test_tokens_come_from_the_callback);
}
