//! Cutting an RFC 6120 XML stream into its pieces: the stream header, each top-level
//! element (a stanza, a SASL or STARTTLS element), and the end of the stream. Elements are
//! found by scanning tags without recursion, bounded in size and depth, and then parsed on
//! their own (`stanza::parse_in_stream`). Comments, processing instructions and DTDs are
//! refused (restricted XML, RFC 6120 11.1).

use roxmltree::Document;

use super::ns;

/// Largest element accepted, as for a WebSocket frame.
pub(crate) const MAX_ELEMENT: usize = 64 * 1024;
/// Deepest nesting accepted in one element; Finesse's own are a few levels deep.
const MAX_DEPTH: usize = 64;

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

/// The bytes received and not yet cut into pieces.
#[derive(Default)]
pub(crate) struct StreamReader {
    buf: Vec<u8>,
}

/// The index of the `>` ending the tag that starts at `start`, skipping quoted attribute
/// values; `None` when the tag is not complete yet.
fn tag_end(buf: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in buf.iter().enumerate().skip(start) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn find(buf: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    buf.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The length of the element starting at 0, once it is complete.
fn element_len(buf: &[u8]) -> Result<Option<usize>, ReadError> {
    let mut depth = 0usize;
    let mut pos = 0;
    loop {
        let Some(lt) = find(buf, pos, b"<") else {
            return Ok(None);
        };
        let rest = &buf[lt..];
        if rest.len() < 9 && (b"<![CDATA[".starts_with(rest) || b"<!--".starts_with(rest)) {
            return Ok(None);
        }
        if rest.starts_with(b"<![CDATA[") {
            match find(buf, lt, b"]]>") {
                Some(end) => pos = end + 3,
                None => return Ok(None),
            }
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return Err(ReadError::RestrictedXml);
        }
        let Some(gt) = tag_end(buf, lt) else {
            return Ok(None);
        };
        pos = gt + 1;
        if rest.starts_with(b"</") {
            depth = depth.checked_sub(1).ok_or(ReadError::NotWellFormed)?;
        } else if buf[gt - 1] != b'/' {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(ReadError::PolicyViolation);
            }
        }
        if depth == 0 {
            return Ok(Some(pos));
        }
    }
}

/// Checks a stream header: `stream:stream` in the streams namespace, `jabber:client` by
/// default (RFC 6120 4.8).
fn check_header(header: &[u8]) -> Result<(), ReadError> {
    let text = std::str::from_utf8(header).map_err(|_| ReadError::NotWellFormed)?;
    let closed = format!("{text}</stream:stream>");
    let doc = Document::parse(&closed).map_err(|_| ReadError::NotWellFormed)?;
    let root = doc.root_element();
    let ok = root.tag_name().namespace() == Some(ns::STREAM)
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
    }

    /// The next complete piece; `Ok(None)` until more bytes arrive.
    pub fn next(&mut self) -> Result<Option<Piece>, ReadError> {
        let start = self
            .buf
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(self.buf.len());
        self.buf.drain(..start);
        if self.buf.is_empty() {
            return Ok(None);
        }
        if self.buf[0] != b'<' {
            return Err(ReadError::NotWellFormed);
        }
        let piece = if self.buf.starts_with(b"<?xml ") {
            // The XML declaration is allowed before a header (RFC 6120 11.5).
            let Some(end) = find(&self.buf, 0, b"?>") else {
                return self.incomplete();
            };
            self.buf.drain(..end + 2);
            return self.next();
        } else if self.buf.starts_with(b"<stream:stream") {
            let Some(gt) = tag_end(&self.buf, 0) else {
                return self.incomplete();
            };
            check_header(&self.buf[..=gt])?;
            self.buf.drain(..=gt);
            Piece::Header
        } else if self.buf.starts_with(b"</stream:stream") {
            let Some(gt) = tag_end(&self.buf, 0) else {
                return self.incomplete();
            };
            self.buf.drain(..=gt);
            Piece::Close
        } else {
            let Some(len) = element_len(&self.buf)? else {
                return self.incomplete();
            };
            if len > MAX_ELEMENT {
                return Err(ReadError::PolicyViolation);
            }
            let element: Vec<u8> = self.buf.drain(..len).collect();
            Piece::Element(String::from_utf8(element).map_err(|_| ReadError::NotWellFormed)?)
        };
        Ok(Some(piece))
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
    fn deep_or_large_elements_are_refused_without_recursion() {
        let deep = "<a>".repeat(100_000);
        assert_eq!(pieces(&deep), vec![Err(ReadError::PolicyViolation)]);
        let large = format!("<message><body>{}", "x".repeat(MAX_ELEMENT + 1));
        assert_eq!(pieces(&large), vec![Err(ReadError::PolicyViolation)]);
    }
}
