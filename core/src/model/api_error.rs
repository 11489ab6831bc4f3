//! `ApiErrors`: the body of a synchronous error answer, and of an asynchronous CTI error.

use serde::Serialize;

use super::non_empty;
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// One error reported by Finesse.
///
/// Synchronous answers write `ApiErrors/ApiError/ErrorType`; asynchronous CTI errors write
/// `apiErrors/apiError/errorType`. Both are decoded, in any child order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ApiError {
    /// The class of error, e.g. `Invalid State`, `Parameter Missing`, `Service Unavailable`.
    pub error_type: String,
    /// The message, e.g. `SERVER_OUT_OF_SERVICE` or a sentence.
    pub error_message: String,
    /// The field, user or key at fault; for CTI errors, the CTI error code.
    pub error_data: String,
    /// The peripheral's error code, for CTI-originated failures (12.5+).
    pub peripheral_error_code: Option<String>,
    /// The peripheral's error name.
    pub peripheral_error_msg: Option<String>,
    /// The peripheral's error text.
    pub peripheral_error_text: Option<String>,
}

impl ApiError {
    /// Decodes one `ApiError` (or `apiError`) document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<ApiError, Error> {
        decode_document(
            xml.as_ref(),
            "ApiError",
            &[b"apierror"],
            DecodeLimits::DEFAULT,
            ApiError::read,
        )
    }

    /// Decodes an `ApiErrors` document into its errors, in order.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<ApiError>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<ApiError>, Error> {
        decode_document(xml, "ApiErrors", &[b"apierrors"], limits, |r| {
            r.list(b"apierror", ApiError::read)
        })
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<ApiError, Error> {
        let mut e = ApiError::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"errortype" => e.error_type = r.text()?,
                b"errormessage" => e.error_message = r.text()?,
                b"errordata" => e.error_data = r.text()?,
                b"peripheralerrorcode" => e.peripheral_error_code = non_empty(r.text()?),
                b"peripheralerrormsg" => e.peripheral_error_msg = non_empty(r.text()?),
                b"peripheralerrortext" => e.peripheral_error_text = non_empty(r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(e)
    }
}
