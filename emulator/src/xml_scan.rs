//! The one place where XML from clients is read: a tag scanner that finds markup without
//! recursion, and [`parse`], which measures a document's depth with it before roxmltree
//! (which descends recursively) sees it.
//!
//! The scanner finds the same boundaries as roxmltree's tokenizer for everything roxmltree
//! accepts — a comment ends at the first `-->` after `<!--`, a CDATA section at the first
//! `]]>`, a processing instruction at the first `?>`, a tag at the first `>` outside quoted
//! attribute values — so the depth it counts is the depth roxmltree would recurse to. It
//! resumes where it stopped when more bytes arrive, so a stream read in small pieces is
//! scanned once.

use roxmltree::{Document, ParsingOptions};

use crate::limits::MAX_XML_DEPTH;

/// What a piece of markup is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `<name …>`.
    Open,
    /// `</name>`.
    Close,
    /// `<name …/>`.
    Empty,
    /// `<!-- … -->`.
    Comment,
    /// `<![CDATA[ … ]]>`.
    CData,
    /// `<? … ?>`, the XML declaration included.
    Pi,
}

/// One complete piece of markup: `start` is its `<`, `end` the index after its last byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Markup {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// `<!` that opens neither a comment nor a CDATA section: a document type declaration,
/// which no client needs, or garbage.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Declaration;

/// Finds the markup in a buffer that only grows at its end, resuming where it stopped.
#[derive(Debug, Default)]
pub(crate) struct Scanner {
    /// The next byte to look at.
    pos: usize,
    /// The piece being read (its kind, its `<`) and, in a tag, the quote that is open.
    within: Option<(Kind, usize)>,
    quote: Option<u8>,
}

const COMMENT: &[u8] = b"<!--";
const CDATA: &[u8] = b"<![CDATA[";

impl Scanner {
    /// The next complete piece of markup in `buf`, text skipped; `Ok(None)` until more
    /// bytes arrive.
    pub fn next(&mut self, buf: &[u8]) -> Result<Option<Markup>, Declaration> {
        loop {
            let Some((kind, start)) = self.within else {
                let Some(offset) = buf
                    .get(self.pos..)
                    .and_then(|b| b.iter().position(|&c| c == b'<'))
                else {
                    self.pos = buf.len();
                    return Ok(None);
                };
                let lt = self.pos + offset;
                self.pos = lt;
                let rest = &buf[lt..];
                let Some(&second) = rest.get(1) else {
                    return Ok(None);
                };
                let (kind, body) = match second {
                    b'!' if rest.starts_with(COMMENT) => (Kind::Comment, COMMENT.len()),
                    b'!' if rest.starts_with(CDATA) => (Kind::CData, CDATA.len()),
                    b'!' if COMMENT.starts_with(rest) || CDATA.starts_with(rest) => {
                        return Ok(None);
                    }
                    b'!' => return Err(Declaration),
                    b'?' => (Kind::Pi, 2),
                    _ => (Kind::Open, 1),
                };
                self.within = Some((kind, lt));
                self.quote = None;
                self.pos = lt + body;
                continue;
            };
            let found = match kind {
                Kind::Comment => self.terminator(buf, b"-->"),
                Kind::CData => self.terminator(buf, b"]]>"),
                Kind::Pi => self.terminator(buf, b"?>"),
                _ => self.tag_end(buf),
            };
            let Some(end) = found else {
                return Ok(None);
            };
            self.within = None;
            self.pos = end;
            let kind = match kind {
                Kind::Open if buf[start + 1] == b'/' => Kind::Close,
                Kind::Open if buf[end - 2] == b'/' && end - 2 > start => Kind::Empty,
                other => other,
            };
            return Ok(Some(Markup { kind, start, end }));
        }
    }

    /// The end of `needle` searched from `self.pos`; remembers how far the search got.
    fn terminator(&mut self, buf: &[u8], needle: &[u8]) -> Option<usize> {
        let from = self.pos.min(buf.len());
        match buf[from..].windows(needle.len()).position(|w| w == needle) {
            Some(i) => Some(from + i + needle.len()),
            None => {
                // The needle may begin in the last bytes read.
                self.pos = buf.len().saturating_sub(needle.len() - 1).max(from);
                None
            }
        }
    }

    /// The index after the `>` that ends the tag, skipping quoted attribute values.
    fn tag_end(&mut self, buf: &[u8]) -> Option<usize> {
        for (i, &b) in buf.iter().enumerate().skip(self.pos) {
            match (self.quote, b) {
                (None, b'"' | b'\'') => self.quote = Some(b),
                (Some(q), _) if b == q => self.quote = None,
                (None, b'>') => return Some(i + 1),
                _ => {}
            }
        }
        self.pos = buf.len();
        None
    }
}

/// Why a document was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Not well-formed XML, or XML with a document type declaration.
    NotWellFormed,
    /// Nested deeper than [`MAX_XML_DEPTH`].
    TooDeep,
    /// More nodes than the caller allows.
    TooLarge,
}

