//! Values shared by the clients of a process while any of them holds one: a floor of agents
//! means thousands of clients with the same settings, which should not each hold a copy.

use std::sync::{Arc, Mutex, PoisonError, Weak};

/// A cache of values by key, each kept while something holds it.
pub(crate) type SharedCache<K, V> = Mutex<Vec<(K, Weak<V>)>>;

/// The value for `key` that someone still holds, or a new one from `make`, kept from now on
/// for as long as someone holds it.
pub(crate) fn shared<K: PartialEq, V>(
    cache: &SharedCache<K, V>,
    key: K,
    make: impl FnOnce() -> V,
) -> Arc<V> {
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(value) = cache
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, value)| value.upgrade())
    {
        return value;
    }
    let value = Arc::new(make());
    cache.retain(|(_, value)| value.strong_count() > 0);
    cache.push((key, Arc::downgrade(&value)));
    value
}
