/* Runs every suite against the emulator started by ffi/tests/run.sh. */
#include "harness.h"
#include "suites.h"

int main(void) {
    argument_tests();
    decode_tests();
    agent_tests();
    call_tests();
    error_tests();
    thread_tests();
    event_tests();
    logging_tests();
    supervisor_tests();
    high_availability_tests();
    team_resource_tests();
    return harness_report();
}
