/* Agent state: sign in, ready, not ready with a reason, sign out, each accepted and awaited;
 * the User and its accessors, another user's User; SystemInfo, reason codes and wrap-up
 * reasons. Uses agent 1001 on extension 51001, and supervisor 2001. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

/* Generous, for runs under valgrind. */
#define WAIT_MS 20000

static void test_sign_in(void) {
    finesse_client *client = fixture_client("1001");
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    const finesse_settings *settings;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51001", &accepted));
    CHECK(accepted != NULL);
    CHECK(finesse_accepted_request_id(accepted) != NULL);
    CHECK(strlen(finesse_accepted_request_id(accepted)) > 0);
    /* Without a notification session, the wait reads the User until it shows the change. */
    CHECK_OK(finesse_accepted_wait(accepted, WAIT_MS, &outcome));
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_USER);
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "NOT_READY");
    CHECK(finesse_outcome_dialog(outcome) == NULL);
    CHECK(finesse_outcome_ended_dialog_id(outcome) == NULL);
    finesse_outcome_free(outcome);
    finesse_accepted_free(accepted);

    CHECK_OK(finesse_get_user(client, &owned));
    user = finesse_owned_user_view(owned);
    CHECK_STR(finesse_user_uri(user), "/finesse/api/User/1001");
    CHECK_STR(finesse_user_login_id(user), "1001");
    CHECK_STR(finesse_user_login_name(user), "jdoe");
    CHECK_STR(finesse_user_first_name(user), "Jane");
    CHECK_STR(finesse_user_last_name(user), "Doe");
    CHECK_STR(finesse_user_dialogs_uri(user), "/finesse/api/User/1001/Dialogs");
    CHECK_STR(finesse_user_state(user), "NOT_READY");
    CHECK(finesse_user_is_signed_in(user));
    CHECK_STR(finesse_user_extension(user), "51001");
    CHECK_STR(finesse_user_team_id(user), "5007");
    CHECK_STR(finesse_user_team_name(user), "Sales");
    CHECK_STR(finesse_user_media_type(user), "1");
    CHECK(finesse_user_roles_count(user) == 1);
    CHECK_STR(finesse_user_roles_get(user, 0), "Agent");
    CHECK(finesse_user_teams_count(user) == 0);
    CHECK(finesse_user_pending_state(user) == NULL);
    CHECK(finesse_user_state_change_time(user) != NULL);
    /* Signed in without a reason: the server writes -1, which is none. */
    CHECK(!finesse_user_reason_code_id(user, NULL));
    CHECK(finesse_user_reason_code(user) == NULL);
    settings = finesse_user_settings(user);
    CHECK_STR(finesse_user_settings_wrap_up_on_incoming(settings), "OPTIONAL");
    CHECK_STR(finesse_user_settings_wrap_up_on_outgoing(settings), "OPTIONAL");
    finesse_owned_user_free(owned);
    finesse_client_free(client);
}

static void test_ready_and_not_ready_with_reason(void) {
    finesse_client *client = fixture_client("1001");
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    const finesse_user *user;
    const finesse_reason_code *reason;
    int64_t reason_code_id = -1;
    bool flag = true;
    CHECK(client != NULL);
    /* The accepted handle is optional: NULL when only the status matters. */
    CHECK_OK(finesse_sign_in(client, "51001", NULL));
    CHECK_OK(finesse_ready(client, &accepted));
    CHECK_OK(finesse_accepted_wait(accepted, WAIT_MS, NULL));
    finesse_accepted_free(accepted);
    CHECK(wait_for_user_state(client, "READY") == 0);
    accepted = NULL;
    CHECK_OK(finesse_not_ready(client, 22, &accepted));
    CHECK_OK(finesse_accepted_wait(accepted, WAIT_MS, &outcome));
    finesse_accepted_free(accepted);
    user = finesse_outcome_user(outcome);
    CHECK_STR(finesse_user_state(user), "NOT_READY");
    CHECK(finesse_user_reason_code_id(user, &reason_code_id));
    CHECK(reason_code_id == 22);
    /* The emulator embeds the current reason, as CCE does. */
    reason = finesse_user_reason_code(user);
    CHECK(reason != NULL);
    CHECK_STR(finesse_reason_code_label(reason), "Break");
    CHECK_STR(finesse_reason_code_category(reason), "NOT_READY");
    CHECK_STR(finesse_reason_code_uri(reason), "/finesse/api/ReasonCode/22");
    CHECK(finesse_reason_code_system_code(reason, &flag) && !flag);
    finesse_outcome_free(outcome);
    finesse_client_free(client);
}

