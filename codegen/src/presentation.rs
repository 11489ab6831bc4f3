//! The choices each binding makes in showing the model: names, `repr` fields, and the
//! deliberate exceptions to parity, each with its reason. Everything else follows from core.

/// A binding of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// The C ABI (`include/finesse.h`).
    C,
    /// The Python package (`finesse_client`).
    Python,
}

/// A field (or, with `field` None, a whole model) a binding deliberately does not show.
pub struct Exception {
    /// The binding.
    pub binding: Binding,
    /// The core model.
    pub model: &'static str,
    /// The field, or None for the whole model.
    pub field: Option<&'static str>,
    /// Why.
    pub why: &'static str,
}

/// The deliberate exceptions to parity.
pub const EXCEPTIONS: &[Exception] = &[Exception {
    binding: Binding::Python,
    model: "CallVariable",
    field: None,
    why: "Python shows call variables as a dict (`MediaProperties.call_variables`) and as \
          (name, value) pairs (`call_variable_list`), not as objects",
}];

/// Whether `binding` shows `field` of `model` (None: the model itself).
pub fn shown(binding: Binding, model: &str, field: Option<&str>) -> bool {
    !EXCEPTIONS.iter().any(|e| {
        e.binding == binding && e.model == model && (e.field.is_none() || e.field == field)
    })
}

/// Whether Python shows a list of this model as a dict of name to value (the one
/// exception above: call variables).
pub fn py_as_dict(model: &str) -> bool {
    model == "CallVariable" && !shown(Binding::Python, model, None)
}

/// `MediaProperties` → `media_properties`.
pub fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The C type of a model's borrowed view.
pub fn c_type(model: &str) -> String {
    match model {
        // `finesse_user_settings` is the accessor of `User::settings`.
        "UserSettings" => "finesse_settings".to_owned(),
        // `finesse_queue_statistics` is the accessor of `Queue::statistics`.
        "QueueStatistics" => "finesse_queue_stats".to_owned(),
        _ => format!("finesse_{}", snake(model)),
    }
}

/// The C type of an owned model, as decoders and client calls return it.
pub fn c_owned_type(model: &str) -> String {
    format!("finesse_owned_{}", snake(model))
}

/// The C type of an owned list of a model.
pub fn c_owned_list_type(model: &str) -> String {
    format!("finesse_owned_{}_list", snake(model))
}

/// The parameter name of a model's view in C accessors.
pub fn c_param(model: &str) -> String {
    snake(model)
}

/// The Python class of a model.
pub fn py_class(model: &str) -> &str {
    match model {
        // `ApiError` is the exception class raised for API errors.
        "ApiError" => "ApiErrorDetail",
        _ => model,
    }
}

/// The properties a model's Python `repr` shows; all of them when not listed.
pub fn py_repr(model: &str) -> Option<&'static [&'static str]> {
    Some(match model {
        "Dialog" => &["id", "state", "from_address", "to_address"],
        "MediaProperties" => &["call_type", "dialed_number", "call_variables"],
        "Participant" => &["media_address", "state", "actions"],
        "ReasonCode" => &["id", "category", "code", "label"],
        "SystemInfo" => &["status", "deployment_type", "xmpp_domain"],
        "TeamRef" => &["id", "name"],
        "User" => &["login_id", "login_name", "state", "extension"],
        "WrapUpReason" => &["id", "label"],
        "ApiError" => &["error_type", "error_message", "error_data"],
        _ => return None,
    })
}

/// The hand-written properties of a Python class (`python/src/models/methods.rs`), which
/// `to_dict` includes after the fields.
pub fn py_extra_properties(model: &str) -> &'static [&'static str] {
    match model {
        "MediaProperties" => &["call_variable_list"],
        _ => &[],
    }
}

/// Stub lines of the hand-written methods of a Python class (`python/src/models/methods.rs`),
/// placed after its properties.
pub fn py_methods(model: &str) -> &'static str {
    match model {
        "Dialog" => {
            r#"    def participant(self, media_address: str) -> Participant | None:
        """The participant with this media address (an extension or number), if any."""
"#
        }
        "MediaProperties" => {
            r#"    @property
    def call_variable_list(self) -> list[tuple[str, str]]:
        """The call variables as ``(name, value)`` pairs, in document order."""
    def call_variable(self, name: str) -> str | None:
        """The value of a call variable by name, if present."""
"#
        }
        "Participant" => {
            r#"    def can(self, action: Action | str) -> bool:
        """Whether ``action`` is currently allowed for this participant."""
"#
        }
        "User" => {
            r#"    def is_signed_in(self) -> bool:
        """Whether the agent is signed in (in any state but ``LOGOUT``)."""
"#
        }
        _ => "",
    }
}
