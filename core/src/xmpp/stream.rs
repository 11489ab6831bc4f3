//! Cuts the XML stream of XMPP over TCP (RFC 6120 §4) into its top-level elements as bytes
//! arrive. Written here rather than taken from an XMPP crate because the crates of the field
//! are asynchronous (tokio-xmpp) while the session is a plain thread: the stream's own header
//! and end tag, what lies between elements, and `boundary` for where each element ends.

use super::{Frame, boundary, parse_frame};

/// Top-level elements received from a TCP stream, one at a time.
pub(crate) struct StreamReader {
    /// Bytes received and not yet returned as an element.
    buffer: Vec<u8>,
    /// Largest element accepted; a larger one ends the stream.
    max_element: usize,
}

/// What one look at the buffer found.
enum Scan {
    /// More bytes are needed.
    Incomplete,
    /// The first `len` bytes are skipped (an XML declaration, whitespace between elements).
    Skip(usize),
    /// The first `len` bytes are the stream header (`<stream:stream …>`).
    Header(usize),
    /// The first `len` bytes are the stream's end tag.
    End(usize),
    /// The first `len` bytes are one complete element.
    Element(usize),
}

impl StreamReader {
    pub(crate) fn new(max_element: usize) -> StreamReader {
        StreamReader {
            buffer: Vec::new(),
            max_element,
        }
    }

    /// Adds received bytes.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Forgets everything received (the stream restarts after STARTTLS or authentication).
    pub(crate) fn reset(&mut self) {
        self.buffer.clear();
    }

    /// The next complete element, if one has arrived. The stream header is
    /// [`Frame::Open`], its end tag [`Frame::Close`]. Errors are malformed XML or an element
    /// over the size limit.
    pub(crate) fn next(&mut self) -> Result<Option<Frame>, String> {
        loop {
            let scan = scan(&self.buffer)?;
            let frame = match scan {
                Scan::Incomplete if self.buffer.len() > self.max_element => {
                    return Err(format!(
                        "an element of more than {} bytes",
                        self.max_element
                    ));
                }
                Scan::Incomplete => return Ok(None),
                Scan::Skip(len) => {
                    self.buffer.drain(..len);
                    continue;
                }
                Scan::Header(len) => {
                    self.buffer.drain(..len);
                    Frame::Open
                }
                Scan::End(len) => {
                    self.buffer.drain(..len);
                    Frame::Close
                }
                Scan::Element(len) => {
                    let text = std::str::from_utf8(&self.buffer[..len])
                        .map_err(|e| format!("not UTF-8: {e}"))?;
                    let frame = parse_frame(text)?;
                    self.buffer.drain(..len);
                    frame
                }
            };
            return Ok(Some(frame));
        }
    }
}

/// Looks at the start of `buffer`.
fn scan(buffer: &[u8]) -> Result<Scan, String> {
    let blank = buffer
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    if blank > 0 {
        return Ok(Scan::Skip(blank));
    }
    match buffer {
        [] => Ok(Scan::Incomplete),
        [b'<', b'?' | b'!', ..] => skip_markup(buffer),
        // At the top level, an end tag can only be the stream's.
        [b'<', b'/', ..] => Ok(boundary::tag_len(buffer).map_or(Scan::Incomplete, Scan::End)),
        [b'<', ..] if is_stream_header(buffer) => {
            Ok(boundary::tag_len(buffer).map_or(Scan::Incomplete, Scan::Header))
        }
        [b'<', ..] => Ok(boundary::element_len(buffer)?.map_or(Scan::Incomplete, Scan::Element)),
        _ => Err("text outside of any element".to_owned()),
    }
}

/// An XML declaration, processing instruction or comment between elements: skipped.
fn skip_markup(buffer: &[u8]) -> Result<Scan, String> {
    let close: &[u8] = if buffer.starts_with(b"<?") {
        b"?>"
    } else if buffer.starts_with(b"<!--") {
        b"-->"
    } else if b"<!--".starts_with(buffer) {
        return Ok(Scan::Incomplete);
    } else {
        return Err("a DOCTYPE in the stream".to_owned());
    };
    Ok(memchr::memmem::find(&buffer[2..], close)
        .map_or(Scan::Incomplete, |end| Scan::Skip(2 + end + close.len())))
}

/// Whether the start tag at the start of `buffer` opens the stream (`<stream:stream`, or
/// any prefix).
fn is_stream_header(buffer: &[u8]) -> bool {
    let name_end = buffer
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(buffer.len());
    let name = &buffer[1..name_end];
    let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    local == b"stream"
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' \
        xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='fin' version='1.0'>";

    fn frames(reader: &mut StreamReader) -> Vec<Frame> {
        std::iter::from_fn(|| reader.next().unwrap()).collect()
    }

    #[test]
    fn elements_are_cut_wherever_the_bytes_split() {
        let stream = format!(
            "{HEADER}<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\
             <mechanism>PLAIN</mechanism></mechanisms></stream:features>\n \
             <presence from='finesse@fin/finesse'><status>café</status></presence><iq type='result' id='a&amp;b'/>\
             </stream:stream>"
        );
        let expected = {
            let mut reader = StreamReader::new(1024);
            reader.push(stream.as_bytes());
            frames(&mut reader)
        };
        assert_eq!(expected.len(), 5, "{expected:?}");
        assert_eq!(expected[0], Frame::Open);
        assert_eq!(expected[4], Frame::Close);
        // Any split point, even inside a tag, an entity or a multi-byte character, gives the
        // same elements.
        for split in 1..stream.len() {
            let mut reader = StreamReader::new(1024);
            reader.push(&stream.as_bytes()[..split]);
            let mut got = frames(&mut reader);
            reader.push(&stream.as_bytes()[split..]);
            got.extend(frames(&mut reader));
            assert_eq!(got, expected, "split at {split}");
        }
    }

    #[test]
    fn oversized_and_malformed_elements_are_errors() {
        let mut reader = StreamReader::new(64);
        reader.push(format!("<message>{}", "x".repeat(100)).as_bytes());
        assert!(reader.next().unwrap_err().contains("more than 64 bytes"));
        let mut reader = StreamReader::new(1024);
        reader.push(b"<message></iq>");
        assert!(reader.next().is_err());
        let mut reader = StreamReader::new(1024);
        reader.push(b"stray text<a/>");
        assert!(reader.next().is_err());
    }
}
