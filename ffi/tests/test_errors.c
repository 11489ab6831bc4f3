/* Every error class, each with its status code and last-error details: invalid argument (not
 * sent), 401, 404, 400 invalid state, 503, transport, TLS, timeout and outcome unknown.
 * Uses agent 1003 on extension 51003. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

/* A client for agent 1003 at `url`, with the emulator's CA unless `with_ca` is 0. */
static finesse_client *client_at(const char *url, int with_ca, unsigned request_timeout_ms) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    if (finesse_config_new(url, &config) != FINESSE_RESULT_OK) {
        return NULL;
    }
    if (finesse_config_set_basic_auth(config, "1003", "secret1003") != FINESSE_RESULT_OK ||
        (with_ca && finesse_config_add_ca_file(config, fixture_ca()) != FINESSE_RESULT_OK) ||
        (request_timeout_ms > 0 &&
         finesse_config_set_request_timeout_ms(config, request_timeout_ms) != FINESSE_RESULT_OK)) {
        finesse_config_free(config);
        return NULL;
    }
    if (finesse_client_new(config, &client) != FINESSE_RESULT_OK) {
        return NULL;
    }
    return client;
}

static void test_invalid_argument_is_never_sent(void) {
    const char *names[] = {"callVariable1"};
    const char *values[] = {"01234567890123456789012345678901234567890"};
    char url[64];
    finesse_client *client;
    finesse_owned_dialog *dialog = NULL;
    /* Nothing listens there: a transport error would mean something was sent. */
    snprintf(url, sizeof url, "https://127.0.0.1:%u", closed_port());
    client = client_at(url, 1, 0);
    CHECK(client != NULL);
    CHECK_CODE(finesse_make_call(client, "6135551212", names, values, 1, NULL),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(finesse_last_error_code() == FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "callVariable1") != NULL);
    CHECK(finesse_last_error_http_status() == 0);
    CHECK(finesse_last_error_api_count() == 0);
    CHECK(finesse_last_error_url() == NULL);
    CHECK_CODE(finesse_send_dtmf(client, "16777217", "12x", NULL),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_CODE(finesse_get_dialog(client, "../User", &dialog), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(dialog == NULL);
    finesse_client_free(client);
}

static void test_authentication_401(void) {
    finesse_config *config = fixture_config("1003", "wrong-password");
    finesse_client *client = NULL;
    finesse_owned_user *user = NULL;
    const finesse_api_error *error;
    CHECK(config != NULL);
    CHECK_OK(finesse_client_new(config, &client));
    CHECK_CODE(finesse_get_user(client, &user), FINESSE_RESULT_AUTHENTICATION);
    CHECK(user == NULL);
    CHECK(finesse_last_error_http_status() == 401);
    CHECK(finesse_last_error_api_count() == 1);
    error = finesse_last_error_api_error(0);
    CHECK_STR(finesse_api_error_error_type(error), "Authorization Failure");
    CHECK_STR(finesse_api_error_error_message(error), "UNAUTHORIZED");
    CHECK(finesse_api_error_peripheral_error_code(error) == NULL);
    CHECK(finesse_last_error_api_error(1) == NULL);
    CHECK(strstr(finesse_last_error_message(), "wrong-password") == NULL);
    finesse_client_free(client);
}

static void test_not_found_404(void) {
    finesse_client *client = fixture_client("1003");
    finesse_owned_dialog *dialog = NULL;
    CHECK(client != NULL);
    CHECK_CODE(finesse_get_dialog(client, "99999999", &dialog), FINESSE_RESULT_NOT_FOUND);
    CHECK(dialog == NULL);
    CHECK(finesse_last_error_http_status() == 404);
    CHECK_STR(finesse_api_error_error_type(finesse_last_error_api_error(0)), "Not Found");
    CHECK_STR(finesse_api_error_error_data(finesse_last_error_api_error(0)), "99999999");
    CHECK(finesse_last_error_request_id() == NULL);
    /* Not a refusal of the notification service. */
    CHECK(finesse_last_error_refusal_condition() == NULL);
    CHECK(finesse_last_error_refusal_operation() == NULL);
    CHECK(finesse_last_error_refusal_node() == NULL);
    CHECK(finesse_last_error_refusal_text() == NULL);
    finesse_client_free(client);
}

static void test_invalid_state_400(void) {
    finesse_client *client = fixture_client("1003");
    finesse_accepted *accepted = NULL;
    CHECK(client != NULL);
    /* Agent 1003 is signed out: NOT_READY is refused at once (READY is refused later, by the
     * CTI server: test_events.c). */
    CHECK_CODE(finesse_not_ready(client, 22, &accepted), FINESSE_RESULT_INVALID_STATE);
    CHECK(accepted == NULL);
    CHECK(finesse_last_error_http_status() == 400);
    CHECK_STR(finesse_api_error_error_type(finesse_last_error_api_error(0)), "Invalid State");
    CHECK_STR(finesse_api_error_error_data(finesse_last_error_api_error(0)), "LOGOUT");
    CHECK(finesse_last_error_request_id() != NULL);
    finesse_client_free(client);
}

static void test_service_unavailable_503(void) {
    finesse_client *client = fixture_client("1003");
    finesse_owned_user *user = NULL;
    finesse_result result;
    CHECK(client != NULL);
    CHECK(control("PUT", "/out-of-service", "{\"out_of_service\": true}", NULL, 0) == 204);
    result = finesse_get_user(client, &user);
    CHECK(control("PUT", "/out-of-service", "{\"out_of_service\": false}", NULL, 0) == 204);
    CHECK(result == FINESSE_RESULT_SERVICE_UNAVAILABLE);
    CHECK(user == NULL);
    CHECK(finesse_last_error_http_status() == 503);
    CHECK_STR(finesse_api_error_error_message(finesse_last_error_api_error(0)),
              "SERVER_OUT_OF_SERVICE");
    CHECK_OK(finesse_get_user(client, &user));
    finesse_owned_user_free(user);
    finesse_client_free(client);
}

static void test_transport_closed_port(void) {
    char url[64];
    finesse_client *client;
    finesse_owned_system_info *info = NULL;
    snprintf(url, sizeof url, "https://127.0.0.1:%u", closed_port());
    client = client_at(url, 1, 0);
    CHECK(client != NULL);
    CHECK_CODE(finesse_get_system_info(client, &info), FINESSE_RESULT_TRANSPORT);
    CHECK(info == NULL);
    CHECK(finesse_last_error_http_status() == 0);
    /* The URL reached, and the cause (the operating system's refusal) in the message. */
    CHECK(finesse_last_error_url() != NULL);
    CHECK(strncmp(finesse_last_error_url(), url, strlen(url)) == 0);
    CHECK(strstr(finesse_last_error_url(), "/finesse/api/SystemInfo") != NULL);
    CHECK(strstr(finesse_last_error_message(), url) != NULL);
    CHECK(strstr(finesse_last_error_message(), "refused") != NULL);
    CHECK_STR(finesse_result_text(FINESSE_RESULT_TRANSPORT), "server not reachable");
    finesse_client_free(client);
}

static void test_tls_without_ca(void) {
    finesse_client *client = client_at(fixture_url(), 0, 0);
    finesse_owned_system_info *info = NULL;
    CHECK(client != NULL);
    CHECK_CODE(finesse_get_system_info(client, &info), FINESSE_RESULT_TLS);
    CHECK(info == NULL);
    finesse_client_free(client);
}

static void test_timeout(void) {
    finesse_client *client = client_at(fixture_url(), 1, 300);
    finesse_owned_system_info *info = NULL;
    finesse_result result;
    CHECK(client != NULL);
    CHECK(control("PUT", "/latency", "{\"ms\": 1500}", NULL, 0) == 204);
    result = finesse_get_system_info(client, &info);
    CHECK(control("PUT", "/latency", "{\"ms\": 0}", NULL, 0) == 204);
    CHECK(result == FINESSE_RESULT_TIMEOUT);
    CHECK(info == NULL);
    finesse_client_free(client);
}

static void test_outcome_unknown(void) {
    finesse_client *client = fixture_client("1003");
    finesse_accepted *accepted = NULL;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51003", NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK(control("POST", "/cut",
                  "{\"method\": \"POST\", \"path_prefix\": \"/finesse/api/User/1003/Dialogs\"}",
                  NULL, 0) == 204);
    CHECK_CODE(finesse_make_call(client, "6135551212", NULL, NULL, 0, &accepted),
               FINESSE_RESULT_OUTCOME_UNKNOWN);
    CHECK(accepted == NULL);
    CHECK(finesse_last_error_request_id() != NULL);
    CHECK(strlen(finesse_last_error_request_id()) > 0);
    /* The emulator carried the call out before cutting: this is why a retry could dial twice. */
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    CHECK_OK(finesse_sign_out(client, 31, NULL));
    CHECK(wait_for_user_state(client, "LOGOUT") == 0);
    finesse_client_free(client);
}

void error_tests(void) {
    RUN(test_invalid_argument_is_never_sent);
    RUN(test_authentication_401);
    RUN(test_not_found_404);
    RUN(test_invalid_state_400);
    RUN(test_service_unavailable_503);
    RUN(test_transport_closed_port);
    RUN(test_tls_without_ca);
    RUN(test_timeout);
    RUN(test_outcome_unknown);
}