impl Refused {
    /// The XMPP stream error condition (RFC 6120 4.9.3): a document too deep or too large
    /// breaks the server's policy.
    pub fn condition(self) -> &'static str {
        match self {
            Refused::NotWellFormed => "not-well-formed",
            Refused::TooDeep | Refused::TooLarge => "policy-violation",
        }
    }
}

/// The deepest nesting of elements in `text`, as roxmltree would descend into it; an error
/// for a declaration or a closing tag without its opening one. Stops counting, with
/// `Refused::TooDeep`, past `limit`.
pub(crate) fn depth(text: &[u8], limit: usize) -> Result<usize, Refused> {
    let mut scanner = Scanner::default();
    let (mut depth, mut deepest) = (0usize, 0usize);
    while let Some(markup) = scanner.next(text).map_err(|_| Refused::NotWellFormed)? {
        match markup.kind {
            Kind::Open => {
                depth += 1;
                if depth > limit {
                    return Err(Refused::TooDeep);
                }
                deepest = deepest.max(depth);
            }
            Kind::Close => depth = depth.checked_sub(1).ok_or(Refused::NotWellFormed)?,
            Kind::Empty => deepest = deepest.max(depth + 1),
            Kind::Comment | Kind::CData | Kind::Pi => {}
        }
    }
    Ok(deepest)
}

/// Parses a document from a client: no document type definitions, at most `nodes` nodes,
/// at most `max_depth` levels (measured first, without recursion).
pub(crate) fn parse_within(
    text: &str,
    nodes: u32,
    max_depth: usize,
) -> Result<Document<'_>, Refused> {
    depth(text.as_bytes(), max_depth)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: nodes,
    };
    Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Refused::TooLarge,
        _ => Refused::NotWellFormed,
    })
}

/// As [`parse_within`], at most [`MAX_XML_DEPTH`] levels.
pub(crate) fn parse(text: &str, nodes: u32) -> Result<Document<'_>, Refused> {
    parse_within(text, nodes, MAX_XML_DEPTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(Kind, &str)> {
        let mut s = Scanner::default();
        let mut out = Vec::new();
        while let Some(m) = s.next(text.as_bytes()).expect("no declaration") {
            out.push((m.kind, &text[m.start..m.end]));
        }
        out
    }

    #[test]
    fn finds_the_markup_roxmltree_finds() {
        assert_eq!(
            all("<?xml version='1.0'?><a x='>/' y=\"'\"><!--<b>--><![CDATA[<c>]]><d/>t></a>"),
            vec![
                (Kind::Pi, "<?xml version='1.0'?>"),
                (Kind::Open, "<a x='>/' y=\"'\">"),
                (Kind::Comment, "<!--<b>-->"),
                (Kind::CData, "<![CDATA[<c>]]>"),
                (Kind::Empty, "<d/>"),
                (Kind::Close, "</a>"),
            ]
        );
        // `<!-->` does not end the comment it opens.
        assert_eq!(all("<!-->x-->"), vec![(Kind::Comment, "<!-->x-->")]);
    }

    #[test]
    fn resumes_where_it_stopped() {
        let text = b"<iq type='a>b'><!-- x --><![CDATA[]]]]><ping/></iq>";
        let mut s = Scanner::default();
        let mut kinds = Vec::new();
        for end in 1..=text.len() {
            while let Some(m) = s.next(&text[..end]).expect("no declaration") {
                kinds.push(m.kind);
            }
        }
        assert_eq!(
            kinds,
            vec![
                Kind::Open,
                Kind::Comment,
                Kind::CData,
                Kind::Empty,
                Kind::Close
            ]
        );
    }

    #[test]
    fn measures_depth_as_the_tree_has_it() {
        assert_eq!(depth(b"<a><b><c/></b><b/></a>", 32), Ok(3));
        assert_eq!(depth(b"<a><!--<b><b><b>--></a>", 32), Ok(1));
        assert_eq!(
            depth("<a>".repeat(33).as_bytes(), 32),
            Err(Refused::TooDeep)
        );
        assert_eq!(depth(b"</a>", 32), Err(Refused::NotWellFormed));
        assert_eq!(depth(b"<!DOCTYPE a><a/>", 32), Err(Refused::NotWellFormed));
    }

    #[test]
    fn refuses_deep_documents_without_recursion() {
        let deep = "<a>".repeat(1_000_000);
        assert_eq!(parse(&deep, u32::MAX).err(), Some(Refused::TooDeep));
        let wide = "<a/>".repeat(1000);
        assert_eq!(
            parse(&format!("<r>{wide}</r>"), 100).err(),
            Some(Refused::TooLarge)
        );
        assert_eq!(parse("<a>", 100).err(), Some(Refused::NotWellFormed));
        assert!(parse(&format!("{}{}", "<a>".repeat(32), "</a>".repeat(32)), 100).is_ok());
    }
}