static void test_another_users_user(void) {
    finesse_client *supervisor = fixture_client("2001");
    finesse_client *agent = fixture_client("1002");
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    const finesse_team_ref *team;
    CHECK(supervisor != NULL && agent != NULL);
    /* A supervisor's own User lists the teams it supervises. */
    CHECK_OK(finesse_get_user(supervisor, &owned));
    user = finesse_owned_user_view(owned);
    CHECK(finesse_user_roles_count(user) == 2);
    CHECK_STR(finesse_user_roles_get(user, 1), "Supervisor");
    CHECK(finesse_user_teams_count(user) == 1);
    team = finesse_user_teams_get(user, 0);
    CHECK_STR(finesse_team_ref_id(team), "5007");
    CHECK_STR(finesse_team_ref_name(team), "Sales");
    CHECK_STR(finesse_team_ref_uri(team), "/finesse/api/Team/5007");
    CHECK(finesse_user_teams_get(user, 1) == NULL);
    finesse_owned_user_free(owned);
    owned = NULL;
    /* A member of the team, by id. */
    CHECK_OK(finesse_get_user_by_id(supervisor, "1001", &owned));
    CHECK_STR(finesse_user_login_name(finesse_owned_user_view(owned)), "jdoe");
    finesse_owned_user_free(owned);
    owned = NULL;
    CHECK_CODE(finesse_get_user_by_id(supervisor, "9999", &owned), FINESSE_RESULT_NOT_FOUND);
    CHECK(finesse_last_error_http_status() == 404);
    /* An agent may read no one else: good credentials, so not allowed rather than an
     * authentication failure. */
    CHECK_CODE(finesse_get_user_by_id(agent, "1001", &owned), FINESSE_RESULT_PERMISSION);
    CHECK(finesse_last_error_http_status() == 401);
    CHECK_CODE(finesse_get_user_by_id(agent, NULL, &owned), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_get_user_by_id(agent, "1001", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(owned == NULL);
    finesse_client_free(supervisor);
    finesse_client_free(agent);
}

static void test_reason_codes(void) {
    finesse_client *client = fixture_client("1001");
    finesse_owned_reason_code_list *list = NULL;
    const finesse_reason_code *code;
    int64_t number = 0;
    bool flag = false;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_reason_codes(client, FINESSE_REASON_CATEGORY_NOT_READY, &list));
    CHECK(finesse_owned_reason_code_list_count(list) >= 2);
    code = finesse_owned_reason_code_list_get(list, 0);
    CHECK(finesse_reason_code_id(code, &number) && number == 22);
    CHECK_STR(finesse_reason_code_label(code), "Break");
    CHECK_STR(finesse_reason_code_category(code), "NOT_READY");
    CHECK_STR(finesse_reason_code_uri(code), "/finesse/api/ReasonCode/22");
    CHECK(finesse_reason_code_code(code, &number) && number == 1);
    CHECK(finesse_reason_code_for_all(code, &flag) && flag);
    CHECK(finesse_reason_code_system_code(code, &flag) && !flag);
    code = finesse_owned_reason_code_list_get(list, 1);
    CHECK(finesse_reason_code_id(code, &number) && number == 23);
    CHECK(finesse_owned_reason_code_list_get(list, 1000) == NULL);
    finesse_owned_reason_code_list_free(list);
    list = NULL;
    CHECK_OK(finesse_get_reason_codes(client, FINESSE_REASON_CATEGORY_LOGOUT, &list));
    CHECK(finesse_owned_reason_code_list_count(list) == 1);
    code = finesse_owned_reason_code_list_get(list, 0);
    CHECK(finesse_reason_code_id(code, &number) && number == 31);
    CHECK_STR(finesse_reason_code_category(code), "LOGOUT");
    finesse_owned_reason_code_list_free(list);
    finesse_client_free(client);
}

static void test_wrap_up_reasons(void) {
    finesse_client *client = fixture_client("1001");
    finesse_owned_wrap_up_reason_list *list = NULL;
    const finesse_wrap_up_reason *reason;
    int64_t id = 0;
    bool for_all = false;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_wrap_up_reasons(client, &list));
    CHECK(finesse_owned_wrap_up_reason_list_count(list) == 3);
    reason = finesse_owned_wrap_up_reason_list_get(list, 0);
    CHECK_STR(finesse_wrap_up_reason_label(reason), "Sales Call");
    CHECK(finesse_wrap_up_reason_id(reason, &id) && id == 1);
    CHECK(finesse_wrap_up_reason_for_all(reason, &for_all) && for_all);
    CHECK(finesse_wrap_up_reason_uri(reason) != NULL);
    CHECK_STR(finesse_wrap_up_reason_label(finesse_owned_wrap_up_reason_list_get(list, 2)),
              "Billing");
    CHECK(finesse_owned_wrap_up_reason_list_get(list, 3) == NULL);
    finesse_owned_wrap_up_reason_list_free(list);
    finesse_client_free(client);
}

