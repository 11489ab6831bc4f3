//! The core's string enumerations as members of the `str`-valued enums defined in
//! `finesse_client/enums.py`. Unknown values become pseudo-members there, so they are kept.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// A core enumeration with a Python counterpart of the same name in `finesse_client.enums`.
pub(crate) trait PyEnum {
    /// The value as sent on the wire.
    fn wire(&self) -> &str;

    /// The Python enum class.
    fn class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>>;

    /// The Python member for this value.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Self::class(py)?.call1((self.wire(),))
    }
}

/// Implements [`PyEnum`] for core enums, each with the Python class of the same name.
macro_rules! py_enum {
    ($($name:ident),* $(,)?) => {
        $(
            impl PyEnum for model::$name {
                fn wire(&self) -> &str {
                    self.as_str()
                }

                fn class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
                    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
                    CLASS.import(py, "finesse_client.enums", stringify!($name))
                }
            }
        )*
    };
}

py_enum!(
    Action,
    AgentState,
    CallType,
    DeploymentType,
    DialogState,
    MediaAddressType,
    ParticipantState,
    PhoneBookType,
    ReasonCodeCategory,
    StateCause,
    SystemStatus,
    WrapUpMode,
);

/// An optional value's member, or `None`.
pub(crate) fn optional<'py, E: PyEnum>(
    py: Python<'py>,
    value: Option<&E>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    value.map(|v| v.to_py(py)).transpose()
}

/// A list of members.
pub(crate) fn list<'py, E: PyEnum>(
    py: Python<'py>,
    values: &[E],
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    values.iter().map(|v| v.to_py(py)).collect()
}

#[cfg(test)]
mod tests {
    use finesse_client::model;

    /// Every value the core knows is a member of the Python enum of the same name.
    #[test]
    fn python_enums_list_every_known_value() {
        let source = include_str!("../finesse_client/enums.py");
        let check = |class: &str, known: &[&str]| {
            let start = source
                .find(&format!("class {class}("))
                .unwrap_or_else(|| panic!("enums.py has no class {class}"));
            let body = &source[start..];
            let body = &body[..body[1..].find("\nclass ").map_or(body.len(), |i| i + 1)];
            for value in known {
                assert!(
                    body.contains(&format!("    {value} = \"{value}\"\n")),
                    "{class} lacks {value}"
                );
            }
        };
        macro_rules! check {
            ($($name:ident),*) => {
                $(check(
                    stringify!($name),
                    &model::$name::KNOWN.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
                );)*
            };
        }
        check!(
            Action,
            AgentState,
            CallType,
            DeploymentType,
            DialogState,
            MediaAddressType,
            ParticipantState,
            PhoneBookType,
            ReasonCodeCategory,
            StateCause,
            SystemStatus,
            WrapUpMode
        );
    }
}
