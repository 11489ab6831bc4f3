//! Decoding and encoding against their practical limits: the typed decode of a realistic
//! Dialogs document against a bare quick-xml event scan of the same bytes, the decode of a
//! Dialog notification, the encoding of a MAKE_CALL, and the largest phone book list the API
//! gives (6000 contacts) against the scan of its bytes. `scripts/bench` runs this and reports
//! the ratio against its target (typed decode within 2x the scan).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use finesse_client::{Dialog, Event, MakeCall, PhoneBook};
use std::hint::black_box;

use common::scan;

/// The reference 3.2 shape: 3 participants, 10 call variables, 5 ECC variables.
const DIALOGS: &[u8] = include_bytes!("../tests/documents/dialogs_three_parties.xml");

/// The same dialog as a notification: a Dialog PUT, the `<Update>` the client decodes from
/// the notification stream (the events benchmark of `finesse-bench` sends the same one).
const DIALOG_UPDATE: &[u8] = include_bytes!("../../bench/documents/update_dialog_put.xml");

/// A TeamResource PhoneBooks answer at the API's limit, 6000 contacts (DEVNET
/// `teamresource—get-phone-books`): one global book of 1000 and five team books of 1000, each
/// contact with every field, in the documented shape.
fn phone_books_at_the_limit() -> Vec<u8> {
    let mut xml = String::from("<PhoneBooks>");
    for book in 0..6 {
        let kind = if book == 0 { "GLOBAL" } else { "TEAM" };
        xml.push_str(&format!(
            "<PhoneBook><name>Book {book}</name><type>{kind}</type><Contacts>"
        ));
        for n in 0..1000 {
            let id = book * 1000 + n;
            xml.push_str(&format!(
                "<Contact><firstName>First{id}</firstName><lastName>Last{id}</lastName>\
                 <phoneNumber>+1613555{id:04}</phoneNumber><description>Account {id}</description>\
                 <uri>/finesse/api/PhoneBook/{book}/Contact/{id}</uri></Contact>"
            ));
        }
        xml.push_str("</Contacts></PhoneBook>");
    }
    xml.push_str("</PhoneBooks>");
    xml.into_bytes()
}

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
    let books = phone_books_at_the_limit();
    let decoded = PhoneBook::list_from_xml(&books).unwrap();
    assert_eq!(
        decoded.iter().map(|b| b.contacts.len()).sum::<usize>(),
        6000
    );
    group.bench_function("phone_books_6000_typed", |b| {
        b.iter(|| PhoneBook::list_from_xml(black_box(&books)).unwrap())
    });
    group.bench_function("phone_books_6000_raw_scan", |b| {
        b.iter(|| scan(black_box(&books)))
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
