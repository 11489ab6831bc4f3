//! Reason codes (NOT_READY and LOGOUT) and wrap-up reasons.

use serde::Serialize;

use super::{ReasonCodeCategory, boolean, id_from_uri, non_empty, number};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A NOT_READY or LOGOUT reason (`ReasonCode`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReasonCode {
    /// The Finesse id, sent as `reasonCodeId` in state changes; taken from the URI when the
    /// document has no `id` element.
    pub id: Option<i64>,
    /// The resource URI.
    pub uri: String,
    /// NOT_READY or LOGOUT.
    pub category: Option<ReasonCodeCategory>,
    /// The CTI reason code number (e.g. 50006 for a call placed from READY).
    pub code: Option<i64>,
    /// The label shown to agents.
    pub label: String,
    /// Whether the code is global rather than assigned to teams.
    pub for_all: Option<bool>,
    /// Whether the code is defined by the system rather than an administrator.
    pub system_code: Option<bool>,
}

impl ReasonCode {
    /// Decodes one `ReasonCode` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<ReasonCode, Error> {
        decode_document(
            xml.as_ref(),
            "ReasonCode",
            &[b"reasoncode"],
            DecodeLimits::DEFAULT,
            ReasonCode::read,
        )
    }

    /// Decodes a `ReasonCodes` list document.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<ReasonCode>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<ReasonCode>, Error> {
        decode_document(xml, "ReasonCodes", &[b"reasoncodes"], limits, |r| {
            r.list(b"reasoncode", ReasonCode::read)
        })
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<ReasonCode, Error> {
        let mut c = ReasonCode {
            id: None,
            uri: String::new(),
            category: None,
            code: None,
            label: String::new(),
            for_all: None,
            system_code: None,
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"id" => c.id = number(&r.text()?),
                b"uri" => c.uri = r.text()?,
                b"category" => {
                    c.category = non_empty(r.text()?).map(|s| ReasonCodeCategory::parse(&s))
                }
                b"code" => c.code = number(&r.text()?),
                b"label" => c.label = r.text()?,
                b"forall" => c.for_all = boolean(&r.text()?),
                b"systemcode" => c.system_code = boolean(&r.text()?),
                _ => r.skip()?,
            }
        }
        if c.id.is_none() {
            c.id = id_from_uri(&c.uri);
        }
        Ok(c)
    }
}

/// A wrap-up reason (`WrapUpReason`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WrapUpReason {
    /// The Finesse id, taken from the `id` element or the URI.
    pub id: Option<i64>,
    /// The resource URI.
    pub uri: String,
    /// The label, which is what `UPDATE_CALL_DATA` sets as `wrapUpReason`.
    pub label: String,
    /// Whether the reason is global rather than assigned to teams.
    pub for_all: Option<bool>,
}

impl WrapUpReason {
    /// Decodes one `WrapUpReason` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<WrapUpReason, Error> {
        decode_document(
            xml.as_ref(),
            "WrapUpReason",
            &[b"wrapupreason"],
            DecodeLimits::DEFAULT,
            WrapUpReason::read,
        )
    }

    /// Decodes a `WrapUpReasons` list document.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<WrapUpReason>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<WrapUpReason>, Error> {
        decode_document(xml, "WrapUpReasons", &[b"wrapupreasons"], limits, |r| {
            r.list(b"wrapupreason", WrapUpReason::read)
        })
    }

    fn read(r: &mut XmlReader<'_>) -> Result<WrapUpReason, Error> {
        let mut w = WrapUpReason {
            id: None,
            uri: String::new(),
            label: String::new(),
            for_all: None,
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"id" => w.id = number(&r.text()?),
                b"uri" => w.uri = r.text()?,
                b"label" => w.label = r.text()?,
                b"forall" => w.for_all = boolean(&r.text()?),
                _ => r.skip()?,
            }
        }
        if w.id.is_none() {
            w.id = id_from_uri(&w.uri);
        }
        Ok(w)
    }
}
