/* The C contract itself: NULL, empty and invalid UTF-8 arguments, out-params left untouched
 * on failure, NULL-tolerant accessors and frees, configuration checks, the last error and the
 * version. Nothing here needs the emulator to answer. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

/* Not UTF-8: a lone continuation byte and an invalid lead byte. */
static const char INVALID_UTF8[] = {'\x80', '\xff', '\0'};

static void test_version(void) {
    char parts[64];
    snprintf(parts, sizeof parts, "%d.%d.%d", FINESSE_VERSION_MAJOR, FINESSE_VERSION_MINOR,
             FINESSE_VERSION_PATCH);
    CHECK(strcmp(finesse_version(), FINESSE_VERSION) == 0);
    CHECK(strcmp(parts, FINESSE_VERSION) == 0);
}

static void test_null_arguments(void) {
    finesse_client *client = fixture_client("1001");
    finesse_config *config = NULL;
    finesse_owned_user *user = NULL;
    const char *names[] = {"callVariable1", NULL};
    const char *values[] = {"a", "b"};
    CHECK(client != NULL);
    CHECK_CODE(finesse_make_call(NULL, "6135551212", NULL, NULL, 0, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "`client`") != NULL);
    CHECK_CODE(finesse_make_call(client, NULL, NULL, NULL, 0, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "`to_address`") != NULL);
    CHECK_CODE(finesse_make_call(client, "6135551212", NULL, values, 1, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "`var_names`") != NULL);
    CHECK_CODE(finesse_make_call(client, "6135551212", names, values, 2, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "`var_names[1]`") != NULL);
    CHECK_CODE(finesse_get_user(client, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_get_user(NULL, &user), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(user == NULL);
    CHECK_CODE(finesse_sign_in(client, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_hold(client, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_consult_call(client, "16777217", NULL, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_dialog_from_xml(NULL, 0, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_accepted_wait(NULL, 0, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "`accepted`") != NULL);
    CHECK_CODE(finesse_config_new(NULL, &config), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_config_new("https://127.0.0.1", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_config_set_basic_auth(NULL, "a", "b"), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_config_set_notification_url(NULL, "wss://127.0.0.1/ws"),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_client_new(NULL, &client), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(config == NULL);
    finesse_client_free(client);
}

/* The model's accessors of NULL are in test_decode.c; these are the other handles. */
static void test_null_handles_are_tolerated(void) {
    finesse_client_free(NULL);
    finesse_config_free(NULL);
    finesse_accepted_free(NULL);
    finesse_outcome_free(NULL);
    CHECK(finesse_accepted_request_id(NULL) == NULL);
    CHECK(finesse_outcome_type(NULL) == FINESSE_OUTCOME_KIND_NONE);
    CHECK(finesse_outcome_user(NULL) == NULL);
    CHECK(finesse_outcome_dialog(NULL) == NULL);
    CHECK(finesse_outcome_ended_dialog_id(NULL) == NULL);
}

static void test_empty_arguments(void) {
    finesse_client *client = fixture_client("1001");
    finesse_config *config = NULL;
    finesse_client *other = NULL;
    finesse_owned_dialog *dialog = NULL;
    CHECK(client != NULL);
    CHECK_CODE(finesse_make_call(client, "", NULL, NULL, 0, NULL),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "to_address") != NULL);
    CHECK_CODE(finesse_sign_in(client, "", NULL), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_CODE(finesse_get_dialog(client, "", &dialog), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_CODE(finesse_send_dtmf(client, "16777217", "", NULL), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_CODE(finesse_update_call_data(client, "16777217", NULL, NULL, NULL, 0, NULL),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(dialog == NULL);
    CHECK_OK(finesse_config_new("", &config));
    CHECK_OK(finesse_config_set_basic_auth(config, "1001", "secret1001"));
    CHECK_CODE(finesse_client_new(config, &other), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(other == NULL);
    finesse_client_free(client);
}

static void test_invalid_utf8_arguments(void) {
    finesse_client *client = fixture_client("1001");
    finesse_config *config = NULL;
    const char *names[] = {"callVariable1"};
    const char *values[] = {INVALID_UTF8};
    CHECK(client != NULL);
    CHECK_CODE(finesse_make_call(client, INVALID_UTF8, NULL, NULL, 0, NULL),
               FINESSE_RESULT_INVALID_UTF8);
    CHECK(strstr(finesse_last_error_message(), "`to_address`") != NULL);
    CHECK_CODE(finesse_make_call(client, "6135551212", names, values, 1, NULL),
               FINESSE_RESULT_INVALID_UTF8);
    CHECK(strstr(finesse_last_error_message(), "`var_values[0]`") != NULL);
    CHECK_CODE(finesse_hold(client, INVALID_UTF8, NULL), FINESSE_RESULT_INVALID_UTF8);
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_CODE(finesse_config_set_basic_auth(config, "1001", INVALID_UTF8),
               FINESSE_RESULT_INVALID_UTF8);
    finesse_config_free(config);
    finesse_client_free(client);
}

static void test_out_params_untouched_on_failure(void) {
    finesse_client *client = fixture_client("1001");
    finesse_config *config = NULL;
    finesse_client *sentinel_client = (finesse_client *)&config;
    finesse_owned_dialog *sentinel_dialog = (finesse_owned_dialog *)&config;
    finesse_accepted *sentinel_accepted = (finesse_accepted *)&config;
    finesse_owned_dialog *dialog = sentinel_dialog;
    finesse_client *other = sentinel_client;
    finesse_accepted *accepted = sentinel_accepted;
    CHECK(client != NULL);
    CHECK_CODE(finesse_make_call(client, "", NULL, NULL, 0, &accepted),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(accepted == sentinel_accepted);
    CHECK_CODE(finesse_dialog_from_xml((const uint8_t *)"<Dialog>", 8, &dialog),
               FINESSE_RESULT_DECODE);
    CHECK(dialog == sentinel_dialog);
    CHECK_OK(finesse_config_new("ftp://example.com", &config));
    CHECK_OK(finesse_config_set_basic_auth(config, "1001", "secret1001"));
    CHECK_CODE(finesse_client_new(config, &other), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(other == sentinel_client);
    finesse_client_free(client);
}

static void test_configuration_checks(void) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    static const uint8_t not_pem[] = "not a certificate";
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_CODE(finesse_client_new(config, &client), FINESSE_RESULT_INVALID_ARGUMENT);
    /* No credentials: the field named is the password (or a token). */
    CHECK(strstr(finesse_last_error_message(), "`password`") != NULL);
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_OK(finesse_config_set_basic_auth(config, "1001", "secret1001"));
    CHECK_OK(finesse_config_set_connect_timeout_ms(config, 0));
    CHECK_CODE(finesse_client_new(config, &client), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "connect_timeout") != NULL);
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_OK(finesse_config_set_basic_auth(config, "1001", "secret1001"));
    CHECK_OK(finesse_config_add_ca_pem(config, not_pem, sizeof not_pem - 1));
    CHECK_CODE(finesse_client_new(config, &client), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "ca_pem") != NULL);
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_OK(finesse_config_set_basic_auth(config, "1001", "secret1001"));
    CHECK_OK(finesse_config_set_notification_url(config, "ftp://127.0.0.1/ws"));
    CHECK_CODE(finesse_client_new(config, &client), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "notification_url") != NULL);
    CHECK_OK(finesse_config_new(fixture_url(), &config));
    CHECK_OK(finesse_config_set_bearer_token(config, "1001", "token"));
    CHECK_OK(finesse_config_set_secondary(config, "https://127.0.0.1:1"));
    CHECK_OK(finesse_config_set_login_id(config, "1001"));
    CHECK_OK(finesse_config_set_user_agent(config, "crm-plugin/2.0"));
    CHECK_OK(finesse_config_set_notification_url(config, "wss://127.0.0.1:1/ws"));
    CHECK_OK(finesse_config_danger_accept_invalid_certs(config, false));
    CHECK_OK(finesse_client_new(config, &client));
    CHECK(client != NULL);
    finesse_client_free(client);
}

static void test_reason_category_out_of_range(void) {
    finesse_client *client = fixture_client("1001");
    finesse_owned_reason_code_list *list = NULL;
    CHECK(client != NULL);
    CHECK_CODE(finesse_get_reason_codes(client, 7, &list), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "category") != NULL);
    CHECK(list == NULL);
    finesse_client_free(client);
}

static void test_last_error_clear(void) {
    CHECK_CODE(finesse_hold(NULL, "1", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(finesse_last_error_code() == FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(finesse_last_error_message() != NULL);
    finesse_last_error_clear();
    CHECK(finesse_last_error_code() == FINESSE_RESULT_OK);
    CHECK(finesse_last_error_message() == NULL);
    CHECK(finesse_last_error_http_status() == 0);
    CHECK(finesse_last_error_api_count() == 0);
    CHECK(finesse_last_error_api_error(0) == NULL);
    CHECK(finesse_last_error_request_id() == NULL);
}

void argument_tests(void) {
    RUN(test_version);
    RUN(test_null_arguments);
    RUN(test_null_handles_are_tolerated);
    RUN(test_empty_arguments);
    RUN(test_invalid_utf8_arguments);
    RUN(test_out_params_untouched_on_failure);
    RUN(test_configuration_checks);
    RUN(test_reason_category_out_of_range);
    RUN(test_last_error_clear);
}
