/* from_xml without a network: every accessor of a decoded Dialog, User and SystemInfo, lists,
 * and decode errors. */
#include <string.h>

#include "harness.h"
#include "suites.h"

static const char DIALOG[] =
    "<Dialog>"
    "<associatedDialogUri></associatedDialogUri>"
    "<fromAddress>335892</fromAddress>"
    "<id>53149720</id>"
    "<mediaProperties>"
    "<DNIS>215194</DNIS><callType>OTHER_IN</callType><dialedNumber>215195</dialedNumber>"
    "<wrapUpReason>Sales Call</wrapUpReason>"
    "<callvariables>"
    "<CallVariable><name>callVariable1</name><value>acct-42</value></CallVariable>"
    "<CallVariable><name>callVariable2</name><value></value></CallVariable>"
    "<CallVariable><name>user.CustomerId</name><value>9 &amp; 10</value></CallVariable>"
    "</callvariables>"
    "</mediaProperties>"
    "<mediaType>Voice</mediaType>"
    "<participants>"
    "<Participant>"
    "<actions><action>ANSWER</action></actions>"
    "<mediaAddress>215194</mediaAddress><mediaAddressType>AGENT_DEVICE</mediaAddressType>"
    "<startTime>2017-10-13T16:17:55.401Z</startTime><state>ALERTING</state>"
    "<stateCause></stateCause><stateChangeTime>2017-10-13T16:17:56.000Z</stateChangeTime>"
    "</Participant>"
    "<Participant>"
    "<actions><action>UPDATE_CALL_DATA</action><action>DROP</action></actions>"
    "<mediaAddress>335892</mediaAddress><mediaAddressType></mediaAddressType>"
    "<state>FAILED</state><stateCause>BUSY</stateCause>"
    "</Participant>"
    "</participants>"
    "<state>ALERTING</state>"
    "<toAddress>215194</toAddress>"
    "<uri>/finesse/api/Dialog/53149720</uri>"
    "<futureElement><nested>ignored</nested></futureElement>"
    "</Dialog>";

static const char USER[] =
    "<User><extension>1001001</extension><firstName>Jane</firstName><lastName>Doe</lastName>"
    "<loginId>1001</loginId><loginName>jdoe</loginName><pendingState>READY</pendingState>"
    "<reasonCodeId>49</reasonCodeId><state>TALKING</state>"
    "<stateChangeTime>2017-09-28T17:33:40.875Z</stateChangeTime>"
    "<teamId>5007</teamId><teamName>Sales</teamName><uri>/finesse/api/User/1001</uri></User>";

static const char SYSTEM_INFO[] =
    "<SystemInfo><currentTimestamp>2024-05-02T10:00:00.000Z</currentTimestamp>"
    "<deploymentType>UCCX</deploymentType>"
    "<primaryNode><host>fin-a.example.com</host></primaryNode>"
    "<status>OUT_OF_SERVICE</status><statusReason>CTI down</statusReason>"
    "<xmppDomain>fin-a.example.com</xmppDomain></SystemInfo>";

#define BYTES(doc) (const uint8_t *)(doc), strlen(doc)

