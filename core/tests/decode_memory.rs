//! Decoding takes memory in proportion to the input: at most [`FACTOR`] times the document's
//! size at the peak, hostile documents included. A document of empty elements, each of which
//! would become a structure of hundreds of bytes, is refused once its structures outgrow it
//! (4 MiB of `<Dialog/>` used to take 289 MiB, and 591 MiB as a notification). Measured with
//! a counting allocator; one test in this file so that nothing else allocates meanwhile.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use finesse_client::ErrorKind;
use finesse_client::model::{Dialog, SystemInfo, User};
use finesse_client::{Event, PubSubMessage};

/// The most memory decoding may hold at once, per byte of input: structures may take 8 times
/// the input (`MAX_EXPANSION` in core/src/xml/reader.rs), and a list doubles its capacity as
/// it grows.
const FACTOR: usize = 16;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(now, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak memory `decode` held beyond what was allocated before it, and what it returned.
fn peak_of<T>(decode: impl FnOnce() -> T) -> (usize, T) {
    let before = CURRENT.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let value = decode();
    (PEAK.load(Ordering::SeqCst) - before, value)
}

fn document(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/documents/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// `xml` with `<`, `>` and `&` escaped, as a pub-sub notification carries it.
fn escaped(xml: &str) -> String {
    xml.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn decoding_memory_stays_within_a_factor_of_the_input() {
    // Real documents decode, within the factor.
    for (name, decode) in [
        (
            "dialogs_three_parties.xml",
            (|b: &[u8]| Dialog::list_from_xml(b).map(drop)) as fn(&[u8]) -> _,
        ),
        ("dialog_doc_sample.xml", |b| Dialog::from_xml(b).map(drop)),
        ("user_cce11.xml", |b| User::from_xml(b).map(drop)),
        ("system_info.xml", |b| SystemInfo::from_xml(b).map(drop)),
        ("update_dialogs_post.xml", |b| {
            Event::from_update_xml(b).map(drop)
        }),
        ("pubsub_message_dialogs_post.xml", |b| {
            PubSubMessage::from_xml(b).map(drop)
        }),
    ] {
        let bytes = document(name);
        let (peak, result) = peak_of(|| decode(&bytes));
        result.unwrap_or_else(|e| panic!("{name}: {e}"));
        let ratio = peak as f64 / bytes.len() as f64;
        println!(
            "{name}: {} bytes, peak {peak} bytes ({ratio:.1}x)",
            bytes.len()
        );
        assert!(peak <= FACTOR * bytes.len(), "{name}: {ratio:.1}x");
    }

    // Up to 4 MiB of empty dialogs, as a document and as a notification (escaped, it is
    // larger): refused, within the factor.
    let update = |count: usize| {
        format!(
            "<Update><data><dialogs>{}</dialogs></data><event>POST</event>\
             <source>/finesse/api/User/1001/Dialogs</source></Update>",
            "<Dialog/>".repeat(count)
        )
    };
    let dialogs = format!("<Dialogs>{}</Dialogs>", "<Dialog/>".repeat(460_000));
    let message = format!(
        "<message from=\"pubsub.finesse\" to=\"1001@finesse/x\"><event \
         xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"/finesse/api/User/1001\">\
         <item id=\"1\"><notification xmlns=\"http://jabber.org/protocol/pubsub\">{}\
         </notification></item></items></event></message>",
        escaped(&update(270_000))
    );
    let update = update(460_000);
    for (what, bytes, decode) in [
        (
            "Dialogs",
            dialogs.as_bytes(),
            (|b: &[u8]| Dialog::list_from_xml(b).map(drop)) as fn(&[u8]) -> _,
        ),
        ("Update", update.as_bytes(), |b| {
            Event::from_update_xml(b).map(drop)
        }),
        ("notification", message.as_bytes(), |b| {
            PubSubMessage::from_xml(b).map(drop)
        }),
    ] {
        let (peak, result) = peak_of(|| decode(bytes));
        let err = result.expect_err(what);
        assert_eq!(err.kind(), ErrorKind::Decode, "{what}: {err}");
        assert!(err.to_string().contains("times its size"), "{what}: {err}");
        let ratio = peak as f64 / bytes.len() as f64;
        println!(
            "{what} of {} bytes of empty dialogs: refused, peak {peak} bytes ({ratio:.1}x)",
            bytes.len()
        );
        assert!(peak <= FACTOR * bytes.len(), "{what}: {ratio:.1}x");
    }
}
