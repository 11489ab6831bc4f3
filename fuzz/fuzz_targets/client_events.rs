//! The client's decoders of notifications: an `<Update>` document, and the pub-sub
//! `<message>` stanza that carries one escaped inside it. Whatever the bytes, they return
//! events or an error and never panic.

#![no_main]

use finesse_client::{Event, PubSubMessage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = format!("{:?}", Event::from_update_xml(data));
    let _ = format!("{:?}", PubSubMessage::from_xml(data));
});
