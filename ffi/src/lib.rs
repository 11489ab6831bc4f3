//! The C ABI of finesse-client.
