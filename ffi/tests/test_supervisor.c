/* Supervisors and wallboards: the Team and Queue documents of core/tests/documents decoded
 * field by field, their notifications, and against the emulator the team read by its
 * supervisor, a member's state set by the supervisor, silent monitor, barge-in and leaving,
 * queues with statistics, the team's reason codes and wrap-up reasons, and
 * FINESSE_RESULT_PERMISSION outside one's teams. Uses agent 3101
 * (added on team 5007) on extension 53101 and supervisor 2001 on 52001. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "documents.h"
#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define BYTES(doc) (const uint8_t *)(doc), strlen(doc)
/* Generous, for runs under valgrind. */
#define WAIT_MS 20000

/* An integer accessor that finds `want`. */
#define CHECK_I64(accessor, view, want)            \
    do {                                           \
        int64_t value_ = -424242;                  \
        CHECK(accessor((view), &value_));          \
        CHECK(value_ == (want));                   \
    } while (0)

/* ---- Documents -------------------------------------------------------------------------- */

static void test_team_document(void) {
    finesse_owned_team *owned = NULL;
    const finesse_team *team;
    const finesse_user *charles, *jack;
    const finesse_reason_code *reason;
    CHECK_OK(finesse_team_from_xml(BYTES(DOC_TEAM), &owned));
    team = finesse_owned_team_view(owned);
    CHECK(team != NULL);
    CHECK_STR(finesse_team_uri(team), "/finesse/api/Team/34");
    CHECK_STR(finesse_team_id(team), "34");
    CHECK_STR(finesse_team_name(team), "My Team");
    CHECK(finesse_team_users_count(team) == 2);
    charles = finesse_team_users_get(team, 0);
    CHECK_STR(finesse_user_login_id(charles), "1234");
    CHECK_STR(finesse_user_state(charles), "LOGOUT");
    CHECK(finesse_user_pending_state(charles) == NULL);
    CHECK(finesse_team_users_get(team, 2) == NULL);
    jack = finesse_team_user(team, "1235");
    CHECK(jack == finesse_team_users_get(team, 1));
    CHECK_STR(finesse_user_extension(jack), "1001002");
    CHECK_STR(finesse_user_state(jack), "NOT_READY");
    reason = finesse_user_reason_code(jack);
    CHECK_STR(finesse_reason_code_label(reason), "Lunch Break");
    CHECK(finesse_team_user(team, "9999") == NULL);
    CHECK(finesse_team_user(team, NULL) == NULL);
    CHECK(finesse_team_user(NULL, "1235") == NULL);
    finesse_owned_team_free(owned);
    finesse_owned_team_free(NULL);
    owned = NULL;
    CHECK_CODE(finesse_team_from_xml(BYTES(DOC_QUEUE), &owned), FINESSE_RESULT_DECODE);
    CHECK(owned == NULL);
}

static void test_queue_documents(void) {
    finesse_owned_queue *owned = NULL;
    finesse_owned_queue_list *list = NULL;
    const finesse_queue *queue;
    const finesse_queue_stats *stats;
    int64_t value = 7;
    CHECK_OK(finesse_queue_from_xml(BYTES(DOC_QUEUE), &owned));
    queue = finesse_owned_queue_view(owned);
    CHECK_STR(finesse_queue_uri(queue), "/finesse/api/Queue/10");
    /* No id element: taken from the URI. */
    CHECK_I64(finesse_queue_id, queue, 10);
    CHECK_STR(finesse_queue_name(queue), "Sales");
    stats = finesse_queue_statistics(queue);
    CHECK(stats != NULL);
    CHECK_I64(finesse_queue_statistics_calls_in_queue, stats, 3);
    CHECK_STR(finesse_queue_statistics_start_time_of_longest_call_in_queue(stats),
              "2012-02-15T17:58:21Z");
    CHECK_I64(finesse_queue_statistics_agents_ready, stats, 1);
    CHECK_I64(finesse_queue_statistics_agents_not_ready, stats, 2);
    CHECK_I64(finesse_queue_statistics_agents_busy_other, stats, 0);
    CHECK_I64(finesse_queue_statistics_agents_logged_on, stats, 1);
    CHECK_I64(finesse_queue_statistics_agents_talking_inbound, stats, 3);
    CHECK_I64(finesse_queue_statistics_agents_talking_outbound, stats, 4);
    CHECK_I64(finesse_queue_statistics_agents_talking_internal, stats, 5);
    CHECK_I64(finesse_queue_statistics_agents_wrap_up_not_ready, stats, 6);
    CHECK_I64(finesse_queue_statistics_agents_wrap_up_ready, stats, 7);
    finesse_owned_queue_free(owned);

    CHECK_OK(finesse_queue_list_from_xml(BYTES(DOC_QUEUES), &list));
    CHECK(finesse_owned_queue_list_count(list) == 2);
    queue = finesse_owned_queue_list_get(list, 1);
    CHECK_STR(finesse_queue_name(queue), "Unassigned");
    stats = finesse_queue_statistics(queue);
    /* Assigned to no one: -1 for numbers, empty (absent) for strings. */
    CHECK_I64(finesse_queue_statistics_agents_ready, stats, -1);
    CHECK(finesse_queue_statistics_start_time_of_longest_call_in_queue(stats) == NULL);
    CHECK(finesse_owned_queue_list_get(list, 2) == NULL);
    finesse_owned_queue_list_free(list);
    CHECK(!finesse_queue_id(NULL, &value) && value == 7);
}

