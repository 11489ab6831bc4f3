//! The practical limit of decoding a document, shared by the criterion benches and by the
//! raw round trip of `finesse-bench` (which includes this file by path).

use quick_xml::Reader;
use quick_xml::events::Event as XmlEvent;

/// Reads every event and touches its bytes: what any decoder must do at least.
pub fn scan(bytes: &[u8]) -> usize {
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
