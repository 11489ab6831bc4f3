/* Clients for the emulator, its control API over plain HTTP on loopback, and polling. */
#define _POSIX_C_SOURCE 200809L

#include "fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Generous, for runs under valgrind; a passing run waits far less. */
#define WAIT_LIMIT_MS 20000
#define POLL_MS 40

const char *fixture_env(const char *name) {
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0') {
        fprintf(stderr, "%s is not set: run the tests through ffi/tests/run.sh\n", name);
        exit(2);
    }
    return value;
}

const char *fixture_url(void) { return fixture_env("FINESSE_TEST_URL"); }

const char *fixture_ca(void) { return fixture_env("FINESSE_TEST_CA"); }

const char *fixture_notification_url(void) { return fixture_env("FINESSE_TEST_NOTIFY"); }

static finesse_config *config_at(const char *url, const char *ca, const char *login_id,
                                 const char *password) {
    finesse_config *config = NULL;
    if (finesse_config_new(url, &config) != FINESSE_RESULT_OK) {
        return NULL;
    }
    if (finesse_config_set_basic_auth(config, login_id, password) != FINESSE_RESULT_OK ||
        finesse_config_add_ca_file(config, ca) != FINESSE_RESULT_OK) {
        finesse_config_free(config);
        return NULL;
    }
    return config;
}

finesse_config *fixture_config(const char *login_id, const char *password) {
    return config_at(fixture_url(), fixture_ca(), login_id, password);
}

finesse_client *fixture_client_at(const char *url, const char *ca, const char *login_id) {
    char password[64];
    finesse_client *client = NULL;
    finesse_config *config;
    snprintf(password, sizeof password, "secret%s", login_id);
    config = config_at(url, ca, login_id, password);
    if (config == NULL || finesse_client_new(config, &client) != FINESSE_RESULT_OK) {
        return NULL;
    }
    return client;
}

finesse_client *fixture_client(const char *login_id) {
    return fixture_client_at(fixture_url(), fixture_ca(), login_id);
}

int control(const char *method, const char *path, const char *json, char *body, size_t body_len) {
    return control_at(fixture_env("FINESSE_TEST_CONTROL"), method, path, json, body, body_len);
}

int control_at(const char *control_url, const char *method, const char *path, const char *json,
               char *body, size_t body_len) {
    unsigned port = 0;
    struct sockaddr_in addr;
    char request[1024];
    char response[8192];
    size_t got = 0;
    ssize_t n;
    int fd, status = -1, length;
    const char *payload = json ? json : "";
    const char *start;

    /* http://127.0.0.1:PORT or http://localhost:PORT (side A of a pair): loopback either way. */
    const char *colon = strrchr(control_url, ':');
    if (strncmp(control_url, "http://", 7) != 0 || colon == NULL ||
        sscanf(colon + 1, "%u", &port) != 1) {
        return -1;
    }
    length = snprintf(request, sizeof request,
                      "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                      method, path, strlen(payload), payload);
    if (length < 0 || (size_t)length >= sizeof request) {
        return -1;
    }
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0 &&
        write(fd, request, (size_t)length) == length) {
        while (got < sizeof response - 1 &&
               (n = read(fd, response + got, sizeof response - 1 - got)) > 0) {
            got += (size_t)n;
        }
        response[got] = '\0';
        if (sscanf(response, "HTTP/1.1 %d", &status) != 1) {
            status = -1;
        }
        if (body != NULL && body_len > 0) {
            start = strstr(response, "\r\n\r\n");
            snprintf(body, body_len, "%s", start ? start + 4 : "");
        }
    }
    close(fd);
    return status;
}

void sleep_ms(unsigned ms) {
    struct timespec t;
    t.tv_sec = ms / 1000;
    t.tv_nsec = (long)(ms % 1000) * 1000000L;
    nanosleep(&t, NULL);
}

long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Calls `probe` until it returns 1 or the time limit passes; 0 or -1. */
static int poll_until(int (*probe)(const void *), const void *arg) {
    unsigned waited;
    for (waited = 0; waited < WAIT_LIMIT_MS; waited += POLL_MS) {
        if (probe(arg)) {
            return 0;
        }
        sleep_ms(POLL_MS);
    }
    return probe(arg) ? 0 : -1;
}

struct dialog_probe {
    const finesse_client *client;
    char *id;
    size_t id_len;
    const char *address;
    const char *state;
    const char *known_id;
    size_t count;
};

