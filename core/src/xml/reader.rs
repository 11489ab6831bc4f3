//! A bounded pull reader over quick-xml, shared by every model decoder.
//!
//! Finesse documents are small trees whose element order varies between releases, whose element
//! names differ in case between sources (`ReasonCode` / `reasonCode`), and which gain elements
//! over time. Decoders therefore walk children by name, skip what they do not know, and match
//! names ignoring ASCII case. Doing this by hand on quick-xml's event stream (rather than through
//! serde) keeps the limits (size, depth, text length) and the "no DTD, no custom entity" rule in
//! one pass, and costs little more than scanning the events.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::error::{DecodeError, Error};
use crate::limits::DecodeLimits;

/// Longest element name matched by decoders; longer names are skipped as unknown.
const MAX_NAME: usize = 48;

/// How many bytes of decoded structures (the items of every list) a document may produce per
/// byte of its own, beyond [`STRUCTURE_ALLOWANCE`]. An element as short as `<Dialog/>` (9
/// bytes) would otherwise become a structure of a few hundred bytes: 4 MiB of them took 289
/// MiB. Real documents stay far below (a Dialog's XML is larger than its structure); texts are
/// copies of the input and count once more at most.
pub(crate) const MAX_EXPANSION: usize = 8;

/// The structure bytes any document may produce whatever its size: a short document may
/// name a few items with empty elements.
const STRUCTURE_ALLOWANCE: usize = 64 * 1024;

/// An element name lowered to ASCII lowercase, for `match`ing against literals.
pub(crate) struct Name {
    buf: [u8; MAX_NAME],
    len: usize,
}

impl Name {
    #[inline]
    fn new(raw: &[u8]) -> Self {
        let mut buf = [0u8; MAX_NAME];
        // Too long to be a Finesse element: keep an empty name, which matches nothing.
        let len = if raw.len() <= MAX_NAME { raw.len() } else { 0 };
        buf[..len].copy_from_slice(&raw[..len]);
        buf[..len].make_ascii_lowercase();
        Name { buf, len }
    }

    /// The lowercased name.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Walks one XML document from its root element down.
pub(crate) struct XmlReader<'a> {
    /// The whole input, for handing out an element's markup as written.
    bytes: &'a [u8],
    reader: Reader<&'a [u8]>,
    limits: DecodeLimits,
    /// Name of the document being decoded, for error messages.
    document: &'static str,
    depth: usize,
    /// The element returned by the last `next_child` was `<x/>`: it has no content or end tag.
    pending_empty: bool,
    /// Bytes of list items this document may still produce (see [`MAX_EXPANSION`]).
    structure_budget: usize,
}

impl<'a> XmlReader<'a> {
    /// Opens `bytes` and positions the reader inside the root element, whose lowercased name is
    /// returned. Fails on invalid UTF-8, a DOCTYPE, oversize input, or no root element.
    pub(crate) fn open(
        bytes: &'a [u8],
        document: &'static str,
        limits: DecodeLimits,
    ) -> Result<(Self, Name), Error> {
        if bytes.len() > limits.max_document_bytes {
            return Err(DecodeError::new(
                document,
                format!(
                    "document of {} bytes exceeds the {}-byte limit",
                    bytes.len(),
                    limits.max_document_bytes
                ),
            )
            .into());
        }
        // Every text that is kept is checked to be UTF-8 as it is decoded: checking the whole
        // document first would read it twice.
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = true;
        let mut this = XmlReader {
            bytes,
            reader,
            limits,
            document,
            depth: 0,
            pending_empty: false,
            structure_budget: bytes.len() * MAX_EXPANSION + STRUCTURE_ALLOWANCE,
        };
        loop {
            match this.event()? {
                Event::Start(start) => {
                    this.enter()?;
                    return Ok((this, Name::new(start.local_name().as_ref())));
                }
                Event::Empty(start) => {
                    this.pending_empty = true;
                    return Ok((this, Name::new(start.local_name().as_ref())));
                }
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Err(this.error("no root element")),
                _ => return Err(this.error("content before the root element")),
            }
        }
    }

    /// Reads the next child element of the current element, returning its lowercased name, or
    /// `None` when the current element ends. Text between children is ignored.
    pub(crate) fn next_child(&mut self) -> Result<Option<Name>, Error> {
        Ok(self
            .next_start()?
            .map(|start| Name::new(start.local_name().as_ref())))
    }

