// finesse.h from C++: it compiles with -Wall -Wextra -Werror -pedantic, the enums are usable
// as C++ types, and the library links and answers.
#include <cstdio>
#include <cstring>

#include "finesse.h"

static_assert(sizeof(finesse_result) == sizeof(uint32_t), "finesse_result is a uint32_t");
static_assert(sizeof(finesse_event_kind) == sizeof(uint32_t), "finesse_event_kind is a uint32_t");
static_assert(sizeof(finesse_outcome_kind) == sizeof(uint32_t), "finesse_outcome_kind is a uint32_t");

// A C++ function passed as an event callback.
static void on_event(const finesse_event *event, void *user_data) {
    *static_cast<int *>(user_data) += finesse_event_type(event) == FINESSE_EVENT_KIND_NONE;
}

int main() {
    finesse_result result = FINESSE_RESULT_OK;
    finesse_owned_dialog *owned = nullptr;
    const char xml[] = "<Dialog><id>7</id><state>ACTIVE</state><participants><Participant>"
                       "<mediaAddress>1001001</mediaAddress><actions><action>HOLD</action>"
                       "</actions></Participant></participants></Dialog>";
    if (std::strcmp(finesse_version(), FINESSE_VERSION) != 0) {
        return 1;
    }
    result = finesse_dialog_from_xml(reinterpret_cast<const uint8_t *>(xml), sizeof xml - 1,
                                     &owned);
    // An owned document and its borrowed view are distinct types.
    const finesse_dialog *dialog = finesse_owned_dialog_view(owned);
    if (result != FINESSE_RESULT_OK || std::strcmp(finesse_dialog_id(dialog), "7") != 0 ||
        !finesse_participant_can(finesse_dialog_participant(dialog, "1001001"), "HOLD") ||
        finesse_dialog_participants_count(dialog) != 1) {
        return 1;
    }
    finesse_owned_dialog_free(owned);
    finesse_outcome_kind kind = finesse_outcome_type(nullptr);
    if (kind != FINESSE_OUTCOME_KIND_NONE ||
        finesse_accepted_wait(nullptr, 0, nullptr) != FINESSE_RESULT_NULL_ARGUMENT) {
        return 1;
    }
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
