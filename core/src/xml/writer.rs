//! Writes the small request bodies Finesse accepts, escaping all text.

use quick_xml::escape::escape;

/// Builds an XML document element by element. Names are literals of this crate; only text
/// comes from callers, and it is always escaped.
pub(crate) struct XmlWriter {
    out: String,
}

impl XmlWriter {
    /// Starts a document with the root element `root` open.
    pub(crate) fn new(root: &str) -> Self {
        let mut w = XmlWriter {
            out: String::with_capacity(256),
        };
        w.open(root);
        w
    }

    /// Opens `<name>`.
    pub(crate) fn open(&mut self, name: &str) {
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Closes `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Writes `<name>text</name>`.
    pub(crate) fn element(&mut self, name: &str, text: &str) {
        self.open(name);
        self.out.push_str(&escape(text));
        self.close(name);
    }

    /// Closes the root element and returns the document.
    pub(crate) fn finish(mut self, root: &str) -> String {
        self.close(root);
        self.out
    }
}