/* Decodes `doc` into `*list`; its single event when it is of `kind`, else NULL. */
static const finesse_event *one_event(const char *doc, finesse_event_kind kind,
                                      finesse_owned_event_list **list) {
    const finesse_event *event;
    *list = NULL;
    if (finesse_event_list_from_xml(BYTES(doc), list) != FINESSE_RESULT_OK ||
        finesse_owned_event_list_count(*list) != 1) {
        return NULL;
    }
    event = finesse_owned_event_list_get(*list, 0);
    return finesse_event_type(event) == kind ? event : NULL;
}

static void test_team_and_queue_notifications(void) {
    const finesse_event *event;
    finesse_owned_event_list *list;
    const finesse_team *team;
    const finesse_queue *queue;
    const finesse_user *user;
    /* A member's change on the team node is a User change. */
    event = one_event(DOC_UPDATE_TEAM_USERS_PUT, FINESSE_EVENT_KIND_USER_CHANGED, &list);
    CHECK(event != NULL);
    user = finesse_event_user(event);
    CHECK_STR(finesse_user_login_id(user), "1235");
    CHECK_STR(finesse_reason_code_label(finesse_user_reason_code(user)), "Team Meeting");
    CHECK_STR(finesse_event_request_id(event), "7f3c6a1e-2b0d-4c43-9a55-0d3b1f6f5e21");
    CHECK(finesse_event_team(event) == NULL && finesse_event_queue(event) == NULL);
    finesse_owned_event_list_free(list);
    /* A whole <team>. */
    event = one_event(DOC_UPDATE_TEAM_PUT, FINESSE_EVENT_KIND_TEAM_CHANGED, &list);
    CHECK(event != NULL);
    team = finesse_event_team(event);
    CHECK_STR(finesse_team_name(team), "Shiny");
    CHECK(finesse_team_users_count(team) == 2);
    CHECK_STR(finesse_user_state(finesse_team_users_get(team, 1)), "NOT_READY");
    CHECK(finesse_event_request_id(event) == NULL);
    finesse_owned_event_list_free(list);
    /* Queue statistics, and a queue removed. */
    event = one_event(DOC_UPDATE_QUEUE_PUT, FINESSE_EVENT_KIND_QUEUE_CHANGED, &list);
    CHECK(event != NULL);
    queue = finesse_event_queue(event);
    CHECK_I64(finesse_queue_id, queue, 1004);
    CHECK_I64(finesse_queue_statistics_calls_in_queue, finesse_queue_statistics(queue), 3);
    CHECK(!finesse_queue_statistics_agents_logged_on(finesse_queue_statistics(queue), NULL));
    finesse_owned_event_list_free(list);
    event = one_event(DOC_UPDATE_QUEUE_DELETE, FINESSE_EVENT_KIND_QUEUE_REMOVED, &list);
    CHECK(event != NULL);
    CHECK_STR(finesse_queue_uri(finesse_event_queue(event)), "/finesse/api/Queue/1004");
    finesse_owned_event_list_free(list);
    CHECK(finesse_event_team(NULL) == NULL && finesse_event_queue(NULL) == NULL);
}

/* ---- Against the emulator --------------------------------------------------------------- */

#define AGENT "3101"
#define AGENT_EXT "53101"
#define SUPERVISOR_EXT "52001"

