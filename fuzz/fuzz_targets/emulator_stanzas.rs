//! The emulator's readers of XMPP elements: a WebSocket frame, an element cut from a TCP
//! stream, a BOSH body. Whatever a client sends, each reads it or names the stream error
//! (or BOSH condition) to answer, without panicking.

#![no_main]

use finesse_emulator::fuzzing;
use libfuzzer_sys::fuzz_target;

const STREAM_CONDITIONS: [&str; 2] = ["not-well-formed", "policy-violation"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(condition) = fuzzing::websocket_frame(text) {
        assert!(STREAM_CONDITIONS.contains(&condition), "{condition}");
    }
    if let Err(condition) = fuzzing::stream_element(text) {
        assert!(STREAM_CONDITIONS.contains(&condition), "{condition}");
    }
    if let Err(condition) = fuzzing::bosh_body(text) {
        assert!(
            ["bad-request", "policy-violation"].contains(&condition),
            "{condition}"
        );
    }
});