    /// Like `next_child`, with the value of the child's attribute `attr` (lowercase, matched
    /// ignoring ASCII case and any prefix), entities resolved.
    pub(crate) fn next_child_with_attr(
        &mut self,
        attr: &[u8],
    ) -> Result<Option<(Name, Option<String>)>, Error> {
        let Some(start) = self.next_start()? else {
            return Ok(None);
        };
        let mut value = None;
        for a in start.attributes() {
            let a = a.map_err(|e| self.error(&e.to_string()))?;
            if a.key.local_name().as_ref().eq_ignore_ascii_case(attr) {
                let v = a.unescape_value().map_err(|e| self.error(&e.to_string()))?;
                if v.len() > self.limits.max_text_bytes {
                    return Err(self.error(&format!(
                        "attribute longer than {} bytes",
                        self.limits.max_text_bytes
                    )));
                }
                value = Some(v.into_owned());
                break;
            }
        }
        Ok(Some((Name::new(start.local_name().as_ref()), value)))
    }

    /// Reads the text of the element just returned by `next_child` (or of the root), up to its
    /// end tag. Child elements inside it are skipped; entity references are resolved.
    pub(crate) fn text(&mut self) -> Result<String, Error> {
        self.text_within(self.limits.max_text_bytes)
            .map(|(text, _)| text)
    }

