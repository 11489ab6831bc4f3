//! The model classes: frozen views of the core's typed resources (`generated.rs`, from
//! `core/src/model`), their methods (`methods.rs`), their copying and pickling (`state.rs`),
//! and `Accepted`.

mod accepted;
mod generated;
mod methods;
pub(crate) mod state;

pub(crate) use accepted::{Accepted, outcome_to_py};
pub(crate) use generated::*;
