/* The desktop's lists besides reason codes: phone books and contacts, workflows and media
 * properties layouts. The documents of core/tests/documents decoded field by field, then
 * against the emulator the agent's lists (TeamResource on 12.5(1)) and a team's, with the
 * refusals outside one's team. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "documents.h"
#include "fixture.h"
#include "harness.h"
#include "suites.h"

#define BYTES(doc) (const uint8_t *)(doc), strlen(doc)

/* ---- Documents -------------------------------------------------------------------------- */

static void test_phone_book_documents(void) {
    finesse_owned_phone_book_list *books = NULL;
    finesse_owned_contact_list *contacts = NULL;
    finesse_owned_phone_book *one = NULL;
    finesse_owned_contact *single = NULL;
    const finesse_phone_book *book;
    const finesse_contact *contact;

    /* TeamResource's example: no uri, the contacts embedded as <Contacts>. */
    CHECK_OK(finesse_phone_book_list_from_xml(BYTES(DOC_PHONE_BOOKS_TEAM_RESOURCE), &books));
    CHECK(finesse_owned_phone_book_list_count(books) == 2);
    book = finesse_owned_phone_book_list_get(books, 0);
    CHECK_STR(finesse_phone_book_name(book), "PhoneBook1");
    CHECK_STR(finesse_phone_book_book_type(book), "GLOBAL");
    CHECK_STR(finesse_phone_book_uri(book), "");
    CHECK_STR(finesse_phone_book_id(book), "");
    CHECK(finesse_phone_book_contacts_uri(book) == NULL);
    CHECK(finesse_phone_book_contacts_count(book) == 2);
    contact = finesse_phone_book_contacts_get(book, 1);
    CHECK_STR(finesse_contact_first_name(contact), "Joseph");
    CHECK_STR(finesse_contact_last_name(contact), "Miller");
    CHECK_STR(finesse_contact_phone_number(contact), "+14085551234");
    CHECK_STR(finesse_contact_description(contact), "");
    CHECK_STR(finesse_contact_uri(contact), "/finesse/api/PhoneBook/1/Contact/2");
    CHECK_STR(finesse_contact_id(contact), "2");
    CHECK(finesse_phone_book_contacts_get(book, 2) == NULL);
    CHECK_STR(finesse_phone_book_book_type(finesse_owned_phone_book_list_get(books, 1)), "TEAM");
    CHECK(finesse_owned_phone_book_list_get(books, 2) == NULL);
    finesse_owned_phone_book_list_free(books);
    books = NULL;

    /* The PhoneBook object: a uri, and <contacts> as a URI or embedding the contacts. */
    CHECK_OK(finesse_phone_book_list_from_xml(BYTES(DOC_PHONE_BOOKS_USER), &books));
    book = finesse_owned_phone_book_list_get(books, 0);
    CHECK_STR(finesse_phone_book_id(book), "1");
    CHECK_STR(finesse_phone_book_contacts_uri(book), "/finesse/api/PhoneBook/1/Contacts");
    CHECK(finesse_phone_book_contacts_count(book) == 0);
    book = finesse_owned_phone_book_list_get(books, 1);
    CHECK_STR(finesse_phone_book_uri(book), "/finesse/api/PhoneBook/7");
    CHECK(finesse_phone_book_contacts_uri(book) == NULL);
    CHECK_STR(finesse_contact_phone_number(finesse_phone_book_contacts_get(book, 0)), "6002");
    finesse_owned_phone_book_list_free(books);

    CHECK_OK(finesse_contact_list_from_xml(BYTES(DOC_CONTACTS), &contacts));
    CHECK(finesse_owned_contact_list_count(contacts) == 2);
    contact = finesse_owned_contact_list_get(contacts, 1);
    CHECK_STR(finesse_contact_first_name(contact), "");
    CHECK_STR(finesse_contact_phone_number(contact), "18005550100");
    CHECK(finesse_owned_contact_list_get(contacts, 2) == NULL);
    finesse_owned_contact_list_free(contacts);

    CHECK_OK(finesse_phone_book_from_xml(
        BYTES("<PhoneBook><uri>/finesse/api/PhoneBook/3</uri><name>Vendors</name>"
              "<type>GLOBAL</type><contacts>/finesse/api/PhoneBook/3/Contacts</contacts>"
              "</PhoneBook>"),
        &one));
    CHECK_STR(finesse_phone_book_name(finesse_owned_phone_book_view(one)), "Vendors");
    finesse_owned_phone_book_free(one);
    CHECK_OK(finesse_contact_from_xml(
        BYTES("<Contact><firstName>Ann</firstName><phoneNumber>5551</phoneNumber>"
              "<uri>/finesse/api/PhoneBook/3/Contact/9</uri></Contact>"),
        &single));
    CHECK_STR(finesse_contact_id(finesse_owned_contact_view(single)), "9");
    finesse_owned_contact_free(single);
    CHECK_CODE(finesse_contact_from_xml(BYTES("<Contact>"), &single), FINESSE_RESULT_DECODE);
}

