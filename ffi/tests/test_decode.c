/*
 * from_xml without a network: every document kind core decodes (User, Dialog, Dialogs,
 * SystemInfo, ReasonCode and ReasonCodes, WrapUpReason and WrapUpReasons, ApiError and
 * ApiErrors, Update, a whole pub-sub message), from the same documents as core/tests/decode.rs
 * and core/tests/events_decode.rs (copied in documents.c), and every accessor of every view:
 * strings, absent values, integers and booleans present and absent, nested views, lists, items
 * out of range, and NULL handles. Then the decode errors, as core reports them.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"
#include "harness.h"
#include "suites.h"

#define BYTES(doc) (const uint8_t *)(doc), strlen(doc)

/* A value no accessor writes in these tests, to see that an absent one leaves `*out` alone. */
#define UNTOUCHED (-424242)

/* An integer accessor that finds `want` (and also answers without an out-param). */
#define CHECK_INT(accessor, view, want)            \
    do {                                           \
        int64_t value_ = UNTOUCHED;                \
        CHECK(accessor((view), &value_));          \
        CHECK(value_ == (want));                   \
        CHECK(accessor((view), NULL));             \
    } while (0)

/* An integer accessor of an absent value: false, `*out` left alone. */
#define CHECK_NO_INT(accessor, view)               \
    do {                                           \
        int64_t value_ = UNTOUCHED;                \
        CHECK(!accessor((view), &value_));         \
        CHECK(value_ == UNTOUCHED);                \
        CHECK(!accessor((view), NULL));            \
    } while (0)

/* A boolean accessor that finds `want`. */
#define CHECK_BOOL(accessor, view, want)           \
    do {                                           \
        bool value_ = !(want);                     \
        CHECK(accessor((view), &value_));          \
        CHECK(value_ == (want));                   \
        CHECK(accessor((view), NULL));             \
    } while (0)

/* A boolean accessor of an absent value: false, `*out` left alone whatever it held. */
#define CHECK_NO_BOOL(accessor, view)              \
    do {                                           \
        bool value_ = true;                        \
        CHECK(!accessor((view), &value_));         \
        CHECK(value_);                             \
        value_ = false;                            \
        CHECK(!accessor((view), &value_));         \
        CHECK(!value_);                            \
    } while (0)

/* Whether the last error is a decode error whose message mentions `needle`. */
static int decode_error_about(const char *needle) {
    const char *message = finesse_last_error_message();
    if (finesse_last_error_code() != FINESSE_RESULT_DECODE || message == NULL ||
        strstr(message, needle) == NULL) {
        fprintf(stderr, "  expected a decode error about \"%s\", got: %s\n", needle,
                message ? message : "(none)");
        return 0;
    }
    return 1;
}

/* The reading of the copies against core's files, from the repository root (run.sh's). */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long size;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)size + 1)) != NULL) {
        *len = fread(text, 1, (size_t)size, f);
        text[*len] = '\0';
    }
    fclose(f);
    return text;
}

static void test_the_copies_equal_core_documents(void) {
    size_t i;
    for (i = 0; i < TEST_DOCUMENT_COUNT; i++) {
        char path[256];
        size_t len = 0;
        char *text;
        int same;
        snprintf(path, sizeof path, "core/tests/documents/%s", TEST_DOCUMENTS[i].file);
        text = read_file(path, &len);
        if (text == NULL) {
            fprintf(stderr, "  cannot read %s (run from the repository root)\n", path);
        }
        CHECK(text != NULL);
        same = len == strlen(TEST_DOCUMENTS[i].text) && memcmp(text, TEST_DOCUMENTS[i].text, len) == 0;
        free(text);
        if (!same) {
            fprintf(stderr, "  ffi/tests/documents.c: the copy of %s differs from it\n", path);
        }
        CHECK(same);
    }
}

/* A document core decodes that has no copy here would go untested in C. */
static void test_every_core_document_has_a_copy(void) {
    DIR *dir = opendir("core/tests/documents");
    struct dirent *entry;
    int missing = 0;
    CHECK(dir != NULL);
    while ((entry = readdir(dir)) != NULL) {
        size_t len = strlen(entry->d_name), i;
        int found = 0;
        if (len < 4 || strcmp(entry->d_name + len - 4, ".xml") != 0) {
            continue;
        }
        for (i = 0; i < TEST_DOCUMENT_COUNT && !found; i++) {
            found = strcmp(TEST_DOCUMENTS[i].file, entry->d_name) == 0;
        }
        if (!found) {
            fprintf(stderr, "  core/tests/documents/%s has no copy in ffi/tests/documents.c\n",
                    entry->d_name);
            missing++;
        }
    }
    closedir(dir);
    CHECK(missing == 0);
}

/* ---- User ------------------------------------------------------------------------------- */

static void test_user_as_cce11_writes_it(void) {
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    const finesse_reason_code *reason;
    const finesse_settings *settings;
    CHECK_OK(finesse_user_from_xml(BYTES(DOC_USER_CCE11), &owned));
    user = finesse_owned_user_view(owned);
    CHECK(user != NULL);
    CHECK_STR(finesse_user_uri(user), "/finesse/api/User/1001");
    CHECK_STR(finesse_user_login_id(user), "1001");
    CHECK_STR(finesse_user_login_name(user), "jdoe");
    CHECK_STR(finesse_user_first_name(user), "Jane");
    CHECK_STR(finesse_user_last_name(user), "Doe");
    CHECK_STR(finesse_user_extension(user), "1001001");
    CHECK_STR(finesse_user_dialogs_uri(user), "/finesse/api/User/1001/Dialogs");
    CHECK(finesse_user_roles_count(user) == 1);
    CHECK_STR(finesse_user_roles_get(user, 0), "Agent");
    CHECK(finesse_user_roles_get(user, 1) == NULL);
    CHECK_STR(finesse_user_state(user), "NOT_READY");
    /* An empty <pendingState></pendingState> is absent. */
    CHECK(finesse_user_pending_state(user) == NULL);
    CHECK_STR(finesse_user_state_change_time(user), "2017-09-28T17:33:40.875Z");
    CHECK_INT(finesse_user_reason_code_id, user, 49);
    CHECK(finesse_user_is_signed_in(user));
    /* The lowercase <reasonCode>, with every field but systemCode. */
    reason = finesse_user_reason_code(user);
    CHECK(reason != NULL);
    CHECK_INT(finesse_reason_code_id, reason, 49);
    CHECK_STR(finesse_reason_code_uri(reason), "/finesse/api/ReasonCode/49");
    CHECK_STR(finesse_reason_code_category(reason), "NOT_READY");
    CHECK_INT(finesse_reason_code_code, reason, 201);
    CHECK_STR(finesse_reason_code_label(reason), "Prep Time");
    CHECK_BOOL(finesse_reason_code_for_all, reason, true);
    CHECK_NO_BOOL(finesse_reason_code_system_code, reason);
    settings = finesse_user_settings(user);
    CHECK(settings != NULL);
    CHECK_STR(finesse_user_settings_wrap_up_on_incoming(settings), "REQUIRED");
    CHECK(finesse_user_settings_wrap_up_on_outgoing(settings) == NULL);
    CHECK(finesse_user_settings_device_selection(settings) == NULL);
    CHECK_STR(finesse_user_team_id(user), "5007");
    CHECK_STR(finesse_user_team_name(user), "Sales");
    CHECK(finesse_user_teams_count(user) == 0);
    CHECK(finesse_user_teams_get(user, 0) == NULL);
    CHECK_STR(finesse_user_media_type(user), "1");
    CHECK(finesse_user_skill_target_id(user) == NULL);
    CHECK(finesse_user_mobile_agent(user) == NULL);
    CHECK(finesse_user_active_device_id(user) == NULL);
    /* Views are stable: asking twice lends the same one. */
    CHECK(finesse_owned_user_view(owned) == user);
    CHECK(finesse_user_settings(user) == settings);
    finesse_owned_user_free(owned);
}

static void test_user_in_documentation_order_with_teams_and_mobile_agent(void) {
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    const finesse_reason_code *reason;
    const finesse_settings *settings;
    const finesse_team_ref *team;
    const finesse_mobile_agent *mobile;
    CHECK_OK(finesse_user_from_xml(BYTES(DOC_USER_DOC_ORDER), &owned));
    user = finesse_owned_user_view(owned);
    CHECK_STR(finesse_user_uri(user), "/finesse/api/User/1002");
    CHECK_STR(finesse_user_login_id(user), "1002");
    CHECK_STR(finesse_user_login_name(user), "jroe");
    CHECK_STR(finesse_user_first_name(user), "John");
    CHECK_STR(finesse_user_last_name(user), "Roe");
    CHECK_STR(finesse_user_extension(user), "1002002");
    CHECK_STR(finesse_user_state(user), "TALKING");
    CHECK_STR(finesse_user_pending_state(user), "NOT_READY");
    CHECK(finesse_user_roles_count(user) == 2);
    CHECK_STR(finesse_user_roles_get(user, 0), "Agent");
    CHECK_STR(finesse_user_roles_get(user, 1), "Supervisor");
    CHECK(finesse_user_roles_get(user, 2) == NULL);
    CHECK_INT(finesse_user_reason_code_id, user, 22);
    /* The capitalised <ReasonCode>, without an id element: the id comes from the URI. */
    reason = finesse_user_reason_code(user);
    CHECK(reason != NULL);
    CHECK_INT(finesse_reason_code_id, reason, 22);
    CHECK_STR(finesse_reason_code_uri(reason), "/finesse/api/ReasonCode/22");
    CHECK_STR(finesse_reason_code_category(reason), "NOT_READY");
    CHECK_INT(finesse_reason_code_code, reason, 1);
    CHECK_STR(finesse_reason_code_label(reason), "Break & Lunch");
    CHECK_BOOL(finesse_reason_code_for_all, reason, false);
    CHECK_BOOL(finesse_reason_code_system_code, reason, false);
    CHECK_STR(finesse_user_state_change_time(user), "2024-03-01T09:00:00.000Z");
    settings = finesse_user_settings(user);
    CHECK_STR(finesse_user_settings_wrap_up_on_incoming(settings), "OPTIONAL");
    CHECK_STR(finesse_user_settings_wrap_up_on_outgoing(settings), "NOT_ALLOWED");
    CHECK_STR(finesse_user_settings_device_selection(settings), "FIXED");
    CHECK_STR(finesse_user_team_id(user), "5007");
    CHECK_STR(finesse_user_team_name(user), "Sales");
    CHECK(finesse_user_teams_count(user) == 2);
    team = finesse_user_teams_get(user, 0);
    CHECK_STR(finesse_team_ref_id(team), "5007");
    CHECK_STR(finesse_team_ref_name(team), "Sales");
    CHECK_STR(finesse_team_ref_uri(team), "/finesse/api/Team/5007");
    team = finesse_user_teams_get(user, 1);
    CHECK_STR(finesse_team_ref_id(team), "5008");
    CHECK_STR(finesse_team_ref_name(team), "Support");
    CHECK_STR(finesse_team_ref_uri(team), "/finesse/api/Team/5008");
    CHECK(finesse_user_teams_get(user, 2) == NULL);
    mobile = finesse_user_mobile_agent(user);
    CHECK(mobile != NULL);
    CHECK_STR(finesse_mobile_agent_mode(mobile), "CALL_BY_CALL");
    CHECK_STR(finesse_mobile_agent_dial_number(mobile), "4085551234");
    CHECK_STR(finesse_user_active_device_id(user), "SEP0011223344");
    CHECK_STR(finesse_user_skill_target_id(user), "5001");
    CHECK(finesse_user_media_type(user) == NULL);
    /* <dialogs> comes last in this order, after unknown elements that are skipped. */
    CHECK_STR(finesse_user_dialogs_uri(user), "/finesse/api/User/1002/Dialogs");
    finesse_owned_user_free(owned);
}

