/* The documents of core/tests/documents/, copied into C (documents.c). */
#ifndef FINESSE_TEST_DOCUMENTS_H
#define FINESSE_TEST_DOCUMENTS_H

#include <stddef.h>

extern const char DOC_USER_CCE11[];
extern const char DOC_USER_DOC_ORDER[];
extern const char DOC_USER_NOTIFICATION[];
extern const char DOC_DIALOG_CCE11[];
extern const char DOC_DIALOG_DOC_SAMPLE[];
extern const char DOC_DIALOGS_THREE_PARTIES[];
extern const char DOC_DIALOGS_EMPTY[];
extern const char DOC_DIALOGS_NOTIFICATION[];
extern const char DOC_API_ERROR[];
extern const char DOC_API_ERRORS_SYNC[];
extern const char DOC_API_ERRORS_MULTIPLE[];
extern const char DOC_API_ERRORS_CTI[];
extern const char DOC_SYSTEM_INFO[];
extern const char DOC_REASON_CODE[];
extern const char DOC_REASON_CODES[];
extern const char DOC_WRAP_UP_REASON[];
extern const char DOC_WRAP_UP_REASONS[];
extern const char DOC_UPDATE_USER_PUT[];
extern const char DOC_UPDATE_DIALOGS_POST[];
extern const char DOC_UPDATE_CTI_ERROR[];
extern const char DOC_PUBSUB_MESSAGE_DIALOGS_POST[];
extern const char DOC_TEAM[];
extern const char DOC_UPDATE_TEAM_USERS_PUT[];
extern const char DOC_UPDATE_TEAM_PUT[];
extern const char DOC_QUEUE[];
extern const char DOC_QUEUES[];
extern const char DOC_UPDATE_QUEUE_PUT[];
extern const char DOC_UPDATE_QUEUE_DELETE[];
extern const char DOC_TEAM_MESSAGE[];
extern const char DOC_TEAM_MESSAGES[];
extern const char DOC_UPDATE_TEAM_MESSAGE_POST[];
extern const char DOC_PHONE_BOOKS_TEAM_RESOURCE[];
extern const char DOC_PHONE_BOOKS_USER[];
extern const char DOC_CONTACTS[];
extern const char DOC_WORKFLOWS[];
extern const char DOC_MEDIA_PROPERTIES_LAYOUT[];
extern const char DOC_MEDIA_PROPERTIES_LAYOUTS[];
extern const char DOC_UPDATE_USER_QUEUES_POST[];

/* One copy and the file it was copied from, under core/tests/documents/. */
struct test_document {
    const char *file;
    const char *text;
};

/* Every copy, for the check that each still equals its file. */
extern const struct test_document TEST_DOCUMENTS[];
extern const size_t TEST_DOCUMENT_COUNT;

#endif