static void test_system_info(void) {
    finesse_client *client = fixture_client("1001");
    finesse_owned_system_info *owned = NULL;
    const finesse_system_info *info;
    int64_t offset = -1;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_system_info(client, &owned));
    info = finesse_owned_system_info_view(owned);
    CHECK_STR(finesse_system_info_status(info), "IN_SERVICE");
    CHECK(finesse_system_info_status_reason(info) == NULL);
    CHECK_STR(finesse_system_info_deployment_type(info), "UCCE");
    CHECK(finesse_system_info_xmpp_domain(info) != NULL);
    CHECK(finesse_system_info_xmpp_pub_sub_domain(info) != NULL);
    CHECK(finesse_system_info_primary_node(info) != NULL);
    CHECK(finesse_system_info_secondary_node(info) == NULL);
    CHECK(finesse_system_info_current_timestamp(info) != NULL);
    CHECK(finesse_system_info_timezone_offset(info, &offset) && offset == 0);
    CHECK_STR(finesse_system_info_system_auth_mode(info), "NON_SSO");
    CHECK_STR(finesse_system_info_uri(info), "/finesse/api/SystemInfo");
    finesse_owned_system_info_free(owned);
    finesse_client_free(client);
}

static void test_sign_out_with_reason(void) {
    finesse_client *client = fixture_client("1001");
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51001", NULL));
    CHECK_OK(finesse_not_ready(client, 23, NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK_OK(finesse_sign_out(client, 31, &accepted));
    CHECK(finesse_accepted_request_id(accepted) != NULL);
    CHECK_OK(finesse_accepted_wait(accepted, WAIT_MS, &outcome));
    finesse_accepted_free(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_USER);
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "LOGOUT");
    CHECK(!finesse_user_is_signed_in(finesse_outcome_user(outcome)));
    CHECK(finesse_user_extension(finesse_outcome_user(outcome)) == NULL);
    finesse_outcome_free(outcome);
    finesse_client_free(client);
}

void agent_tests(void) {
    RUN(test_sign_in);
    RUN(test_ready_and_not_ready_with_reason);
    RUN(test_another_users_user);
    RUN(test_reason_codes);
    RUN(test_wrap_up_reasons);
    RUN(test_system_info);
    RUN(test_sign_out_with_reason);
}