static void test_workflow_documents(void) {
    finesse_owned_workflow_list *flows = NULL;
    finesse_owned_workflow *one = NULL;
    finesse_owned_workflow_action *action_owned = NULL;
    const finesse_workflow *flow;
    const finesse_workflow_trigger_set *trigger;
    const finesse_workflow_condition_set *conditions;
    const finesse_workflow_condition *test;
    const finesse_workflow_variable *variable;
    const finesse_workflow_action *action;
    const finesse_workflow_action_param *param;

    CHECK_OK(finesse_workflow_list_from_xml(BYTES(DOC_WORKFLOWS), &flows));
    CHECK(finesse_owned_workflow_list_count(flows) == 2);
    flow = finesse_owned_workflow_list_get(flows, 0);
    CHECK_STR(finesse_workflow_uri(flow), "/finesse/api/Workflow/1");
    CHECK_STR(finesse_workflow_id(flow), "1");
    CHECK_STR(finesse_workflow_name(flow), "google ring pop");
    CHECK_STR(finesse_workflow_description(flow),
              " Pops a Google web page when an agent phone rings");
    CHECK(finesse_workflow_media(flow) == NULL);

    trigger = finesse_workflow_trigger(flow);
    CHECK_STR(finesse_workflow_trigger_set_trigger_type(trigger), "SYSTEM");
    CHECK_STR(finesse_workflow_trigger_set_name(trigger), "CALL_ARRIVES");
    CHECK(finesse_workflow_trigger_set_triggers_count(trigger) == 2);
    test = finesse_workflow_trigger_set_triggers_get(trigger, 1);
    CHECK_STR(finesse_workflow_condition_comparator(test), "IS_IN_LIST");
    CHECK(strncmp(finesse_workflow_condition_value(test), "ACT_IN,", 7) == 0);
    variable = finesse_workflow_condition_variable(test);
    CHECK_STR(finesse_workflow_variable_name(variable), "callType");
    CHECK_STR(finesse_workflow_variable_node(variable), "//Dialog/mediaProperties/callType");
    CHECK_STR(finesse_workflow_variable_variable_type(variable), "CUSTOM");
    CHECK(finesse_workflow_variable_test_value(variable) == NULL);

    conditions = finesse_workflow_conditions(flow);
    CHECK_STR(finesse_workflow_condition_set_apply_method(conditions), "ALL");
    CHECK(finesse_workflow_condition_set_conditions_count(conditions) == 1);
    test = finesse_workflow_condition_set_conditions_get(conditions, 0);
    CHECK_STR(finesse_workflow_condition_comparator(test), "IS_NOT_EMPTY");

    CHECK(finesse_workflow_actions_count(flow) == 1);
    action = finesse_workflow_actions_get(flow, 0);
    CHECK_STR(finesse_workflow_action_uri(action), "/finesse/api/WorkflowAction/1");
    CHECK_STR(finesse_workflow_action_id(action), "1");
    CHECK_STR(finesse_workflow_action_name(action), "DuckDuckGo");
    CHECK_STR(finesse_workflow_action_action_type(action), "BROWSER_POP");
    CHECK_STR(finesse_workflow_action_handled_by(action), "FINESSE_DESKTOP");
    CHECK(finesse_workflow_action_params_count(action) == 2);
    param = finesse_workflow_action_params_get(action, 0);
    CHECK_STR(finesse_workflow_action_param_name(param), "path");
    CHECK_STR(finesse_workflow_action_param_value(param),
              "http://www.example.com?q=${callVariable1}");
    CHECK(finesse_workflow_action_variables_count(action) == 1);
    CHECK_STR(finesse_workflow_variable_variable_type(finesse_workflow_action_variables_get(action, 0)),
              "SYSTEM");

    /* The second has empty lists. */
    flow = finesse_owned_workflow_list_get(flows, 1);
    CHECK(finesse_workflow_actions_count(flow) == 0);
    CHECK(finesse_workflow_trigger_set_triggers_count(finesse_workflow_trigger(flow)) == 0);
    finesse_owned_workflow_list_free(flows);

    CHECK_OK(finesse_workflow_from_xml(BYTES("<Workflow><name>Bare</name></Workflow>"), &one));
    flow = finesse_owned_workflow_view(one);
    CHECK(finesse_workflow_trigger(flow) == NULL);
    CHECK(finesse_workflow_conditions(flow) == NULL);
    finesse_owned_workflow_free(one);
    CHECK_OK(finesse_workflow_action_from_xml(
        BYTES("<WorkflowAction><uri>/finesse/api/WorkflowAction/5</uri><name>Log</name>"
              "<type>HTTP_REQUEST</type><handledBy>OTHER</handledBy></WorkflowAction>"),
        &action_owned));
    CHECK_STR(finesse_workflow_action_handled_by(finesse_owned_workflow_action_view(action_owned)),
              "OTHER");
    finesse_owned_workflow_action_free(action_owned);
}

