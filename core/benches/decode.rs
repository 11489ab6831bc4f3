//! Decoding and encoding against their practical limits: the typed decode of a realistic
//! Dialogs document against a bare quick-xml event scan of the same bytes, and the encoding
//! of a MAKE_CALL.

use criterion::{Criterion, criterion_group, criterion_main};
use finesse_client::{Dialog, Event, MakeCall};
use quick_xml::Reader;
use quick_xml::events::Event as XmlEvent;
use std::hint::black_box;

/// The reference 3.2 shape: 3 participants, 10 call variables, 5 ECC variables.
const DIALOGS: &[u8] = include_bytes!("../tests/documents/dialogs_three_parties.xml");

/// Reads every event and touches its bytes: what any decoder must do at least.
fn scan(bytes: &[u8]) -> usize {
    let mut reader = Reader::from_reader(bytes);
    let mut total = 0;
    loop {
        match reader.read_event() {
            Ok(XmlEvent::Eof) => return total,
            Ok(e) => total += e.len(),
            Err(e) => panic!("{e}"),
        }
    }
}

/// The same Dialogs document as a notification: an escaped Update inside a pub-sub item.
fn update_document() -> String {
    let dialogs = String::from_utf8(DIALOGS.to_vec())
        .unwrap()
        .replace("<Dialogs>", "<dialogs>")
        .replace("</Dialogs>", "</dialogs>");
    format!(
        "<Update><data>{dialogs}</data><event>PUT</event><requestId>r</requestId>\
         <source>/finesse/api/User/1001/Dialogs</source></Update>"
    )
}

fn benches(c: &mut Criterion) {
    assert_eq!(Dialog::list_from_xml(DIALOGS).unwrap().len(), 1);
    let mut group = c.benchmark_group("decode");
    group.bench_function("dialogs_typed", |b| {
        b.iter(|| Dialog::list_from_xml(black_box(DIALOGS)).unwrap())
    });
    group.bench_function("dialogs_raw_scan", |b| b.iter(|| scan(black_box(DIALOGS))));
    let update = update_document();
    group.bench_function("notification_update", |b| {
        b.iter(|| Event::from_update_xml(black_box(update.as_bytes())).unwrap())
    });
    group.finish();

    let call = MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("user.CustomerId", "90210");
    c.bench_function("encode/make_call", |b| {
        b.iter(|| black_box(&call).to_xml(black_box("1001001")))
    });
}

criterion_group!(decode, benches);
criterion_main!(decode);
