/*
 * click_to_dial: what a CRM plug-in does when a user clicks a phone number. It signs the
 * agent in, places the call with the customer's account in a call variable, shows the call
 * once it rings, and hangs up.
 *
 *   click_to_dial URL CA_FILE AGENT PASSWORD EXTENSION NUMBER
 *
 * For example, against the bundled emulator (which prints its URL and writes its CA):
 *
 *   finesse-emulator --port 8445 --write-ca ca.pem &
 *   ./click_to_dial https://127.0.0.1:8445 ca.pem 1001 secret1001 1001001 6135551212
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "finesse.h"

/* Prints why the last call failed; every fallible call records its error per thread. */
static int report(const char *what) {
    const char *message = finesse_last_error_message();
    fprintf(stderr, "%s failed (code %u): %s\n", what, (unsigned)finesse_last_error_code(),
            message ? message : "");
    if (finesse_last_error_code() == FINESSE_RESULT_OUTCOME_UNKNOWN) {
        fprintf(stderr, "the call may have been placed: check before dialing again\n");
    }
    return 1;
}

static void sleep_ms(long ms) {
    struct timespec t;
    t.tv_sec = ms / 1000;
    t.tv_nsec = (ms % 1000) * 1000000L;
    nanosleep(&t, NULL);
}

/* Signing in is accepted at once and carried out a moment later: wait until it shows. */
static int wait_until_signed_in(const finesse_client *client) {
    int tries;
    for (tries = 0; tries < 100; tries++) {
        finesse_user *user = NULL;
        int signed_in;
        if (finesse_get_user(client, &user) != FINESSE_RESULT_OK) {
            return report("finesse_get_user");
        }
        signed_in = strcmp(finesse_user_state(user), "LOGOUT") != 0;
        finesse_user_free(user);
        if (signed_in) {
            return 0;
        }
        sleep_ms(100);
    }
    fprintf(stderr, "the agent did not sign in\n");
    return 1;
}

/* Prints the call to `number` and copies its id; 0 once found, 1 if it never appears. */
static int show_call(const finesse_client *client, const char *number, char *id, size_t id_len) {
    int tries;
    for (tries = 0; tries < 100; tries++) {
        finesse_dialog_list *dialogs = NULL;
        size_t i, j, found = 0;
        if (finesse_get_dialogs(client, &dialogs) != FINESSE_RESULT_OK) {
            return report("finesse_get_dialogs");
        }
        for (i = 0; i < finesse_dialog_list_count(dialogs) && !found; i++) {
            const finesse_dialog *dialog = finesse_dialog_list_get(dialogs, i);
            const char *account = finesse_dialog_call_variable(dialog, "callVariable1");
            if (strcmp(finesse_dialog_to_address(dialog), number) != 0) {
                continue;
            }
            found = 1;
            snprintf(id, id_len, "%s", finesse_dialog_id(dialog));
            printf("call %s: %s, %s -> %s, account %s\n", finesse_dialog_id(dialog),
                   finesse_dialog_state(dialog), finesse_dialog_from_address(dialog),
                   finesse_dialog_to_address(dialog), account ? account : "(none)");
            for (j = 0; j < finesse_dialog_participant_count(dialog); j++) {
                const finesse_participant *p = finesse_dialog_participant(dialog, j);
                printf("  %s: %s\n", finesse_participant_media_address(p),
                       finesse_participant_state(p));
            }
        }
        finesse_dialog_list_free(dialogs);
        if (found) {
            return 0;
        }
        sleep_ms(100);
    }
    fprintf(stderr, "the call to %s did not appear\n", number);
    return 1;
}

int main(int argc, char **argv) {
    const char *names[] = {"callVariable1"};
    const char *values[] = {"acct-4711"};
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    char *request_id = NULL;
    char id[64];
    int status = 1;

    if (argc != 7) {
        fprintf(stderr, "usage: %s URL CA_FILE AGENT PASSWORD EXTENSION NUMBER\n", argv[0]);
        return 2;
    }
    printf("finesse %s\n", finesse_version());
    if (finesse_config_new(argv[1], &config) != FINESSE_RESULT_OK ||
        finesse_config_set_basic_auth(config, argv[3], argv[4]) != FINESSE_RESULT_OK ||
        finesse_config_add_ca_file(config, argv[2]) != FINESSE_RESULT_OK) {
        finesse_config_free(config);
        return report("configuration");
    }
    /* The client takes the configuration over, whether it succeeds or not. */
    if (finesse_client_new(config, &client) != FINESSE_RESULT_OK) {
        return report("finesse_client_new");
    }
    if (finesse_sign_in(client, argv[5], NULL) != FINESSE_RESULT_OK) {
        report("finesse_sign_in");
    } else if (wait_until_signed_in(client) == 0) {
        if (finesse_make_call(client, argv[6], names, values, 1, &request_id) !=
            FINESSE_RESULT_OK) {
            report("finesse_make_call");
        } else {
            printf("dialing %s (request %s)\n", argv[6], request_id);
            finesse_string_free(request_id);
            if (show_call(client, argv[6], id, sizeof id) == 0) {
                if (finesse_drop_call(client, id, NULL) != FINESSE_RESULT_OK) {
                    report("finesse_drop_call");
                } else {
                    printf("hung up call %s\n", id);
                    status = 0;
                }
            }
        }
    }
    finesse_client_free(client);
    return status;
}
