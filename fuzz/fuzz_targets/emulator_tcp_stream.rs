//! The emulator's reader of an XMPP stream over TCP, fed in pieces of varying sizes as a
//! network delivers them: the first byte says how many of the following bytes give the
//! sizes of the pieces, the rest is the stream. Reading in pieces finds what reading at
//! once finds.

#![no_main]

use finesse_emulator::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&count, rest)) = data.split_first() else {
        return;
    };
    let (pieces, stream) = rest.split_at(usize::from(count % 16).min(rest.len()));
    let in_pieces = fuzzing::tcp_stream(stream, pieces);
    let at_once = fuzzing::tcp_stream(stream, &[]);
    assert_eq!(in_pieces, at_once);
});