/* Agent 3101 on team 5007 (added once), signed in; NULL on failure. */
static finesse_client *team_agent(void) {
    static int added;
    finesse_client *client;
    if (!added) {
        const char *json =
            "{\"login_id\": \"" AGENT "\", \"login_name\": \"agent" AGENT
            "\", \"password\": \"secret" AGENT "\"}";
        if (control("POST", "/agents", json, NULL, 0) != 201) {
            return NULL;
        }
        added = 1;
    }
    client = fixture_client(AGENT);
    if (client == NULL) {
        return NULL;
    }
    if (finesse_sign_in(client, AGENT_EXT, NULL) != FINESSE_RESULT_OK ||
        wait_for_user_state(client, "NOT_READY") != 0) {
        finesse_client_free(client);
        return NULL;
    }
    return client;
}

/* Waits for the outcome of `accepted` and frees it; the outcome (free it) or NULL. */
static finesse_outcome *outcome_of(finesse_accepted *accepted) {
    finesse_outcome *outcome = NULL;
    if (finesse_accepted_wait(accepted, WAIT_MS, &outcome) != FINESSE_RESULT_OK) {
        outcome = NULL;
    }
    finesse_accepted_free(accepted);
    return outcome;
}

static void sign_out(const finesse_client *client) {
    if (finesse_not_ready(client, -1, NULL) == FINESSE_RESULT_OK) {
        wait_for_user_state(client, "NOT_READY");
    }
    if (finesse_sign_out(client, -1, NULL) == FINESSE_RESULT_OK) {
        wait_for_user_state(client, "LOGOUT");
    }
}

