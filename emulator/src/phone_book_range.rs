//! The `Range: objects=<first>-<last>` header of a phone book listing: which contacts, counted
//! from 1 over the global phone books first and then the team's, a response carries.
//!
//! Source: DEVNET `teamresource—get-phone-books` (`Range: objects=1-6000`, the range of
//! contacts; global phone books first, then team phone books, up to 6000; 206 Partial
//! Content; 416 "Invalid Range Specified. Range must be 1– 6000 objects"; from 12.6(2) the
//! header is optional and all records up to 6000 are listed without it).

use crate::errors::ApiError;
use crate::resources::{Contact, PhoneBook};

/// The most contacts one response carries, and the highest object a range may name.
const MAX_OBJECTS: usize = 6000;

/// The contacts asked for: 1-based, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    first: usize,
    last: usize,
}

impl Range {
    /// Every contact the response may carry: 1-6000.
    pub(crate) const ALL: Range = Range {
        first: 1,
        last: MAX_OBJECTS,
    };

    /// Parses `objects=<first>-<last>`; anything else, or a range outside 1-6000, is 416.
    pub(crate) fn parse(value: &str) -> Result<Range, ApiError> {
        let invalid = || ApiError::invalid_range(value);
        let (first, last) = value
            .trim()
            .strip_prefix("objects=")
            .and_then(|r| r.split_once('-'))
            .ok_or_else(invalid)?;
        let first: usize = first.trim().parse().map_err(|_| invalid())?;
        let last: usize = last.trim().parse().map_err(|_| invalid())?;
        if first < 1 || last > MAX_OBJECTS || first > last {
            return Err(invalid());
        }
        Ok(Range { first, last })
    }
}

/// The phone books, each with its contacts within the range, and whether contacts were
/// left out (206). A phone book none of whose contacts is in the range is left out; one
/// without contacts is listed when the range starts at the first contact.
pub(crate) fn select<'a>(
    books: &[&'a PhoneBook],
    range: Range,
) -> (Vec<(&'a PhoneBook, Vec<&'a Contact>)>, bool) {
    let mut listed = Vec::new();
    let mut position = 0;
    let mut partial = false;
    for book in books {
        let mut contacts = Vec::new();
        for c in &book.contacts {
            position += 1;
            if (range.first..=range.last).contains(&position) {
                contacts.push(c);
            } else {
                partial = true;
            }
        }
        if !contacts.is_empty() || (book.contacts.is_empty() && range.first == 1) {
            listed.push((*book, contacts));
        }
    }
    (listed, partial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_objects_from_1_to_6000() {
        assert_eq!(
            Range::parse("objects=1-6000").ok(),
            Some(Range {
                first: 1,
                last: 6000
            })
        );
        assert_eq!(
            Range::parse(" objects=2-3 ").ok(),
            Some(Range { first: 2, last: 3 })
        );
        for bad in [
            "objects=0-5",
            "objects=1-6001",
            "objects=5-2",
            "bytes=1-5",
            "objects=a-b",
            "",
        ] {
            assert_eq!(Range::parse(bad).map_err(|e| e.status), Err(416), "{bad}");
        }
    }
}