    /// Reads the content of the element just returned by `next_child` that carries a whole
    /// document: its text, entities resolved (the document escaped, as Finesse sends it), or,
    /// when it has child elements, its inner markup as written (the document embedded).
    /// Bounded by the document size limit rather than the text limit, since it is a document.
    pub(crate) fn embedded_document(&mut self) -> Result<Cow<'a, [u8]>, Error> {
        let start = self.position();
        let (text, had_children) = self.text_within(self.limits.max_document_bytes)?;
        if !had_children {
            return Ok(Cow::Owned(text.into_bytes()));
        }
        // Up to the element's own end tag, the last `</` read.
        let markup = &self.bytes[start.min(self.bytes.len())..self.position()];
        let inner = markup
            .windows(2)
            .rposition(|w| w == b"</")
            .map_or(markup, |end| &markup[..end]);
        Ok(Cow::Borrowed(inner.trim_ascii()))
    }

    /// The next child's start tag, or `None` when the current element ends.
    #[inline]
    fn next_start(&mut self) -> Result<Option<BytesStart<'a>>, Error> {
        if std::mem::take(&mut self.pending_empty) {
            return Ok(None);
        }
        loop {
            match self.event()? {
                Event::Start(start) => {
                    self.enter()?;
                    return Ok(Some(start));
                }
                Event::Empty(start) => {
                    self.pending_empty = true;
                    return Ok(Some(start));
                }
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok(None);
                }
                Event::Eof => return Err(self.error("unexpected end of document")),
                _ => {}
            }
        }
    }

    /// The text of the current element up to its end tag, at most `max` bytes, and whether
    /// child elements (skipped) were met.
    fn text_within(&mut self, max: usize) -> Result<(String, bool), Error> {
        let mut out = String::new();
        let mut had_children = false;
        if std::mem::take(&mut self.pending_empty) {
            return Ok((out, had_children));
        }
        loop {
            let event = self.event()?;
            if self.append_text(&mut out, &event, max)? {
                continue;
            }
            match event {
                Event::Start(_) => {
                    had_children = true;
                    self.enter()?;
                    self.skip()?;
                }
                Event::Empty(_) => had_children = true,
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok((out, had_children));
                }
                Event::Eof => return Err(self.error("unexpected end of document")),
                _ => {}
            }
        }
    }

    /// Appends to `out` the text `event` carries (text, CDATA, a character or predefined
    /// entity), within `max` bytes in all; false for an event that carries none.
    #[inline]
    fn append_text(&self, out: &mut String, event: &Event<'_>, max: usize) -> Result<bool, Error> {
        match event {
            Event::Text(t) => {
                let s = t.decode().map_err(|_| self.error("invalid UTF-8"))?;
                self.push_text(out, &s, max)?;
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|_| self.error("invalid UTF-8"))?;
                self.push_text(out, &s, max)?;
            }
            Event::GeneralRef(r) => {
                let resolved = self.resolve(r)?;
                self.push_text(out, &resolved, max)?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A character or predefined entity reference; any other entity is refused.
    fn resolve(&self, r: &BytesRef<'_>) -> Result<String, Error> {
        if let Some(ch) = r
            .resolve_char_ref()
            .map_err(|e| self.error(&e.to_string()))?
        {
            return Ok(ch.to_string());
        }
        let name = r.decode().map_err(|e| self.error(&e.to_string()))?;
        quick_xml::escape::resolve_predefined_entity(&name)
            .map(str::to_owned)
            .ok_or_else(|| {
                self.error(&format!(
                    "unknown entity &{name}; (entities are never expanded)"
                ))
            })
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// Skips the rest of the element just returned by `next_child`, children included.
    pub(crate) fn skip(&mut self) -> Result<(), Error> {
        if std::mem::take(&mut self.pending_empty) {
            return Ok(());
        }
        let target = self.depth - 1;
        while self.depth > target {
            match self.event()? {
                Event::Start(_) => self.enter()?,
                Event::End(_) => self.depth -= 1,
                Event::Eof => return Err(self.error("unexpected end of document")),
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads every child named `item` (lowercase) as text, skipping others: `<roles><role>…`.
    pub(crate) fn text_list(&mut self, item: &[u8]) -> Result<Vec<String>, Error> {
        self.list(item, Self::text)
    }

    /// Reads every child named `item` (lowercase) with `read`, skipping others.
    pub(crate) fn list<T>(
        &mut self,
        item: &[u8],
        mut read: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        while let Some(name) = self.next_child()? {
            if name.as_bytes() == item {
                self.charge::<T>()?;
                out.push(read(self)?);
            } else {
                self.skip()?;
            }
        }
        Ok(out)
    }

    /// Reads an element that holds either a text or a list of `item` children (lowercase):
    /// the same element name carries a URI in one Finesse document and the items themselves in
    /// another (a PhoneBook's `<contacts>`). Returns the trimmed text and the items; other
    /// children are skipped.
    pub(crate) fn text_or_list<T>(
        &mut self,
        item: &[u8],
        mut read: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<(String, Vec<T>), Error> {
        let (mut text, mut items) = (String::new(), Vec::new());
        if std::mem::take(&mut self.pending_empty) {
            return Ok((text, items));
        }
        let max = self.limits.max_text_bytes;
        loop {
            let event = self.event()?;
            if self.append_text(&mut text, &event, max)? {
                continue;
            }
            let child = match event {
                Event::Start(start) => {
                    self.enter()?;
                    Name::new(start.local_name().as_ref())
                }
                Event::Empty(start) => {
                    self.pending_empty = true;
                    Name::new(start.local_name().as_ref())
                }
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok((text.trim().to_owned(), items));
                }
                Event::Eof => return Err(self.error("unexpected end of document")),
                _ => continue,
            };
            if child.as_bytes() == item {
                self.charge::<T>()?;
                items.push(read(self)?);
            } else {
                self.skip()?;
            }
        }
    }

    /// Counts one decoded item of `T` against the structure budget, which bounds what a
    /// small document of many empty items could make us allocate.
    fn charge<T>(&mut self) -> Result<(), Error> {
        self.structure_budget = self
            .structure_budget
            .checked_sub(size_of::<T>())
            .ok_or_else(|| {
                self.error(&format!(
                    "its items would take more than {MAX_EXPANSION} times its size"
                ))
            })?;
        Ok(())
    }

    /// Checks that nothing but whitespace, comments and processing instructions follow the root.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        loop {
            match self.event()? {
                Event::Eof => return Ok(()),
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.error("content after the root element")),
            }
        }
    }

    /// A decode error naming the document and the byte position.
    pub(crate) fn error(&self, message: &str) -> Error {
        DecodeError::new(
            self.document,
            format!("{message} (at byte {})", self.reader.buffer_position()),
        )
        .into()
    }

    #[inline]
    fn event(&mut self) -> Result<Event<'a>, Error> {
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(self.doctype()),
            Ok(event) => Ok(event),
            Err(e) => Err(self.malformed(e)),
        }
    }

    #[cold]
    fn doctype(&self) -> Error {
        self.error("DOCTYPE declarations are not accepted")
    }

    #[cold]
    fn malformed(&self, e: quick_xml::Error) -> Error {
        self.error(&e.to_string())
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(self.error(&format!(
                "elements nested deeper than {} levels",
                self.limits.max_depth
            )));
        }
        Ok(())
    }

    fn push_text(&self, out: &mut String, s: &str, max: usize) -> Result<(), Error> {
        if out.len() + s.len() > max {
            return Err(self.error(&format!("text longer than {max} bytes")));
        }
        out.push_str(s);
        Ok(())
    }
}

/// Decodes a whole document: opens it, checks the root name against `roots` (lowercase), runs
/// `read` inside the root, and checks that nothing follows.
pub(crate) fn decode_document<T>(
    bytes: &[u8],
    document: &'static str,
    roots: &[&[u8]],
    limits: DecodeLimits,
    read: impl FnOnce(&mut XmlReader<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let (mut reader, root) = XmlReader::open(bytes, document, limits)?;
    if !roots.contains(&root.as_bytes()) {
        return Err(reader.error(&format!(
            "expected a <{document}> document, found <{}>",
            String::from_utf8_lossy(root.as_bytes())
        )));
    }
    let value = read(&mut reader)?;
    reader.finish()?;
    Ok(value)
}
