/* Call control against the emulator: click-to-dial with call variables, hold, retrieve, call
 * data, DTMF, drop, answer, consult, transfer, conference, participant drop, blind transfer;
 * each command accepted, and awaited where its outcome matters. Uses agent 1002 on extension
 * 51002; the far end answers by itself. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define EXTENSION "51002"
#define CUSTOMER "6135551212"
/* Generous, for runs under valgrind. */
#define WAIT_MS 20000

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

/* Waits for the outcome of `accepted` and frees it; the outcome (free it) or NULL. */
static finesse_outcome *outcome_of(finesse_accepted *accepted) {
    finesse_outcome *outcome = NULL;
    if (finesse_accepted_wait(accepted, WAIT_MS, &outcome) != FINESSE_RESULT_OK) {
        outcome = NULL;
    }
    finesse_accepted_free(accepted);
    return outcome;
}

/* Drops call `id` and waits until it has ended; 0 or -1. */
static int hang_up(const finesse_client *client, const char *id) {
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    const char *ended;
    int done;
    if (finesse_drop_call(client, id, &accepted) != FINESSE_RESULT_OK) {
        return -1;
    }
    outcome = outcome_of(accepted);
    ended = finesse_outcome_ended_dialog_id(outcome);
    done = finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED && ended != NULL &&
           strcmp(ended, id) == 0;
    finesse_outcome_free(outcome);
    return done && wait_for_no_dialogs(client) == 0 ? 0 : -1;
}

static void test_make_call_with_call_variables(void) {
    const char *names[] = {"callVariable1", "user.CustomerId"};
    const char *values[] = {"acct-42", "9"};
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_call_variable *variable;
    const finesse_participant *agent, *customer;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, names, values, 2, &accepted));
    CHECK(strlen(finesse_accepted_request_id(accepted)) > 0);
    /* The outcome of MAKE_CALL is the new dialog. */
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    CHECK(finesse_outcome_user(outcome) == NULL);
    dialog = finesse_outcome_dialog(outcome);
    CHECK_STR(finesse_dialog_to_address(dialog), CUSTOMER);
    snprintf(id, sizeof id, "%s", finesse_dialog_id(dialog));
    finesse_outcome_free(outcome);

    CHECK(wait_for_participant_state(client, id, CUSTOMER, "ACTIVE") == 0);
    CHECK_OK(finesse_get_dialog(client, id, &owned));
    dialog = finesse_owned_dialog_view(owned);
    CHECK_STR(finesse_dialog_id(dialog), id);
    CHECK(strstr(finesse_dialog_uri(dialog), id) != NULL);
    CHECK_STR(finesse_dialog_from_address(dialog), EXTENSION);
    CHECK_STR(finesse_dialog_to_address(dialog), CUSTOMER);
    CHECK_STR(finesse_dialog_media_type(dialog), "Voice");
    CHECK_STR(finesse_dialog_state(dialog), "ACTIVE");
    CHECK(finesse_dialog_associated_dialog_uri(dialog) == NULL);
    media = finesse_dialog_media_properties(dialog);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "acct-42");
    CHECK_STR(finesse_media_properties_call_variable(media, "user.CustomerId"), "9");
    CHECK(finesse_media_properties_call_variable(media, "user.Missing") == NULL);
    /* The server writes all ten call variables, then the ECC ones. */
    CHECK(finesse_media_properties_call_variables_count(media) >= 11);
    variable = finesse_media_properties_call_variables_get(media, 0);
    CHECK_STR(finesse_call_variable_name(variable), "callVariable1");
    CHECK_STR(finesse_call_variable_value(variable), "acct-42");
    CHECK(finesse_media_properties_call_variables_get(media, 1000) == NULL);
    CHECK(finesse_dialog_participants_count(dialog) == 2);
    agent = finesse_dialog_participant(dialog, EXTENSION);
    customer = finesse_dialog_participant(dialog, CUSTOMER);
    CHECK(agent != NULL && customer != NULL);
    CHECK_STR(finesse_participant_media_address(agent), EXTENSION);
    CHECK_STR(finesse_participant_media_address_type(agent), "AGENT_DEVICE");
    CHECK(finesse_participant_media_address_type(customer) == NULL);
    CHECK_STR(finesse_participant_state(agent), "ACTIVE");
    CHECK(finesse_participant_actions_count(agent) > 0);
    CHECK(finesse_participant_actions_get(agent, 0) != NULL);
    CHECK(finesse_participant_actions_get(agent, 1000) == NULL);
    /* Buttons follow the actions. */
    CHECK(finesse_participant_can(agent, "HOLD"));
    CHECK(finesse_participant_can(agent, "DROP"));
    CHECK(!finesse_participant_can(agent, "RETRIEVE"));
    CHECK(!finesse_participant_can(agent, "ANSWER"));
    CHECK(finesse_dialog_participants_get(dialog, 2) == NULL);
    finesse_owned_dialog_free(owned);
    CHECK(hang_up(client, id) == 0);
    finesse_client_free(client);
}

static void test_hold_retrieve_drop(void) {
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    const finesse_participant *agent;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, NULL));
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_hold(client, id, &accepted));
    CHECK(finesse_accepted_request_id(accepted) != NULL);
    /* The outcome of HOLD is the dialog with the agent held. */
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    agent = finesse_dialog_participant(finesse_outcome_dialog(outcome), EXTENSION);
    CHECK_STR(finesse_participant_state(agent), "HELD");
    CHECK(finesse_participant_can(agent, "RETRIEVE"));
    finesse_outcome_free(outcome);
    accepted = NULL;
    CHECK_OK(finesse_retrieve(client, id, &accepted));
    outcome = outcome_of(accepted);
    agent = finesse_dialog_participant(finesse_outcome_dialog(outcome), EXTENSION);
    CHECK_STR(finesse_participant_state(agent), "ACTIVE");
    CHECK(finesse_participant_start_time(agent) != NULL);
    CHECK(finesse_participant_state_change_time(agent) != NULL);
    CHECK_STR(finesse_dialog_state(finesse_outcome_dialog(outcome)), "ACTIVE");
    finesse_outcome_free(outcome);
    CHECK(hang_up(client, id) == 0);
    finesse_client_free(client);
}

