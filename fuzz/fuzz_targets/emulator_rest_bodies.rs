//! The emulator's readers of REST request bodies (User, Dialog). Whatever a client sends,
//! they accept or refuse it (400) without panicking or exhausting the stack.

#![no_main]

use finesse_emulator::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzzing::rest_user_body(data);
    fuzzing::rest_dialog_body(data);
});