static void test_user_notification_payload_with_an_unknown_state_and_no_reason(void) {
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    const finesse_settings *settings;
    CHECK_OK(finesse_user_from_xml(BYTES(DOC_USER_NOTIFICATION), &owned));
    user = finesse_owned_user_view(owned);
    /* A state this library does not know comes through as sent. */
    CHECK_STR(finesse_user_state(user), "ON_A_NEW_KIND_OF_BREAK");
    CHECK(finesse_user_is_signed_in(user));
    CHECK(finesse_user_extension(user) == NULL);
    /* -1 means no reason. */
    CHECK_NO_INT(finesse_user_reason_code_id, user);
    CHECK(finesse_user_reason_code(user) == NULL);
    CHECK(finesse_user_pending_state(user) == NULL);
    CHECK(finesse_user_state_change_time(user) == NULL);
    /* <settings/>: the view is there, every setting absent. */
    settings = finesse_user_settings(user);
    CHECK(settings != NULL);
    CHECK(finesse_user_settings_wrap_up_on_incoming(settings) == NULL);
    CHECK(finesse_user_settings_wrap_up_on_outgoing(settings) == NULL);
    CHECK(finesse_user_settings_device_selection(settings) == NULL);
    CHECK_STR(finesse_user_login_id(user), "1001");
    CHECK_STR(finesse_user_team_name(user), "Sales");
    finesse_owned_user_free(owned);
}

static void test_user_signed_out_and_empty(void) {
    finesse_owned_user *owned = NULL;
    const finesse_user *user;
    CHECK_OK(finesse_user_from_xml(BYTES("<User><state>LOGOUT</state></User>"), &owned));
    CHECK(!finesse_user_is_signed_in(finesse_owned_user_view(owned)));
    finesse_owned_user_free(owned);
    owned = NULL;
    /* An empty User: required strings are empty, never NULL; the state is UNKNOWN. */
    CHECK_OK(finesse_user_from_xml(BYTES("<User/>"), &owned));
    user = finesse_owned_user_view(owned);
    CHECK_STR(finesse_user_state(user), "UNKNOWN");
    CHECK_STR(finesse_user_uri(user), "");
    CHECK_STR(finesse_user_login_id(user), "");
    CHECK_STR(finesse_user_login_name(user), "");
    CHECK_STR(finesse_user_first_name(user), "");
    CHECK_STR(finesse_user_last_name(user), "");
    CHECK_STR(finesse_user_dialogs_uri(user), "");
    CHECK(finesse_user_roles_count(user) == 0);
    CHECK(finesse_user_settings(user) != NULL);
    CHECK(finesse_user_team_id(user) == NULL);
    CHECK(finesse_user_team_name(user) == NULL);
    finesse_owned_user_free(owned);
}

/* ---- Dialog ----------------------------------------------------------------------------- */

static void test_dialog_as_cce11_writes_it(void) {
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_call_variable *variable;
    const finesse_participant *agent, *caller;
    CHECK_OK(finesse_dialog_from_xml(BYTES(DOC_DIALOG_CCE11), &owned));
    dialog = finesse_owned_dialog_view(owned);
    CHECK(dialog != NULL);
    CHECK_STR(finesse_dialog_id(dialog), "53149720");
    CHECK_STR(finesse_dialog_uri(dialog), "/finesse/api/Dialog/53149720");
    CHECK(finesse_dialog_associated_dialog_uri(dialog) == NULL);
    CHECK(finesse_dialog_secondary_id(dialog) == NULL);
    CHECK_STR(finesse_dialog_media_type(dialog), "Voice");
    CHECK_STR(finesse_dialog_from_address(dialog), "335892");
    CHECK_STR(finesse_dialog_to_address(dialog), "215194");
    CHECK(finesse_dialog_callback_number(dialog) == NULL);
    CHECK_STR(finesse_dialog_state(dialog), "ALERTING");
    CHECK(finesse_dialog_scheduled_callback_info(dialog) == NULL);

    media = finesse_dialog_media_properties(dialog);
    CHECK(media != NULL);
    CHECK(finesse_media_properties_media_id(media) == NULL);
    CHECK_STR(finesse_media_properties_dnis(media), "215194");
    CHECK_STR(finesse_media_properties_dialed_number(media), "215194");
    CHECK_STR(finesse_media_properties_call_type(media), "OTHER_IN");
    CHECK(finesse_media_properties_outbound_classification(media) == NULL);
    CHECK(finesse_media_properties_queue_number(media) == NULL);
    CHECK(finesse_media_properties_queue_name(media) == NULL);
    CHECK(finesse_media_properties_call_key_call_id(media) == NULL);
    CHECK(finesse_media_properties_call_key_sequence_num(media) == NULL);
    CHECK(finesse_media_properties_call_key_prefix(media) == NULL);
    CHECK(finesse_media_properties_call_guid(media) == NULL);
    CHECK(finesse_media_properties_wrap_up_reason(media) == NULL);
    CHECK(finesse_media_properties_wrap_up_items_count(media) == 0);
    CHECK(finesse_media_properties_wrap_up_items_get(media, 0) == NULL);
    /* All ten call variables, unset ones empty. */
    CHECK(finesse_media_properties_call_variables_count(media) == 10);
    variable = finesse_media_properties_call_variables_get(media, 9);
    CHECK_STR(finesse_call_variable_name(variable), "callVariable10");
    CHECK_STR(finesse_call_variable_value(variable), "");
    CHECK(finesse_media_properties_call_variables_get(media, 10) == NULL);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "");
    CHECK(finesse_media_properties_call_variable(media, "callVariable11") == NULL);

    CHECK(finesse_dialog_participants_count(dialog) == 2);
    agent = finesse_dialog_participant(dialog, "215194");
    CHECK(agent != NULL);
    CHECK(agent == finesse_dialog_participants_get(dialog, 0));
    CHECK_STR(finesse_participant_media_address(agent), "215194");
    CHECK_STR(finesse_participant_media_address_type(agent), "AGENT_DEVICE");
    CHECK_STR(finesse_participant_state(agent), "ALERTING");
    CHECK(finesse_participant_state_cause(agent) == NULL);
    CHECK_STR(finesse_participant_start_time(agent), "2017-10-13T16:17:55.401Z");
    CHECK_STR(finesse_participant_state_change_time(agent), "2017-10-13T16:17:55.401Z");
    CHECK(finesse_participant_actions_count(agent) == 1);
    CHECK_STR(finesse_participant_actions_get(agent, 0), "ANSWER");
    CHECK(finesse_participant_actions_get(agent, 1) == NULL);
    CHECK(finesse_participant_can(agent, "ANSWER"));
    CHECK(!finesse_participant_can(agent, "HOLD"));
    caller = finesse_dialog_participant(dialog, "335892");
    CHECK(caller != NULL);
    CHECK(caller == finesse_dialog_participants_get(dialog, 1));
    /* An external party: an empty mediaAddressType is absent. */
    CHECK(finesse_participant_media_address_type(caller) == NULL);
    CHECK_STR(finesse_participant_state(caller), "INITIATED");
    CHECK_STR(finesse_participant_start_time(caller), "2017-10-13T16:17:55.401Z");
    CHECK(finesse_participant_actions_count(caller) == 2);
    CHECK_STR(finesse_participant_actions_get(caller, 0), "UPDATE_CALL_DATA");
    CHECK_STR(finesse_participant_actions_get(caller, 1), "DROP");
    CHECK(finesse_dialog_participants_get(dialog, 2) == NULL);
    CHECK(finesse_dialog_participant(dialog, "999") == NULL);
    finesse_owned_dialog_free(owned);
}

static void test_dialog_with_every_documented_field_and_unknown_ones(void) {
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_call_variable *variable;
    const finesse_participant *held, *failed;
    const finesse_scheduled_callback_info *callback;
    CHECK_OK(finesse_dialog_from_xml(BYTES(DOC_DIALOG_DOC_SAMPLE), &owned));
    dialog = finesse_owned_dialog_view(owned);
    CHECK_STR(finesse_dialog_id(dialog), "12345678");
    CHECK_STR(finesse_dialog_secondary_id(dialog), "12345679");
    CHECK_STR(finesse_dialog_associated_dialog_uri(dialog), "/finesse/api/Dialog/321654");
    CHECK_STR(finesse_dialog_callback_number(dialog), "6135551212");
    CHECK_STR(finesse_dialog_state(dialog), "ACTIVE");
    CHECK_STR(finesse_dialog_media_type(dialog), "Voice");
    CHECK_STR(finesse_dialog_from_address(dialog), "2002");
    CHECK_STR(finesse_dialog_to_address(dialog), "2000");
    /* No <uri> in this sample: a required string, empty. */
    CHECK_STR(finesse_dialog_uri(dialog), "");

    media = finesse_dialog_media_properties(dialog);
    CHECK_STR(finesse_media_properties_media_id(media), "1");
    CHECK_STR(finesse_media_properties_dialed_number(media), "2000");
    CHECK_STR(finesse_media_properties_call_type(media), "AGENT_INSIDE");
    CHECK_STR(finesse_media_properties_dnis(media), "2000");
    CHECK_STR(finesse_media_properties_queue_number(media), "5022");
    CHECK_STR(finesse_media_properties_queue_name(media), "UCM_PIM.Func.Agents.SG");
    CHECK_STR(finesse_media_properties_call_key_call_id(media), "217");
    CHECK_STR(finesse_media_properties_call_key_sequence_num(media), "1");
    CHECK_STR(finesse_media_properties_call_key_prefix(media), "152018");
    CHECK_STR(finesse_media_properties_call_guid(media), "A1B2C3D4");
    CHECK_STR(finesse_media_properties_wrap_up_reason(media), "Sales Call");
    CHECK(finesse_media_properties_outbound_classification(media) == NULL);
    CHECK(finesse_media_properties_wrap_up_items_count(media) == 2);
    CHECK_STR(finesse_media_properties_wrap_up_items_get(media, 0), "Wrong number");
    CHECK_STR(finesse_media_properties_wrap_up_items_get(media, 1), "Satisfied Customer");
    CHECK(finesse_media_properties_wrap_up_items_get(media, 2) == NULL);
    CHECK(finesse_media_properties_call_variables_count(media) == 7);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "Chuck Smith");
    /* Entities and character references resolved (U+263A in UTF-8), child order free. */
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable3"),
              "<vip> \xE2\x98\xBA");
    variable = finesse_media_properties_call_variables_get(media, 2);
    CHECK_STR(finesse_call_variable_name(variable), "callVariable3");
    CHECK_STR(finesse_call_variable_value(variable), "<vip> \xE2\x98\xBA");
    CHECK_STR(finesse_media_properties_call_variable(media, "user.CustomerId"), "9");
    CHECK_STR(finesse_media_properties_call_variable(media, "user.Orders[1]"), "A-18");
    CHECK_STR(finesse_media_properties_call_variable(media, "BAStatus"), "PREDICTIVE_OUTBOUND");
    variable = finesse_media_properties_call_variables_get(media, 6);
    CHECK_STR(finesse_call_variable_name(variable), "BAStatus");

    held = finesse_dialog_participants_get(dialog, 0);
    CHECK_STR(finesse_participant_media_address(held), "2002");
    CHECK_STR(finesse_participant_state(held), "HELD");
    CHECK(finesse_participant_state_cause(held) == NULL);
    CHECK_STR(finesse_participant_start_time(held), "2024-05-02T10:00:00.000Z");
    CHECK_STR(finesse_participant_state_change_time(held), "2024-05-02T10:01:00.000Z");
    CHECK(finesse_participant_can(held, "TRANSFER"));
    CHECK(finesse_participant_actions_count(held) == 6);
    /* Unknown actions are kept, and can be asked for. */
    CHECK_STR(finesse_participant_actions_get(held, 5), "START_VIDEO");
    CHECK(finesse_participant_can(held, "START_VIDEO"));
    CHECK(!finesse_participant_can(held, "ANSWER"));
    failed = finesse_dialog_participants_get(dialog, 1);
    CHECK_STR(finesse_participant_media_address(failed), "2000");
    CHECK_STR(finesse_participant_state(failed), "FAILED");
    CHECK_STR(finesse_participant_state_cause(failed), "BUSY");
    CHECK_STR(finesse_participant_media_address_type(failed), "SOME_FUTURE_TYPE");
    CHECK(finesse_participant_start_time(failed) == NULL);
    CHECK(finesse_participant_state_change_time(failed) == NULL);
    CHECK(finesse_participant_actions_count(failed) == 1);
    CHECK_STR(finesse_participant_actions_get(failed, 0), "DROP");

    callback = finesse_dialog_scheduled_callback_info(dialog);
    CHECK(callback != NULL);
    CHECK_STR(finesse_scheduled_callback_info_callback_time(callback), "2024-05-03T09:30");
    CHECK_STR(finesse_scheduled_callback_info_callback_number(callback), "6135551212");
    finesse_owned_dialog_free(owned);
}

