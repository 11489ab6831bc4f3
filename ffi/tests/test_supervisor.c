/* Supervisors and wallboards: the Team and Queue documents of core/tests/documents decoded
 * field by field, their notifications, and against the emulator the team read by its
 * supervisor, a member's state set by the supervisor, silent monitor, barge-in and leaving,
 * queues with statistics, the team's reason codes and wrap-up reasons, and
 * FINESSE_RESULT_PERMISSION outside one's teams; team messages (12.x) decoded, sent by
 * supervisor 2001 and received by agent 1001 (team 5007) as a typed event. Uses agent 3101
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
    /* The guide's CCE example: no mediaState (CCX writes BUSY or IDLE). */
    CHECK(finesse_user_media_state(charles) == NULL);
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

/* The TeamMessage document as DEVNET `teammessage` structures it, a list, and its notification. */
static void test_team_message_documents(void) {
    finesse_owned_team_message *owned = NULL;
    finesse_owned_team_message_list *list = NULL;
    finesse_owned_event_list *events;
    const finesse_team_message *message;
    const finesse_team_message_sender *sender;
    const finesse_event *event;
    int64_t value = 7;
    CHECK_OK(finesse_team_message_from_xml(BYTES(DOC_TEAM_MESSAGE), &owned));
    message = finesse_owned_team_message_view(owned);
    CHECK(message != NULL);
    CHECK_STR(finesse_team_message_uri(message),
              "/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af");
    CHECK_STR(finesse_team_message_id(message), "be1598bb-bb2a-4dfc-8c01-91ec10b029af");
    sender = finesse_team_message_created_by(message);
    CHECK(sender != NULL);
    CHECK_STR(finesse_team_message_sender_id(sender), "1001050");
    CHECK_STR(finesse_team_message_sender_first_name(sender), "AGENT");
    CHECK_STR(finesse_team_message_sender_last_name(sender), "1001050");
    CHECK_I64(finesse_team_message_created_at, message, 1537418173);
    CHECK_I64(finesse_team_message_duration, message, 100);
    CHECK_STR(finesse_team_message_content(message), "content 4");
    CHECK(finesse_team_message_teams_count(message) == 2);
    CHECK_STR(finesse_team_message_teams_get(message, 0), "5052");
    CHECK_STR(finesse_team_message_teams_get(message, 1), "5000");
    CHECK(finesse_team_message_teams_get(message, 2) == NULL);
    finesse_owned_team_message_free(owned);
    finesse_owned_team_message_free(NULL);

    CHECK_OK(finesse_team_message_list_from_xml(BYTES(DOC_TEAM_MESSAGES), &list));
    CHECK(finesse_owned_team_message_list_count(list) == 2);
    message = finesse_owned_team_message_list_get(list, 1);
    CHECK_STR(finesse_team_message_content(message), "Team meeting at 3 & bring <notes>");
    CHECK(!finesse_team_message_duration(message, &value) && value == 7);
    CHECK(!finesse_team_message_created_at(message, &value) && value == 7);
    CHECK_STR(finesse_team_message_uri(message), "");
    CHECK(finesse_owned_team_message_list_get(list, 2) == NULL);
    finesse_owned_team_message_list_free(list);
    owned = NULL;
    CHECK_CODE(finesse_team_message_from_xml(BYTES(DOC_TEAM), &owned), FINESSE_RESULT_DECODE);
    CHECK(owned == NULL);

    event = one_event(DOC_UPDATE_TEAM_MESSAGE_POST, FINESSE_EVENT_KIND_TEAM_MESSAGE, &events);
    CHECK(event != NULL);
    message = finesse_event_team_message(event);
    CHECK_STR(finesse_team_message_content(message), "content 4");
    CHECK_STR(finesse_event_request_id(event), "6b1c2f0e-8f4e-4b53-9d7c-2a3b4c5d6e7f");
    CHECK(finesse_event_team(event) == NULL);
    finesse_owned_event_list_free(events);
    CHECK(finesse_event_team_message(NULL) == NULL);
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
    /* No such team (the emulator's teams are those of its agents). */
    CHECK_CODE(finesse_get_team_wrap_up_reasons(client, "6000", &reasons),
               FINESSE_RESULT_NOT_FOUND);
    CHECK_CODE(finesse_get_team_wrap_up_reasons(client, NULL, &reasons),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(reasons == NULL);
    finesse_client_free(client);
}

/* The next event of `kind` of `session` within WAIT_MS, or NULL; free it. */
static finesse_owned_event *next_of_kind(const finesse_notifications *session, uint32_t kind) {
    finesse_owned_event *owned = NULL;
    while (finesse_next_event(session, WAIT_MS, &owned) == FINESSE_RESULT_OK) {
        if (finesse_event_type(finesse_owned_event_view(owned)) == kind) {
            return owned;
        }
        finesse_owned_event_free(owned);
        owned = NULL;
    }
    return NULL;
}

static void test_team_messages(void) {
    finesse_client *agent = fixture_client("1001");
    finesse_client *supervisor = fixture_client("2001");
    finesse_notification_options *options = NULL;
    finesse_notifications *session = NULL;
    finesse_owned_team_message *sent = NULL;
    finesse_owned_team_message_list *list = NULL;
    finesse_owned_event *event;
    const finesse_team_message *received;
    const char *teams[] = {"5007"};
    const char *no_team[] = {NULL};
    char id[64];
    CHECK(agent != NULL && supervisor != NULL);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_OK(finesse_notification_options_add_subscription(options,
                                                           "/finesse/api/Team/5007/TeamMessages"));
    CHECK_OK(finesse_notifications_start_with(agent, options, &session));
    finesse_notification_options_free(options);

    CHECK_OK(finesse_send_team_message(supervisor, "Huddle at 3 & bring notes", 600, teams, 1,
                                       &sent));
    CHECK_STR(finesse_team_message_content(finesse_owned_team_message_view(sent)),
              "Huddle at 3 & bring notes");
    CHECK_STR(finesse_team_message_sender_id(
                  finesse_team_message_created_by(finesse_owned_team_message_view(sent))),
              "2001");
    snprintf(id, sizeof id, "%s", finesse_team_message_id(finesse_owned_team_message_view(sent)));
    finesse_owned_team_message_free(sent);

    event = next_of_kind(session, FINESSE_EVENT_KIND_TEAM_MESSAGE);
    CHECK(event != NULL);
    received = finesse_event_team_message(finesse_owned_event_view(event));
    CHECK_STR(finesse_team_message_id(received), id);
    CHECK_STR(finesse_team_message_content(received), "Huddle at 3 & bring notes");
    CHECK_I64(finesse_team_message_duration, received, 600);
    finesse_owned_event_free(event);

    CHECK_OK(finesse_get_team_messages(agent, "5007", &list));
    CHECK(finesse_owned_team_message_list_count(list) == 1);
    CHECK_STR(finesse_team_message_id(finesse_owned_team_message_list_get(list, 0)), id);
    finesse_owned_team_message_list_free(list);
    list = NULL;

    /* An agent may not send, nor delete the supervisor's message. */
    CHECK(finesse_send_team_message(agent, "hello", 600, teams, 1, NULL) != FINESSE_RESULT_OK);
    CHECK(finesse_last_error_http_status() == 401);
    CHECK(finesse_delete_team_message(agent, id) != FINESSE_RESULT_OK);
    CHECK_OK(finesse_delete_team_message(supervisor, id));
    event = next_of_kind(session, FINESSE_EVENT_KIND_TEAM_MESSAGE_DELETED);
    CHECK(event != NULL);
    CHECK_STR(finesse_team_message_id(finesse_event_team_message(finesse_owned_event_view(event))),
              id);
    finesse_owned_event_free(event);
    CHECK_CODE(finesse_delete_team_message(supervisor, id), FINESSE_RESULT_NOT_FOUND);
    CHECK_OK(finesse_get_team_messages(agent, "5007", &list));
    CHECK(finesse_owned_team_message_list_count(list) == 0);
    finesse_owned_team_message_list_free(list);
    list = NULL;

    /* Checked before sending. */
    sent = NULL;
    CHECK_CODE(finesse_send_team_message(supervisor, "hello", 299, teams, 1, &sent),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "duration") != NULL);
    CHECK_CODE(finesse_send_team_message(supervisor, "hello", 600, teams, 0, &sent),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "team_ids") != NULL);
    CHECK_CODE(finesse_send_team_message(supervisor, "", 600, teams, 1, &sent),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(sent == NULL);
    CHECK_CODE(finesse_send_team_message(supervisor, "hello", 600, NULL, 1, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_send_team_message(supervisor, "hello", 600, no_team, 1, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_send_team_message(supervisor, NULL, 600, teams, 1, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_get_team_messages(agent, "9999", &list), FINESSE_RESULT_NOT_FOUND);
    CHECK_CODE(finesse_get_team_messages(agent, "5007", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(list == NULL);
    CHECK_CODE(finesse_delete_team_message(supervisor, NULL), FINESSE_RESULT_NULL_ARGUMENT);

    finesse_notifications_free(session);
    finesse_client_free(agent);
    finesse_client_free(supervisor);
}

/* Queues added to and removed from a user's list: the guide's notification decoded, then
 * queue 11 assigned to team 5007 and removed again through the emulator's controls. */
static void test_user_queue_notifications(void) {
    finesse_owned_event_list *decoded = NULL;
    const finesse_event *added;
    finesse_client *agent = team_agent();
    finesse_notification_options *options = NULL;
    finesse_notifications *session = NULL;
    finesse_owned_event *event = NULL;
    const finesse_event *view;

    CHECK_OK(finesse_event_list_from_xml(BYTES(DOC_UPDATE_USER_QUEUES_POST), &decoded));
    CHECK(finesse_owned_event_list_count(decoded) == 1);
    added = finesse_owned_event_list_get(decoded, 0);
    CHECK(finesse_event_type(added) == FINESSE_EVENT_KIND_USER_QUEUES_ADDED);
    CHECK(finesse_event_queues_count(added) == 2);
    CHECK_STR(finesse_queue_name(finesse_event_queues_get(added, 1)), "Support");
    CHECK(finesse_event_queues_get(added, 2) == NULL);
    CHECK(finesse_event_queue(added) == NULL);
    CHECK(finesse_event_queues_count(NULL) == 0);
    CHECK(finesse_event_queues_get(NULL, 0) == NULL);
    finesse_owned_event_list_free(decoded);

    CHECK(agent != NULL);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_OK(finesse_notification_options_add_subscription(options,
                                                           "/finesse/api/User/" AGENT "/Queues"));
    CHECK_OK(finesse_notifications_start_with(agent, options, &session));
    finesse_notification_options_free(options);

    CHECK(control("PUT", "/queues/11/teams/5007", NULL, NULL, 0) == 204);
    event = next_of_kind(session, FINESSE_EVENT_KIND_USER_QUEUES_ADDED);
    CHECK(event != NULL);
    view = finesse_owned_event_view(event);
    CHECK(finesse_event_queues_count(view) == 1);
    CHECK_STR(finesse_queue_name(finesse_event_queues_get(view, 0)), "Overflow");
    finesse_owned_event_free(event);

    CHECK(control("DELETE", "/queues/11/teams/5007", NULL, NULL, 0) == 204);
    event = next_of_kind(session, FINESSE_EVENT_KIND_USER_QUEUES_REMOVED);
    CHECK(event != NULL);
    view = finesse_owned_event_view(event);
    CHECK_STR(finesse_queue_uri(finesse_event_queues_get(view, 0)), "/finesse/api/Queue/11");
    finesse_owned_event_free(event);

    finesse_notifications_free(session);
    finesse_client_free(agent);
}

void supervisor_tests(void) {
    RUN(test_team_document);
    RUN(test_queue_documents);
    RUN(test_team_and_queue_notifications);
    RUN(test_team_and_member_state);
    RUN(test_silent_monitor_barge_and_leave);
    RUN(test_queues_with_statistics);
    RUN(test_team_resources);
    RUN(test_team_message_documents);
    RUN(test_team_messages);
    RUN(test_user_queue_notifications);
}
