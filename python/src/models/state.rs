//! Copying and pickling the models and the events.
//!
//! Both are immutable, so a copy (`copy.copy`, `copy.deepcopy`) is the object itself.
//! Pickling writes an object's *state*: a dict of its fields by name, as plain values
//! (strings, numbers, booleans, None, lists; an enumeration as its wire string, a nested model
//! as its own state). `__reduce__` returns `_restore` with the class name and the state, and
//! `_restore` rebuilds the object. Fields go by name, not position: a model pickled by an
//! older version, without a field added since, is restored with that field blank.
//!
//! Core's models are non-exhaustive: outside core, a value cannot be written as a struct
//! expression. A restored model starts blank (its `Default`, or, for the models without one,
//! what an empty document decodes to: `Blank`) and takes the state's fields one by one. Each
//! model's `State` is generated with the classes (`generated.rs`).

use finesse_client::{Error, model};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyKeyError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::errors;
use crate::events;
use crate::models::generated;

/// A model's state: its public fields by name, as plain values.
pub(crate) trait State: Sized {
    /// The state: a dict of plain values.
    fn to_state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;

    /// The model with the fields of `state`; a field it lacks stays blank.
    fn from_state(state: &Bound<'_, PyDict>) -> PyResult<Self>;
}

/// A field's value in a state.
pub(crate) trait Value: Sized {
    /// The plain Python value.
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;

    /// The field's value from its plain Python value.
    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self>;
}

impl Value for String {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value.extract()
    }
}

impl Value for i64 {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_bound_py_any(py)
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value.extract()
    }
}

impl Value for u64 {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_bound_py_any(py)
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value.extract()
    }
}

impl Value for u32 {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_bound_py_any(py)
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value.extract()
    }
}

impl Value for bool {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_bound_py_any(py)
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value.extract()
    }
}

impl<T: Value> Value for Option<T> {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_value(py),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if value.is_none() {
            Ok(None)
        } else {
            T::from_value(value).map(Some)
        }
    }
}

impl<T: Value> Value for Vec<T> {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.to_value(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        value
            .cast::<PyList>()?
            .iter()
            .map(|item| T::from_value(&item))
            .collect()
    }
}

impl<T: State> Value for T {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_state(py).map(Bound::into_any)
    }

    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        T::from_state(value.cast::<PyDict>()?)
    }
}

/// Writes `value` as the field `name` of `state`.
pub(crate) fn put<T: Value>(state: &Bound<'_, PyDict>, name: &str, value: &T) -> PyResult<()> {
    state.set_item(name, value.to_value(state.py())?)
}

/// Sets `field` to the field `name` of `state`, if there.
pub(crate) fn take<T: Value>(state: &Bound<'_, PyDict>, name: &str, field: &mut T) -> PyResult<()> {
    if let Some(value) = state.get_item(name)? {
        *field = T::from_value(&value)?;
    }
    Ok(())
}

/// `Value` for core's wire enumerations: their wire strings.
macro_rules! wire_enum_values {
    ($($name:ident),* $(,)?) => {$(
        impl $crate::models::state::Value for finesse_client::model::$name {
            fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(pyo3::types::PyString::new(py, self.as_str()).into_any())
            }

            fn from_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
                Ok(Self::parse(&value.extract::<pyo3::pybacked::PyBackedStr>()?))
            }
        }
    )*};
}

pub(crate) use wire_enum_values;

/// A blank model to restore into, for the models without `Default`: what decoding an empty
/// document gives.
pub(crate) trait Blank: Sized {
    /// The blank model.
    fn blank(py: Python<'_>) -> PyResult<Self>;
}

fn decoded<T>(py: Python<'_>, result: Result<T, Error>) -> PyResult<T> {
    result.map_err(|e| errors::to_py(py, e))
}

impl Blank for model::Dialog {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        decoded(py, model::Dialog::from_xml("<Dialog/>"))
    }
}

impl Blank for model::Participant {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        // A participant is only ever decoded inside a dialog.
        let xml = "<Dialog><participants><Participant/></participants></Dialog>";
        decoded(py, model::Dialog::from_xml(xml))?
            .participants
            .pop()
            .ok_or_else(|| PyRuntimeError::new_err("a blank dialog without its participant"))
    }
}

impl Blank for model::ReasonCode {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        decoded(py, model::ReasonCode::from_xml("<ReasonCode/>"))
    }
}

impl Blank for model::SystemInfo {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        decoded(py, model::SystemInfo::from_xml("<SystemInfo/>"))
    }
}

impl Blank for model::User {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        decoded(py, model::User::from_xml("<User/>"))
    }
}

impl Blank for model::WrapUpReason {
    fn blank(py: Python<'_>) -> PyResult<Self> {
        decoded(py, model::WrapUpReason::from_xml("<WrapUpReason/>"))
    }
}

/// What `__reduce__` returns: `_restore`, and the class name and state it takes.
pub(crate) type Reduced<'py> = (Bound<'py, PyAny>, (&'static str, Bound<'py, PyDict>));

/// `__reduce__` of the class `class` whose state is `state`.
pub(crate) fn reduce<'py>(
    py: Python<'py>,
    class: &'static str,
    state: Bound<'py, PyDict>,
) -> PyResult<Reduced<'py>> {
    let restore = py
        .import("finesse_client._finesse_client")?
        .getattr("_restore")?;
    Ok((restore, (class, state)))
}

/// The field `name` of an event's state, which must be there.
pub(crate) fn field<T: Value>(state: &Bound<'_, PyDict>, name: &str) -> PyResult<T> {
    match state.get_item(name)? {
        Some(value) => T::from_value(&value),
        None => Err(PyKeyError::new_err(name.to_owned())),
    }
}

/// Rebuilds a model or an event from what its ``__reduce__`` gave: the class name and the
/// state.
#[pyfunction]
#[pyo3(name = "_restore")]
pub(crate) fn restore(
    py: Python<'_>,
    class_name: &str,
    state: &Bound<'_, PyDict>,
) -> PyResult<Py<PyAny>> {
    if let Some(model) = generated::restore(py, class_name, state)? {
        return Ok(model);
    }
    events::restore(py, class_name, state)?
        .ok_or_else(|| PyValueError::new_err(format!("no class {class_name:?} to restore")))
}
