//! Python bindings of finesse-client.