static void test_team_and_member_state(void) {
    finesse_client *agent = team_agent();
    finesse_client *supervisor = fixture_client("2001");
    finesse_owned_team *owned = NULL;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    const finesse_user *member;
    CHECK(agent != NULL && supervisor != NULL);
    CHECK_OK(finesse_get_team(supervisor, "5007", &owned));
    CHECK_STR(finesse_team_name(finesse_owned_team_view(owned)), "Sales");
    member = finesse_team_user(finesse_owned_team_view(owned), AGENT);
    CHECK_STR(finesse_user_state(member), "NOT_READY");
    CHECK_STR(finesse_user_extension(member), AGENT_EXT);
    finesse_owned_team_free(owned);
    owned = NULL;
    /* A member set READY by the supervisor, without a reason; the outcome is the member. */
    CHECK_OK(finesse_set_member_state(supervisor, AGENT, FINESSE_MEMBER_STATE_READY, &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_USER);
    CHECK_STR(finesse_user_login_id(finesse_outcome_user(outcome)), AGENT);
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "READY");
    finesse_outcome_free(outcome);
    CHECK_OK(finesse_set_member_state(supervisor, AGENT, FINESSE_MEMBER_STATE_NOT_READY, NULL));
    CHECK(wait_for_user_state(agent, "NOT_READY") == 0);
    /* Anything else is refused before sending. */
    accepted = NULL;
    CHECK_CODE(finesse_set_member_state(supervisor, AGENT, 99, &accepted),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(accepted == NULL);
    CHECK_CODE(finesse_set_member_state(NULL, AGENT, FINESSE_MEMBER_STATE_READY, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_set_member_state(supervisor, NULL, FINESSE_MEMBER_STATE_READY, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    /* An agent reading the team: signed in fine, not allowed. */
    CHECK_CODE(finesse_get_team(agent, "5007", &owned), FINESSE_RESULT_PERMISSION);
    CHECK(owned == NULL);
    CHECK(finesse_last_error_http_status() == 401);
    CHECK_STR(finesse_result_text(FINESSE_RESULT_PERMISSION), "not allowed");
    CHECK_CODE(finesse_get_team(supervisor, "9999", &owned), FINESSE_RESULT_NOT_FOUND);
    CHECK_CODE(finesse_get_team(supervisor, "5007", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    sign_out(agent);
    finesse_client_free(agent);
    finesse_client_free(supervisor);
}

static void test_silent_monitor_barge_and_leave(void) {
    finesse_client *agent = team_agent();
    finesse_client *supervisor = fixture_client("2001");
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    char call[64], monitor[64], joined[64];
    CHECK(agent != NULL && supervisor != NULL);
    CHECK_OK(finesse_sign_in(supervisor, SUPERVISOR_EXT, NULL));
    CHECK(wait_for_user_state(supervisor, "NOT_READY") == 0);
    CHECK_OK(finesse_make_call(agent, "6135551212", NULL, NULL, 0, NULL));
    CHECK(wait_for_dialog(agent, call, sizeof call) == 0);
    CHECK(wait_for_participant_state(agent, call, AGENT_EXT, "ACTIVE") == 0);

    CHECK_OK(finesse_silent_monitor(supervisor, AGENT_EXT, &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    CHECK_STR(finesse_dialog_to_address(finesse_outcome_dialog(outcome)), AGENT_EXT);
    snprintf(monitor, sizeof monitor, "%s", finesse_dialog_id(finesse_outcome_dialog(outcome)));
    CHECK(finesse_participant_can(finesse_dialog_participant(finesse_outcome_dialog(outcome),
                                                             SUPERVISOR_EXT),
                                  "DROP"));
    finesse_outcome_free(outcome);

    CHECK_OK(finesse_barge_in(supervisor, AGENT_EXT, monitor, &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    snprintf(joined, sizeof joined, "%s", finesse_dialog_id(finesse_outcome_dialog(outcome)));
    CHECK(strcmp(joined, call) == 0);
    CHECK(finesse_dialog_participants_count(finesse_outcome_dialog(outcome)) == 3);
    finesse_outcome_free(outcome);

    CHECK_OK(finesse_drop_call(supervisor, joined, &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    finesse_outcome_free(outcome);
    CHECK(wait_for_participant_count(agent, call, 2) == 0);

    CHECK_CODE(finesse_silent_monitor(supervisor, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_barge_in(supervisor, AGENT_EXT, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_OK(finesse_drop_call(agent, call, NULL));
    CHECK(wait_for_no_dialogs(agent) == 0);
    sign_out(agent);
    sign_out(supervisor);
    finesse_client_free(agent);
    finesse_client_free(supervisor);
}

static void test_queues_with_statistics(void) {
    finesse_client *client = fixture_client("2001");
    finesse_owned_queue *owned = NULL;
    finesse_owned_queue_list *list = NULL;
    const finesse_queue *queue;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_queue(client, "10", &owned));
    queue = finesse_owned_queue_view(owned);
    CHECK_STR(finesse_queue_name(queue), "Sales");
    CHECK_I64(finesse_queue_id, queue, 10);
    CHECK(finesse_queue_statistics_agents_logged_on(finesse_queue_statistics(queue), NULL));
    finesse_owned_queue_free(owned);
    CHECK_OK(finesse_get_queues(client, &list));
    CHECK(finesse_owned_queue_list_count(list) == 1);
    finesse_owned_queue_list_free(list);
    owned = NULL;
    CHECK_CODE(finesse_get_queue(client, "99", &owned), FINESSE_RESULT_NOT_FOUND);
    CHECK(owned == NULL);
    CHECK_CODE(finesse_get_queues(client, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    finesse_client_free(client);
}

static void test_team_resources(void) {
    finesse_client *client = fixture_client("2001");
    finesse_owned_reason_code_list *codes = NULL;
    finesse_owned_wrap_up_reason_list *reasons = NULL;
    CHECK(client != NULL);
    CHECK_OK(finesse_get_team_reason_codes(client, "5007", FINESSE_REASON_CATEGORY_NOT_READY,
                                           &codes));
    CHECK(finesse_owned_reason_code_list_count(codes) > 0);
    CHECK_STR(finesse_reason_code_category(finesse_owned_reason_code_list_get(codes, 0)),
              "NOT_READY");
    finesse_owned_reason_code_list_free(codes);
    codes = NULL;
    CHECK_CODE(finesse_get_team_reason_codes(client, "5007", 99, &codes),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(codes == NULL);
    CHECK_OK(finesse_get_team_wrap_up_reasons(client, "5007", &reasons));
    CHECK(finesse_owned_wrap_up_reason_list_count(reasons) > 0);
    finesse_owned_wrap_up_reason_list_free(reasons);
    reasons = NULL;
    CHECK_CODE(finesse_get_team_wrap_up_reasons(client, "6000", &reasons),
               FINESSE_RESULT_PERMISSION);
    CHECK_CODE(finesse_get_team_wrap_up_reasons(client, NULL, &reasons),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(reasons == NULL);
    finesse_client_free(client);
}

void supervisor_tests(void) {
    RUN(test_team_document);
    RUN(test_queue_documents);
    RUN(test_team_and_queue_notifications);
    RUN(test_team_and_member_state);
    RUN(test_silent_monitor_barge_and_leave);
    RUN(test_queues_with_statistics);
    RUN(test_team_resources);
}
