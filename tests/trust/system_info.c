/* Reads SystemInfo from the server given as the first argument with no CA of its own: what is
 * trusted is the library's default (the operating system's store, SSL_CERT_FILE). Prints the
 * node's status, or the status text and message of the failure, and exits with the status. */
#include <stdio.h>

#include "finesse.h"

int main(int argc, char **argv) {
    finesse_config *config = NULL;
    finesse_client *client = NULL;
    finesse_owned_system_info *info = NULL;
    finesse_result status;
    if (argc != 2) {
        fprintf(stderr, "usage: %s https://host:port\n", argv[0]);
        return 100;
    }
    status = finesse_config_new(argv[1], &config);
    if (status == FINESSE_RESULT_OK) {
        status = finesse_config_set_basic_auth(config, "1001", "secret1001");
    }
    if (status == FINESSE_RESULT_OK) {
        status = finesse_client_new(config, &client);
        config = NULL;
    }
    if (status == FINESSE_RESULT_OK) {
        status = finesse_get_system_info(client, &info);
    }
    if (status == FINESSE_RESULT_OK) {
        printf("SystemInfo: %s\n", finesse_system_info_status(finesse_owned_system_info_view(info)));
    } else {
        printf("%s: %s\n", finesse_result_text(status), finesse_last_error_message());
    }
    finesse_owned_system_info_free(info);
    finesse_client_free(client);
    finesse_config_free(config);
    return (int)status;
}
