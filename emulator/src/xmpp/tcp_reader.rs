//! Cutting an RFC 6120 XML stream into its pieces: the stream header, each top-level
//! element (a stanza, a SASL or STARTTLS element), and the end of the stream. Elements are
//! found by the tag scanner (`xml_scan`), which resumes where it stopped as bytes arrive,
//! bounded in size and depth, and then parsed on their own (`stanza::parse_in_stream`).
//! Comments, processing instructions and DTDs are refused (restricted XML, RFC 6120 11.1).

use super::ns;
use crate::limits::{MAX_ELEMENT, MAX_XML_DEPTH, STANZA_XML_NODES};
use crate::xml_scan::{self, Kind, Scanner};

/// One piece of the stream.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// `<stream:stream …>`, opening (or re-opening) the stream.
    Header,
    /// One complete top-level element, as text.
    Element(String),
    /// `</stream:stream>`.
    Close,
}

/// Why the stream cannot be read on; each is a stream error condition.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// Not XML.
    NotWellFormed,
    /// An element too large or too deep.
    PolicyViolation,
    /// A comment, a processing instruction or a DTD.
    RestrictedXml,
    /// The header is not `stream:stream` in the streams namespace with `jabber:client`.
    InvalidNamespace,
}

impl ReadError {
    /// The stream error condition (RFC 6120 4.9.3).
    pub fn condition(&self) -> &'static str {
        match self {
            ReadError::NotWellFormed => "not-well-formed",
            ReadError::PolicyViolation => "policy-violation",
            ReadError::RestrictedXml => "restricted-xml",
            ReadError::InvalidNamespace => "invalid-namespace",
        }
    }
}

/// The bytes received and not yet cut into pieces, and how far the piece they begin with
/// has been scanned.
#[derive(Default)]
pub(crate) struct StreamReader {
    buf: Vec<u8>,
    scanner: Scanner,
    /// Elements open in the piece being read; 0 before its first tag.
    depth: usize,
}

/// Checks a stream header: `stream:stream` in the streams namespace, `jabber:client` by
/// default (RFC 6120 4.8).
fn check_header(header: &[u8]) -> Result<(), ReadError> {
    let text = std::str::from_utf8(header).map_err(|_| ReadError::NotWellFormed)?;
    let closed = format!("{text}</stream:stream>");
    let doc = xml_scan::parse(&closed, STANZA_XML_NODES).map_err(|_| ReadError::NotWellFormed)?;
    let root = doc.root_element();
    let ok = root.tag_name().name() == "stream"
        && root.tag_name().namespace() == Some(ns::STREAM)
        && root.lookup_namespace_uri(None) == Some(ns::CLIENT);
    if ok {
        Ok(())
    } else {
        Err(ReadError::InvalidNamespace)
    }
}

