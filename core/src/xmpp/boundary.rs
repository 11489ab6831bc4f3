//! Where an element ends, found from its tags alone. Cutting a stream (XMPP over TCP) or a
//! BOSH body into elements needs only that; the element is then parsed once, by
//! `parse_frame`. quick-xml's reader would do it too, but it stops at every entity of the
//! escaped `<Update>` a notification carries (hundreds in a few KiB), which made cutting cost
//! as much as parsing. What is here: tags, quoted attribute values, comments, CDATA and
//! processing instructions; anything else is left for the parser to judge.

use memchr::{memchr, memmem};

/// Deepest nesting accepted; deeper is an error (the parser refuses less anyway).
const MAX_DEPTH: usize = 64;

/// The length of the element at the start of `bytes` (which starts with its `<`), or `None`
/// when its end has not arrived yet. Errors are a DOCTYPE, an end tag without its start, or
/// nesting deeper than the limit.
pub(crate) fn element_len(bytes: &[u8]) -> Result<Option<usize>, String> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let Some(found) = memchr(b'<', &bytes[at..]) else {
            return Ok(None);
        };
        let lt = at + found;
        let rest = &bytes[lt..];
        let skipped = [
            (&b"<!--"[..], &b"-->"[..]),
            (b"<![CDATA[", b"]]>"),
            (b"<?", b"?>"),
        ]
        .into_iter()
        .find(|(open, _)| rest.starts_with(open) || open.starts_with(rest));
        if let Some((open, close)) = skipped {
            if rest.len() < open.len() {
                return Ok(None);
            }
            match memmem::find(&rest[open.len()..], close) {
                Some(end) => at = lt + open.len() + end + close.len(),
                None => return Ok(None),
            }
            continue;
        }
        if rest.starts_with(b"<!") {
            return Err("a DOCTYPE or unknown markup".to_owned());
        }
        let Some(tag) = tag_len(rest) else {
            return Ok(None);
        };
        let end = tag - 1;
        let after = lt + tag;
        if rest.get(1) == Some(&b'/') {
            depth = depth
                .checked_sub(1)
                .ok_or_else(|| "an end tag without its start".to_owned())?;
            if depth == 0 {
                return Ok(Some(after));
            }
        } else if rest[end - 1] == b'/' {
            if depth == 0 {
                return Ok(Some(after));
            }
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err("nested too deeply".to_owned());
            }
        }
        at = after;
    }
}

/// The length of the tag at the start of `bytes`, up to its `>` (outside quoted values);
/// `None` when the `>` has not arrived yet.
pub(crate) fn tag_len(bytes: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_end_where_their_tags_say() {
        let cases: [(&str, usize); 5] = [
            ("<a/>rest", 4),
            ("<a b='>'><c>&lt;x&gt;</c></a><d/>", 29),
            ("<a><!-- </a> --><![CDATA[</a>]]><?pi </a>?></a>", 47),
            ("<a x=\"/>\"><b/></a>", 18),
            ("<stream:features><x/></stream:features>", 39),
        ];
        for (text, len) in cases {
            assert_eq!(element_len(text.as_bytes()), Ok(Some(len)), "{text}");
        }
    }

    #[test]
    fn an_element_cut_anywhere_is_incomplete() {
        let text = b"<a b='>'><!-- c --><![CDATA[d]]><e/>&amp;</a>";
        for cut in 1..text.len() {
            assert_eq!(element_len(&text[..cut]), Ok(None), "cut at {cut}");
        }
        assert_eq!(element_len(text), Ok(Some(text.len())));
    }

    #[test]
    fn hostile_markup_is_refused() {
        assert!(element_len(b"<!DOCTYPE x><a/>").is_err());
        assert!(element_len(b"</a>").is_err());
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(element_len(deep.as_bytes()).is_err());
    }
}
