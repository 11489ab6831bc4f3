/* Call control against the emulator: click-to-dial with call variables, hold, retrieve, call
 * data, DTMF, drop, answer, consult, transfer, conference, participant drop, blind transfer.
 * Uses agent 1002 on extension 51002; the far end answers by itself. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define EXTENSION "51002"
#define CUSTOMER "6135551212"

/* A client for agent 1002, signed in; NULL on failure. */
static finesse_client *signed_in_agent(void) {
    finesse_client *client = fixture_client("1002");
    if (client == NULL) {
        return NULL;
    }
    if (finesse_sign_in(client, EXTENSION, NULL) != FINESSE_RESULT_OK ||
        wait_for_user_state(client, "NOT_READY") != 0) {
        finesse_client_free(client);
        return NULL;
    }
    return client;
}

static void test_make_call_with_call_variables(void) {
    const char *names[] = {"callVariable1", "user.CustomerId"};
    const char *values[] = {"acct-42", "9"};
    finesse_client *client = signed_in_agent();
    finesse_dialog *dialog = NULL;
    const finesse_participant *agent, *customer;
    char *request_id = NULL;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, names, values, 2, &request_id));
    CHECK(request_id != NULL && strlen(request_id) > 0);
    finesse_string_free(request_id);
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, CUSTOMER, "ACTIVE") == 0);
    CHECK_OK(finesse_get_dialog(client, id, &dialog));
    CHECK(strcmp(finesse_dialog_id(dialog), id) == 0);
    CHECK(strcmp(finesse_dialog_from_address(dialog), EXTENSION) == 0);
    CHECK(strcmp(finesse_dialog_to_address(dialog), CUSTOMER) == 0);
    CHECK(strcmp(finesse_dialog_media_type(dialog), "Voice") == 0);
    CHECK(finesse_dialog_state(dialog) != NULL);
    CHECK(strcmp(finesse_dialog_call_variable(dialog, "callVariable1"), "acct-42") == 0);
    CHECK(strcmp(finesse_dialog_call_variable(dialog, "user.CustomerId"), "9") == 0);
    CHECK(finesse_dialog_call_variable(dialog, "user.Missing") == NULL);
    CHECK(finesse_dialog_call_variable_count(dialog) >= 2);
    CHECK(finesse_dialog_call_variable_name(dialog, 0) != NULL);
    CHECK(finesse_dialog_call_variable_value(dialog, 0) != NULL);
    CHECK(finesse_dialog_call_variable_name(dialog, 1000) == NULL);
    CHECK(finesse_dialog_participant_count(dialog) == 2);
    agent = finesse_dialog_participant_by_address(dialog, EXTENSION);
    customer = finesse_dialog_participant_by_address(dialog, CUSTOMER);
    CHECK(agent != NULL && customer != NULL);
    CHECK(strcmp(finesse_participant_media_address_type(agent), "AGENT_DEVICE") == 0);
    CHECK(finesse_participant_media_address_type(customer) == NULL);
    CHECK(finesse_participant_state(agent) != NULL);
    CHECK(finesse_participant_action_count(agent) > 0);
    CHECK(finesse_participant_action(agent, 0) != NULL);
    CHECK(finesse_participant_action(agent, 1000) == NULL);
    CHECK(finesse_dialog_participant(dialog, 2) == NULL);
    finesse_dialog_free(dialog);
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

static void test_hold_retrieve_drop(void) {
    finesse_client *client = signed_in_agent();
    finesse_dialog *dialog = NULL;
    const finesse_participant *agent;
    char *request_id = NULL;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, NULL));
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_hold(client, id, &request_id));
    CHECK(request_id != NULL);
    finesse_string_free(request_id);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "HELD") == 0);
    CHECK_OK(finesse_retrieve(client, id, NULL));
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_get_dialog(client, id, &dialog));
    CHECK(strcmp(finesse_dialog_state(dialog), "ACTIVE") == 0);
    agent = finesse_dialog_participant_by_address(dialog, EXTENSION);
    CHECK(finesse_participant_start_time(agent) != NULL);
    CHECK(finesse_participant_state_change_time(agent) != NULL);
    finesse_dialog_free(dialog);
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

