/* Events: the decoder of one notification document, the notification session against the
 * emulator (the events of an outbound call in order, an inbound call's screen pop, CTI errors
 * on awaited commands, presence and the forced NOT_READY without it, a silently dead link,
 * the callback), the refusals of the notification service (a forbidden subscription,
 * rejected credentials, a resource taken over), and the outcomes of accepted commands, with
 * and without a session. Uses agents 3001-3012, added to the emulator, and agents 1001 and
 * 1002 of the second emulator, which forces agents NOT_READY 2 s after their last session
 * went away. Every document kind is decoded in test_decode.c. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

/* Generous, for runs under valgrind; a passing run waits far less. */
#define WAIT_MS 20000
#define CUSTOMER "6135551212"

/* A pointer no call returns, to see that an out-param was written. */
static char marker;
#define UNWRITTEN ((void *)&marker)

/* ---- The decoder ---------------------------------------------------------------------- */

static const char DIALOGS_POST[] =
    "<Update><data><dialogs>"
    "<Dialog><id>16777217</id><state>ALERTING</state><fromAddress>4085550100</fromAddress>"
    "<toAddress>1001001</toAddress><mediaType>Voice</mediaType>"
    "<mediaProperties><callvariables>"
    "<CallVariable><name>callVariable1</name><value>claim-77</value></CallVariable>"
    "</callvariables></mediaProperties></Dialog>"
    "<Dialog><id>16777218</id><state>ACTIVE</state></Dialog>"
    "</dialogs></data><event>POST</event><requestId>req-1</requestId>"
    "<source>/finesse/api/User/1001/Dialogs</source></Update>";

/* Lowercase roots and a lowercase event, as some Finesse versions send them. */
static const char DIALOG_PUT[] =
    "<update><data><dialog><id>16777217</id><state>ACTIVE</state></dialog></data>"
    "<event>put</event><requestId></requestId><source>/finesse/api/Dialog/16777217</source>"
    "</update>";

static const char DIALOG_DELETE[] =
    "<Update><data><dialog><id>16777217</id><state>DROPPED</state></dialog></data>"
    "<event>DELETE</event><source>/finesse/api/Dialog/16777217</source></Update>";

static const char USER_PUT[] =
    "<Update><data><user><loginId>1001</loginId><loginName>jdoe</loginName>"
    "<state>NOT_READY</state><reasonCodeId>22</reasonCodeId><extension>1001001</extension>"
    "</user></data><event>PUT</event><requestId>req-2</requestId>"
    "<source>/finesse/api/User/1001</source></Update>";

static const char CTI_ERROR[] =
    "<Update><data><apiErrors><apiError>"
    "<errorData>34</errorData><errorMessage>CF_RESOURCE_OUT_OF_SERVICE</errorMessage>"
    "<errorType>Call Operation Failure</errorType>"
    "</apiError></apiErrors></data><event>PUT</event><requestId>req-3</requestId>"
    "<source>/finesse/api/Dialog/12345</source></Update>";

static const char SYSTEM_INFO_PUT[] =
    "<Update><data><SystemInfo><status>OUT_OF_SERVICE</status>"
    "<xmppDomain>localhost</xmppDomain></SystemInfo></data><event>PUT</event>"
    "<source>/finesse/api/SystemInfo</source></Update>";

static const char MEDIA_PUT[] =
    "<Update><data><media><state>READY</state></media></data><event>PUT</event>"
    "<source>/finesse/api/User/1001/Media/5</source></Update>";

/* Decodes `xml` into `*list`; the status of finesse_event_list_from_xml. */
static finesse_result decode(const char *xml, finesse_owned_event_list **list) {
    return finesse_event_list_from_xml((const uint8_t *)xml, strlen(xml), list);
}

static void test_decode_dialog_updates(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_dialog *dialog;
    CHECK_OK(decode(DIALOGS_POST, &list));
    CHECK(finesse_owned_event_list_count(list) == 2);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_ADDED);
    CHECK(strcmp(finesse_event_request_id(event), "req-1") == 0);
    dialog = finesse_event_dialog(event);
    CHECK(strcmp(finesse_dialog_id(dialog), "16777217") == 0);
    CHECK(strcmp(finesse_dialog_state(dialog), "ALERTING") == 0);
    CHECK(strcmp(finesse_dialog_from_address(dialog), "4085550100") == 0);
    CHECK_STR(finesse_media_properties_call_variable(finesse_dialog_media_properties(dialog),
                                                     "callVariable1"),
              "claim-77");
    CHECK(finesse_event_user(event) == NULL);
    CHECK(finesse_event_system_info(event) == NULL);
    CHECK(finesse_event_error_count(event) == 0);
    CHECK(finesse_event_source(event) == NULL);
    CHECK(finesse_event_update_xml(event) == NULL);
    CHECK(finesse_event_connection_state(event) == FINESSE_CONNECTION_STATE_NONE);
    event = finesse_owned_event_list_get(list, 1);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_ADDED);
    CHECK(strcmp(finesse_dialog_id(finesse_event_dialog(event)), "16777218") == 0);
    CHECK(finesse_owned_event_list_get(list, 2) == NULL);
    finesse_owned_event_list_free(list);

    CHECK_OK(decode(DIALOG_PUT, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_CHANGED);
    CHECK(finesse_event_request_id(event) == NULL);
    CHECK(strcmp(finesse_dialog_state(finesse_event_dialog(event)), "ACTIVE") == 0);
    finesse_owned_event_list_free(list);

    CHECK_OK(decode(DIALOG_DELETE, &list));
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_REMOVED);
    CHECK(strcmp(finesse_dialog_id(finesse_event_dialog(event)), "16777217") == 0);
    finesse_owned_event_list_free(list);
}

static void test_decode_user_cti_error_system_and_other(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_user *user;
    const finesse_api_error *error;
    CHECK_OK(decode(USER_PUT, &list));
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_USER_CHANGED);
    CHECK(strcmp(finesse_event_request_id(event), "req-2") == 0);
    user = finesse_event_user(event);
    CHECK(strcmp(finesse_user_login_id(user), "1001") == 0);
    CHECK(strcmp(finesse_user_state(user), "NOT_READY") == 0);
    CHECK(finesse_user_reason_code_id(user, NULL));
    CHECK(strcmp(finesse_user_extension(user), "1001001") == 0);
    CHECK(finesse_event_dialog(event) == NULL);
    finesse_owned_event_list_free(list);

    CHECK_OK(decode(CTI_ERROR, &list));
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_CTI_ERROR);
    CHECK(strcmp(finesse_event_request_id(event), "req-3") == 0);
    CHECK(finesse_event_error_count(event) == 1);
    error = finesse_event_error(event, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Call Operation Failure");
    CHECK_STR(finesse_api_error_error_message(error), "CF_RESOURCE_OUT_OF_SERVICE");
    CHECK_STR(finesse_api_error_error_data(error), "34");
    CHECK(finesse_event_error(event, 1) == NULL);
    CHECK(strcmp(finesse_event_source(event), "/finesse/api/Dialog/12345") == 0);
    finesse_owned_event_list_free(list);

    CHECK_OK(decode(SYSTEM_INFO_PUT, &list));
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_SYSTEM_STATUS);
    CHECK(strcmp(finesse_system_info_status(finesse_event_system_info(event)), "OUT_OF_SERVICE") ==
          0);
    finesse_owned_event_list_free(list);

    CHECK_OK(decode(MEDIA_PUT, &list));
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_OTHER);
    CHECK(strcmp(finesse_event_operation(event), "PUT") == 0);
    CHECK(strcmp(finesse_event_source(event), "/finesse/api/User/1001/Media/5") == 0);
    CHECK(strstr(finesse_event_update_xml(event), "<media><state>READY</state></media>") != NULL);
    finesse_owned_event_list_free(list);
}

