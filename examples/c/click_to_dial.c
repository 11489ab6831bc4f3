/*
 * click_to_dial: what a CRM plug-in does when a user clicks a phone number. It signs the
 * agent in, places the call with the customer's account in a call variable, shows the call
 * once it exists, and hangs up.
 *
 *   click_to_dial URL CA_FILE AGENT PASSWORD EXTENSION NUMBER
 *
 * For example, against the bundled emulator (which prints its URL and writes its CA):
 *
 *   finesse-emulator --port 8445 --write-ca ca.pem &
 *   ./click_to_dial https://127.0.0.1:8445 ca.pem 1001 secret1001 1001001 6135551212
 */
#include <stdio.h>
#include <string.h>

#include "finesse.h"

/* How long to wait for the outcome of a command. */
#define WAIT_MS 10000

/* Prints why the last call failed; every fallible call records its error per thread. */
static int report(const char *what) {
    const char *message = finesse_last_error_message();
    const char *request_id = finesse_last_error_request_id();
    fprintf(stderr, "%s failed (code %u): %s\n", what, (unsigned)finesse_last_error_code(),
            message ? message : "");
    if (request_id != NULL) {
        fprintf(stderr, "  request %s\n", request_id);
    }
    if (finesse_last_error_code() == FINESSE_RESULT_OUTCOME_UNKNOWN) {
        fprintf(stderr, "the call may have been placed: check before dialing again\n");
    }
    return 1;
}

/*
 * Waits for the outcome of an accepted command, then frees the command. On success the caller
 * owns `*outcome` (when `outcome` is not NULL) and frees it with finesse_outcome_free.
 */
static finesse_result wait_for_outcome(finesse_accepted *accepted, finesse_outcome **outcome) {
    finesse_result result = finesse_accepted_wait(accepted, WAIT_MS, outcome);
    finesse_accepted_free(accepted);
    return result;
}

/* Prints a call: its state, its parties and the account the CRM attached to it. */
static void show_call(const finesse_dialog *dialog) {
    const finesse_media_properties *media = finesse_dialog_media_properties(dialog);
    const char *account = finesse_media_properties_call_variable(media, "callVariable1");
    size_t i, j;
    printf("call %s: %s, %s -> %s, account %s\n", finesse_dialog_id(dialog),
           finesse_dialog_state(dialog), finesse_dialog_from_address(dialog),
           finesse_dialog_to_address(dialog), account ? account : "(none)");
    for (i = 0; i < finesse_dialog_participants_count(dialog); i++) {
        const finesse_participant *p = finesse_dialog_participants_get(dialog, i);
        printf("  %s: %s; may", finesse_participant_media_address(p),
               finesse_participant_state(p));
        for (j = 0; j < finesse_participant_actions_count(p); j++) {
            printf(" %s", finesse_participant_actions_get(p, j));
        }
        printf("\n");
    }
}

int main(int argc, char **argv) {
    const char *names[] = {"callVariable1"};
    const char *values[] = {"acct-4711"};
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    finesse_accepted *accepted = NULL;
    finesse_outcome *outcome = NULL;
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

    /* Finesse accepts a command at once and carries it out a moment later: wait for that. */
    if (finesse_sign_in(client, argv[5], &accepted) != FINESSE_RESULT_OK) {
        report("finesse_sign_in");
    } else if (wait_for_outcome(accepted, &outcome) != FINESSE_RESULT_OK) {
        report("signing in");
    } else {
        printf("%s is %s\n", finesse_user_login_id(finesse_outcome_user(outcome)),
               finesse_user_state(finesse_outcome_user(outcome)));
        finesse_outcome_free(outcome);
        outcome = NULL;
        if (finesse_make_call(client, argv[6], names, values, 1, &accepted) !=
            FINESSE_RESULT_OK) {
            report("finesse_make_call");
        } else {
            printf("dialing %s (request %s)\n", argv[6], finesse_accepted_request_id(accepted));
            /* The outcome of MAKE_CALL is the new call. */
            if (wait_for_outcome(accepted, &outcome) != FINESSE_RESULT_OK) {
                report("placing the call");
            } else {
                const finesse_dialog *dialog = finesse_outcome_dialog(outcome);
                show_call(dialog);
                snprintf(id, sizeof id, "%s", finesse_dialog_id(dialog));
                finesse_outcome_free(outcome);
                outcome = NULL;
                if (finesse_drop_call(client, id, &accepted) != FINESSE_RESULT_OK) {
                    report("finesse_drop_call");
                } else if (wait_for_outcome(accepted, &outcome) != FINESSE_RESULT_OK) {
                    report("hanging up");
                } else {
                    printf("hung up call %s\n", id);
                    finesse_outcome_free(outcome);
                    status = 0;
                }
            }
        }
    }
    finesse_client_free(client);
    return status;
}