static void test_dialog_sparse(void) {
    static const char SPARSE[] =
        "<Dialog><uri>/finesse/api/Dialog/777</uri><scheduledCallbackInfo/></Dialog>";
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_scheduled_callback_info *callback;
    CHECK_OK(finesse_dialog_from_xml(BYTES(SPARSE), &owned));
    dialog = finesse_owned_dialog_view(owned);
    /* Without an id element, the id is the URI's last segment. */
    CHECK_STR(finesse_dialog_id(dialog), "777");
    CHECK_STR(finesse_dialog_state(dialog), "");
    CHECK_STR(finesse_dialog_media_type(dialog), "");
    CHECK_STR(finesse_dialog_from_address(dialog), "");
    CHECK_STR(finesse_dialog_to_address(dialog), "");
    CHECK(finesse_dialog_participants_count(dialog) == 0);
    CHECK(finesse_dialog_participants_get(dialog, 0) == NULL);
    /* No mediaProperties element: the view is there, empty. */
    media = finesse_dialog_media_properties(dialog);
    CHECK(media != NULL);
    CHECK(finesse_media_properties_call_variables_count(media) == 0);
    CHECK(finesse_media_properties_call_variables_get(media, 0) == NULL);
    CHECK(finesse_media_properties_call_type(media) == NULL);
    CHECK(finesse_media_properties_dnis(media) == NULL);
    callback = finesse_dialog_scheduled_callback_info(dialog);
    CHECK(callback != NULL);
    CHECK(finesse_scheduled_callback_info_callback_time(callback) == NULL);
    CHECK(finesse_scheduled_callback_info_callback_number(callback) == NULL);
    finesse_owned_dialog_free(owned);
}

/* dialog_cce11.xml with the root <dialog>, as a Dialog notification carries it, in a new
 * string (free it), or NULL. */
static char *with_lowercase_root(void) {
    size_t len = strlen(DOC_DIALOG_CCE11);
    char *xml = malloc(len + 1), *at;
    if (xml == NULL) {
        return NULL;
    }
    memcpy(xml, DOC_DIALOG_CCE11, len + 1);
    at = strstr(xml, "<Dialog>");
    at[1] = 'd';
    at = strstr(xml, "</Dialog>");
    at[2] = 'd';
    return xml;
}

static void test_dialog_accepts_the_lowercase_notification_root(void) {
    finesse_owned_dialog *owned = NULL;
    char *xml = with_lowercase_root();
    CHECK(xml != NULL);
    CHECK_CODE(finesse_dialog_from_xml(BYTES(xml), &owned), FINESSE_RESULT_OK);
    free(xml);
    CHECK_STR(finesse_dialog_id(finesse_owned_dialog_view(owned)), "53149720");
    finesse_owned_dialog_free(owned);
}

static void test_dialogs_list_with_three_parties_and_ecc(void) {
    finesse_owned_dialog_list *list = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_participant *other_agent;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES(DOC_DIALOGS_THREE_PARTIES), &list));
    CHECK(finesse_owned_dialog_list_count(list) == 1);
    dialog = finesse_owned_dialog_list_get(list, 0);
    CHECK(dialog != NULL);
    CHECK(finesse_owned_dialog_list_get(list, 1) == NULL);
    CHECK_STR(finesse_dialog_id(dialog), "16777437");
    CHECK(finesse_dialog_participants_count(dialog) == 3);
    media = finesse_dialog_media_properties(dialog);
    CHECK_STR(finesse_media_properties_call_type(media), "OUT");
    /* Empty queue elements are absent. */
    CHECK(finesse_media_properties_queue_name(media) == NULL);
    CHECK(finesse_media_properties_queue_number(media) == NULL);
    CHECK(finesse_media_properties_call_variables_count(media) == 15);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable6"), "acct-46");
    CHECK_STR(finesse_media_properties_call_variable(media, "user.Orders[0]"), "A-17");
    CHECK_STR(finesse_call_variable_name(finesse_media_properties_call_variables_get(media, 14)),
              "user.Orders[1]");
    CHECK(finesse_participant_can(finesse_dialog_participants_get(dialog, 0), "SEND_DTMF"));
    other_agent = finesse_dialog_participant(dialog, "1002002");
    CHECK(other_agent == finesse_dialog_participants_get(dialog, 2));
    CHECK_STR(finesse_participant_media_address_type(other_agent), "AGENT_DEVICE");
    CHECK(finesse_participant_actions_count(other_agent) == 5);
    finesse_owned_dialog_list_free(list);
}

static void test_empty_dialogs_lists(void) {
    finesse_owned_dialog_list *list = NULL;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES(DOC_DIALOGS_EMPTY), &list));
    CHECK(list != NULL);
    CHECK(finesse_owned_dialog_list_count(list) == 0);
    CHECK(finesse_owned_dialog_list_get(list, 0) == NULL);
    finesse_owned_dialog_list_free(list);
    list = NULL;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES("<Dialogs></Dialogs>"), &list));
    CHECK(finesse_owned_dialog_list_count(list) == 0);
    finesse_owned_dialog_list_free(list);
}

static void test_dialogs_notification_payload_keeps_the_dial_string_verbatim(void) {
    finesse_owned_dialog_list *list = NULL;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES(DOC_DIALOGS_NOTIFICATION), &list));
    CHECK(finesse_owned_dialog_list_count(list) == 1);
    dialog = finesse_owned_dialog_list_get(list, 0);
    CHECK_STR(finesse_dialog_to_address(dialog), "(613) 555-1212 ext.9");
    CHECK_STR(finesse_dialog_state(dialog), "INITIATING");
    media = finesse_dialog_media_properties(dialog);
    CHECK(finesse_media_properties_call_type(media) == NULL);
    CHECK(finesse_media_properties_dnis(media) == NULL);
    CHECK_STR(finesse_media_properties_dialed_number(media), "(613) 555-1212 ext.9");
    CHECK(finesse_media_properties_call_variables_count(media) == 0);
    finesse_owned_dialog_list_free(list);
}

/* ---- ApiError --------------------------------------------------------------------------- */