static void test_dialog_from_xml(void) {
    finesse_dialog *dialog = NULL;
    const finesse_participant *agent, *caller;
    CHECK_OK(finesse_dialog_from_xml(BYTES(DIALOG), &dialog));
    CHECK(strcmp(finesse_dialog_id(dialog), "53149720") == 0);
    CHECK(strcmp(finesse_dialog_state(dialog), "ALERTING") == 0);
    CHECK(strcmp(finesse_dialog_from_address(dialog), "335892") == 0);
    CHECK(strcmp(finesse_dialog_to_address(dialog), "215194") == 0);
    CHECK(strcmp(finesse_dialog_media_type(dialog), "Voice") == 0);
    CHECK(strcmp(finesse_dialog_call_type(dialog), "OTHER_IN") == 0);
    CHECK(strcmp(finesse_dialog_dnis(dialog), "215194") == 0);
    CHECK(strcmp(finesse_dialog_dialed_number(dialog), "215195") == 0);
    CHECK(strcmp(finesse_dialog_wrap_up_reason(dialog), "Sales Call") == 0);
    CHECK(finesse_dialog_call_variable_count(dialog) == 3);
    CHECK(strcmp(finesse_dialog_call_variable_name(dialog, 2), "user.CustomerId") == 0);
    CHECK(strcmp(finesse_dialog_call_variable_value(dialog, 2), "9 & 10") == 0);
    CHECK(strcmp(finesse_dialog_call_variable_value(dialog, 1), "") == 0);
    CHECK(strcmp(finesse_dialog_call_variable(dialog, "callVariable1"), "acct-42") == 0);
    CHECK(finesse_dialog_call_variable_value(dialog, 3) == NULL);
    CHECK(finesse_dialog_participant_count(dialog) == 2);
    agent = finesse_dialog_participant(dialog, 0);
    caller = finesse_dialog_participant_by_address(dialog, "335892");
    CHECK(agent != NULL && caller != NULL);
    CHECK(caller == finesse_dialog_participant(dialog, 1));
    CHECK(strcmp(finesse_participant_media_address(agent), "215194") == 0);
    CHECK(strcmp(finesse_participant_media_address_type(agent), "AGENT_DEVICE") == 0);
    CHECK(strcmp(finesse_participant_state(agent), "ALERTING") == 0);
    CHECK(finesse_participant_state_cause(agent) == NULL);
    CHECK(strcmp(finesse_participant_start_time(agent), "2017-10-13T16:17:55.401Z") == 0);
    CHECK(strcmp(finesse_participant_state_change_time(agent), "2017-10-13T16:17:56.000Z") == 0);
    CHECK(finesse_participant_action_count(agent) == 1);
    CHECK(strcmp(finesse_participant_action(agent, 0), "ANSWER") == 0);
    CHECK(finesse_participant_media_address_type(caller) == NULL);
    CHECK(strcmp(finesse_participant_state(caller), "FAILED") == 0);
    CHECK(strcmp(finesse_participant_state_cause(caller), "BUSY") == 0);
    CHECK(finesse_participant_start_time(caller) == NULL);
    CHECK(finesse_participant_action_count(caller) == 2);
    CHECK(strcmp(finesse_participant_action(caller, 1), "DROP") == 0);
    finesse_dialog_free(dialog);
}

static void test_dialog_list_from_xml(void) {
    static const char LIST[] =
        "<Dialogs><Dialog><id>1</id><state>ACTIVE</state></Dialog>"
        "<Dialog><id>2</id><state>HELD_BY_NEWER_SERVER</state></Dialog></Dialogs>";
    finesse_dialog_list *list = NULL;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES(LIST), &list));
    CHECK(finesse_dialog_list_count(list) == 2);
    CHECK(strcmp(finesse_dialog_id(finesse_dialog_list_get(list, 1)), "2") == 0);
    /* A value this library does not know is passed on as sent. */
    CHECK(strcmp(finesse_dialog_state(finesse_dialog_list_get(list, 1)), "HELD_BY_NEWER_SERVER") ==
          0);
    CHECK(finesse_dialog_list_get(list, 2) == NULL);
    finesse_dialog_list_free(list);
    list = NULL;
    CHECK_OK(finesse_dialog_list_from_xml(BYTES("<Dialogs/>"), &list));
    CHECK(finesse_dialog_list_count(list) == 0);
    finesse_dialog_list_free(list);
}