static int has_dialog(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_dialog_list *list = NULL;
    int found = 0;
    if (finesse_get_dialogs(p->client, &list) != FINESSE_RESULT_OK) {
        return 0;
    }
    if (finesse_owned_dialog_list_count(list) > 0) {
        snprintf(p->id, p->id_len, "%s",
                 finesse_dialog_id(finesse_owned_dialog_list_get(list, 0)));
        found = 1;
    }
    finesse_owned_dialog_list_free(list);
    return found;
}

int wait_for_dialog(const finesse_client *client, char *id, size_t id_len) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    p.client = client;
    p.id = id;
    p.id_len = id_len;
    return poll_until(has_dialog, &p);
}

static int has_other_dialog(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_dialog_list *list = NULL;
    size_t i;
    int found = 0;
    if (finesse_get_dialogs(p->client, &list) != FINESSE_RESULT_OK) {
        return 0;
    }
    for (i = 0; i < finesse_owned_dialog_list_count(list) && !found; i++) {
        const char *id = finesse_dialog_id(finesse_owned_dialog_list_get(list, i));
        if (strcmp(id, p->known_id) != 0) {
            snprintf(p->id, p->id_len, "%s", id);
            found = 1;
        }
    }
    finesse_owned_dialog_list_free(list);
    return found;
}

int wait_for_other_dialog(const finesse_client *client, const char *known_id, char *id,
                          size_t id_len) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    p.client = client;
    p.known_id = known_id;
    p.id = id;
    p.id_len = id_len;
    return poll_until(has_other_dialog, &p);
}

static int has_participant_count(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_dialog *owned = NULL;
    const finesse_dialog *dialog;
    size_t i, live = 0;
    if (finesse_get_dialog(p->client, p->id, &owned) != FINESSE_RESULT_OK) {
        return 0;
    }
    dialog = finesse_owned_dialog_view(owned);
    for (i = 0; i < finesse_dialog_participants_count(dialog); i++) {
        const finesse_participant *participant = finesse_dialog_participants_get(dialog, i);
        if (strcmp(finesse_participant_state(participant), "DROPPED") != 0) {
            live++;
        }
    }
    finesse_owned_dialog_free(owned);
    return live == p->count;
}

int wait_for_participant_count(const finesse_client *client, const char *id, size_t count) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    char id_copy[64];
    snprintf(id_copy, sizeof id_copy, "%s", id);
    p.client = client;
    p.id = id_copy;
    p.count = count;
    return poll_until(has_participant_count, &p);
}

static int participant_in_state(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_dialog *owned = NULL;
    const char *state;
    int done;
    if (finesse_get_dialog(p->client, p->id, &owned) != FINESSE_RESULT_OK) {
        return 0;
    }
    state = finesse_participant_state(
        finesse_dialog_participant(finesse_owned_dialog_view(owned), p->address));
    done = state != NULL && strcmp(state, p->state) == 0;
    finesse_owned_dialog_free(owned);
    return done;
}

int wait_for_participant_state(const finesse_client *client, const char *id,
                               const char *address, const char *state) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    char id_copy[64];
    snprintf(id_copy, sizeof id_copy, "%s", id);
    p.client = client;
    p.id = id_copy;
    p.address = address;
    p.state = state;
    return poll_until(participant_in_state, &p);
}

static int no_dialogs(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_dialog_list *list = NULL;
    int none;
    if (finesse_get_dialogs(p->client, &list) != FINESSE_RESULT_OK) {
        return 0;
    }
    none = finesse_owned_dialog_list_count(list) == 0;
    finesse_owned_dialog_list_free(list);
    return none;
}

int wait_for_no_dialogs(const finesse_client *client) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    p.client = client;
    return poll_until(no_dialogs, &p);
}

static int user_in_state(const void *arg) {
    const struct dialog_probe *p = arg;
    finesse_owned_user *user = NULL;
    int done;
    if (finesse_get_user(p->client, &user) != FINESSE_RESULT_OK) {
        return 0;
    }
    done = strcmp(finesse_user_state(finesse_owned_user_view(user)), p->state) == 0;
    finesse_owned_user_free(user);
    return done;
}

int wait_for_user_state(const finesse_client *client, const char *state) {
    struct dialog_probe p = {NULL, NULL, 0, NULL, NULL, NULL, 0};
    p.client = client;
    p.state = state;
    return poll_until(user_in_state, &p);
}

unsigned closed_port(void) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    unsigned port = 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 9;
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0 &&
        getsockname(fd, (struct sockaddr *)&addr, &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    close(fd);
    return port;
}
