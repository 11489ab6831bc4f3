//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz): the emulator's readers of
//! what clients send — REST request bodies, WebSocket frames, BOSH bodies, the XMPP stream
//! over TCP — called on raw input. Each returns what the reader made of it, so a target
//! can check more than the absence of a crash. They are not part of the emulator's API
//! for tests, and change with the readers they call.

use crate::xml_in;
use crate::xml_scan;
use crate::xmpp::readers;

/// Reads a PUT User body; true when it is accepted.
pub fn rest_user_body(body: &[u8]) -> bool {
    xml_in::parse_user(body).is_ok()
}

/// Reads a Dialog body (POST Dialogs, PUT Dialog); true when it is accepted.
pub fn rest_dialog_body(body: &[u8]) -> bool {
    xml_in::parse_dialog(body).is_ok()
}

/// Reads one XMPP-over-WebSocket frame; the stream error condition when it is refused.
pub fn websocket_frame(frame: &str) -> Result<(), &'static str> {
    readers::frame(frame).map(|_| ()).map_err(|e| e.condition())
}

/// Reads one element cut from an XMPP stream over TCP; the stream error condition when
/// it is refused.
pub fn stream_element(element: &str) -> Result<(), &'static str> {
    readers::stream_element(element)
        .map(|_| ())
        .map_err(|e| e.condition())
}

/// Reads a BOSH body; the terminal binding condition when it is refused.
pub fn bosh_body(body: &str) -> Result<(), &'static str> {
    readers::bosh_body(body).map(|_| ()).map_err(|e| e.0)
}

/// Feeds `stream` to the XMPP-over-TCP reader in pieces of the lengths `pieces` gives
/// (cycled; a zero stands for one byte), reading every piece it completes, and each
/// element as the stream's reader does; the number of pieces read before the stream
/// ended or was refused.
pub fn tcp_stream(stream: &[u8], pieces: &[u8]) -> usize {
    let mut reader = readers::StreamReader::default();
    let mut read = 0;
    let mut rest = stream;
    let mut sizes = pieces.iter().cycle();
    while !rest.is_empty() {
        let size = sizes.next().map_or(rest.len(), |&s| usize::from(s.max(1)));
        let (piece, after) = rest.split_at(size.min(rest.len()));
        reader.push(piece);
        rest = after;
        loop {
            match reader.next() {
                Ok(Some(readers::Piece::Element(element))) => {
                    read += 1;
                    if readers::stream_element(&element).is_err() {
                        return read;
                    }
                }
                Ok(Some(_)) => read += 1,
                Ok(None) => break,
                Err(_) => return read,
            }
        }
    }
    read
}

/// The deepest nesting of elements in `text` as the emulator measures it before parsing,
/// `None` past `limit` or for a declaration or a stray closing tag. Parsers that descend
/// recursively must agree with it on every document they accept.
pub fn xml_depth(text: &str, limit: usize) -> Option<usize> {
    xml_scan::depth(text.as_bytes(), limit).ok()
}