/* Whether dialog `id` shows callVariable2 = ticket-7 and wrap-up reason Support yet. */
static int call_data_written(const finesse_client *client, const char *id) {
    finesse_dialog *dialog = NULL;
    const char *variable, *reason;
    int written;
    if (finesse_get_dialog(client, id, &dialog) != FINESSE_RESULT_OK) {
        return 0;
    }
    variable = finesse_dialog_call_variable(dialog, "callVariable2");
    reason = finesse_dialog_wrap_up_reason(dialog);
    written = variable != NULL && strcmp(variable, "ticket-7") == 0 && reason != NULL &&
              strcmp(reason, "Support") == 0;
    finesse_dialog_free(dialog);
    return written;
}

static void test_call_data_and_dtmf(void) {
    const char *names[] = {"callVariable2"};
    const char *values[] = {"ticket-7"};
    finesse_client *client = signed_in_agent();
    char id[64];
    int tries;
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, NULL));
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_update_call_data(client, id, "Support", names, values, 1, NULL));
    for (tries = 0; tries < 200 && !call_data_written(client, id); tries++) {
        sleep_ms(50);
    }
    CHECK(call_data_written(client, id));
    CHECK_OK(finesse_update_call_data(client, id, NULL, names, values, 1, NULL));
    CHECK_OK(finesse_update_call_data(client, id, "Billing", NULL, NULL, 0, NULL));
    CHECK_OK(finesse_send_dtmf(client, id, "12#", NULL));
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

/* Places a call to `to` and waits until it is connected; 0 or -1. */
static int connected_call(const finesse_client *client, const char *to, char *id, size_t len) {
    if (finesse_make_call(client, to, NULL, NULL, 0, NULL) != FINESSE_RESULT_OK ||
        wait_for_dialog(client, id, len) != 0) {
        return -1;
    }
    return wait_for_participant_state(client, id, to, "ACTIVE");
}

static void test_answer_inbound_call(void) {
    finesse_client *client = signed_in_agent();
    finesse_dialog *dialog = NULL;
    char id[64];
    CHECK(client != NULL);
    CHECK(control("POST", "/inbound-calls",
                  "{\"to\": \"" EXTENSION "\", \"from_address\": \"6135550100\", "
                  "\"call_variables\": [{\"name\": \"callVariable3\", \"value\": \"vip\"}]}",
                  NULL, 0) == 201);
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ALERTING") == 0);
    CHECK_OK(finesse_answer(client, id, NULL));
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_get_dialog(client, id, &dialog));
    CHECK(strcmp(finesse_dialog_from_address(dialog), "6135550100") == 0);
    CHECK(strcmp(finesse_dialog_call_variable(dialog, "callVariable3"), "vip") == 0);
    finesse_dialog_free(dialog);
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

static void test_consult_then_transfer(void) {
    finesse_client *client = signed_in_agent();
    char id[64], consult[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_consult_call(client, id, "6135550199", NULL));
    CHECK(wait_for_other_dialog(client, id, consult, sizeof consult) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "HELD") == 0);
    CHECK(wait_for_participant_state(client, consult, "6135550199", "ACTIVE") == 0);
    CHECK_OK(finesse_transfer(client, consult, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

static void test_conference_then_drop_participant(void) {
    finesse_client *client = signed_in_agent();
    char id[64], consult[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_consult_call(client, id, "6135550198", NULL));
    CHECK(wait_for_other_dialog(client, id, consult, sizeof consult) == 0);
    CHECK(wait_for_participant_state(client, consult, "6135550198", "ACTIVE") == 0);
    CHECK_OK(finesse_conference(client, consult, NULL));
    CHECK(wait_for_participant_count(client, id, 3) == 0);
    CHECK_OK(finesse_drop_participant(client, id, "6135550198", NULL));
    CHECK(wait_for_participant_count(client, id, 2) == 0);
    CHECK_OK(finesse_drop_call(client, id, NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

static void test_single_step_transfer(void) {
    finesse_client *client = signed_in_agent();
    char id[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_transfer_sst(client, id, "6135550142", NULL));
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

void call_tests(void) {
    RUN(test_make_call_with_call_variables);
    RUN(test_hold_retrieve_drop);
    RUN(test_call_data_and_dtmf);
    RUN(test_answer_inbound_call);
    RUN(test_consult_then_transfer);
    RUN(test_conference_then_drop_participant);
    RUN(test_single_step_transfer);
}
