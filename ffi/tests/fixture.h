/*
 * The emulator started by ffi/tests/run.sh (its URLs and CA come from the environment), and
 * helpers to create clients, drive the emulator's control API and wait for call progress.
 */
#ifndef FINESSE_TEST_FIXTURE_H
#define FINESSE_TEST_FIXTURE_H

#include <stddef.h>

#include "finesse.h"

/* The emulator's REST base URL, e.g. https://127.0.0.1:40000 (FINESSE_TEST_URL). */
const char *fixture_url(void);

/* The emulator's CA certificate file (FINESSE_TEST_CA). */
const char *fixture_ca(void);

/* The emulator's notification service, e.g. wss://127.0.0.1:40001/ws (FINESSE_TEST_NOTIFY). */
const char *fixture_notification_url(void);

/* The value of the environment variable `name`; exits with a message when it is not set. */
const char *fixture_env(const char *name);

/* A client for agent `login_id` with its default password (secret<login_id>) on the emulator
 * at `url` whose CA is in the file `ca`, or NULL. The caller frees it with
 * finesse_client_free. */
finesse_client *fixture_client_at(const char *url, const char *ca, const char *login_id);

/* A configuration for agent `login_id` with `password`, trusting the emulator's CA, or NULL.
 * The caller gives it to finesse_client_new or frees it. */
finesse_config *fixture_config(const char *login_id, const char *password);

/* A client for agent `login_id` with its default password (secret<login_id>), or NULL.
 * The caller frees it with finesse_client_free. */
finesse_client *fixture_client(const char *login_id);

/* Sends a JSON request to the emulator's control API and returns the HTTP status, or -1.
 * `json` may be NULL; the start of the response body is copied to `body` when not NULL. */
int control(const char *method, const char *path, const char *json, char *body, size_t body_len);

/* As `control`, on the emulator node whose control API is at `control_url`. */
int control_at(const char *control_url, const char *method, const char *path, const char *json,
               char *body, size_t body_len);

/* Sleeps for `ms` milliseconds. */
void sleep_ms(unsigned ms);

/* A monotonic clock in milliseconds. */
long now_ms(void);

/* Polls the agent's dialogs until there is one and copies its id; 0 on success, -1 after the
 * time limit. */
int wait_for_dialog(const finesse_client *client, char *id, size_t id_len);

/* Polls the agent's dialogs until there is one other than `known_id` and copies its id; 0 or
 * -1. */
int wait_for_other_dialog(const finesse_client *client, const char *known_id, char *id,
                          size_t id_len);

/* Polls dialog `id` until it has `count` live participants (not DROPPED); 0 or -1. */
int wait_for_participant_count(const finesse_client *client, const char *id, size_t count);

/* Polls dialog `id` until the participant at `address` is in `state`; 0 or -1. */
int wait_for_participant_state(const finesse_client *client, const char *id,
                               const char *address, const char *state);

/* Polls the agent's dialogs until there is none; 0 or -1. */
int wait_for_no_dialogs(const finesse_client *client);

/* Polls the agent's User until its state is `state`; 0 or -1. */
int wait_for_user_state(const finesse_client *client, const char *state);

/* A port on 127.0.0.1 that nothing listens on. */
unsigned closed_port(void);

#endif