static void test_api_errors_in_every_child_order_and_case(void) {
    finesse_owned_api_error_list *list = NULL;
    const finesse_api_error *error;
    CHECK_OK(finesse_api_error_list_from_xml(BYTES(DOC_API_ERRORS_SYNC), &list));
    CHECK(finesse_owned_api_error_list_count(list) == 1);
    error = finesse_owned_api_error_list_get(list, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Parameter Missing");
    CHECK_STR(finesse_api_error_error_data(error), "finesse.api.reasoncode.require_reasoncode");
    CHECK_STR(finesse_api_error_error_message(error),
              "The state change requires a valid reason code.");
    CHECK(finesse_api_error_peripheral_error_code(error) == NULL);
    CHECK(finesse_api_error_peripheral_error_msg(error) == NULL);
    CHECK(finesse_api_error_peripheral_error_text(error) == NULL);
    CHECK(finesse_owned_api_error_list_get(list, 1) == NULL);
    finesse_owned_api_error_list_free(list);

    list = NULL;
    CHECK_OK(finesse_api_error_list_from_xml(BYTES(DOC_API_ERRORS_MULTIPLE), &list));
    CHECK(finesse_owned_api_error_list_count(list) == 2);
    error = finesse_owned_api_error_list_get(list, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Invalid Input");
    CHECK_STR(finesse_api_error_error_message(error), "Call variable value too long");
    CHECK_STR(finesse_api_error_error_data(error), "callVariable3");
    error = finesse_owned_api_error_list_get(list, 1);
    CHECK_STR(finesse_api_error_error_type(error), "Service Unavailable");
    CHECK_STR(finesse_api_error_error_message(error), "SERVER_OUT_OF_SERVICE");
    CHECK_STR(finesse_api_error_error_data(error), "");
    CHECK_STR(finesse_api_error_peripheral_error_code(error), "12005");
    CHECK_STR(finesse_api_error_peripheral_error_msg(error), "CF_GENERIC");
    CHECK_STR(finesse_api_error_peripheral_error_text(error), "Peripheral offline");
    CHECK(finesse_owned_api_error_list_get(list, 2) == NULL);
    finesse_owned_api_error_list_free(list);

    list = NULL;
    CHECK_OK(finesse_api_error_list_from_xml(BYTES(DOC_API_ERRORS_CTI), &list));
    error = finesse_owned_api_error_list_get(list, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Call Operation Failure");
    CHECK_STR(finesse_api_error_error_message(error), "CF_RESOURCE_OUT_OF_SERVICE");
    CHECK_STR(finesse_api_error_error_data(error), "34");
    finesse_owned_api_error_list_free(list);
}

static void test_one_api_error_with_peripheral_fields(void) {
    finesse_owned_api_error *owned = NULL;
    const finesse_api_error *error;
    CHECK_OK(finesse_api_error_from_xml(BYTES(DOC_API_ERROR), &owned));
    error = finesse_owned_api_error_view(owned);
    CHECK_STR(finesse_api_error_error_type(error), "Call Operation Failure");
    CHECK_STR(finesse_api_error_error_data(error), "13");
    CHECK_STR(finesse_api_error_error_message(error), "CF_INVALID_DESTINATION");
    CHECK_STR(finesse_api_error_peripheral_error_code(error), "13");
    CHECK_STR(finesse_api_error_peripheral_error_msg(error), "CF_INVALID_DESTINATION");
    CHECK_STR(finesse_api_error_peripheral_error_text(error), "The destination is not valid.");
    finesse_owned_api_error_free(owned);
}

static void test_one_api_error_in_either_case(void) {
    finesse_owned_api_error *owned = NULL;
    const finesse_api_error *error;
    CHECK_OK(finesse_api_error_from_xml(
        BYTES("<apiError><errorType>Invalid State</errorType><errorData>22</errorData></apiError>"),
        &owned));
    error = finesse_owned_api_error_view(owned);
    CHECK(error != NULL);
    CHECK_STR(finesse_api_error_error_type(error), "Invalid State");
    CHECK_STR(finesse_api_error_error_data(error), "22");
    CHECK_STR(finesse_api_error_error_message(error), "");
    finesse_owned_api_error_free(owned);
    owned = NULL;
    CHECK_OK(finesse_api_error_from_xml(
        BYTES("<ApiError><ErrorType>Bad Request</ErrorType></ApiError>"), &owned));
    CHECK_STR(finesse_api_error_error_type(finesse_owned_api_error_view(owned)), "Bad Request");
    finesse_owned_api_error_free(owned);
}

static void test_an_html_error_page_is_not_api_errors(void) {
    static const char HTML[] =
        "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    finesse_owned_api_error_list *list = NULL;
    CHECK_CODE(finesse_api_error_list_from_xml(BYTES(HTML), &list), FINESSE_RESULT_DECODE);
    CHECK(strstr(finesse_last_error_message(), "expected a <ApiErrors> document, found <html>") !=
          NULL);
    CHECK(list == NULL);
}

/* ---- SystemInfo ------------------------------------------------------------------------- */

static void test_system_info(void) {
    finesse_owned_system_info *owned = NULL;
    const finesse_system_info *info;
    CHECK_OK(finesse_system_info_from_xml(BYTES(DOC_SYSTEM_INFO), &owned));
    info = finesse_owned_system_info_view(owned);
    CHECK(info != NULL);
    CHECK_STR(finesse_system_info_status(info), "IN_SERVICE");
    CHECK(finesse_system_info_status_reason(info) == NULL);
    CHECK_STR(finesse_system_info_deployment_type(info), "UCCE");
    CHECK_STR(finesse_system_info_xmpp_domain(info), "fin-a.example.com");
    CHECK_STR(finesse_system_info_xmpp_pub_sub_domain(info), "pubsub.fin-a.example.com");
    CHECK_STR(finesse_system_info_primary_node(info), "fin-a.example.com");
    CHECK_STR(finesse_system_info_secondary_node(info), "fin-b.example.com");
    /* Side A lists its ports (the 12.6 structure), side B none. */
    const finesse_node_ports *ports = finesse_system_info_primary_node_ports(info);
    CHECK(ports != NULL);
    CHECK_INT(finesse_node_ports_https_port, ports, 8445);
    CHECK_INT(finesse_node_ports_xmpp_port, ports, 5222);
    CHECK_NO_INT(finesse_node_ports_xmpp_secure_port, ports);
    CHECK(finesse_system_info_secondary_node_ports(info) == NULL);
    CHECK_STR(finesse_system_info_current_timestamp(info), "2024-05-02T10:00:00.000Z");
    CHECK_INT(finesse_system_info_timezone_offset, info, -300);
    CHECK_STR(finesse_system_info_system_auth_mode(info), "NON_SSO");
    CHECK_STR(finesse_system_info_license(info), "Finesse");
    CHECK_STR(finesse_system_info_peripheral_id(info), "5000");
    CHECK(finesse_system_info_cti_version(info) == NULL);
    CHECK_STR(finesse_system_info_uri(info), "/finesse/api/SystemInfo");
    finesse_owned_system_info_free(owned);
}

static void test_system_info_out_of_service_and_sparse(void) {
    static const char SPARSE[] =
        "<SystemInfo><status>OUT_OF_SERVICE</status><statusReason>CTI down</statusReason>"
        "<ctiVersion>20</ctiVersion><deploymentType>NEW_KIND</deploymentType></SystemInfo>";
    finesse_owned_system_info *owned = NULL;
    const finesse_system_info *info;
    CHECK_OK(finesse_system_info_from_xml(BYTES(SPARSE), &owned));
    info = finesse_owned_system_info_view(owned);
    CHECK_STR(finesse_system_info_status(info), "OUT_OF_SERVICE");
    CHECK_STR(finesse_system_info_status_reason(info), "CTI down");
    CHECK_STR(finesse_system_info_cti_version(info), "20");
    CHECK_STR(finesse_system_info_deployment_type(info), "NEW_KIND");
    CHECK_NO_INT(finesse_system_info_timezone_offset, info);
    CHECK(finesse_system_info_primary_node(info) == NULL);
    CHECK(finesse_system_info_secondary_node(info) == NULL);
    CHECK(finesse_system_info_xmpp_domain(info) == NULL);
    CHECK(finesse_system_info_xmpp_pub_sub_domain(info) == NULL);
    CHECK(finesse_system_info_current_timestamp(info) == NULL);
    CHECK(finesse_system_info_system_auth_mode(info) == NULL);
    CHECK(finesse_system_info_license(info) == NULL);
    CHECK(finesse_system_info_peripheral_id(info) == NULL);
    CHECK_STR(finesse_system_info_uri(info), "");
    finesse_owned_system_info_free(owned);
}

/* ---- ReasonCode and WrapUpReason -------------------------------------------------------- */

static void test_reason_codes(void) {
    finesse_owned_reason_code_list *list = NULL;
    finesse_owned_reason_code *owned = NULL;
    const finesse_reason_code *code;
    CHECK_OK(finesse_reason_code_list_from_xml(BYTES(DOC_REASON_CODES), &list));
    CHECK(finesse_owned_reason_code_list_count(list) == 2);
    code = finesse_owned_reason_code_list_get(list, 0);
    CHECK_INT(finesse_reason_code_id, code, 29);
    CHECK_STR(finesse_reason_code_uri(code), "/finesse/api/ReasonCode/29");
    CHECK_STR(finesse_reason_code_category(code), "NOT_READY");
    CHECK_INT(finesse_reason_code_code, code, 201);
    CHECK_STR(finesse_reason_code_label(code), "Prep Time");
    CHECK_BOOL(finesse_reason_code_for_all, code, true);
    CHECK_BOOL(finesse_reason_code_system_code, code, false);
    code = finesse_owned_reason_code_list_get(list, 1);
    /* No id element: taken from the URI. */
    CHECK_INT(finesse_reason_code_id, code, 30);
    CHECK_INT(finesse_reason_code_code, code, 50006);
    CHECK_STR(finesse_reason_code_label(code), "Outbound call");
    CHECK_BOOL(finesse_reason_code_system_code, code, true);
    CHECK(finesse_owned_reason_code_list_get(list, 2) == NULL);
    finesse_owned_reason_code_list_free(list);

    CHECK_OK(finesse_reason_code_from_xml(
        BYTES("<ReasonCode><uri>/finesse/api/ReasonCode/7</uri><label>x</label></ReasonCode>"),
        &owned));
    code = finesse_owned_reason_code_view(owned);
    CHECK(code != NULL);
    CHECK_INT(finesse_reason_code_id, code, 7);
    CHECK_STR(finesse_reason_code_label(code), "x");
    CHECK(finesse_reason_code_category(code) == NULL);
    CHECK_NO_INT(finesse_reason_code_code, code);
    CHECK_NO_BOOL(finesse_reason_code_for_all, code);
    CHECK_NO_BOOL(finesse_reason_code_system_code, code);
    finesse_owned_reason_code_free(owned);
    owned = NULL;
    /* Neither an id nor a URI: no id. */
    CHECK_OK(finesse_reason_code_from_xml(BYTES("<ReasonCode><label>y</label></ReasonCode>"),
                                          &owned));
    code = finesse_owned_reason_code_view(owned);
    CHECK_NO_INT(finesse_reason_code_id, code);
    CHECK_STR(finesse_reason_code_uri(code), "");
    finesse_owned_reason_code_free(owned);
}

static void test_one_reason_code_and_one_wrap_up_reason(void) {
    finesse_owned_reason_code *code = NULL;
    finesse_owned_wrap_up_reason *reason = NULL;
    const finesse_reason_code *c;
    const finesse_wrap_up_reason *r;
    CHECK_OK(finesse_reason_code_from_xml(BYTES(DOC_REASON_CODE), &code));
    c = finesse_owned_reason_code_view(code);
    CHECK_INT(finesse_reason_code_id, c, 22);
    CHECK_STR(finesse_reason_code_uri(c), "/finesse/api/ReasonCode/22");
    CHECK_STR(finesse_reason_code_category(c), "LOGOUT");
    CHECK_INT(finesse_reason_code_code, c, 32762);
    CHECK_STR(finesse_reason_code_label(c), "End of Shift");
    CHECK_BOOL(finesse_reason_code_for_all, c, false);
    CHECK_BOOL(finesse_reason_code_system_code, c, false);
    finesse_owned_reason_code_free(code);
    CHECK_OK(finesse_wrap_up_reason_from_xml(BYTES(DOC_WRAP_UP_REASON), &reason));
    r = finesse_owned_wrap_up_reason_view(reason);
    /* No id element: taken from the URI. */
    CHECK_INT(finesse_wrap_up_reason_id, r, 7);
    CHECK_STR(finesse_wrap_up_reason_uri(r), "/finesse/api/WrapUpReason/7");
    CHECK_STR(finesse_wrap_up_reason_label(r), "Billing question");
    CHECK_BOOL(finesse_wrap_up_reason_for_all, r, true);
    finesse_owned_wrap_up_reason_free(reason);
}

static void test_wrap_up_reasons(void) {
    finesse_owned_wrap_up_reason_list *list = NULL;
    finesse_owned_wrap_up_reason *owned = NULL;
    const finesse_wrap_up_reason *reason;
    CHECK_OK(finesse_wrap_up_reason_list_from_xml(BYTES(DOC_WRAP_UP_REASONS), &list));
    CHECK(finesse_owned_wrap_up_reason_list_count(list) == 2);
    reason = finesse_owned_wrap_up_reason_list_get(list, 0);
    CHECK_INT(finesse_wrap_up_reason_id, reason, 1);
    CHECK_STR(finesse_wrap_up_reason_uri(reason), "/finesse/api/WrapUpReason/1");
    CHECK_STR(finesse_wrap_up_reason_label(reason), "Sales Call");
    CHECK_BOOL(finesse_wrap_up_reason_for_all, reason, true);
    reason = finesse_owned_wrap_up_reason_list_get(list, 1);
    CHECK_INT(finesse_wrap_up_reason_id, reason, 2);
    CHECK_STR(finesse_wrap_up_reason_label(reason), "Support");
    CHECK_BOOL(finesse_wrap_up_reason_for_all, reason, false);
    CHECK(finesse_owned_wrap_up_reason_list_get(list, 2) == NULL);
    finesse_owned_wrap_up_reason_list_free(list);

    CHECK_OK(finesse_wrap_up_reason_from_xml(
        BYTES("<WrapUpReason><label>L</label></WrapUpReason>"), &owned));
    reason = finesse_owned_wrap_up_reason_view(owned);
    CHECK(reason != NULL);
    CHECK_STR(finesse_wrap_up_reason_label(reason), "L");
    CHECK_STR(finesse_wrap_up_reason_uri(reason), "");
    CHECK_NO_INT(finesse_wrap_up_reason_id, reason);
    CHECK_NO_BOOL(finesse_wrap_up_reason_for_all, reason);
    finesse_owned_wrap_up_reason_free(owned);
}

/* ---- Update: the events of a notification ----------------------------------------------- */

/* Decodes `xml` into `*list`; the status of finesse_event_list_from_xml. */
static finesse_result decode_update(const char *xml, finesse_owned_event_list **list) {
    return finesse_event_list_from_xml((const uint8_t *)xml, strlen(xml), list);
}

static void test_update_user_put(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_user *user;
    CHECK_OK(decode_update(DOC_UPDATE_USER_PUT, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_USER_CHANGED);
    CHECK_STR(finesse_event_request_id(event), "0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f");
    user = finesse_event_user(event);
    CHECK(user != NULL);
    CHECK_STR(finesse_user_state(user), "READY");
    CHECK_STR(finesse_user_login_id(user), "1001");
    CHECK_STR(finesse_user_extension(user), "1001001");
    CHECK_STR(finesse_user_dialogs_uri(user), "/finesse/api/User/1001/Dialogs");
    CHECK(finesse_user_pending_state(user) == NULL);
    CHECK_NO_INT(finesse_user_reason_code_id, user);
    CHECK(finesse_user_roles_count(user) == 1);
    /* Only the accessor of the event's kind answers. */
    CHECK(finesse_event_dialog(event) == NULL);
    CHECK(finesse_event_system_info(event) == NULL);
    CHECK(finesse_event_error_count(event) == 0);
    CHECK(finesse_event_error(event, 0) == NULL);
    CHECK(finesse_event_source(event) == NULL);
    CHECK(finesse_event_operation(event) == NULL);
    CHECK(finesse_event_update_xml(event) == NULL);
    CHECK(finesse_event_connection_state(event) == FINESSE_CONNECTION_STATE_NONE);
    CHECK(finesse_event_connection_detail(event) == NULL);
    CHECK(finesse_owned_event_list_get(list, 1) == NULL);
    finesse_owned_event_list_free(list);
}

static void test_update_dialogs_post_is_a_ringing_call_with_its_data(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_participant *agent;
    CHECK_OK(decode_update(DOC_UPDATE_DIALOGS_POST, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_ADDED);
    /* An empty requestId is none. */
    CHECK(finesse_event_request_id(event) == NULL);
    dialog = finesse_event_dialog(event);
    CHECK_STR(finesse_dialog_id(dialog), "16777220");
    CHECK_STR(finesse_dialog_state(dialog), "ALERTING");
    CHECK_STR(finesse_dialog_from_address(dialog), "4085550100");
    media = finesse_dialog_media_properties(dialog);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "claim-77");
    CHECK_STR(finesse_media_properties_call_type(media), "ACD_IN");
    CHECK_STR(finesse_media_properties_dnis(media), "8005551000");
    agent = finesse_dialog_participant(dialog, "1001001");
    CHECK_STR(finesse_participant_state(agent), "ALERTING");
    CHECK(finesse_participant_can(agent, "ANSWER"));
    CHECK(finesse_participant_start_time(agent) == NULL);
    CHECK(finesse_event_user(event) == NULL);
    CHECK(finesse_event_source(event) == NULL);
    finesse_owned_event_list_free(list);
}

static void test_update_dialog_put_and_delete(void) {
    static char put[4096], removed[8192];
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    char *inner = with_lowercase_root();
    size_t i;
    CHECK(inner != NULL);
    snprintf(put, sizeof put,
             "<Update><data>%s</data><event>PUT</event><requestId>r1</requestId>"
             "<source>/finesse/api/Dialog/53149720</source></Update>",
             inner);
    free(inner);
    CHECK_OK(decode_update(put, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_CHANGED);
    CHECK_STR(finesse_event_request_id(event), "r1");
    CHECK_STR(finesse_dialog_id(finesse_event_dialog(event)), "53149720");
    finesse_owned_event_list_free(list);
    list = NULL;

    snprintf(removed, sizeof removed,
             "<Update><data><dialogs>%s%s</dialogs></data><event>DELETE</event>"
             "<requestId/><source>/finesse/api/User/1001/Dialogs</source></Update>",
             DOC_DIALOG_CCE11, DOC_DIALOG_CCE11);
    CHECK_OK(decode_update(removed, &list));
    CHECK(finesse_owned_event_list_count(list) == 2);
    for (i = 0; i < 2; i++) {
        event = finesse_owned_event_list_get(list, i);
        CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_REMOVED);
        CHECK_STR(finesse_dialog_state(finesse_event_dialog(event)), "ALERTING");
    }
    finesse_owned_event_list_free(list);
}

static void test_update_cti_error(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_api_error *error;
    CHECK_OK(decode_update(DOC_UPDATE_CTI_ERROR, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_CTI_ERROR);
    CHECK_STR(finesse_event_request_id(event), "req-9");
    CHECK_STR(finesse_event_source(event), "/finesse/api/Dialog/12345");
    CHECK(finesse_event_error_count(event) == 1);
    error = finesse_event_error(event, 0);
    CHECK_STR(finesse_api_error_error_type(error), "Call Operation Failure");
    CHECK_STR(finesse_api_error_error_message(error), "CF_RESOURCE_OUT_OF_SERVICE");
    CHECK_STR(finesse_api_error_error_data(error), "34");
    CHECK(finesse_api_error_peripheral_error_code(error) == NULL);
    CHECK(finesse_event_error(event, 1) == NULL);
    CHECK(finesse_event_user(event) == NULL);
    CHECK(finesse_event_dialog(event) == NULL);
    CHECK(finesse_event_operation(event) == NULL);
    finesse_owned_event_list_free(list);
}

static void test_update_system_info_in_either_case(void) {
    static const char *const roots[] = {"SystemInfo", "systemInfo"};
    size_t i;
    for (i = 0; i < 2; i++) {
        char xml[512];
        finesse_owned_event_list *list = NULL;
        const finesse_event *event;
        snprintf(xml, sizeof xml,
                 "<Update><data><%s><status>OUT_OF_SERVICE</status></%s></data>"
                 "<event>PUT</event><source>/finesse/api/SystemInfo</source></Update>",
                 roots[i], roots[i]);
        CHECK_OK(decode_update(xml, &list));
        CHECK(finesse_owned_event_list_count(list) == 1);
        event = finesse_owned_event_list_get(list, 0);
        CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_SYSTEM_STATUS);
        CHECK_STR(finesse_system_info_status(finesse_event_system_info(event)), "OUT_OF_SERVICE");
        CHECK(finesse_event_request_id(event) == NULL);
        finesse_owned_event_list_free(list);
    }
}

static void test_an_untyped_update_is_kept_raw(void) {
    static const char XML[] =
        "<Update><data><media><state>READY</state></media></data><event>{put}</event>"
        "<source>/finesse/api/User/1001/Media/5</source></Update>";
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    CHECK_OK(decode_update(XML, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_OTHER);
    CHECK_STR(finesse_event_operation(event), "{PUT}");
    CHECK_STR(finesse_event_source(event), "/finesse/api/User/1001/Media/5");
    CHECK_STR(finesse_event_update_xml(event), XML);
    CHECK(finesse_event_user(event) == NULL);
    CHECK(finesse_event_error_count(event) == 0);
    finesse_owned_event_list_free(list);
}

/*
 * The payload of the User notification sample of the Finesse developer guide
 * (https://developer.cisco.com/docs/finesse/user-notification): lowercase `put`, a `<User>`
 * root in `<data>`, as it is documented. (core/tests/events_decode.rs, GUIDE_USER_UPDATE)
 */
static const char GUIDE_USER_UPDATE[] =
    "<Update>\n"
    "   <event>put</event>\n"
    "   <source>/finesse/api/User/csmith</source>\n"
    "   <data>\n"
    "      <User>\n"
    "        <dialogs>/finesse/api/User/1001001/Dialogs</dialogs>\n"
    "        <extension></extension>\n"
    "        <firstName>AGENT</firstName>\n"
    "        <lastName>1001001</lastName>\n"
    "        <loginId>1001001</loginId>\n"
    "        <loginName>agent1</loginName>\n"
    "        <pendingState></pendingState>\n"
    "        <reasonCodeId>2</reasonCodeId>\n"
    "        <ReasonCode>\n"
    "          <uri>/finesse/api/ReasonCode/{id}</uri>\n"
    "          <code>10</code>\n"
    "          <label>Team Meeting</label>\n"
    "        </ReasonCode>\n"
    "        <settings>\n"
    "          <wrapUpOnIncoming>OPTIONAL</wrapUpOnIncoming>\n"
    "          <wrapUpOnOutgoing>REQUIRED</wrapUpOnOutgoing>\n"
    "        </settings>\n"
    "        <roles>\n"
    "          <role>Agent</role>\n"
    "        </roles>\n"
    "        <state>LOGOUT</state>\n"
    "        <stateChangeTime></stateChangeTime>\n"
    "        <teamId>5000</teamId>\n"
    "        <teamName>FunctionalAgents</teamName>\n"
    "        <uri>/finesse/api/User/1001001</uri>\n"
    "      </User>\n"
    "   </data>\n"
    "</Update>";

static void test_update_as_the_developer_guide_documents_it(void) {
    finesse_owned_event_list *list = NULL;
    const finesse_event *event;
    const finesse_user *user;
    const finesse_reason_code *reason;
    const finesse_settings *settings;
    CHECK_OK(decode_update(GUIDE_USER_UPDATE, &list));
    CHECK(finesse_owned_event_list_count(list) == 1);
    event = finesse_owned_event_list_get(list, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_USER_CHANGED);
    CHECK(finesse_event_request_id(event) == NULL);
    user = finesse_event_user(event);
    CHECK_STR(finesse_user_login_id(user), "1001001");
    CHECK_STR(finesse_user_state(user), "LOGOUT");
    CHECK(!finesse_user_is_signed_in(user));
    CHECK(finesse_user_extension(user) == NULL);
    CHECK(finesse_user_state_change_time(user) == NULL);
    CHECK_INT(finesse_user_reason_code_id, user, 2);
    /* The guide's placeholder URI holds no id. */
    reason = finesse_user_reason_code(user);
    CHECK(reason != NULL);
    CHECK_NO_INT(finesse_reason_code_id, reason);
    CHECK_INT(finesse_reason_code_code, reason, 10);
    CHECK_STR(finesse_reason_code_label(reason), "Team Meeting");
    settings = finesse_user_settings(user);
    CHECK_STR(finesse_user_settings_wrap_up_on_incoming(settings), "OPTIONAL");
    CHECK_STR(finesse_user_settings_wrap_up_on_outgoing(settings), "REQUIRED");
    CHECK_STR(finesse_user_team_name(user), "FunctionalAgents");
    finesse_owned_event_list_free(list);
}

static void test_hostile_updates_are_errors(void) {
    finesse_owned_event_list *list = NULL;
    CHECK_CODE(decode_update("<Update><data><user>", &list), FINESSE_RESULT_DECODE);
    CHECK_CODE(decode_update("<NotAnUpdate/>", &list), FINESSE_RESULT_DECODE);
    CHECK_CODE(decode_update("<!DOCTYPE x [<!ENTITY a 'b'>]><Update>&a;</Update>", &list),
               FINESSE_RESULT_DECODE);
    CHECK(list == NULL);
}

/* ---- A whole pub-sub message ----------------------------------------------------------- */

/* `xml` with &, < and > escaped, as a <notification> carries it, in a new string (free it), or
 * NULL. */
static char *escape_xml(const char *xml) {
    size_t len = 0;
    const char *c;
    char *text, *at;
    for (c = xml; *c != '\0'; c++) {
        len += *c == '&' ? 5 : *c == '<' || *c == '>' ? 4 : 1;
    }
    text = malloc(len + 1);
    if (text == NULL) {
        return NULL;
    }
    for (c = xml, at = text; *c != '\0'; c++) {
        const char *with = *c == '&' ? "&amp;" : *c == '<' ? "&lt;" : *c == '>' ? "&gt;" : NULL;
        if (with != NULL) {
            memcpy(at, with, strlen(with));
            at += strlen(with);
        } else {
            *at++ = *c;
        }
    }
    *at = '\0';
    return text;
}

/* `notification` (the content of <notification>, as written) in the envelope the notification
 * service sends, for `node`, in a new string (free it), or NULL. As in
 * core/tests/events_decode.rs. */
static char *envelope(const char *node, const char *notification) {
    static const char FORMAT[] =
        "<message from=\"pubsub.fin1.example.com\" to=\"1001@fin1.example.com/app\" "
        "id=\"m1\" xmlns=\"jabber:client\"><event "
        "xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"%s\">"
        "<item id=\"item-1\"><notification xmlns=\"http://jabber.org/protocol/pubsub\">"
        "%s</notification></item></items></event></message>";
    size_t len = sizeof FORMAT + strlen(node) + strlen(notification);
    char *text = malloc(len);
    if (text != NULL) {
        snprintf(text, len, FORMAT, node, notification);
    }
    return text;
}

static void test_a_pubsub_message_as_the_notification_service_sends_it(void) {
    finesse_pubsub_message *message = NULL;
    const finesse_event *event;
    const finesse_dialog *dialog;
    const finesse_media_properties *media;
    const finesse_participant *agent;
    CHECK_OK(finesse_pubsub_message_from_xml(BYTES(DOC_PUBSUB_MESSAGE_DIALOGS_POST), &message));
    CHECK_STR(finesse_pubsub_message_node(message), "/finesse/api/User/1001/Dialogs");
    CHECK_STR(finesse_pubsub_message_item_id(message), "0b6afdb5-5d1e-4c3a-9a41-6d1b8f3a2c10");
    CHECK(finesse_pubsub_message_events_count(message) == 1);
    CHECK(finesse_pubsub_message_events_get(message, 1) == NULL);
    event = finesse_pubsub_message_events_get(message, 0);
    CHECK(finesse_event_type(event) == FINESSE_EVENT_KIND_DIALOG_ADDED);
    CHECK(finesse_event_request_id(event) == NULL);
    dialog = finesse_event_dialog(event);
    CHECK_STR(finesse_dialog_id(dialog), "16777220");
    CHECK_STR(finesse_dialog_uri(dialog), "/finesse/api/Dialog/16777220");
    CHECK_STR(finesse_dialog_state(dialog), "ALERTING");
    CHECK_STR(finesse_dialog_from_address(dialog), "4085550100");
    CHECK_STR(finesse_dialog_to_address(dialog), "8005551000");
    CHECK_STR(finesse_dialog_media_type(dialog), "Voice");
    CHECK(finesse_dialog_associated_dialog_uri(dialog) == NULL);
    media = finesse_dialog_media_properties(dialog);
    CHECK_STR(finesse_media_properties_call_type(media), "ACD_IN");
    CHECK_STR(finesse_media_properties_dnis(media), "8005551000");
    CHECK_STR(finesse_media_properties_dialed_number(media), "8005551000");
    CHECK(finesse_media_properties_call_variables_count(media) == 1);
    CHECK_STR(finesse_media_properties_call_variable(media, "callVariable1"), "claim-77");
    CHECK(finesse_dialog_participants_count(dialog) == 1);
    agent = finesse_dialog_participants_get(dialog, 0);
    CHECK_STR(finesse_participant_media_address(agent), "1001001");
    CHECK_STR(finesse_participant_media_address_type(agent), "AGENT_DEVICE");
    CHECK_STR(finesse_participant_state(agent), "ALERTING");
    CHECK(finesse_participant_can(agent, "ANSWER"));
    finesse_pubsub_message_free(message);
}

static void test_the_update_may_be_escaped_text_an_element_or_cdata(void) {
    static const char NODE[] = "/finesse/api/User/1001001";
    char *escaped = escape_xml(GUIDE_USER_UPDATE);
    char *cdata = malloc(sizeof GUIDE_USER_UPDATE + 12);
    char *messages[3] = {NULL, NULL, NULL};
    size_t i;
    int built;
    if (cdata != NULL) {
        snprintf(cdata, sizeof GUIDE_USER_UPDATE + 12, "<![CDATA[%s]]>", GUIDE_USER_UPDATE);
    }
    if (escaped != NULL && cdata != NULL) {
        messages[0] = envelope(NODE, escaped);
        messages[1] = envelope(NODE, GUIDE_USER_UPDATE);
        messages[2] = envelope(NODE, cdata);
    }
    built = messages[0] != NULL && messages[1] != NULL && messages[2] != NULL;
    free(escaped);
    free(cdata);
    for (i = 0; i < 3 && built; i++) {
        finesse_pubsub_message *message = NULL;
        const finesse_event *event;
        const finesse_user *user;
        finesse_result result = finesse_pubsub_message_from_xml(BYTES(messages[i]), &message);
        if (result != FINESSE_RESULT_OK) {
            fprintf(stderr, "  form %u of the Update gave %u\n", (unsigned)i, (unsigned)result);
            built = 0;
            break;
        }
        built = strcmp(finesse_pubsub_message_node(message), NODE) == 0 &&
                strcmp(finesse_pubsub_message_item_id(message), "item-1") == 0 &&
                finesse_pubsub_message_events_count(message) == 1;
        event = finesse_pubsub_message_events_get(message, 0);
        user = finesse_event_user(event);
        built = built && finesse_event_type(event) == FINESSE_EVENT_KIND_USER_CHANGED &&
                finesse_event_request_id(event) == NULL &&
                strcmp(finesse_user_login_id(user), "1001001") == 0 &&
                strcmp(finesse_user_state(user), "LOGOUT") == 0;
        if (!built) {
            fprintf(stderr, "  form %u of the Update decoded differently\n", (unsigned)i);
        }
        finesse_pubsub_message_free(message);
    }
    for (i = 0; i < 3; i++) {
        free(messages[i]);
    }
    CHECK(built);
}

static void test_several_items_give_their_events_in_order(void) {
    static const char UPDATE[] =
        "<Update><data><user><loginId>1001</loginId><state>%s</state></user></data>"
        "<event>PUT</event><source>/finesse/api/User/1001</source></Update>";
    char ready[256], not_ready[256], xml[1024];
    char *escaped_ready, *escaped_not_ready;
    finesse_pubsub_message *message = NULL;
    finesse_result result;
    snprintf(ready, sizeof ready, UPDATE, "READY");
    snprintf(not_ready, sizeof not_ready, UPDATE, "NOT_READY");
    escaped_ready = escape_xml(ready);
    escaped_not_ready = escape_xml(not_ready);
    CHECK(escaped_ready != NULL && escaped_not_ready != NULL);
    /* Retractions, a body and a delay are skipped. */
    snprintf(xml, sizeof xml,
             "<message><body>ignored</body><event><retract id='x'/>"
             "<items node='/finesse/api/User/1001'><retract id='old'/><item id='a'>"
             "<notification>%s</notification></item><item><notification>%s</notification>"
             "</item></items></event><delay xmlns='urn:xmpp:delay' "
             "stamp='2024-01-01T00:00:00Z'/></message>",
             escaped_ready, escaped_not_ready);
    free(escaped_ready);
    free(escaped_not_ready);
    result = finesse_pubsub_message_from_xml(BYTES(xml), &message);
    CHECK_OK(result);
    CHECK_STR(finesse_pubsub_message_item_id(message), "a");
    CHECK(finesse_pubsub_message_events_count(message) == 2);
    CHECK_STR(finesse_user_state(finesse_event_user(finesse_pubsub_message_events_get(message, 0))),
              "READY");
    CHECK_STR(finesse_user_state(finesse_event_user(finesse_pubsub_message_events_get(message, 1))),
              "NOT_READY");
    finesse_pubsub_message_free(message);
}

static void test_a_message_without_a_pubsub_event_names_what_is_missing(void) {
    static const char *const cases[][2] = {
        {"<message from='a@b' type='chat'><body>hello</body></message>", "no pub-sub <event>"},
        {"<message><event><purge node='n'/></event></message>", "has no <items>"},
        {"<message><event><items><item><notification>&lt;Update/&gt;</notification></item>"
         "</items></event></message>",
         "has no node"},
        {"<message><event><items node='n'><retract id='1'/></items></event></message>",
         "has no <item>"},
        {"<message><event><items node='n'><item id='1'/></items></event></message>",
         "has no <notification>"},
        {"<message><event><items node='n'><item><notification> </notification></item></items>"
         "</event></message>",
         "is empty"},
        {"<iq type='set'><notification>&lt;Update/&gt;</notification></iq>",
         "expected a <message>"},
    };
    finesse_pubsub_message *message = NULL;
    char *bad_update;
    size_t i;
    finesse_result result;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_CODE(finesse_pubsub_message_from_xml(BYTES(cases[i][0]), &message),
                   FINESSE_RESULT_DECODE);
        CHECK(decode_error_about(cases[i][1]));
    }
    /* A bad Update inside a message is the Update's error. */
    bad_update = envelope("/finesse/api/User/1001", "&lt;Update&gt;&lt;data&gt;&lt;user&gt;");
    CHECK(bad_update != NULL);
    result = finesse_pubsub_message_from_xml(BYTES(bad_update), &message);
    free(bad_update);
    CHECK_CODE(result, FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("Update"));
    CHECK_CODE(finesse_pubsub_message_from_xml(
                   BYTES("<!DOCTYPE m [<!ENTITY a 'b'>]><message>&a;</message>"), &message),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_pubsub_message_from_xml(NULL, 0, &message), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_pubsub_message_from_xml(BYTES(DOC_PUBSUB_MESSAGE_DIALOGS_POST), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(message == NULL);
}

/* ---- NULL handles ----------------------------------------------------------------------- */

static void test_every_accessor_of_a_null_view(void) {
    int64_t number = UNTOUCHED;
    bool flag = true;
    /* Views. */
    CHECK(finesse_owned_user_view(NULL) == NULL);
    CHECK(finesse_owned_dialog_view(NULL) == NULL);
    CHECK(finesse_owned_system_info_view(NULL) == NULL);
    CHECK(finesse_owned_api_error_view(NULL) == NULL);
    CHECK(finesse_owned_reason_code_view(NULL) == NULL);
    CHECK(finesse_owned_wrap_up_reason_view(NULL) == NULL);
    CHECK(finesse_owned_event_view(NULL) == NULL);
    /* Lists. */
    CHECK(finesse_owned_dialog_list_count(NULL) == 0);
    CHECK(finesse_owned_dialog_list_get(NULL, 0) == NULL);
    CHECK(finesse_owned_api_error_list_count(NULL) == 0);
    CHECK(finesse_owned_api_error_list_get(NULL, 0) == NULL);
    CHECK(finesse_owned_reason_code_list_count(NULL) == 0);
    CHECK(finesse_owned_reason_code_list_get(NULL, 0) == NULL);
    CHECK(finesse_owned_wrap_up_reason_list_count(NULL) == 0);
    CHECK(finesse_owned_wrap_up_reason_list_get(NULL, 0) == NULL);
    CHECK(finesse_owned_event_list_count(NULL) == 0);
    CHECK(finesse_owned_event_list_get(NULL, 0) == NULL);
    /* User. */
    CHECK(finesse_user_uri(NULL) == NULL);
    CHECK(finesse_user_login_id(NULL) == NULL);
    CHECK(finesse_user_login_name(NULL) == NULL);
    CHECK(finesse_user_first_name(NULL) == NULL);
    CHECK(finesse_user_last_name(NULL) == NULL);
    CHECK(finesse_user_extension(NULL) == NULL);
    CHECK(finesse_user_dialogs_uri(NULL) == NULL);
    CHECK(finesse_user_roles_count(NULL) == 0);
    CHECK(finesse_user_roles_get(NULL, 0) == NULL);
    CHECK(finesse_user_state(NULL) == NULL);
    CHECK(finesse_user_pending_state(NULL) == NULL);
    CHECK(finesse_user_state_change_time(NULL) == NULL);
    CHECK(!finesse_user_reason_code_id(NULL, &number));
    CHECK(finesse_user_reason_code(NULL) == NULL);
    CHECK(finesse_user_settings(NULL) == NULL);
    CHECK(finesse_user_team_id(NULL) == NULL);
    CHECK(finesse_user_team_name(NULL) == NULL);
    CHECK(finesse_user_teams_count(NULL) == 0);
    CHECK(finesse_user_teams_get(NULL, 0) == NULL);
    CHECK(finesse_user_media_type(NULL) == NULL);
    CHECK(finesse_user_skill_target_id(NULL) == NULL);
    CHECK(finesse_user_mobile_agent(NULL) == NULL);
    CHECK(finesse_user_active_device_id(NULL) == NULL);
    CHECK(!finesse_user_is_signed_in(NULL));
    CHECK(finesse_user_settings_wrap_up_on_incoming(NULL) == NULL);
    CHECK(finesse_user_settings_wrap_up_on_outgoing(NULL) == NULL);
    CHECK(finesse_user_settings_device_selection(NULL) == NULL);
    CHECK(finesse_team_ref_id(NULL) == NULL);
    CHECK(finesse_team_ref_name(NULL) == NULL);
    CHECK(finesse_team_ref_uri(NULL) == NULL);
    CHECK(finesse_mobile_agent_mode(NULL) == NULL);
    CHECK(finesse_mobile_agent_dial_number(NULL) == NULL);
    /* Dialog. */
    CHECK(finesse_dialog_id(NULL) == NULL);
    CHECK(finesse_dialog_uri(NULL) == NULL);
    CHECK(finesse_dialog_associated_dialog_uri(NULL) == NULL);
    CHECK(finesse_dialog_secondary_id(NULL) == NULL);
    CHECK(finesse_dialog_media_type(NULL) == NULL);
    CHECK(finesse_dialog_from_address(NULL) == NULL);
    CHECK(finesse_dialog_to_address(NULL) == NULL);
    CHECK(finesse_dialog_callback_number(NULL) == NULL);
    CHECK(finesse_dialog_state(NULL) == NULL);
    CHECK(finesse_dialog_media_properties(NULL) == NULL);
    CHECK(finesse_dialog_participants_count(NULL) == 0);
    CHECK(finesse_dialog_participants_get(NULL, 0) == NULL);
    CHECK(finesse_dialog_scheduled_callback_info(NULL) == NULL);
    CHECK(finesse_dialog_participant(NULL, "1001001") == NULL);
    CHECK(finesse_media_properties_media_id(NULL) == NULL);
    CHECK(finesse_media_properties_dialed_number(NULL) == NULL);
    CHECK(finesse_media_properties_dnis(NULL) == NULL);
    CHECK(finesse_media_properties_call_type(NULL) == NULL);
    CHECK(finesse_media_properties_outbound_classification(NULL) == NULL);
    CHECK(finesse_media_properties_queue_number(NULL) == NULL);
    CHECK(finesse_media_properties_queue_name(NULL) == NULL);
    CHECK(finesse_media_properties_call_key_call_id(NULL) == NULL);
    CHECK(finesse_media_properties_call_key_sequence_num(NULL) == NULL);
    CHECK(finesse_media_properties_call_key_prefix(NULL) == NULL);
    CHECK(finesse_media_properties_call_guid(NULL) == NULL);
    CHECK(finesse_media_properties_wrap_up_reason(NULL) == NULL);
    CHECK(finesse_media_properties_wrap_up_items_count(NULL) == 0);
    CHECK(finesse_media_properties_wrap_up_items_get(NULL, 0) == NULL);
    CHECK(finesse_media_properties_call_variables_count(NULL) == 0);
    CHECK(finesse_media_properties_call_variables_get(NULL, 0) == NULL);
    CHECK(finesse_media_properties_call_variable(NULL, "callVariable1") == NULL);
    CHECK(finesse_call_variable_name(NULL) == NULL);
    CHECK(finesse_call_variable_value(NULL) == NULL);
    CHECK(finesse_participant_actions_count(NULL) == 0);
    CHECK(finesse_participant_actions_get(NULL, 0) == NULL);
    CHECK(finesse_participant_media_address(NULL) == NULL);
    CHECK(finesse_participant_media_address_type(NULL) == NULL);
    CHECK(finesse_participant_start_time(NULL) == NULL);
    CHECK(finesse_participant_state(NULL) == NULL);
    CHECK(finesse_participant_state_cause(NULL) == NULL);
    CHECK(finesse_participant_state_change_time(NULL) == NULL);
    CHECK(!finesse_participant_can(NULL, "HOLD"));
    CHECK(finesse_scheduled_callback_info_callback_time(NULL) == NULL);
    CHECK(finesse_scheduled_callback_info_callback_number(NULL) == NULL);
    /* SystemInfo. */
    CHECK(finesse_system_info_status(NULL) == NULL);
    CHECK(finesse_system_info_status_reason(NULL) == NULL);
    CHECK(finesse_system_info_deployment_type(NULL) == NULL);
    CHECK(finesse_system_info_xmpp_domain(NULL) == NULL);
    CHECK(finesse_system_info_xmpp_pub_sub_domain(NULL) == NULL);
    CHECK(finesse_system_info_primary_node(NULL) == NULL);
    CHECK(finesse_system_info_secondary_node(NULL) == NULL);
    CHECK(finesse_system_info_current_timestamp(NULL) == NULL);
    CHECK(!finesse_system_info_timezone_offset(NULL, &number));
    CHECK(finesse_system_info_system_auth_mode(NULL) == NULL);
    CHECK(finesse_system_info_license(NULL) == NULL);
    CHECK(finesse_system_info_peripheral_id(NULL) == NULL);
    CHECK(finesse_system_info_cti_version(NULL) == NULL);
    CHECK(finesse_system_info_uri(NULL) == NULL);
    /* ReasonCode, WrapUpReason, ApiError. */
    CHECK(!finesse_reason_code_id(NULL, &number));
    CHECK(finesse_reason_code_uri(NULL) == NULL);
    CHECK(finesse_reason_code_category(NULL) == NULL);
    CHECK(!finesse_reason_code_code(NULL, &number));
    CHECK(finesse_reason_code_label(NULL) == NULL);
    CHECK(!finesse_reason_code_for_all(NULL, &flag));
    CHECK(!finesse_reason_code_system_code(NULL, &flag));
    CHECK(!finesse_wrap_up_reason_id(NULL, &number));
    CHECK(finesse_wrap_up_reason_uri(NULL) == NULL);
    CHECK(finesse_wrap_up_reason_label(NULL) == NULL);
    CHECK(!finesse_wrap_up_reason_for_all(NULL, &flag));
    CHECK(finesse_api_error_error_type(NULL) == NULL);
    CHECK(finesse_api_error_error_message(NULL) == NULL);
    CHECK(finesse_api_error_error_data(NULL) == NULL);
    CHECK(finesse_api_error_peripheral_error_code(NULL) == NULL);
    CHECK(finesse_api_error_peripheral_error_msg(NULL) == NULL);
    CHECK(finesse_api_error_peripheral_error_text(NULL) == NULL);
    /* Events. */
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
    CHECK(finesse_pubsub_message_node(NULL) == NULL);
    CHECK(finesse_pubsub_message_item_id(NULL) == NULL);
    CHECK(finesse_pubsub_message_events_count(NULL) == 0);
    CHECK(finesse_pubsub_message_events_get(NULL, 0) == NULL);
    /* Nothing was written through an out-param. */
    CHECK(number == UNTOUCHED);
    CHECK(flag);
    /* Every free accepts NULL. */
    finesse_owned_user_free(NULL);
    finesse_owned_dialog_free(NULL);
    finesse_owned_dialog_list_free(NULL);
    finesse_owned_system_info_free(NULL);
    finesse_owned_api_error_free(NULL);
    finesse_owned_api_error_list_free(NULL);
    finesse_owned_reason_code_free(NULL);
    finesse_owned_reason_code_list_free(NULL);
    finesse_owned_wrap_up_reason_free(NULL);
    finesse_owned_wrap_up_reason_list_free(NULL);
    finesse_owned_event_free(NULL);
    finesse_owned_event_list_free(NULL);
    finesse_pubsub_message_free(NULL);
}

static void test_lookups_with_a_null_or_unknown_key(void) {
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    CHECK_OK(finesse_dialog_from_xml(BYTES(DOC_DIALOG_CCE11), &owned));
    dialog = finesse_owned_dialog_view(owned);
    CHECK(finesse_dialog_participant(dialog, NULL) == NULL);
    CHECK(finesse_dialog_participant(dialog, "") == NULL);
    CHECK(finesse_media_properties_call_variable(finesse_dialog_media_properties(dialog), NULL) ==
          NULL);
    CHECK(!finesse_participant_can(finesse_dialog_participants_get(dialog, 0), NULL));
    CHECK(!finesse_participant_can(finesse_dialog_participants_get(dialog, 0), ""));
    /* A key that is not UTF-8 finds nothing. */
    CHECK(finesse_dialog_participant(dialog, "\x80\xff") == NULL);
    CHECK(finesse_media_properties_call_variable(finesse_dialog_media_properties(dialog),
                                                 "\x80\xff") == NULL);
    CHECK(!finesse_participant_can(finesse_dialog_participants_get(dialog, 0), "\x80\xff"));
    finesse_owned_dialog_free(owned);
}

/* ---- Decode errors ---------------------------------------------------------------------- */

static void test_every_decoder_checks_its_arguments_and_its_root(void) {
    static const char NOT_IT[] = "<Something/>";
    finesse_owned_user *user = NULL;
    finesse_owned_dialog *dialog = NULL;
    finesse_owned_dialog_list *dialogs = NULL;
    finesse_owned_system_info *info = NULL;
    finesse_owned_api_error *error = NULL;
    finesse_owned_api_error_list *errors = NULL;
    finesse_owned_reason_code *code = NULL;
    finesse_owned_reason_code_list *codes = NULL;
    finesse_owned_wrap_up_reason *reason = NULL;
    finesse_owned_wrap_up_reason_list *reasons = NULL;
    finesse_owned_event_list *events = NULL;
    CHECK_CODE(finesse_user_from_xml(NULL, 0, &user), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_user_from_xml(BYTES(DOC_USER_CCE11), NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_user_from_xml(BYTES(NOT_IT), &user), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_dialog_from_xml(NULL, 0, &dialog), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_dialog_from_xml(BYTES(DOC_DIALOG_CCE11), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_dialog_from_xml(BYTES(NOT_IT), &dialog), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_dialog_list_from_xml(NULL, 0, &dialogs), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_dialog_list_from_xml(BYTES(DOC_DIALOGS_EMPTY), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    /* A single Dialog is not a list. */
    CHECK_CODE(finesse_dialog_list_from_xml(BYTES(DOC_DIALOG_CCE11), &dialogs),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_system_info_from_xml(NULL, 0, &info), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_system_info_from_xml(BYTES(DOC_SYSTEM_INFO), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_system_info_from_xml(BYTES(NOT_IT), &info), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_api_error_from_xml(NULL, 0, &error), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_api_error_from_xml(BYTES(NOT_IT), NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_api_error_from_xml(BYTES(NOT_IT), &error), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_api_error_list_from_xml(NULL, 0, &errors), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_api_error_list_from_xml(BYTES(NOT_IT), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_api_error_list_from_xml(BYTES(NOT_IT), &errors), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_reason_code_from_xml(NULL, 0, &code), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_reason_code_from_xml(BYTES(NOT_IT), NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_reason_code_from_xml(BYTES(DOC_REASON_CODES), &code),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_reason_code_list_from_xml(NULL, 0, &codes), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_reason_code_list_from_xml(BYTES(NOT_IT), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_reason_code_list_from_xml(BYTES(NOT_IT), &codes), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_wrap_up_reason_from_xml(NULL, 0, &reason), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_wrap_up_reason_from_xml(BYTES(NOT_IT), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_wrap_up_reason_from_xml(BYTES(DOC_WRAP_UP_REASONS), &reason),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_wrap_up_reason_list_from_xml(NULL, 0, &reasons),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_wrap_up_reason_list_from_xml(BYTES(NOT_IT), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_wrap_up_reason_list_from_xml(BYTES(NOT_IT), &reasons),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_event_list_from_xml(NULL, 0, &events), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_event_list_from_xml(BYTES(DOC_UPDATE_CTI_ERROR), NULL),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_event_list_from_xml(BYTES(NOT_IT), &events), FINESSE_RESULT_DECODE);
    /* No out-param was written by a failure. */
    CHECK(user == NULL && dialog == NULL && dialogs == NULL && info == NULL && error == NULL &&
          errors == NULL && code == NULL && codes == NULL && reason == NULL && reasons == NULL &&
          events == NULL);
}

static void test_wrong_root_and_truncated_documents(void) {
    finesse_owned_user *user = NULL;
    finesse_owned_dialog *dialog = NULL;
    size_t cut, len = strlen(DOC_DIALOG_DOC_SAMPLE);
    CHECK_CODE(finesse_user_from_xml(BYTES(DOC_DIALOG_CCE11), &user), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("expected a <User> document, found <dialog>"));
    CHECK(finesse_last_error_http_status() == 0);
    CHECK(finesse_last_error_api_count() == 0);
    /* Every prefix that cuts the root element open fails cleanly. */
    for (cut = 1; cut < len - 12; cut += 7) {
        finesse_result result =
            finesse_dialog_from_xml((const uint8_t *)DOC_DIALOG_DOC_SAMPLE, cut, &dialog);
        if (result != FINESSE_RESULT_DECODE) {
            fprintf(stderr, "  the first %u bytes gave %u\n", (unsigned)cut, (unsigned)result);
        }
        CHECK(result == FINESSE_RESULT_DECODE);
        CHECK(dialog == NULL);
    }
    CHECK_CODE(finesse_dialog_from_xml(BYTES(""), &dialog), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("no root element"));
    CHECK_CODE(finesse_dialog_from_xml(BYTES("<Dialog>"), &dialog), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("cannot decode Dialog document"));
    CHECK(user == NULL && dialog == NULL);
}

static void test_entity_bomb_is_rejected_without_expansion(void) {
    static const char BOMB[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n"
        "  <!ENTITY lol \"lol\">\n"
        "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        "  <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        "]>\n"
        "<User><firstName>&lol9;</firstName></User>";
    finesse_owned_user *user = NULL;
    CHECK_CODE(finesse_user_from_xml(BYTES(BOMB), &user), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("DOCTYPE"));
    /* Without a DTD, an undeclared entity is an error too, never expanded or kept. */
    CHECK_CODE(finesse_user_from_xml(BYTES("<User><firstName>&lol9;</firstName></User>"), &user),
               FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("unknown entity &lol9;"));
    /* An external entity never reaches the file system. */
    CHECK_CODE(
        finesse_user_from_xml(
            BYTES("<!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><User>&x;</User>"),
            &user),
        FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("DOCTYPE"));
    CHECK(user == NULL);
}

/* `prefix`, then `middle` `count` times, then `suffix`, in a new string (free it), or NULL. */
static char *repeat(const char *prefix, const char *middle, size_t count, const char *suffix) {
    size_t p = strlen(prefix), m = strlen(middle), s = strlen(suffix), i;
    char *text = malloc(p + m * count + s + 1), *at;
    if (text == NULL) {
        return NULL;
    }
    memcpy(text, prefix, p);
    at = text + p;
    for (i = 0; i < count; i++, at += m) {
        memcpy(at, middle, m);
    }
    memcpy(at, suffix, s + 1);
    return text;
}

static void test_bounded_depth_text_and_size(void) {
    finesse_owned_user *user = NULL;
    char *opening = repeat("<User><x>", "<a>", 100000, "");
    char *xml = opening ? repeat(opening, "</a>", 100000, "</x></User>") : NULL;
    finesse_result result;
    free(opening);
    CHECK(xml != NULL);
    result = finesse_user_from_xml(BYTES(xml), &user);
    free(xml);
    CHECK_CODE(result, FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("nested deeper than 32 levels"));

    xml = repeat("<User><firstName>", "a", 70000, "</firstName></User>");
    CHECK(xml != NULL);
    result = finesse_user_from_xml(BYTES(xml), &user);
    free(xml);
    CHECK_CODE(result, FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("text longer than 65536 bytes"));

    xml = repeat("<User><x>", " ", 5 * 1024 * 1024, "</x></User>");
    CHECK(xml != NULL);
    result = finesse_user_from_xml(BYTES(xml), &user);
    free(xml);
    CHECK_CODE(result, FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("exceeds the 4194304-byte limit"));
    CHECK(user == NULL);
}

static void test_invalid_utf8_and_malformed_documents(void) {
    static const char NOT_UTF8[] = "<User><firstName>Jos\xC3\x28</firstName></User>";
    finesse_owned_user *user = NULL;
    CHECK_CODE(finesse_user_from_xml(BYTES(NOT_UTF8), &user), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("invalid UTF-8 (at byte 22)"));
    CHECK_CODE(finesse_user_from_xml(BYTES("<User><loginId>1</loginName></User>"), &user),
               FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_user_from_xml(BYTES("<User/><User/>"), &user), FINESSE_RESULT_DECODE);
    CHECK(decode_error_about("content after the root element"));
    CHECK(user == NULL);
}

void decode_tests(void) {
    RUN(test_the_copies_equal_core_documents);
    RUN(test_every_core_document_has_a_copy);
    RUN(test_user_as_cce11_writes_it);
    RUN(test_user_in_documentation_order_with_teams_and_mobile_agent);
    RUN(test_user_notification_payload_with_an_unknown_state_and_no_reason);
    RUN(test_user_signed_out_and_empty);
    RUN(test_dialog_as_cce11_writes_it);
    RUN(test_dialog_with_every_documented_field_and_unknown_ones);
    RUN(test_dialog_sparse);
    RUN(test_dialog_accepts_the_lowercase_notification_root);
    RUN(test_dialogs_list_with_three_parties_and_ecc);
    RUN(test_empty_dialogs_lists);
    RUN(test_dialogs_notification_payload_keeps_the_dial_string_verbatim);
    RUN(test_api_errors_in_every_child_order_and_case);
    RUN(test_one_api_error_with_peripheral_fields);
    RUN(test_one_api_error_in_either_case);
    RUN(test_an_html_error_page_is_not_api_errors);
    RUN(test_system_info);
    RUN(test_system_info_out_of_service_and_sparse);
    RUN(test_reason_codes);
    RUN(test_one_reason_code_and_one_wrap_up_reason);
    RUN(test_wrap_up_reasons);
    RUN(test_update_user_put);
    RUN(test_update_dialogs_post_is_a_ringing_call_with_its_data);
    RUN(test_update_dialog_put_and_delete);
    RUN(test_update_cti_error);
    RUN(test_update_system_info_in_either_case);
    RUN(test_an_untyped_update_is_kept_raw);
    RUN(test_update_as_the_developer_guide_documents_it);
    RUN(test_hostile_updates_are_errors);
    RUN(test_a_pubsub_message_as_the_notification_service_sends_it);
    RUN(test_the_update_may_be_escaped_text_an_element_or_cdata);
    RUN(test_several_items_give_their_events_in_order);
    RUN(test_a_message_without_a_pubsub_event_names_what_is_missing);
    RUN(test_every_accessor_of_a_null_view);
    RUN(test_lookups_with_a_null_or_unknown_key);
    RUN(test_every_decoder_checks_its_arguments_and_its_root);
    RUN(test_wrong_root_and_truncated_documents);
    RUN(test_entity_bomb_is_rejected_without_expansion);
    RUN(test_bounded_depth_text_and_size);
    RUN(test_invalid_utf8_and_malformed_documents);
}