static void test_call_data_and_dtmf(void) {
    const char *names[] = {"callVariable2"};
    const char *values[] = {"ticket-7"};
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    const finesse_media_properties *media;
    char id[64];
    CHECK(client != NULL);
    CHECK_OK(finesse_make_call(client, CUSTOMER, NULL, NULL, 0, NULL));
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ACTIVE") == 0);
    CHECK_OK(finesse_update_call_data(client, id, "Support", names, values, 1, &accepted));
    /* The outcome: the dialog once it shows the data written. */
    outcome = outcome_of(accepted);
    media = finesse_dialog_media_properties(finesse_outcome_dialog(outcome));
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable2"), "ticket-7");
    CHECK_STR(finesse_media_properties_wrap_up_reason(media), "Support");
    finesse_outcome_free(outcome);
    CHECK_OK(finesse_update_call_data(client, id, NULL, names, values, 1, NULL));
    CHECK_OK(finesse_update_call_data(client, id, "Billing", NULL, NULL, 0, NULL));
    accepted = NULL;
    CHECK_OK(finesse_send_dtmf(client, id, "12#", &accepted));
    /* DTMF changes nothing Finesse publishes: the outcome is the dialog as it is. */
    outcome = outcome_of(accepted);
    CHECK_STR(finesse_dialog_id(finesse_outcome_dialog(outcome)), id);
    finesse_outcome_free(outcome);
    CHECK(hang_up(client, id) == 0);
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
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    const finesse_dialog *dialog;
    const finesse_participant *agent;
    char id[64];
    CHECK(client != NULL);
    CHECK(control("POST", "/inbound-calls",
                  "{\"to\": \"" EXTENSION "\", \"from_address\": \"6135550100\", "
                  "\"call_variables\": [{\"name\": \"callVariable3\", \"value\": \"vip\"}]}",
                  NULL, 0) == 201);
    CHECK(wait_for_dialog(client, id, sizeof id) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "ALERTING") == 0);
    CHECK_OK(finesse_answer(client, id, &accepted));
    outcome = outcome_of(accepted);
    dialog = finesse_outcome_dialog(outcome);
    CHECK_STR(finesse_dialog_from_address(dialog), "6135550100");
    CHECK_STR(finesse_media_properties_call_variable(finesse_dialog_media_properties(dialog),
                                                     "callVariable3"),
              "vip");
    agent = finesse_dialog_participant(dialog, EXTENSION);
    CHECK_STR(finesse_participant_state(agent), "ACTIVE");
    finesse_outcome_free(outcome);
    CHECK(hang_up(client, id) == 0);
    finesse_client_free(client);
}

static void test_consult_then_transfer(void) {
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    char id[64], consult[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_consult_call(client, id, "6135550199", &accepted));
    /* The outcome of a consult is the consult call, a new dialog. */
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_DIALOG);
    CHECK(strcmp(finesse_dialog_id(finesse_outcome_dialog(outcome)), id) != 0);
    finesse_outcome_free(outcome);
    CHECK(wait_for_other_dialog(client, id, consult, sizeof consult) == 0);
    CHECK(wait_for_participant_state(client, id, EXTENSION, "HELD") == 0);
    CHECK(wait_for_participant_state(client, consult, "6135550199", "ACTIVE") == 0);
    accepted = NULL;
    CHECK_OK(finesse_transfer(client, consult, &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    CHECK(finesse_outcome_ended_dialog_id(outcome) != NULL);
    CHECK(finesse_outcome_dialog(outcome) == NULL);
    finesse_outcome_free(outcome);
    CHECK(wait_for_no_dialogs(client) == 0);
    finesse_client_free(client);
}

static void test_conference_then_drop_participant(void) {
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    char id[64], consult[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_consult_call(client, id, "6135550198", NULL));
    CHECK(wait_for_other_dialog(client, id, consult, sizeof consult) == 0);
    CHECK(wait_for_participant_state(client, consult, "6135550198", "ACTIVE") == 0);
    CHECK_OK(finesse_conference(client, consult, &accepted));
    CHECK_OK(finesse_accepted_wait(accepted, WAIT_MS, NULL));
    finesse_accepted_free(accepted);
    CHECK(wait_for_participant_count(client, id, 3) == 0);
    CHECK_OK(finesse_drop_participant(client, id, "6135550198", NULL));
    CHECK(wait_for_participant_count(client, id, 2) == 0);
    CHECK(hang_up(client, id) == 0);
    finesse_client_free(client);
}

static void test_single_step_transfer(void) {
    finesse_client *client = signed_in_agent();
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome;
    char id[64];
    CHECK(client != NULL);
    CHECK(connected_call(client, CUSTOMER, id, sizeof id) == 0);
    CHECK_OK(finesse_transfer_sst(client, id, "6135550142", &accepted));
    outcome = outcome_of(accepted);
    CHECK(finesse_outcome_type(outcome) == FINESSE_OUTCOME_KIND_ENDED);
    CHECK_STR(finesse_outcome_ended_dialog_id(outcome), id);
    finesse_outcome_free(outcome);
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