static void test_user_from_xml(void) {
    finesse_user *user = NULL;
    CHECK_OK(finesse_user_from_xml(BYTES(USER), &user));
    CHECK(strcmp(finesse_user_login_id(user), "1001") == 0);
    CHECK(strcmp(finesse_user_login_name(user), "jdoe") == 0);
    CHECK(strcmp(finesse_user_state(user), "TALKING") == 0);
    CHECK(strcmp(finesse_user_pending_state(user), "READY") == 0);
    CHECK(finesse_user_reason_code_id(user) == 49);
    CHECK(strcmp(finesse_user_extension(user), "1001001") == 0);
    CHECK(strcmp(finesse_user_team_name(user), "Sales") == 0);
    CHECK(strcmp(finesse_user_state_change_time(user), "2017-09-28T17:33:40.875Z") == 0);
    finesse_user_free(user);
}

static void test_system_info_and_lists_from_xml(void) {
    static const char REASONS[] =
        "<ReasonCodes><ReasonCode><category>NOT_READY</category><code>1</code>"
        "<label>Break</label><uri>/finesse/api/ReasonCode/22</uri></ReasonCode></ReasonCodes>";
    static const char WRAP_UPS[] =
        "<WrapUpReasons><WrapUpReason><label>Billing</label>"
        "<uri>/finesse/api/WrapUpReason/3</uri></WrapUpReason></WrapUpReasons>";
    finesse_system_info *info = NULL;
    finesse_reason_code_list *reasons = NULL;
    finesse_wrap_up_reason_list *wrap_ups = NULL;
    CHECK_OK(finesse_system_info_from_xml(BYTES(SYSTEM_INFO), &info));
    CHECK(strcmp(finesse_system_info_status(info), "OUT_OF_SERVICE") == 0);
    CHECK(strcmp(finesse_system_info_status_reason(info), "CTI down") == 0);
    CHECK(strcmp(finesse_system_info_deployment_type(info), "UCCX") == 0);
    CHECK(strcmp(finesse_system_info_primary_node(info), "fin-a.example.com") == 0);
    CHECK(finesse_system_info_secondary_node(info) == NULL);
    CHECK(strcmp(finesse_system_info_current_timestamp(info), "2024-05-02T10:00:00.000Z") == 0);
    finesse_system_info_free(info);
    CHECK_OK(finesse_reason_code_list_from_xml(BYTES(REASONS), &reasons));
    CHECK(finesse_reason_code_list_id(reasons, 0) == 22);
    CHECK(strcmp(finesse_reason_code_list_label(reasons, 0), "Break") == 0);
    finesse_reason_code_list_free(reasons);
    CHECK_OK(finesse_wrap_up_reason_list_from_xml(BYTES(WRAP_UPS), &wrap_ups));
    CHECK(finesse_wrap_up_reason_list_id(wrap_ups, 0) == 3);
    finesse_wrap_up_reason_list_free(wrap_ups);
}

static void test_decode_errors(void) {
    finesse_dialog *dialog = NULL;
    finesse_user *user = NULL;
    CHECK_CODE(finesse_dialog_from_xml(BYTES("<Dialog><id>1</id>"), &dialog),
               FINESSE_RESULT_DECODE);
    CHECK(finesse_last_error_message() != NULL);
    CHECK(strstr(finesse_last_error_message(), "Dialog") != NULL);
    CHECK(finesse_last_error_http_status() == 0);
    CHECK_CODE(finesse_dialog_from_xml(BYTES(USER), &dialog), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_user_from_xml(BYTES(DIALOG), &user), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_dialog_from_xml(BYTES(""), &dialog), FINESSE_RESULT_DECODE);
    CHECK_CODE(finesse_dialog_from_xml(
                   BYTES("<!DOCTYPE d [<!ENTITY x \"y\">]><Dialog><id>&x;</id></Dialog>"), &dialog),
               FINESSE_RESULT_DECODE);
    CHECK(dialog == NULL && user == NULL);
}

void decode_tests(void) {
    RUN(test_dialog_from_xml);
    RUN(test_dialog_list_from_xml);
    RUN(test_user_from_xml);
    RUN(test_system_info_and_lists_from_xml);
    RUN(test_decode_errors);
}
