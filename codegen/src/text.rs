//! Wrapping doc text to the project's 100 columns.

const WIDTH: usize = 100;

/// The words of `paragraph` in lines of at most `width` characters (a longer word stands alone).
pub fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// `source` with every run of `///` doc lines re-wrapped to 100 columns, paragraphs (separated
/// by an empty `///` line) kept. The generator writes each doc text on one line and leaves the
/// wrapping to this one place. Structured lines stay as written: a heading ending in `:` (as
/// `Args:`) and the indented lines under it.
pub fn rewrap_docs(source: &str) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut indent = "";
    let flush = |out: &mut String, paragraph: &mut Vec<&str>, indent: &str| {
        if paragraph.is_empty() {
            return;
        }
        let width = WIDTH - indent.len() - 4;
        for line in wrap(&paragraph.join(" "), width) {
            out.push_str(&format!("{indent}/// {line}\n"));
        }
        paragraph.clear();
    };
    for line in source.lines() {
        let trimmed = line.trim_start();
        if let Some(text) = trimmed.strip_prefix("///") {
            indent = &line[..line.len() - trimmed.len()];
            if text.trim().is_empty() {
                flush(&mut out, &mut paragraph, indent);
                out.push_str(&format!("{indent}///\n"));
            } else if text.starts_with("  ") || text.trim_end().ends_with(':') {
                flush(&mut out, &mut paragraph, indent);
                out.push_str(line);
                out.push('\n');
            } else {
                paragraph.push(text.trim());
            }
        } else {
            flush(&mut out, &mut paragraph, indent);
            out.push_str(line);
            out.push('\n');
        }
    }
    flush(&mut out, &mut paragraph, indent);
    out
}
