//! Conversions between Python values and the core's argument types, and the generic
//! `__repr__` and `to_dict` of the model classes.

use std::time::Duration;

use finesse_client::{CallVariable, Error};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::models::Dialog;

/// A document (XML, PEM) given as `str` or `bytes`.
pub(crate) enum StrOrBytes {
    /// Text.
    Text(PyBackedStr),
    /// Bytes, in the encoding the document declares (UTF-8 by default for XML).
    Bytes(PyBackedBytes),
}

impl AsRef<[u8]> for StrOrBytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            StrOrBytes::Text(s) => s.as_bytes(),
            StrOrBytes::Bytes(b) => b.as_ref(),
        }
    }
}

impl FromPyObject<'_, '_> for StrOrBytes {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return obj.extract::<PyBackedStr>().map(StrOrBytes::Text);
        }
        if let Ok(bytes) = obj.extract::<PyBackedBytes>() {
            return Ok(StrOrBytes::Bytes(bytes));
        }
        Err(PyTypeError::new_err(format!(
            "data must be str or bytes, not {}",
            obj.get_type().name()?
        )))
    }
}

/// A dialog named by a `Dialog` or by its id.
pub(crate) struct DialogId(pub(crate) String);

impl FromPyObject<'_, '_> for DialogId {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(dialog) = obj.cast::<Dialog>() {
            return Ok(DialogId(dialog.get().inner.id.clone()));
        }
        if let Ok(id) = obj.extract::<String>() {
            return Ok(DialogId(id));
        }
        Err(PyTypeError::new_err(format!(
            "dialog must be a Dialog or a dialog id (str), not {}",
            obj.get_type().name()?
        )))
    }
}

/// Call variables given as a mapping of names to values, or as (name, value) pairs.
pub(crate) struct CallVariables(pub(crate) Vec<(String, String)>);

impl FromPyObject<'_, '_> for CallVariables {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let wrong_type = || {
            PyTypeError::new_err(
                "call_variables must be a mapping of str to str, or an iterable of \
                 (name, value) pairs of str",
            )
        };
        if obj.is_instance_of::<PyString>() {
            return Err(wrong_type());
        }
        let pairs = if obj.hasattr("items")? {
            obj.call_method0("items")?
        } else {
            obj.to_owned()
        };
        let mut variables = Vec::new();
        for item in pairs.try_iter().map_err(|_| wrong_type())? {
            let pair = item?
                .extract::<(String, String)>()
                .map_err(|_| wrong_type())?;
            variables.push(pair);
        }
        Ok(CallVariables(variables))
    }
}

/// Seconds as a `Duration`; anything but a finite, positive number is refused, naming `field`.
pub(crate) fn seconds(field: &str, value: f64) -> Result<Duration, Error> {
    match Duration::try_from_secs_f64(value) {
        Ok(duration) if !duration.is_zero() => Ok(duration),
        _ => Err(Error::InvalidArgument {
            field: field.to_owned(),
            message: format!("must be a positive number of seconds, not {value}"),
        }),
    }
}

/// Seconds as a `Duration`, zero included; a negative or non-finite value is refused, naming
/// `field`.
pub(crate) fn non_negative_seconds(field: &str, value: f64) -> Result<Duration, Error> {
    Duration::try_from_secs_f64(value).map_err(|_| Error::InvalidArgument {
        field: field.to_owned(),
        message: format!("must be a number of seconds, zero or more, not {value}"),
    })
}

/// Call variables as a dict of name to value, in document order (the first wins if a name
/// repeats).
pub(crate) fn variables_dict<'py>(
    py: Python<'py>,
    variables: &[CallVariable],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for var in variables {
        if !dict.contains(&var.name)? {
            dict.set_item(&var.name, &var.value)?;
        }
    }
    Ok(dict)
}

/// A constructor-like `__repr__`: `Name(field=value, …)` with the Python `repr` of each
/// listed property, enumeration members shown as their plain values.
pub(crate) fn repr(obj: &Bound<'_, PyAny>, fields: &[&str]) -> PyResult<String> {
    let name = obj.get_type().name()?;
    let mut out = format!("{name}(");
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        out.push_str(&repr_value(&obj.getattr(*field)?)?);
    }
    out.push(')');
    Ok(out)
}

/// The `repr` of a property value: an enumeration member as its plain value, a list item by
/// item, anything else (a nested model included) as its own `repr`.
fn repr_value(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(PyString::new(value.py(), &s.to_cow()?)
            .repr()?
            .to_cow()?
            .into_owned());
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|item| repr_value(&item))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(format!("[{}]", items.join(", ")));
    }
    Ok(value.repr()?.to_cow()?.into_owned())
}

/// `to_dict`: the listed properties as plain Python data, nested models as dicts and
/// enumeration members as their plain string values.
pub(crate) fn to_dict<'py>(
    obj: &Bound<'py, PyAny>,
    fields: &[&str],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(obj.py());
    for field in fields {
        dict.set_item(*field, plain(&obj.getattr(*field)?)?)?;
    }
    Ok(dict)
}

/// Plain data for a property value: a `str` subclass (an enumeration member) becomes a `str`,
/// a model becomes its `to_dict()`, and lists, tuples and dicts are converted item by item.
fn plain<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(PyString::new(py, &s.to_cow()?).into_any());
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|item| plain(&item))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        let items = tuple
            .iter()
            .map(|item| plain(&item))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyTuple::new(py, items)?.into_any());
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let out = PyDict::new(py);
        for (k, v) in dict.iter() {
            out.set_item(plain(&k)?, plain(&v)?)?;
        }
        return Ok(out.into_any());
    }
    if value.hasattr("to_dict")? {
        return value.call_method0("to_dict");
    }
    Ok(value.clone())
}
