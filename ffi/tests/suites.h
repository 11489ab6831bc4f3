/* The test suites, one per file, run in this order by main.c. */
#ifndef FINESSE_TEST_SUITES_H
#define FINESSE_TEST_SUITES_H

void argument_tests(void);
void decode_tests(void);
void agent_tests(void);
void call_tests(void);
void error_tests(void);
void thread_tests(void);
void event_tests(void);
void logging_tests(void);
void supervisor_tests(void);
void high_availability_tests(void);
void team_resource_tests(void);

#endif
