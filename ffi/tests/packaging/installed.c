/*
 * A program built against libfinesse as a user installs it: by ffi/tests/run.sh with CMake's
 * find_package(finesse) from the prefix `cargo cinstall` wrote, and by ffi/tests/windows.sh
 * against the cross-built finesse.dll. It needs no server: it checks that the library is the
 * header's version and decodes a SystemInfo document.
 */
#include <stdio.h>
#include <string.h>

#include "finesse.h"

static const char SYSTEM_INFO[] = "<SystemInfo><status>IN_SERVICE</status>"
                                  "<deploymentType>UCCE</deploymentType></SystemInfo>";

int main(void) {
    finesse_owned_system_info *info = NULL;
    const char *status = NULL;
    int ok = 0;

    if (strcmp(finesse_version(), FINESSE_VERSION) != 0) {
        fprintf(stderr, "libfinesse %s, finesse.h %s\n", finesse_version(), FINESSE_VERSION);
        return 1;
    }
    if (finesse_system_info_from_xml((const uint8_t *)SYSTEM_INFO, sizeof SYSTEM_INFO - 1,
                                     &info) != FINESSE_RESULT_OK) {
        fprintf(stderr, "decoding failed: %s\n", finesse_last_error_message());
        return 1;
    }
    status = finesse_system_info_status(finesse_owned_system_info_view(info));
    ok = status != NULL && strcmp(status, "IN_SERVICE") == 0;
    printf("libfinesse %s: SystemInfo status %s\n", finesse_version(), status ? status : "none");
    finesse_owned_system_info_free(info);
    return ok ? 0 : 1;
}
