//! Every REST document decoder of the client on the same input: each checks its root
//! element, so the fuzzer reaches all of them from one corpus of Finesse documents.
//! Whatever the bytes, a decoder returns a value or an error; it never panics, and what it
//! returns can be formatted.

#![no_main]

use finesse_client::{ApiError, Dialog, ReasonCode, SystemInfo, User, WrapUpReason};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = format!("{:?}", User::from_xml(data));
    let _ = format!("{:?}", Dialog::from_xml(data));
    let _ = format!("{:?}", Dialog::list_from_xml(data));
    let _ = format!("{:?}", SystemInfo::from_xml(data));
    let _ = format!("{:?}", ApiError::from_xml(data));
    let _ = format!("{:?}", ApiError::list_from_xml(data));
    let _ = format!("{:?}", ReasonCode::from_xml(data));
    let _ = format!("{:?}", ReasonCode::list_from_xml(data));
    let _ = format!("{:?}", WrapUpReason::from_xml(data));
    let _ = format!("{:?}", WrapUpReason::list_from_xml(data));
});