impl StreamReader {
    /// Adds bytes received.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Forgets what was received (after STARTTLS: nothing sent before the handshake counts).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.scanner = Scanner::default();
        self.depth = 0;
    }

    /// Removes the first `len` bytes, a piece read whole; the next piece starts afresh.
    fn take(&mut self, len: usize) -> Vec<u8> {
        self.scanner = Scanner::default();
        self.depth = 0;
        self.buf.drain(..len).collect()
    }

    /// The next complete piece; `Ok(None)` until more bytes arrive.
    pub fn next(&mut self) -> Result<Option<Piece>, ReadError> {
        loop {
            if self.depth == 0 {
                // Between pieces only whitespace may come (the scanner has not moved yet
                // when the buffer starts with it).
                let start = self
                    .buf
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(self.buf.len());
                if start > 0 {
                    self.buf.drain(..start);
                    self.scanner = Scanner::default();
                }
                match self.buf.first() {
                    None => return Ok(None),
                    Some(b'<') => {}
                    Some(_) => return Err(ReadError::NotWellFormed),
                }
            }
            let Some(markup) = self
                .scanner
                .next(&self.buf)
                .map_err(|_| ReadError::RestrictedXml)?
            else {
                return self.incomplete();
            };
            if markup.end > MAX_ELEMENT {
                return Err(ReadError::PolicyViolation);
            }
            let top = self.depth == 0;
            match markup.kind {
                // The XML declaration is allowed before a header (RFC 6120 11.5).
                Kind::Pi if top && self.buf.starts_with(b"<?xml ") => {
                    self.take(markup.end);
                }
                Kind::Comment | Kind::Pi => return Err(ReadError::RestrictedXml),
                Kind::CData if top => return Err(ReadError::NotWellFormed),
                Kind::CData => {}
                Kind::Open if top && self.buf.starts_with(b"<stream:stream") => {
                    check_header(&self.buf[..markup.end])?;
                    self.take(markup.end);
                    return Ok(Some(Piece::Header));
                }
                Kind::Close if top && self.buf.starts_with(b"</stream:stream") => {
                    self.take(markup.end);
                    return Ok(Some(Piece::Close));
                }
                Kind::Close if top => return Err(ReadError::NotWellFormed),
                Kind::Empty if top => return self.element(markup.end),
                Kind::Empty => {}
                Kind::Open => {
                    self.depth += 1;
                    if self.depth > MAX_XML_DEPTH {
                        return Err(ReadError::PolicyViolation);
                    }
                }
                Kind::Close => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        return self.element(markup.end);
                    }
                }
            }
        }
    }

    /// The element of the first `len` bytes.
    fn element(&mut self, len: usize) -> Result<Option<Piece>, ReadError> {
        let element = self.take(len);
        let text = String::from_utf8(element).map_err(|_| ReadError::NotWellFormed)?;
        Ok(Some(Piece::Element(text)))
    }

    /// Waits for more bytes, unless what is buffered is already too much.
    fn incomplete(&self) -> Result<Option<Piece>, ReadError> {
        if self.buf.len() > MAX_ELEMENT {
            Err(ReadError::PolicyViolation)
        } else {
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(input: &str) -> Vec<Result<Option<Piece>, ReadError>> {
        let mut r = StreamReader::default();
        r.push(input.as_bytes());
        let mut out = Vec::new();
        loop {
            let p = r.next();
            let stop = !matches!(p, Ok(Some(_)));
            out.push(p);
            if stop {
                return out;
            }
        }
    }

    const HEADER: &str = "<?xml version='1.0'?><stream:stream to='localhost' \
        xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    #[test]
    fn cuts_a_stream_into_header_elements_and_close() {
        let input = format!(
            "{HEADER} <presence/>\n<iq type='get' id='a>b'><ping xmlns='urn:xmpp:ping'/></iq>\
             <message><body><![CDATA[</body>]]></body></message></stream:stream>"
        );
        assert_eq!(
            pieces(&input),
            vec![
                Ok(Some(Piece::Header)),
                Ok(Some(Piece::Element("<presence/>".to_owned()))),
                Ok(Some(Piece::Element(
                    "<iq type='get' id='a>b'><ping xmlns='urn:xmpp:ping'/></iq>".to_owned()
                ))),
                Ok(Some(Piece::Element(
                    "<message><body><![CDATA[</body>]]></body></message>".to_owned()
                ))),
                Ok(Some(Piece::Close)),
                Ok(None),
            ]
        );
    }

    #[test]
    fn waits_for_the_rest_of_an_element() {
        let mut r = StreamReader::default();
        r.push(b"<iq type='get'><pi");
        assert_eq!(r.next(), Ok(None));
        r.push(b"ng xmlns='urn:xmpp:ping'/></iq>");
        assert!(matches!(r.next(), Ok(Some(Piece::Element(_)))));
    }

    #[test]
    fn refuses_what_xmpp_forbids() {
        assert_eq!(
            pieces("<!-- x --><presence/>"),
            vec![Err(ReadError::RestrictedXml)]
        );
        assert_eq!(
            pieces("<iq><?pi x?></iq>"),
            vec![Err(ReadError::RestrictedXml)]
        );
        assert_eq!(pieces("hello"), vec![Err(ReadError::NotWellFormed)]);
        assert_eq!(
            pieces(
                "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>"
            ),
            vec![Err(ReadError::InvalidNamespace)]
        );
    }

    #[test]
    fn an_element_in_small_pieces_is_scanned_once() {
        // Scanning from the element's start with each byte would look at 1.8 billion bytes
        // (seconds); resuming looks at each once (milliseconds).
        let started = std::time::Instant::now();
        let mut r = StreamReader::default();
        r.push(b"<message><body>");
        for _ in 0..60_000 {
            r.push(b"y");
            assert_eq!(r.next(), Ok(None));
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        r.push(b"</body></message>");
        assert!(matches!(r.next(), Ok(Some(Piece::Element(e))) if e.len() == 60_032));
    }

    #[test]
    fn deep_or_large_elements_are_refused_without_recursion() {
        let deep = "<a>".repeat(100_000);
        assert_eq!(pieces(&deep), vec![Err(ReadError::PolicyViolation)]);
        let large = format!("<message><body>{}", "x".repeat(MAX_ELEMENT + 1));
        assert_eq!(pieces(&large), vec![Err(ReadError::PolicyViolation)]);
    }
}