static void test_layout_documents(void) {
    finesse_owned_media_properties_layout *owned = NULL;
    finesse_owned_media_properties_layout_list *list = NULL;
    const finesse_media_properties_layout *layout;
    const finesse_media_properties_layout_column *column;
    const finesse_media_properties_layout_entry *entry;
    bool flag = false;

    CHECK_OK(finesse_media_properties_layout_from_xml(BYTES(DOC_MEDIA_PROPERTIES_LAYOUT), &owned));
    layout = finesse_owned_media_properties_layout_view(owned);
    CHECK_STR(finesse_media_properties_layout_uri(layout), "/finesse/api/MediaPropertiesLayout/1");
    CHECK_STR(finesse_media_properties_layout_id(layout), "1");
    CHECK_STR(finesse_media_properties_layout_name(layout), "Default Layout");
    CHECK_STR(finesse_media_properties_layout_description(layout), "Layout description");
    CHECK_STR(finesse_media_properties_layout_layout_type(layout), "DEFAULT");
    CHECK(finesse_media_properties_layout_header_count(layout) == 1);
    entry = finesse_media_properties_layout_header_get(layout, 0);
    CHECK_STR(finesse_media_properties_layout_entry_display_name(entry), "Customer Name");
    CHECK_STR(finesse_media_properties_layout_entry_media_property(entry), "callVariable1");
    CHECK(finesse_media_properties_layout_columns_count(layout) == 2);
    column = finesse_media_properties_layout_columns_get(layout, 0);
    CHECK(finesse_media_properties_layout_column_entries_count(column) == 2);
    entry = finesse_media_properties_layout_column_entries_get(column, 1);
    CHECK_STR(finesse_media_properties_layout_entry_media_property(entry), "user.cisco.acctnum");
    CHECK(finesse_media_properties_layout_entry_show_in_pop_over(entry, &flag) && flag);
    flag = false;
    CHECK(finesse_media_properties_layout_entry_ui_editable(entry, &flag) && flag);
    CHECK(finesse_media_properties_layout_columns_get(layout, 2) == NULL);
    finesse_owned_media_properties_layout_free(owned);

    /* A 12.x layout with an empty right column, then an 11.x one: entries without flags. */
    CHECK_OK(finesse_media_properties_layout_list_from_xml(BYTES(DOC_MEDIA_PROPERTIES_LAYOUTS),
                                                           &list));
    CHECK(finesse_owned_media_properties_layout_list_count(list) == 2);
    layout = finesse_owned_media_properties_layout_list_get(list, 1);
    CHECK_STR(finesse_media_properties_layout_layout_type(layout), "CUSTOM");
    entry = finesse_media_properties_layout_column_entries_get(
        finesse_media_properties_layout_columns_get(layout, 0), 0);
    CHECK_STR(finesse_media_properties_layout_entry_display_name(entry), "Region");
    CHECK(!finesse_media_properties_layout_entry_show_in_pop_over(entry, NULL));
    CHECK(!finesse_media_properties_layout_entry_ui_editable(entry, NULL));
    CHECK(finesse_owned_media_properties_layout_list_get(list, 2) == NULL);
    finesse_owned_media_properties_layout_list_free(list);
}

/* ---- Against the emulator (Finesse 12.5(1): TeamResource) ------------------------------- */

