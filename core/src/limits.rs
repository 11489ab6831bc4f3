//! Bounds on what the client accepts from a server or a caller.

/// Limits applied when decoding an XML document.
///
/// Finesse documents are small (a Dialogs list with a handful of calls is a few KiB), so the
/// defaults leave a wide margin while keeping a hostile or broken peer from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeLimits {
    /// Largest document accepted, in bytes. Default: 4 MiB.
    pub max_document_bytes: usize,
    /// Deepest element nesting accepted. Default: 32.
    pub max_depth: usize,
    /// Longest text content of one element, in bytes. Default: 64 KiB.
    pub max_text_bytes: usize,
}

impl DecodeLimits {
    /// The default limits.
    pub const DEFAULT: DecodeLimits = DecodeLimits {
        max_document_bytes: 4 * 1024 * 1024,
        max_depth: 32,
        max_text_bytes: 64 * 1024,
    };

    /// Sets the largest document accepted, in bytes.
    pub fn with_max_document_bytes(mut self, bytes: usize) -> Self {
        self.max_document_bytes = bytes;
        self
    }

    /// Sets the deepest element nesting accepted.
    pub fn with_max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the longest text content of one element, in bytes.
    pub fn with_max_text_bytes(mut self, bytes: usize) -> Self {
        self.max_text_bytes = bytes;
        self
    }
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}
