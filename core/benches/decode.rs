//! Decoding and encoding against their practical limits: the typed decode of a realistic
//! Dialogs document against a bare quick-xml event scan of the same bytes, the decode of a
//! Dialog notification, and the encoding of a MAKE_CALL. `scripts/bench` runs this and
//! reports the ratio against its target (typed decode within 2x the scan).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use finesse_client::{Dialog, Event, MakeCall};
use std::hint::black_box;

use common::scan;

/// The reference 3.2 shape: 3 participants, 10 call variables, 5 ECC variables.
const DIALOGS: &[u8] = include_bytes!("../tests/documents/dialogs_three_parties.xml");

/// The same dialog as a notification: a Dialog PUT, the `<Update>` the client decodes from
/// the notification stream (the events benchmark of `finesse-bench` sends the same one).
const DIALOG_UPDATE: &[u8] = include_bytes!("../../bench/documents/update_dialog_put.xml");

fn benches(c: &mut Criterion) {
    assert_eq!(Dialog::list_from_xml(DIALOGS).unwrap().len(), 1);
    let mut group = c.benchmark_group("decode");
    group.bench_function("dialogs_typed", |b| {
        b.iter(|| Dialog::list_from_xml(black_box(DIALOGS)).unwrap())
    });
    group.bench_function("dialogs_raw_scan", |b| b.iter(|| scan(black_box(DIALOGS))));
    assert!(matches!(
        Event::from_update_xml(DIALOG_UPDATE).unwrap().as_slice(),
        [Event::DialogChanged { .. }]
    ));
    group.bench_function("notification_update", |b| {
        b.iter(|| Event::from_update_xml(black_box(DIALOG_UPDATE)).unwrap())
    });
    group.finish();

    let call = MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("user.CustomerId", "90210");
    let mut group = c.benchmark_group("encode");
    group.bench_function("make_call", |b| {
        b.iter(|| black_box(&call).to_xml(black_box("1001001")))
    });
    group.finish();
}

criterion_group!(decode, benches);
criterion_main!(decode);
