/*
 * wallboard: a supervisor's team, each member's state, and the queues' statistics, kept up to
 * date by events. It prints the board, then one line per change.
 *
 *   wallboard URL CA_FILE NOTIFICATION_URL SUPERVISOR PASSWORD [CHANGES]
 *
 * It stops after CHANGES changes when given, else runs until killed. For example, against
 * the bundled emulator (which prints its URLs and writes its CA):
 *
 *   finesse-emulator --port 8445 --write-ca ca.pem &
 *   ./wallboard https://127.0.0.1:8445 ca.pem wss://127.0.0.1:8445/ws/ 2001 secret2001
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finesse.h"

/* How long to wait for each event before waiting again. */
#define POLL_MS 1000

static int report(const char *what) {
    const char *message = finesse_last_error_message();
    fprintf(stderr, "%s failed (code %u): %s\n", what, (unsigned)finesse_last_error_code(),
            message ? message : "");
    return 1;
}

static void print_member(const char *indent, const finesse_user *user) {
    const finesse_reason_code *reason = finesse_user_reason_code(user);
    printf("%s%s %s %s: %s", indent, finesse_user_login_id(user), finesse_user_first_name(user),
           finesse_user_last_name(user), finesse_user_state(user));
    if (reason != NULL) {
        printf(" (%s)", finesse_reason_code_label(reason));
    }
    printf("\n");
}

/* A statistic, or -1 when the server left it empty. */
static long long stat(bool (*accessor)(const finesse_queue_stats *, int64_t *),
                      const finesse_queue_stats *stats) {
    int64_t value = -1;
    accessor(stats, &value);
    return (long long)value;
}

static void print_queue(const char *indent, const finesse_queue *queue) {
    const finesse_queue_stats *s = finesse_queue_statistics(queue);
    printf("%squeue %s: %lld waiting, %lld ready, %lld not ready, %lld talking\n", indent,
           finesse_queue_name(queue), stat(finesse_queue_statistics_calls_in_queue, s),
           stat(finesse_queue_statistics_agents_ready, s),
           stat(finesse_queue_statistics_agents_not_ready, s),
           stat(finesse_queue_statistics_agents_talking_inbound, s));
}

int main(int argc, char **argv) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    finesse_owned_user *me = NULL;
    finesse_owned_team *owned_team = NULL;
    finesse_owned_queue_list *queues = NULL;
    finesse_notification_options *options = NULL;
    finesse_notifications *session = NULL;
    const finesse_team *team;
    const finesse_team_ref *first;
    char node[256];
    long changes = -1, seen = 0;
    size_t i;
    int status = 0;

    if (argc != 6 && argc != 7) {
        fprintf(stderr,
                "usage: %s URL CA_FILE NOTIFICATION_URL SUPERVISOR PASSWORD [CHANGES]\n",
                argv[0]);
        return 2;
    }
    if (argc == 7) {
        changes = strtol(argv[6], NULL, 10);
    }
    if (finesse_config_new(argv[1], &config) != FINESSE_RESULT_OK ||
        finesse_config_set_basic_auth(config, argv[4], argv[5]) != FINESSE_RESULT_OK ||
        finesse_config_add_ca_file(config, argv[2]) != FINESSE_RESULT_OK) {
        finesse_config_free(config);
        return report("the configuration");
    }
    if (finesse_client_new(config, &client) != FINESSE_RESULT_OK) {
        return report("finesse_client_new");
    }
    /* The first team the supervisor supervises, with its members' states. */
    if (finesse_get_user(client, &me) != FINESSE_RESULT_OK) {
        status = report("finesse_get_user");
        goto done;
    }
    first = finesse_user_teams_get(finesse_owned_user_view(me), 0);
    if (first == NULL) {
        fprintf(stderr, "%s supervises no team\n", argv[4]);
        status = 1;
        goto done;
    }
    if (finesse_get_team(client, finesse_team_ref_id(first), &owned_team) != FINESSE_RESULT_OK) {
        status = report("finesse_get_team");
        goto done;
    }
    team = finesse_owned_team_view(owned_team);
    /* The queues and their statistics (CCE; CCX has none). */
    if (finesse_get_queues(client, &queues) != FINESSE_RESULT_OK) {
        queues = NULL;
    }

    /* Subscribed before the board is printed: no change falls between the two. */
    if (finesse_notification_options_new(&options) != FINESSE_RESULT_OK ||
        finesse_notification_options_set_url(options, argv[3]) != FINESSE_RESULT_OK) {
        status = report("the notification options");
        goto done;
    }
    snprintf(node, sizeof node, "/finesse/api/Team/%s/Users", finesse_team_id(team));
    if (finesse_notification_options_add_subscription(options, node) != FINESSE_RESULT_OK) {
        status = report("the team subscription");
        goto done;
    }
    for (i = 0; queues != NULL && i < finesse_owned_queue_list_count(queues); i++) {
        int64_t id = 0;
        if (finesse_queue_id(finesse_owned_queue_list_get(queues, i), &id)) {
            snprintf(node, sizeof node, "/finesse/api/Queue/%lld", (long long)id);
            if (finesse_notification_options_add_subscription(options, node) !=
                FINESSE_RESULT_OK) {
                status = report("a queue subscription");
                goto done;
            }
        }
    }
    if (finesse_notifications_start_with(client, options, &session) != FINESSE_RESULT_OK) {
        status = report("finesse_notifications_start_with");
        goto done;
    }

    printf("team %s: %zu members\n", finesse_team_name(team), finesse_team_users_count(team));
    for (i = 0; i < finesse_team_users_count(team); i++) {
        print_member("  ", finesse_team_users_get(team, i));
    }
    for (i = 0; queues != NULL && i < finesse_owned_queue_list_count(queues); i++) {
        print_queue("  ", finesse_owned_queue_list_get(queues, i));
    }
    fflush(stdout);

    while (changes < 0 || seen < changes) {
        finesse_owned_event *owned = NULL;
        const finesse_event *event;
        finesse_result result = finesse_next_event(session, POLL_MS, &owned);
        if (result == FINESSE_RESULT_NO_EVENT) {
            continue;
        }
        if (result != FINESSE_RESULT_OK) {
            status = report("finesse_next_event");
            break;
        }
        event = finesse_owned_event_view(owned);
        switch (finesse_event_type(event)) {
        case FINESSE_EVENT_KIND_USER_CHANGED:
            /* Only the team's members: the supervisor's own User comes too. */
            if (finesse_team_user(team, finesse_user_login_id(finesse_event_user(event)))) {
                print_member("", finesse_event_user(event));
                seen++;
            }
            break;
        case FINESSE_EVENT_KIND_TEAM_CHANGED:
            printf("team %s: %zu members\n", finesse_team_name(finesse_event_team(event)),
                   finesse_team_users_count(finesse_event_team(event)));
            seen++;
            break;
        case FINESSE_EVENT_KIND_QUEUE_CHANGED:
            print_queue("", finesse_event_queue(event));
            seen++;
            break;
        default:
            break;
        }
        fflush(stdout);
        finesse_owned_event_free(owned);
    }

done:
    finesse_notifications_free(session);
    finesse_notification_options_free(options);
    finesse_owned_queue_list_free(queues);
    finesse_owned_team_free(owned_team);
    finesse_owned_user_free(me);
    finesse_client_free(client);
    return status;
}
