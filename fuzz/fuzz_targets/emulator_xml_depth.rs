//! The emulator measures the depth of every XML document from a client without recursion
//! before roxmltree, which descends recursively, parses it. The measure must be the depth
//! of the tree roxmltree builds for every document it accepts: a smaller one would let a
//! deep document through to the recursive parser.

#![no_main]

use finesse_emulator::fuzzing;
use libfuzzer_sys::fuzz_target;
use roxmltree::{Document, Node, ParsingOptions};

/// Far below what overflows the fuzzer's stack, far above the emulator's limit.
const LIMIT: usize = 256;

fn tree_depth(root: Node<'_, '_>) -> usize {
    root.descendants()
        .filter(Node::is_element)
        .map(|n| n.ancestors().filter(Node::is_element).count())
        .max()
        .unwrap_or(0)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(depth) = fuzzing::xml_depth(text, LIMIT) else {
        return;
    };
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    if let Ok(doc) = Document::parse_with_options(text, options) {
        assert_eq!(tree_depth(doc.root()), depth, "{text:?}");
    }
});
