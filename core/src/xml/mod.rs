//! XML reading (bounded, order- and case-tolerant) and request body writing.

mod reader;
mod writer;

pub(crate) use reader::{XmlReader, decode_document};
pub(crate) use writer::XmlWriter;
