/* Agent state: sign in, ready, not ready with a reason, sign out; the User and its accessors;
 * SystemInfo, reason codes and wrap-up reasons. Uses agent 1001 on extension 51001. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

static void test_sign_in(void) {
    finesse_client *client = fixture_client("1001");
    finesse_user *user = NULL;
    char *request_id = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51001", &request_id));
    CHECK(request_id != NULL && strlen(request_id) > 0);
    finesse_string_free(request_id);
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK_OK(finesse_get_user(client, &user));
    CHECK(strcmp(finesse_user_login_id(user), "1001") == 0);
    CHECK(strcmp(finesse_user_login_name(user), "jdoe") == 0);
    CHECK(strcmp(finesse_user_first_name(user), "Jane") == 0);
    CHECK(strcmp(finesse_user_last_name(user), "Doe") == 0);
    CHECK(strcmp(finesse_user_state(user), "NOT_READY") == 0);
    CHECK(strcmp(finesse_user_extension(user), "51001") == 0);
    CHECK(strcmp(finesse_user_team_id(user), "5007") == 0);
    CHECK(strcmp(finesse_user_team_name(user), "Sales") == 0);
    CHECK(finesse_user_pending_state(user) == NULL);
    CHECK(finesse_user_state_change_time(user) != NULL);
    finesse_user_free(user);
    finesse_client_free(client);
}

static void test_ready_and_not_ready_with_reason(void) {
    finesse_client *client = fixture_client("1001");
    finesse_user *user = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51001", NULL));
    CHECK_OK(finesse_ready(client, NULL));
    CHECK(wait_for_user_state(client, "READY") == 0);
    CHECK_OK(finesse_not_ready(client, 22, NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK_OK(finesse_get_user(client, &user));
    CHECK(finesse_user_reason_code_id(user) == 22);
    finesse_user_free(user);
    finesse_client_free(client);
}

static void test_reason_codes(void) {
    finesse_client *client = fixture_client("1001");
    finesse_reason_code_list *list = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_reason_codes(client, FINESSE_REASON_CATEGORY_NOT_READY, &list));
    CHECK(finesse_reason_code_list_count(list) >= 2);
    CHECK(finesse_reason_code_list_id(list, 0) == 22);
    CHECK(strcmp(finesse_reason_code_list_label(list, 0), "Break") == 0);
    CHECK(strcmp(finesse_reason_code_list_category(list, 0), "NOT_READY") == 0);
    CHECK(finesse_reason_code_list_code(list, 0) == 1);
    CHECK(finesse_reason_code_list_id(list, 1) == 23);
    CHECK(finesse_reason_code_list_id(list, 1000) == -1);
    CHECK(finesse_reason_code_list_label(list, 1000) == NULL);
    finesse_reason_code_list_free(list);
    list = NULL;
    CHECK_OK(finesse_get_reason_codes(client, FINESSE_REASON_CATEGORY_LOGOUT, &list));
    CHECK(finesse_reason_code_list_count(list) == 1);
    CHECK(finesse_reason_code_list_id(list, 0) == 31);
    finesse_reason_code_list_free(list);
    finesse_client_free(client);
}

static void test_wrap_up_reasons(void) {
    finesse_client *client = fixture_client("1001");
    finesse_wrap_up_reason_list *list = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_wrap_up_reasons(client, &list));
    CHECK(finesse_wrap_up_reason_list_count(list) == 3);
    CHECK(strcmp(finesse_wrap_up_reason_list_label(list, 0), "Sales Call") == 0);
    CHECK(finesse_wrap_up_reason_list_id(list, 0) == 1);
    CHECK(finesse_wrap_up_reason_list_label(list, 3) == NULL);
    finesse_wrap_up_reason_list_free(list);
    finesse_client_free(client);
}

static void test_system_info(void) {
    finesse_client *client = fixture_client("1001");
    finesse_system_info *info = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_system_info(client, &info));
    CHECK(strcmp(finesse_system_info_status(info), "IN_SERVICE") == 0);
    CHECK(strcmp(finesse_system_info_deployment_type(info), "UCCE") == 0);
    CHECK(finesse_system_info_xmpp_domain(info) != NULL);
    CHECK(finesse_system_info_primary_node(info) != NULL);
    finesse_system_info_free(info);
    finesse_client_free(client);
}

static void test_sign_out_with_reason(void) {
    finesse_client *client = fixture_client("1001");
    finesse_user *user = NULL;
    char *request_id = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_sign_in(client, "51001", NULL));
    CHECK_OK(finesse_not_ready(client, 23, NULL));
    CHECK(wait_for_user_state(client, "NOT_READY") == 0);
    CHECK_OK(finesse_sign_out(client, 31, &request_id));
    CHECK(request_id != NULL);
    finesse_string_free(request_id);
    CHECK(wait_for_user_state(client, "LOGOUT") == 0);
    CHECK_OK(finesse_get_user(client, &user));
    CHECK(finesse_user_extension(user) == NULL);
    finesse_user_free(user);
    finesse_client_free(client);
}

void agent_tests(void) {
    RUN(test_sign_in);
    RUN(test_ready_and_not_ready_with_reason);
    RUN(test_reason_codes);
    RUN(test_wrap_up_reasons);
    RUN(test_system_info);
    RUN(test_sign_out_with_reason);
}