static void test_decode_errors_and_null_arguments(void) {
    finesse_owned_event_list *list = UNWRITTEN;
    CHECK_CODE(decode("<Dialog><id>1</id></Dialog>", &list), FINESSE_RESULT_DECODE);
    CHECK_CODE(decode("<Update><data>", &list), FINESSE_RESULT_DECODE);
    CHECK(list == UNWRITTEN);
    CHECK(finesse_last_error_message() != NULL);
    CHECK_CODE(finesse_event_list_from_xml(NULL, 0, &list), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(decode(USER_PUT, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(list == UNWRITTEN);
    /* Accessors of NULL. */
    CHECK(finesse_owned_event_list_count(NULL) == 0);
    CHECK(finesse_owned_event_list_get(NULL, 0) == NULL);
    CHECK(finesse_event_type(NULL) == FINESSE_EVENT_KIND_NONE);
    CHECK(finesse_event_request_id(NULL) == NULL);
    CHECK(finesse_event_user(NULL) == NULL);
    CHECK(finesse_event_dialog(NULL) == NULL);
    CHECK(finesse_event_system_info(NULL) == NULL);
    CHECK(finesse_event_error_count(NULL) == 0);
    CHECK(finesse_event_error(NULL, 0) == NULL);
    CHECK(finesse_event_source(NULL) == NULL);
    CHECK(finesse_event_operation(NULL) == NULL);
    CHECK(finesse_event_update_xml(NULL) == NULL);
    CHECK(finesse_event_connection_state(NULL) == FINESSE_CONNECTION_STATE_NONE);
    CHECK(finesse_event_connection_detail(NULL) == NULL);
    CHECK(finesse_notifications_is_connected(NULL) == false);
    CHECK(finesse_notifications_dropped(NULL) == 0);
    finesse_owned_event_list_free(NULL);
    finesse_owned_event_free(NULL);
    finesse_notifications_free(NULL);
    finesse_notification_options_free(NULL);
}

static void test_session_arguments(void) {
    finesse_notification_options *options = NULL;
    finesse_notifications *notifications = UNWRITTEN;
    finesse_owned_event *event = UNWRITTEN;
    finesse_client *client = fixture_client("1003");
    CHECK(client != NULL);
    CHECK_CODE(finesse_notifications_start(NULL, NULL, &notifications),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_notifications_start(client, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_notification_options_new(NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_CODE(finesse_notifications_start_with(client, NULL, &notifications),
               FINESSE_RESULT_NULL_ARGUMENT);
    /* Checked before anything is sent. */
    CHECK_OK(finesse_notification_options_set_url(options, fixture_notification_url()));
    CHECK_OK(finesse_notification_options_set_keep_alive(options, 0, 5000, 2));
    CHECK_CODE(finesse_notifications_start_with(client, options, &notifications),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_OK(finesse_notification_options_set_keep_alive(options, 10000, 5000, 2));
    CHECK_OK(finesse_notification_options_set_resource(options, "desktop"));
    CHECK_CODE(finesse_notifications_start_with(client, options, &notifications),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_OK(finesse_notification_options_set_resource(options, NULL));
    CHECK_OK(finesse_notification_options_set_queue_capacity(options, 0));
    CHECK_CODE(finesse_notifications_start_with(client, options, &notifications),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK_CODE(finesse_notification_options_set_url(NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_notification_options_add_subscription(options, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(notifications == UNWRITTEN);
    CHECK_CODE(finesse_next_event(NULL, 0, &event), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(event == UNWRITTEN);
    CHECK_CODE(finesse_notifications_set_callback(NULL, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_notifications_subscribe(NULL, "/finesse/api/Team/5007/Users"),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_sign_in(NULL, "1003", NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_hold(client, NULL, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_make_call(client, CUSTOMER, NULL, NULL, 1, NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_accepted_wait(NULL, 1000, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    finesse_notification_options_free(options);
    finesse_client_free(client);
}

/* ---- Sessions against the emulator ------------------------------------------------------ */

/* Adds agent `login_id` (password secret<login_id>) to the emulator and returns a client for
 * it, or NULL. */
static finesse_client *new_agent(const char *login_id) {
    char json[256];
    snprintf(json, sizeof json,
             "{\"login_id\": \"%s\", \"login_name\": \"agent%s\", \"password\": \"secret%s\"}",
             login_id, login_id, login_id);
    if (control("POST", "/agents", json, NULL, 0) != 201) {
        return NULL;
    }
    return fixture_client(login_id);
}

/* Starts the notification session of `client` on the emulator, or NULL. */
static finesse_notifications *session(const finesse_client *client) {
    finesse_notifications *notifications = NULL;
    if (finesse_notifications_start(client, fixture_notification_url(), &notifications) !=
        FINESSE_RESULT_OK) {
        return NULL;
    }
    return notifications;
}

/* Reads and frees every event already waiting. */
static void drain(const finesse_notifications *notifications) {
    finesse_owned_event *event = NULL;
    while (finesse_next_event(notifications, 0, &event) == FINESSE_RESULT_OK) {
        finesse_owned_event_free(event);
    }
}

/* Waits for the outcome of `accepted`, then frees it: the status of the wait. The outcome goes
 * to `*out_outcome` unless it is NULL. */
static finesse_result wait_for(finesse_accepted *accepted, uint32_t timeout_ms,
                               finesse_outcome **out_outcome) {
    finesse_result result = finesse_accepted_wait(accepted, timeout_ms, out_outcome);
    finesse_accepted_free(accepted);
    return result;
}


/* Whether `event` is about dialog `id` (any id when NULL) in dialog state `state` (any when
 * NULL). */
static int is_dialog_event(const finesse_event *event, const char *id, const char *state) {
    const finesse_dialog *dialog = finesse_event_dialog(event);
    return dialog != NULL && (id == NULL || strcmp(finesse_dialog_id(dialog), id) == 0) &&
           (state == NULL || strcmp(finesse_dialog_state(dialog), state) == 0);
}

/* Reads events until `stop` accepts one (which is returned, owned) or `limit_ms` pass (NULL).
 * Every event read is shown to `seen` first when it is not NULL. */
static finesse_owned_event *next_until(const finesse_notifications *notifications,
                                       long limit_ms,
                                       int (*stop)(const finesse_event *, const void *),
                                       const void *arg,
                                       void (*seen)(const finesse_event *, void *),
                                       void *seen_arg) {
    long deadline = now_ms() + limit_ms;
    for (;;) {
        finesse_owned_event *owned = NULL;
        const finesse_event *event;
        long left = deadline - now_ms();
        if (left < 0 ||
            finesse_next_event(notifications, (uint32_t)left, &owned) != FINESSE_RESULT_OK) {
            return NULL;
        }
        event = finesse_owned_event_view(owned);
        if (seen != NULL) {
            seen(event, seen_arg);
        }
        if (stop(event, arg)) {
            return owned;
        }
        finesse_owned_event_free(owned);
    }
}

struct dialog_match {
    const char *id;
    const char *state;
    finesse_event_kind kind;
};

static int dialog_matches(const finesse_event *event, const void *arg) {
    const struct dialog_match *m = arg;
    return (m->kind == FINESSE_EVENT_KIND_NONE || finesse_event_type(event) == m->kind) &&
           is_dialog_event(event, m->id, m->state);
}

/* The steps of one dialog, as `added STATE`, `STATE` or `removed`, without repeats. */
struct steps {
    const char *id;
    char list[16][32];
    size_t count;
};

static void record_step(const finesse_event *event, void *arg) {
    struct steps *s = arg;
    char step[32];
    if (!is_dialog_event(event, s->id, NULL)) {
        return;
    }
    switch (finesse_event_type(event)) {
    case FINESSE_EVENT_KIND_DIALOG_ADDED:
        snprintf(step, sizeof step, "added %s", finesse_dialog_state(finesse_event_dialog(event)));
        break;
    case FINESSE_EVENT_KIND_DIALOG_CHANGED:
        snprintf(step, sizeof step, "%s", finesse_dialog_state(finesse_event_dialog(event)));
        break;
    case FINESSE_EVENT_KIND_DIALOG_REMOVED:
        snprintf(step, sizeof step, "removed");
        break;
    default:
        return;
    }
    if ((s->count == 0 || strcmp(s->list[s->count - 1], step) != 0) && s->count < 16) {
        snprintf(s->list[s->count++], sizeof s->list[0], "%s", step);
    }
}

static void test_outbound_call_events_in_order(void) {
    static const char *const expected[] = {"added INITIATING", "INITIATED", "ALERTING",
                                           "ACTIVE",           "DROPPED",   "removed"};
    const char *names[] = {"callVariable1"};
    const char *values[] = {"acct-42"};
    finesse_client *client = new_agent("3001");
    finesse_notifications *notifications;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    const finesse_dialog *dialog;
    finesse_owned_event *event;
    struct steps steps;
    struct dialog_match active = {NULL, "ACTIVE", FINESSE_EVENT_KIND_DIALOG_CHANGED};
    struct dialog_match removed = {NULL, NULL, FINESSE_EVENT_KIND_DIALOG_REMOVED};
    char id[64];
    size_t i;
    CHECK(client != NULL);
    notifications = session(client);
    CHECK(notifications != NULL);
    CHECK(finesse_notifications_is_connected(notifications));
    CHECK_OK(finesse_sign_in(client, "53001", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_USER);
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "NOT_READY");
    finesse_outcome_free(outcome);

    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_make_call(client, CUSTOMER, names, values, 1, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    /* With a session, the outcome is the first event of the new call. */
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    dialog = finesse_outcome_dialog(outcome);
    CHECK_STR(finesse_dialog_state(dialog), "INITIATING");
    CHECK_STR(finesse_media_properties_call_variable(finesse_dialog_media_properties(dialog),
                                                     "callVariable1"),
              "acct-42");
    snprintf(id, sizeof id, "%s", finesse_dialog_id(dialog));
    finesse_outcome_free(outcome);

    memset(&steps, 0, sizeof steps);
    steps.id = id;
    active.id = id;
    removed.id = id;
    event = next_until(notifications, WAIT_MS, dialog_matches, &active, record_step, &steps);
    CHECK(event != NULL);
    finesse_owned_event_free(event);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_drop_call(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    CHECK_STR(finesse_outcome_ended_dialog_id(outcome), id);
    CHECK(finesse_outcome_dialog(outcome) == NULL);
    finesse_outcome_free(outcome);
    event = next_until(notifications, WAIT_MS, dialog_matches, &removed, record_step, &steps);
    CHECK(event != NULL);
    finesse_owned_event_free(event);

    for (i = 0; i < steps.count; i++) {
        printf("    step %u: %s\n", (unsigned)i, steps.list[i]);
    }
    CHECK(steps.count == sizeof expected / sizeof expected[0]);
    for (i = 0; i < steps.count; i++) {
        CHECK(strcmp(steps.list[i], expected[i]) == 0);
    }
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

static void test_inbound_call_pops_with_call_variables(void) {
    finesse_client *client = new_agent("3002");
    finesse_notifications *notifications;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    finesse_owned_event *event;
    const finesse_dialog *ringing;
    const finesse_media_properties *media;
    struct dialog_match alerting = {NULL, "ALERTING", FINESSE_EVENT_KIND_NONE};
    char body[256], id[64];
    long injected, latency;
    CHECK(client != NULL);
    notifications = session(client);
    CHECK(notifications != NULL);
    CHECK_OK(finesse_sign_in(client, "53002", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    accepted = NULL;
    CHECK_OK(finesse_ready(client, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    drain(notifications);

    injected = now_ms();
    CHECK(control("POST", "/inbound-calls",
                  "{\"to\": \"53002\", \"from_address\": \"4085550100\", \"dnis\": \"8005551000\", "
                  "\"call_variables\": [{\"name\": \"callVariable1\", \"value\": \"claim-77\"}, "
                  "{\"name\": \"user.CustomerId\", \"value\": \"90210\"}]}",
                  body, sizeof body) == 201);
    event = next_until(notifications, WAIT_MS, dialog_matches, &alerting, NULL, NULL);
    latency = now_ms() - injected;
    CHECK(event != NULL);
    printf("    inbound call: ALERTING event with its call variables %ld ms after the injection\n",
           latency);
    ringing = finesse_event_dialog(finesse_owned_event_view(event));
    CHECK(strstr(body, finesse_dialog_id(ringing)) != NULL);
    CHECK_STR(finesse_dialog_from_address(ringing), "4085550100");
    media = finesse_dialog_media_properties(ringing);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "claim-77");
    CHECK_STR(finesse_media_properties_call_variable(media, "user.CustomerId"), "90210");
    CHECK_STR(finesse_media_properties_call_type(media), "ACD_IN");
    CHECK_STR(finesse_media_properties_dnis(media), "8005551000");
    CHECK(finesse_participant_can(finesse_dialog_participant(ringing, "53002"), "ANSWER"));
    snprintf(id, sizeof id, "%s", finesse_dialog_id(ringing));
    finesse_owned_event_free(event);

    accepted = NULL;
    CHECK_OK(finesse_answer(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_participant_state(
                  finesse_dialog_participant(finesse_outcome_dialog(outcome), "53002")),
              "ACTIVE");
    finesse_outcome_free(outcome);
    accepted = NULL;
    CHECK_OK(finesse_drop_call(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

static int is_cti_error(const finesse_event *event, const void *arg) {
    (void)arg;
    return finesse_event_type(event) == FINESSE_EVENT_KIND_CTI_ERROR;
}

static void test_command_refused_by_the_cti_and_other_outcomes(void) {
    const char *names[] = {"callVariable2"};
    const char *values[] = {"ticket-7"};
    finesse_client *client = new_agent("3003");
    finesse_notifications *notifications;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = UNWRITTEN;
    const finesse_user *user;
    const finesse_event *view;
    const finesse_api_error *error;
    const finesse_media_properties *media;
    finesse_owned_event *event;
    struct dialog_match active = {NULL, "ACTIVE", FINESSE_EVENT_KIND_NONE};
    char id[64], request_id[64], source[96];
    int64_t reason_code_id = 0;
    CHECK(client != NULL);
    notifications = session(client);
    CHECK(notifications != NULL);
    /* READY while signed out: accepted (202), then refused by the CTI server with Invalid
     * State 22, as recorded on a real CCE 12.5 (reference 10.4). */
    CHECK_OK(finesse_ready(client, &accepted));
    CHECK_CODE(wait_for(accepted, WAIT_MS, &outcome), FINESSE_RESULT_CTI);
    CHECK(outcome == UNWRITTEN);
    error = finesse_last_error_api_error(0);
    CHECK_STR(finesse_api_error_error_type(error), "Invalid State");
    CHECK_STR(finesse_api_error_error_data(error), "22");
    CHECK_STR(finesse_api_error_error_message(error), "CF_INVALID_OBJECT_STATE");
    drain(notifications);
    accepted = NULL;
    CHECK_OK(finesse_sign_in(client, "53003", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_not_ready(client, 22, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    user = finesse_outcome_user(outcome);
    CHECK(finesse_user_reason_code_id(user, &reason_code_id) && reason_code_id == 22);
    CHECK_STR(finesse_reason_code_label(finesse_user_reason_code(user)), "Break");
    finesse_outcome_free(outcome);
    accepted = NULL;
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    event = next_until(notifications, WAIT_MS, dialog_matches, &active, NULL, NULL);
    CHECK(event != NULL);
    snprintf(id, sizeof id, "%s",
             finesse_dialog_id(finesse_event_dialog(finesse_owned_event_view(event))));
    finesse_owned_event_free(event);
    drain(notifications);

    /* RETRIEVE on a call that is not held: accepted (202), then refused by the CTI server. */
    accepted = NULL;
    outcome = UNWRITTEN;
    CHECK_OK(finesse_retrieve(client, id, &accepted));
    snprintf(request_id, sizeof request_id, "%s", finesse_accepted_request_id(accepted));
    CHECK_CODE(wait_for(accepted, WAIT_MS, &outcome), FINESSE_RESULT_CTI);
    CHECK(outcome == UNWRITTEN);
    CHECK(finesse_last_error_code() == FINESSE_RESULT_CTI);
    CHECK(finesse_last_error_api_count() >= 1);
    error = finesse_last_error_api_error(0);
    CHECK_STR(finesse_api_error_error_type(error), "Generic Error");
    CHECK_STR(finesse_api_error_error_data(error), "20999");
    CHECK(finesse_api_error_error_message(error) != NULL);
    /* The last error names the refused command. */
    CHECK_STR(finesse_last_error_request_id(), request_id);
    /* The same refusal as an event. */
    event = next_until(notifications, WAIT_MS, is_cti_error, NULL, NULL, NULL);
    CHECK(event != NULL);
    view = finesse_owned_event_view(event);
    CHECK_STR(finesse_event_request_id(view), request_id);
    CHECK(finesse_event_error_count(view) >= 1);
    error = finesse_event_error(view, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Generic Error");
    CHECK_STR(finesse_api_error_error_data(error), "20999");
    snprintf(source, sizeof source, "/finesse/api/Dialog/%s", id);
    CHECK_STR(finesse_event_source(view), source);
    finesse_owned_event_free(event);

    /* The commands that succeed: each outcome is the dialog after the change. */
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_hold(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_participant_state(
                  finesse_dialog_participant(finesse_outcome_dialog(outcome), "53003")),
              "HELD");
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_retrieve(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_participant_state(
                  finesse_dialog_participant(finesse_outcome_dialog(outcome), "53003")),
              "ACTIVE");
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_update_call_data(client, id, "Support", names, values, 1, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    media = finesse_dialog_media_properties(finesse_outcome_dialog(outcome));
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable2"), "ticket-7");
    CHECK_STR(finesse_media_properties_wrap_up_reason(media), "Support");
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_drop_call(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_sign_out(client, 31, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "LOGOUT");
    finesse_outcome_free(outcome);
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

/* Polls the user of `client` until its reason code is `reason`; 0 or -1. */
static int wait_for_reason(const finesse_client *client, int64_t reason, long limit_ms) {
    long deadline = now_ms() + limit_ms;
    while (now_ms() < deadline) {
        finesse_owned_user *user = NULL;
        int64_t got = -1;
        if (finesse_get_user(client, &user) != FINESSE_RESULT_OK) {
            return -1;
        }
        finesse_user_reason_code_id(finesse_owned_user_view(user), &got);
        finesse_owned_user_free(user);
        if (got == reason) {
            return 0;
        }
        sleep_ms(100);
    }
    return -1;
}

/* On the second emulator, which forces agents 2 s after their last session went away: on CCE
 * with LOAD 0 (the default), NOT_READY with reason 255 (DG12.5 "Desktop presence and forced
 * logout"). An agent that never opened a session is left alone. */
static void test_presence_keeps_an_idle_agent_signed_in(void) {
    const char *url = fixture_env("FINESSE_TEST_LOGOUT_URL");
    const char *ca = fixture_env("FINESSE_TEST_LOGOUT_CA");
    finesse_client *with_session = fixture_client_at(url, ca, "1001");
    finesse_client *without = fixture_client_at(url, ca, "1002");
    finesse_notifications *notifications = NULL;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    finesse_owned_user *user = NULL;
    long signed_in;
    CHECK(with_session != NULL && without != NULL);
    CHECK_OK(finesse_notifications_start(with_session, fixture_env("FINESSE_TEST_LOGOUT_NOTIFY"),
                                         &notifications));
    CHECK_OK(finesse_sign_in(with_session, "1001001", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    accepted = NULL;
    CHECK_OK(finesse_ready(with_session, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    signed_in = now_ms();
    /* Without a session, the wait reads the User until it shows the change. */
    accepted = NULL;
    CHECK_OK(finesse_sign_in(without, "1002001", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "NOT_READY");
    finesse_outcome_free(outcome);

    /* Twice the forced-logout time: both are as they were. */
    if (now_ms() - signed_in < 4000) {
        sleep_ms((unsigned)(4000 - (now_ms() - signed_in)));
    }
    CHECK_OK(finesse_get_user(with_session, &user));
    CHECK_STR(finesse_user_state(finesse_owned_user_view(user)), "READY");
    finesse_owned_user_free(user);
    user = NULL;
    CHECK_OK(finesse_get_user(without, &user));
    CHECK(finesse_user_is_signed_in(finesse_owned_user_view(user)));
    finesse_owned_user_free(user);
    user = NULL;

    /* The session goes away: 2 s later the agent is NOT_READY with Finesse's reason 255. */
    finesse_notifications_free(notifications);
    CHECK(wait_for_reason(with_session, 255, WAIT_MS) == 0);
    CHECK_OK(finesse_get_user(with_session, &user));
    CHECK_STR(finesse_user_state(finesse_owned_user_view(user)), "NOT_READY");
    finesse_owned_user_free(user);
    finesse_client_free(with_session);
    finesse_client_free(without);
}

struct connection_match {
    finesse_connection_state state;
};

static int connection_is(const finesse_event *event, const void *arg) {
    const struct connection_match *m = arg;
    return finesse_event_type(event) == FINESSE_EVENT_KIND_CONNECTION &&
           finesse_event_connection_state(event) == m->state;
}

static void test_service_presence_and_a_dropped_connection(void) {
    finesse_client *client = new_agent("3004");
    finesse_notifications *notifications;
    finesse_owned_event *event;
    struct connection_match unavailable = {FINESSE_CONNECTION_STATE_SERVICE_UNAVAILABLE};
    struct connection_match available = {FINESSE_CONNECTION_STATE_SERVICE_AVAILABLE};
    struct connection_match lost = {FINESSE_CONNECTION_STATE_DISCONNECTED};
    struct connection_match connected = {FINESSE_CONNECTION_STATE_CONNECTED};
    CHECK(client != NULL);
    notifications = session(client);
    CHECK(notifications != NULL);
    /* The first event: the session is connected. */
    event = next_until(notifications, WAIT_MS, connection_is, &connected, NULL, NULL);
    CHECK(event != NULL);
    CHECK(strstr(finesse_event_connection_detail(finesse_owned_event_view(event)), "/ws") != NULL);
    finesse_owned_event_free(event);
    event = next_until(notifications, WAIT_MS, connection_is, &available, NULL, NULL);
    CHECK(event != NULL);
    CHECK(finesse_event_connection_detail(finesse_owned_event_view(event)) == NULL);
    finesse_owned_event_free(event);

    CHECK(control("PUT", "/service-presence", "{\"available\": false}", NULL, 0) == 204);
    event = next_until(notifications, WAIT_MS, connection_is, &unavailable, NULL, NULL);
    CHECK(event != NULL);
    finesse_owned_event_free(event);
    CHECK(control("PUT", "/service-presence", "{\"available\": true}", NULL, 0) == 204);
    event = next_until(notifications, WAIT_MS, connection_is, &available, NULL, NULL);
    CHECK(event != NULL);
    finesse_owned_event_free(event);

    CHECK(control("DELETE", "/notification-connections", NULL, NULL, 0) == 204);
    event = next_until(notifications, WAIT_MS, connection_is, &lost, NULL, NULL);
    CHECK(event != NULL);
    CHECK(finesse_event_connection_detail(finesse_owned_event_view(event)) != NULL);
    finesse_owned_event_free(event);
    /* It reconnects by itself. */
    event = next_until(notifications, WAIT_MS, connection_is, &connected, NULL, NULL);
    CHECK(event != NULL);
    finesse_owned_event_free(event);
    CHECK(finesse_notifications_is_connected(notifications));
    CHECK(finesse_notifications_dropped(notifications) == 0);
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

static void test_a_silently_dead_link_is_detected(void) {
    finesse_client *client = new_agent("3005");
    finesse_notifications *notifications;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = UNWRITTEN;
    finesse_owned_event *event = UNWRITTEN;
    struct connection_match lost = {FINESSE_CONNECTION_STATE_DISCONNECTED};
    char request_id[64];
    long frozen, detected;
    CHECK(client != NULL);
    /* The default keep-alive: a ping every 10 s, 5 s to answer, two misses. */
    notifications = session(client);
    CHECK(notifications != NULL);
    CHECK_OK(finesse_sign_in(client, "53005", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    drain(notifications);
    CHECK_CODE(finesse_next_event(notifications, 50, &event), FINESSE_RESULT_NO_EVENT);
    CHECK(finesse_last_error_code() == FINESSE_RESULT_NO_EVENT);
    CHECK(event == UNWRITTEN);

    frozen = now_ms();
    CHECK(control("PUT", "/notification-connections", "{\"frozen\": true}", NULL, 0) == 204);
    /* The command is carried out, but its event never comes: a timeout that names the
     * request. */
    accepted = NULL;
    CHECK_OK(finesse_ready(client, &accepted));
    snprintf(request_id, sizeof request_id, "%s", finesse_accepted_request_id(accepted));
    CHECK_CODE(wait_for(accepted, 500, &outcome), FINESSE_RESULT_TIMEOUT);
    CHECK(outcome == UNWRITTEN);
    CHECK_STR(finesse_last_error_request_id(), request_id);
    event = next_until(notifications, 30000, connection_is, &lost, NULL, NULL);
    detected = now_ms() - frozen;
    CHECK(control("PUT", "/notification-connections", "{\"frozen\": false}", NULL, 0) == 204);
    CHECK(event != NULL);
    printf("    silent link reported after %ld ms: %s\n", detected,
           finesse_event_connection_detail(finesse_owned_event_view(event)));
    finesse_owned_event_free(event);
    CHECK(detected < 25000);
    CHECK(!finesse_notifications_is_connected(notifications));
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

/* What the callback saw, shared with the test's thread. */
struct callback_log {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    pthread_t test_thread;
    int calls;
    int on_test_thread;
    int tried_a_wait;
    int wait_refused;
    const finesse_client *client;
    char last_state[32];
};

static void on_event(const finesse_event *event, void *user_data) {
    struct callback_log *log = user_data;
    const finesse_user *user = finesse_event_user(event);
    finesse_accepted *accepted = NULL;
    int first, refused = 0;
    pthread_mutex_lock(&log->lock);
    first = user != NULL && !log->tried_a_wait;
    log->tried_a_wait |= first;
    pthread_mutex_unlock(&log->lock);
    /* A callback may send commands, but not wait for them: it runs on the thread that would
     * deliver the outcome, so the wait fails at once. */
    if (first && finesse_not_ready(log->client, 22, &accepted) == FINESSE_RESULT_OK) {
        refused = finesse_accepted_wait(accepted, 10000, NULL) == FINESSE_RESULT_INVALID_ARGUMENT;
        finesse_accepted_free(accepted);
    }
    pthread_mutex_lock(&log->lock);
    log->calls++;
    log->wait_refused += refused;
    if (pthread_equal(pthread_self(), log->test_thread)) {
        log->on_test_thread++;
    }
    /* The event is borrowed for this call only: keep a copy. */
    if (user != NULL) {
        snprintf(log->last_state, sizeof log->last_state, "%s", finesse_user_state(user));
    }
    pthread_cond_broadcast(&log->changed);
    pthread_mutex_unlock(&log->lock);
}

/* Waits until the callback saw the user in `state`; 0 or -1. */
static int wait_for_callback_state(struct callback_log *log, const char *state) {
    long deadline = now_ms() + WAIT_MS;
    int found;
    pthread_mutex_lock(&log->lock);
    while (!(found = strcmp(log->last_state, state) == 0) && now_ms() < deadline) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&log->changed, &log->lock, &until);
    }
    pthread_mutex_unlock(&log->lock);
    return found ? 0 : -1;
}

static int is_ready_user(const finesse_event *event, const void *arg) {
    const finesse_user *user = finesse_event_user(event);
    (void)arg;
    return user != NULL && strcmp(finesse_user_state(user), "READY") == 0;
}

static void test_callback_runs_on_the_notification_thread(void) {
    finesse_client *client = new_agent("3006");
    finesse_notifications *notifications;
    finesse_owned_event *event;
    struct callback_log log;
    int calls, on_test_thread, wait_refused, queued_users = 0;
    CHECK(client != NULL);
    memset(&log, 0, sizeof log);
    pthread_mutex_init(&log.lock, NULL);
    pthread_cond_init(&log.changed, NULL);
    log.test_thread = pthread_self();
    log.client = client;
    notifications = session(client);
    CHECK(notifications != NULL);
    drain(notifications);
    CHECK_OK(finesse_notifications_set_callback(notifications, on_event, &log));
    CHECK_OK(finesse_sign_in(client, "53006", NULL));
    CHECK(wait_for_callback_state(&log, "NOT_READY") == 0);
    /* While the callback is registered, nothing goes to the queue (only what came before). */
    while (finesse_next_event(notifications, 0, &event) == FINESSE_RESULT_OK) {
        queued_users += finesse_event_user(finesse_owned_event_view(event)) != NULL;
        finesse_owned_event_free(event);
    }
    CHECK(queued_users == 0);

    /* Unregistered: events are queued again. */
    CHECK_OK(finesse_notifications_set_callback(notifications, NULL, NULL));
    CHECK_OK(finesse_ready(client, NULL));
    event = next_until(notifications, WAIT_MS, is_ready_user, NULL, NULL, NULL);
    CHECK(event != NULL);
    finesse_owned_event_free(event);
    /* Freeing the session ends the thread: no call runs after this. */
    finesse_notifications_free(notifications);
    pthread_mutex_lock(&log.lock);
    calls = log.calls;
    on_test_thread = log.on_test_thread;
    wait_refused = log.wait_refused;
    pthread_mutex_unlock(&log.lock);
    CHECK(calls > 0);
    CHECK(on_test_thread == 0);
    CHECK(wait_refused > 0);
    CHECK(strcmp(log.last_state, "NOT_READY") == 0);
    pthread_cond_destroy(&log.changed);
    pthread_mutex_destroy(&log.lock);
    finesse_client_free(client);
}

static void test_one_session_per_client_and_subscriptions(void) {
    finesse_client *supervisor = fixture_client("2001");
    finesse_client *agent = new_agent("3007");
    finesse_notifications *notifications, *agent_session, *second = UNWRITTEN;
    CHECK(supervisor != NULL && agent != NULL);
    notifications = session(supervisor);
    CHECK(notifications != NULL);
    CHECK_CODE(finesse_notifications_start(supervisor, fixture_notification_url(), &second),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(second == UNWRITTEN);
    CHECK_OK(finesse_notifications_subscribe(notifications, "/finesse/api/Team/5007/Users"));
    CHECK_OK(finesse_notifications_unsubscribe(notifications, "/finesse/api/Team/5007/Users"));
    CHECK_CODE(finesse_notifications_subscribe(notifications, "not a node"),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(finesse_last_error_refusal_condition() == NULL);
    CHECK(finesse_last_error_refusal_operation() == NULL);
    CHECK(finesse_last_error_refusal_node() == NULL);
    /* An agent may not subscribe to a team: the server refuses, the session goes on. */
    agent_session = session(agent);
    CHECK(agent_session != NULL);
    CHECK_CODE(finesse_notifications_subscribe(agent_session, "/finesse/api/Team/5007/Users"),
               FINESSE_RESULT_REFUSED);
    CHECK(finesse_last_error_code() == FINESSE_RESULT_REFUSED);
    CHECK_STR(finesse_last_error_refusal_condition(), "forbidden");
    CHECK_STR(finesse_last_error_refusal_operation(), "subscribe");
    CHECK_STR(finesse_last_error_refusal_node(), "/finesse/api/Team/5007/Users");
    CHECK(finesse_last_error_refusal_text() == NULL); /* the emulator gives no text */
    CHECK(strstr(finesse_last_error_message(), "forbidden") != NULL);
    CHECK(finesse_last_error_http_status() == 0);
    CHECK(finesse_notifications_is_connected(agent_session));
    finesse_last_error_clear();
    CHECK(finesse_last_error_refusal_condition() == NULL);
    finesse_notifications_free(agent_session);
    finesse_notifications_free(notifications);
    finesse_client_free(supervisor);
    finesse_client_free(agent);
}

static void test_a_refused_subscription_fails_the_start(void) {
    finesse_client *agent = new_agent("3009");
    finesse_notification_options *options = NULL;
    finesse_notifications *notifications = UNWRITTEN;
    CHECK(agent != NULL);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_OK(finesse_notification_options_set_url(options, fixture_notification_url()));
    CHECK_OK(finesse_notification_options_add_subscription(options,
                                                           "/finesse/api/Team/5007/Users"));
    CHECK_CODE(finesse_notifications_start_with(agent, options, &notifications),
               FINESSE_RESULT_REFUSED);
    CHECK(notifications == UNWRITTEN);
    CHECK_STR(finesse_last_error_refusal_condition(), "forbidden");
    CHECK_STR(finesse_last_error_refusal_operation(), "subscribe");
    CHECK_STR(finesse_last_error_refusal_node(), "/finesse/api/Team/5007/Users");
    /* Nothing is left running: the client may start a session again. */
    notifications = session(agent);
    CHECK(notifications != NULL);
    finesse_notifications_free(notifications);
    finesse_notification_options_free(options);
    finesse_client_free(agent);
}

static void test_credentials_refused_by_the_notification_service(void) {
    finesse_client *agent = new_agent("3010");
    finesse_config *config = fixture_config("3010", "not-the-password");
    finesse_client *wrong = NULL;
    finesse_notifications *notifications = UNWRITTEN;
    CHECK(agent != NULL && config != NULL);
    /* With the id known, nothing is read with the credentials before the notification
     * service's sign-in (SystemInfo needs none). */
    CHECK_OK(finesse_config_set_login_id(config, "3010"));
    CHECK_OK(finesse_client_new(config, &wrong));
    /* Rejected credentials stay an authentication failure, never retried; the refusal says
     * where. */
    CHECK_CODE(finesse_notifications_start(wrong, fixture_notification_url(), &notifications),
               FINESSE_RESULT_AUTHENTICATION);
    CHECK(notifications == UNWRITTEN);
    CHECK_STR(finesse_last_error_refusal_condition(), "not-authorized");
    CHECK_STR(finesse_last_error_refusal_operation(), "sign-in");
    CHECK(finesse_last_error_refusal_node() == NULL);
    CHECK(finesse_last_error_http_status() == 0);
    CHECK(strstr(finesse_last_error_message(), "not-the-password") == NULL);
    finesse_client_free(wrong);
    finesse_client_free(agent);
}

/* Two sessions of one agent bound to the same resource: the server ends the older one with
 * a `conflict` stream error, and it fails for good instead of taking the resource back. */
static void test_a_resource_taken_over_fails_the_older_session(void) {
    finesse_client *first = new_agent("3011");
    finesse_client *second = fixture_client("3011");
    finesse_notification_options *options = NULL;
    finesse_notifications *older = NULL, *newer = NULL;
    finesse_owned_event *event = UNWRITTEN;
    const finesse_event *view;
    struct connection_match connected = {FINESSE_CONNECTION_STATE_CONNECTED};
    struct connection_match failed = {FINESSE_CONNECTION_STATE_FAILED};
    CHECK(first != NULL && second != NULL);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_OK(finesse_notification_options_set_url(options, fixture_notification_url()));
    CHECK_OK(finesse_notification_options_set_resource(options, "crm-plugin"));
    CHECK_OK(finesse_notifications_start_with(first, options, &older));
    event = next_until(older, WAIT_MS, connection_is, &connected, NULL, NULL);
    CHECK(event != NULL);
    CHECK(finesse_event_connection_condition(finesse_owned_event_view(event)) == NULL);
    finesse_owned_event_free(event);

    CHECK_OK(finesse_notifications_start_with(second, options, &newer));
    event = next_until(older, WAIT_MS, connection_is, &failed, NULL, NULL);
    CHECK(event != NULL);
    view = finesse_owned_event_view(event);
    CHECK(finesse_event_type(view) == FINESSE_EVENT_KIND_CONNECTION);
    CHECK_STR(finesse_event_connection_condition(view), "conflict");
    CHECK(strstr(finesse_event_connection_detail(view), "conflict") != NULL);
    finesse_owned_event_free(event);
    /* For good: no reconnection, nothing follows, and the newer session keeps the resource. */
    event = UNWRITTEN;
    CHECK_CODE(finesse_next_event(older, 1000, &event), FINESSE_RESULT_NO_EVENT);
    CHECK(event == UNWRITTEN);
    CHECK(finesse_notifications_is_connected(newer));
    event = next_until(newer, WAIT_MS, connection_is, &connected, NULL, NULL);
    CHECK(event != NULL);
    finesse_owned_event_free(event);
    CHECK(finesse_event_connection_condition(NULL) == NULL);
    finesse_notifications_free(older);
    finesse_notifications_free(newer);
    finesse_notification_options_free(options);
    finesse_client_free(first);
    finesse_client_free(second);
}

static void test_outcomes_without_a_session(void) {
    finesse_client *client = new_agent("3008");
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
    const finesse_dialog *dialog;
    char id[64];
    CHECK(client != NULL);
    /* Without a notification session the wait reads the resource until it shows the change. */
    CHECK_OK(finesse_sign_in(client, "53008", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_user_state(finesse_outcome_user(outcome)), "NOT_READY");
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    dialog = finesse_outcome_dialog(outcome);
    CHECK(dialog != NULL);
    CHECK_STR(finesse_dialog_to_address(dialog), CUSTOMER);
    snprintf(id, sizeof id, "%s", finesse_dialog_id(dialog));
    finesse_outcome_free(outcome);
    CHECK(wait_for_participant_state(client, id, CUSTOMER, "ACTIVE") == 0);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_send_dtmf(client, id, "12#", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK_STR(finesse_dialog_id(finesse_outcome_dialog(outcome)), id);
    finesse_outcome_free(outcome);
    accepted = NULL;
    outcome = NULL;
    CHECK_OK(finesse_drop_call(client, id, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, &outcome));
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    CHECK_STR(finesse_outcome_ended_dialog_id(outcome), id);
    finesse_outcome_free(outcome);
    accepted = NULL;
    CHECK_OK(finesse_sign_out(client, 31, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    finesse_client_free(client);
}

static int is_user_in_state(const finesse_event *event, const void *state) {
    const finesse_user *user = finesse_event_user(event);
    return user != NULL && strcmp(finesse_user_state(user), state) == 0;
}

/* Reads the client's own session until `stop` accepts an event; 1 when one did. */
static int client_event_until(const finesse_client *client,
                              int (*stop)(const finesse_event *, const void *), const void *arg) {
    long deadline = now_ms() + WAIT_MS;
    for (;;) {
        finesse_owned_event *owned = NULL;
        long left = deadline - now_ms();
        int found;
        if (left < 0 ||
            finesse_client_next_event(client, (uint32_t)left, &owned) != FINESSE_RESULT_OK) {
            return 0;
        }
        found = stop(finesse_owned_event_view(owned), arg);
        finesse_owned_event_free(owned);
        if (found) {
            return 1;
        }
    }
}

static void test_the_clients_own_event_session(void) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    finesse_accepted *accepted = NULL;
    finesse_owned_event *event = UNWRITTEN;
    struct connection_match connected = {FINESSE_CONNECTION_STATE_CONNECTED};
    CHECK(control("POST", "/agents",
                  "{\"login_id\": \"3009\", \"login_name\": \"agent3009\", "
                  "\"password\": \"secret3009\"}",
                  NULL, 0) == 201);
    /* The notification URL set once in the configuration; no session handle to manage. */
    config = fixture_config("3009", "secret3009");
    CHECK(config != NULL);
    CHECK_OK(finesse_config_set_notification_url(config, fixture_notification_url()));
    CHECK_OK(finesse_client_new(config, &client));
    CHECK_CODE(finesse_client_next_event(NULL, 0, &event), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_client_next_event(client, 0, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(event == UNWRITTEN);
    /* The first read starts the session: its first event says it is connected. */
    CHECK(client_event_until(client, connection_is, &connected));
    CHECK_OK(finesse_sign_in(client, "53009", &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    CHECK(client_event_until(client, is_user_in_state, "NOT_READY"));
    accepted = NULL;
    CHECK_OK(finesse_ready(client, &accepted));
    CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
    CHECK(client_event_until(client, is_user_in_state, "READY"));
    finesse_client_close_events(client);
    finesse_client_close_events(NULL);
    finesse_client_free(client);
}

/* The notification URL's scheme chooses the transport: BOSH (https://) and XMPP over TCP with
 * direct TLS (xmpps://) as the emulator (Finesse 12.5) serves them, set in the configuration. */
static void test_every_transport_by_its_url(void) {
    const char *urls[] = {fixture_env("FINESSE_TEST_BOSH"), fixture_env("FINESSE_TEST_XMPPS")};
    struct connection_match connected = {FINESSE_CONNECTION_STATE_CONNECTED};
    CHECK(control("POST", "/agents",
                  "{\"login_id\": \"3010\", \"login_name\": \"agent3010\", "
                  "\"password\": \"secret3010\"}",
                  NULL, 0) == 201);
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        finesse_config *config = NULL;
        finesse_client *client = NULL;
        finesse_accepted *accepted = NULL;
        CHECK(urls[i][0] != '\0');
        config = fixture_config("3010", "secret3010");
        CHECK(config != NULL);
        CHECK_OK(finesse_config_set_notification_url(config, urls[i]));
        CHECK_OK(finesse_client_new(config, &client));
        CHECK(client_event_until(client, connection_is, &connected));
        CHECK_OK(finesse_sign_in(client, "53010", &accepted));
        CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
        CHECK(client_event_until(client, is_user_in_state, "NOT_READY"));
        accepted = NULL;
        CHECK_OK(finesse_sign_out(client, 31, &accepted));
        CHECK_OK(wait_for(accepted, WAIT_MS, NULL));
        finesse_client_close_events(client);
        finesse_client_free(client);
    }
}

/* An application that stops reading keeps at most the bytes it set; the oldest events go, and
 * the next one read says how many. */
static void test_a_full_queue_drops_the_oldest_and_says_so(void) {
    finesse_client *client = new_agent("3012");
    finesse_notification_options *options = NULL;
    finesse_notifications *notifications = NULL;
    finesse_owned_event *event = NULL;
    finesse_accepted *accepted = NULL;
    uint64_t dropped;
    int i;
    long deadline;
    CHECK(client != NULL);
    CHECK_OK(finesse_notification_options_new(&options));
    CHECK_OK(finesse_notification_options_set_url(options, fixture_notification_url()));
    CHECK_OK(finesse_notification_options_set_history_bytes(options, 0));
    CHECK_CODE(finesse_notifications_start_with(client, options, &notifications),
               FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "history_bytes") != NULL);
    CHECK_OK(finesse_notification_options_set_history_bytes(options, 1 << 20));
    /* A User document is about 1 KiB: room for a handful. */
    CHECK_OK(finesse_notification_options_set_queue_bytes(options, 8192));
    CHECK_OK(finesse_notifications_start_with(client, options, &notifications));
    finesse_notification_options_free(options);
    CHECK_OK(finesse_sign_in(client, "53012", NULL));
    for (i = 0; i < 40; i++) {
        CHECK_OK(i % 2 == 0 ? finesse_ready(client, &accepted)
                            : finesse_not_ready(client, 22, &accepted));
        finesse_accepted_free(accepted);
        accepted = NULL;
    }
    deadline = now_ms() + WAIT_MS;
    while (finesse_notifications_dropped(notifications) < 20 && now_ms() < deadline) {
        sleep_ms(20);
    }
    sleep_ms(300);
    dropped = finesse_notifications_dropped(notifications);
    CHECK(dropped >= 20);
    CHECK_OK(finesse_next_event(notifications, 1000, &event));
    CHECK(finesse_event_type(finesse_owned_event_view(event)) == FINESSE_EVENT_KIND_DROPPED);
    CHECK(finesse_event_dropped_count(finesse_owned_event_view(event)) == dropped);
    finesse_owned_event_free(event);
    CHECK_OK(finesse_next_event(notifications, 1000, &event));
    CHECK(finesse_event_type(finesse_owned_event_view(event)) == FINESSE_EVENT_KIND_USER_CHANGED);
    CHECK(finesse_event_dropped_count(finesse_owned_event_view(event)) == 0);
    finesse_owned_event_free(event);
    finesse_notifications_free(notifications);
    finesse_client_free(client);
}

void event_tests(void) {
    RUN(test_decode_dialog_updates);
    RUN(test_decode_user_cti_error_system_and_other);
    RUN(test_decode_errors_and_null_arguments);
    RUN(test_session_arguments);
    RUN(test_outbound_call_events_in_order);
    RUN(test_inbound_call_pops_with_call_variables);
    RUN(test_command_refused_by_the_cti_and_other_outcomes);
    RUN(test_outcomes_without_a_session);
    RUN(test_presence_keeps_an_idle_agent_signed_in);
    RUN(test_callback_runs_on_the_notification_thread);
    RUN(test_one_session_per_client_and_subscriptions);
    RUN(test_a_refused_subscription_fails_the_start);
    RUN(test_credentials_refused_by_the_notification_service);
    RUN(test_a_resource_taken_over_fails_the_older_session);
    RUN(test_the_clients_own_event_session);
    RUN(test_every_transport_by_its_url);
    RUN(test_service_presence_and_a_dropped_connection);
    RUN(test_a_full_queue_drops_the_oldest_and_says_so);
    /* Last: it freezes every notification connection of the emulator for a while. */
    RUN(test_a_silently_dead_link_is_detected);
}