static void test_the_agents_lists(void) {
    finesse_client *agent = fixture_client("1001");
    finesse_owned_phone_book_list *books = NULL;
    finesse_owned_workflow_list *flows = NULL;
    finesse_owned_media_properties_layout_list *layouts = NULL;
    finesse_owned_media_properties_layout *mine = NULL;
    const finesse_phone_book *team_book;
    const finesse_workflow_action *action;
    CHECK(agent != NULL);

    CHECK_OK(finesse_get_phone_books(agent, &books));
    CHECK(finesse_owned_phone_book_list_count(books) == 2);
    CHECK_STR(finesse_phone_book_name(finesse_owned_phone_book_list_get(books, 0)),
              "Global Directory");
    CHECK(finesse_phone_book_contacts_count(finesse_owned_phone_book_list_get(books, 0)) == 3);
    team_book = finesse_owned_phone_book_list_get(books, 1);
    CHECK_STR(finesse_phone_book_book_type(team_book), "TEAM");
    CHECK_STR(finesse_contact_phone_number(finesse_phone_book_contacts_get(team_book, 0)), "6002");
    finesse_owned_phone_book_list_free(books);

    CHECK_OK(finesse_get_workflows(agent, &flows));
    CHECK(finesse_owned_workflow_list_count(flows) == 1);
    action = finesse_workflow_actions_get(finesse_owned_workflow_list_get(flows, 0), 0);
    CHECK_STR(finesse_workflow_action_action_type(action), "BROWSER_POP");
    CHECK_STR(finesse_workflow_action_param_value(finesse_workflow_action_params_get(action, 0)),
              "http://www.example.com?q=${callVariable1}");
    finesse_owned_workflow_list_free(flows);

    CHECK_OK(finesse_get_media_properties_layouts(agent, &layouts));
    CHECK(finesse_owned_media_properties_layout_list_count(layouts) == 2);
    finesse_owned_media_properties_layout_list_free(layouts);
    CHECK_OK(finesse_get_media_properties_layout(agent, &mine));
    CHECK_STR(finesse_media_properties_layout_name(finesse_owned_media_properties_layout_view(mine)),
              "Sales Layout");
    finesse_owned_media_properties_layout_free(mine);

    CHECK_CODE(finesse_get_phone_books(agent, NULL), FINESSE_RESULT_NULL_ARGUMENT);
    CHECK_CODE(finesse_get_phone_books(NULL, &books), FINESSE_RESULT_NULL_ARGUMENT);
    finesse_client_free(agent);
}

static void test_a_teams_lists(void) {
    finesse_client *boss = fixture_client("2001");
    finesse_owned_phone_book_list *books = NULL;
    finesse_owned_workflow_list *flows = NULL;
    finesse_owned_media_properties_layout_list *layouts = NULL;
    CHECK(boss != NULL);
    CHECK_OK(finesse_get_team_phone_books(boss, "5007", &books));
    CHECK(finesse_owned_phone_book_list_count(books) == 2);
    finesse_owned_phone_book_list_free(books);
    books = NULL;
    CHECK_OK(finesse_get_team_workflows(boss, "5007", &flows));
    CHECK_STR(finesse_workflow_name(finesse_owned_workflow_list_get(flows, 0)), "google ring pop");
    finesse_owned_workflow_list_free(flows);
    CHECK_OK(finesse_get_team_media_properties_layouts(boss, "5007", &layouts));
    CHECK(finesse_owned_media_properties_layout_list_count(layouts) == 2);
    finesse_owned_media_properties_layout_list_free(layouts);
    layouts = NULL;
    /* No such team; a bad id is refused before sending. */
    CHECK_CODE(finesse_get_team_phone_books(boss, "9999", &books), FINESSE_RESULT_NOT_FOUND);
    CHECK_CODE(finesse_get_team_workflows(boss, "50 07", &flows), FINESSE_RESULT_INVALID_ARGUMENT);
    CHECK(strstr(finesse_last_error_message(), "team_id") != NULL);
    CHECK_CODE(finesse_get_team_media_properties_layouts(boss, NULL, &layouts),
               FINESSE_RESULT_NULL_ARGUMENT);
    CHECK(books == NULL && layouts == NULL);
    finesse_client_free(boss);
}

void team_resource_tests(void) {
    RUN(test_phone_book_documents);
    RUN(test_workflow_documents);
    RUN(test_layout_documents);
    RUN(test_the_agents_lists);
    RUN(test_a_teams_lists);
}
