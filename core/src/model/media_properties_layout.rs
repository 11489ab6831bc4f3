//! Media properties layouts: which call variables the desktop shows for a call, and under
//! what labels.

use serde::Serialize;

use super::{boolean, last_segment, non_empty};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A media properties layout (`MediaPropertiesLayout`): a header entry shown on the call
/// and up to two columns of entries (left, right).
///
/// The document (DEVNET `mediapropertieslayout`, `mediapropertieslayout-api-parameters`): a
/// `MediaPropertiesLayout` with `uri`, `name`, `description`, `type`, a `header` of one
/// `entry` and up to two `column` elements of `entry` elements; 11.x writes only the header
/// and columns, with entries of two fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MediaPropertiesLayout {
    /// The resource URI, `/finesse/api/MediaPropertiesLayout/<id>`.
    pub uri: String,
    /// The layout's id, taken from the URI.
    pub id: String,
    /// Its name (at most 40 characters).
    pub name: String,
    /// Its description (at most 128 characters).
    pub description: String,
    /// `DEFAULT` (the system's layout) or `CUSTOM`.
    pub layout_type: Option<String>,
    /// The entries of the header (one, as configured).
    pub header: Vec<MediaPropertiesLayoutEntry>,
    /// The columns, left first, each with up to 10 entries.
    pub columns: Vec<MediaPropertiesLayoutColumn>,
}

/// One column of a layout (`column`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MediaPropertiesLayoutColumn {
    /// Its entries, top first.
    pub entries: Vec<MediaPropertiesLayoutEntry>,
}

/// One shown value of a layout (`entry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MediaPropertiesLayoutEntry {
    /// The label (at most 50 characters; may be empty).
    pub display_name: String,
    /// The call variable shown: `callVariable1`…`callVariable10`, an ECC variable
    /// (`user.…`) or an Outbound Option variable (`BACampaign`, …).
    pub media_property: String,
    /// Whether the desktop's call pop-over shows it too (12.x).
    pub show_in_pop_over: Option<bool>,
    /// Whether the agent may edit the value on the desktop (12.x).
    pub ui_editable: Option<bool>,
}

impl MediaPropertiesLayout {
    /// Decodes one `MediaPropertiesLayout` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<MediaPropertiesLayout, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<MediaPropertiesLayout, Error> {
        decode_document(
            xml,
            "MediaPropertiesLayout",
            &[b"mediapropertieslayout"],
            limits,
            Self::read,
        )
    }

    /// Decodes a `MediaPropertiesLayouts` list document.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<MediaPropertiesLayout>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<MediaPropertiesLayout>, Error> {
        decode_document(
            xml,
            "MediaPropertiesLayouts",
            &[b"mediapropertieslayouts"],
            limits,
            |r| r.list(b"mediapropertieslayout", Self::read),
        )
    }

    fn read(r: &mut XmlReader<'_>) -> Result<MediaPropertiesLayout, Error> {
        let mut l = MediaPropertiesLayout::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => l.uri = r.text()?,
                b"name" => l.name = r.text()?,
                b"description" => l.description = r.text()?,
                b"type" => l.layout_type = non_empty(r.text()?),
                b"header" => l.header = r.list(b"entry", MediaPropertiesLayoutEntry::read)?,
                b"column" => l.columns.push(MediaPropertiesLayoutColumn {
                    entries: r.list(b"entry", MediaPropertiesLayoutEntry::read)?,
                }),
                _ => r.skip()?,
            }
        }
        l.id = last_segment(&l.uri);
        Ok(l)
    }
}

impl MediaPropertiesLayoutEntry {
    fn read(r: &mut XmlReader<'_>) -> Result<MediaPropertiesLayoutEntry, Error> {
        let mut e = MediaPropertiesLayoutEntry::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"displayname" => e.display_name = r.text()?,
                b"mediaproperty" => e.media_property = r.text()?,
                b"showinpopover" => e.show_in_pop_over = boolean(&r.text()?),
                b"uieditable" => e.ui_editable = boolean(&r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(e)
    }
}
