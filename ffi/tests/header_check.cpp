// finesse.h from C++: it compiles with -Wall -Wextra -Werror -pedantic, the enums are usable
// as C++ types, and the library links and answers.
#include <cstdio>
#include <cstring>

#include "finesse.h"

static_assert(sizeof(finesse_result) == sizeof(uint32_t), "finesse_result is a uint32_t");
static_assert(sizeof(finesse_event_kind) == sizeof(uint32_t), "finesse_event_kind is a uint32_t");

// A C++ function passed as an event callback.
static void on_event(const finesse_event *event, void *user_data) {
    *static_cast<int *>(user_data) += finesse_event_type(event) == FINESSE_EVENT_KIND_NONE;
}

int main() {
    finesse_result result = FINESSE_RESULT_OK;
    finesse_dialog *dialog = nullptr;
    const char xml[] = "<Dialog><id>7</id><state>ACTIVE</state></Dialog>";
    if (std::strcmp(finesse_version(), FINESSE_VERSION) != 0) {
        return 1;
    }
    result = finesse_dialog_from_xml(reinterpret_cast<const uint8_t *>(xml), sizeof xml - 1,
                                     &dialog);
    if (result != FINESSE_RESULT_OK || std::strcmp(finesse_dialog_id(dialog), "7") != 0) {
        return 1;
    }
    finesse_dialog_free(dialog);
    if (finesse_get_reason_codes(nullptr, FINESSE_REASON_CATEGORY_NOT_READY, nullptr) !=
        FINESSE_RESULT_NULL_ARGUMENT) {
        return 1;
    }
    finesse_event_callback callback = on_event;
    int none = 0;
    callback(nullptr, &none);
    if (none != 1 || finesse_event_connection_state(nullptr) != FINESSE_CONNECTION_STATE_NONE ||
        finesse_notifications_set_callback(nullptr, callback, &none) !=
            FINESSE_RESULT_NULL_ARGUMENT) {
        return 1;
    }
    std::printf("C++ header check: finesse %s\n", finesse_version());
    return 0;
}
