//! The name of a binding ([`BindingName`]; docs/ARCHITECTURE.md, "Binding names").

use std::sync::Arc;

/// A binding's name: the process-wide interned copy of it
/// ([`crate::syntax::interned_names`]), which is copied and dropped without touching a
/// reference count, or — for a name that was not interned (past the interner's bound) or
/// that a path shares with the parse tree — a shared `Arc<str>`. Both stand for the same
/// string: comparisons, hashing and lookups by name see only the text (memory only).
#[derive(Clone)]
pub enum BindingName {
    /// A `&'static str` of the interner.
    Interned(&'static str),
    /// A name shared with the parse tree or the per-thread interner.
    Shared(Arc<str>),
}

impl BindingName {
    /// The name of a binding made now: the interned copy of `name` when there is one,
    /// else a shared copy of it.
    pub fn of(name: &str) -> BindingName {
        match crate::syntax::interned_names::intern(name) {
            Some(interned) => BindingName::Interned(interned),
            None => BindingName::Shared(super::interned_name(name)),
        }
    }

    /// The name's text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match self {
            BindingName::Interned(text) => text,
            BindingName::Shared(name) => name,
        }
    }

    /// Whether this is the very shared name `name` (the same allocation).
    #[inline(always)]
    pub fn is_shared(&self, name: &Arc<str>) -> bool {
        matches!(self, BindingName::Shared(own) if Arc::ptr_eq(own, name))
    }

    /// The name as a shared `Arc<str>` (the interner's per-thread copy for an interned
    /// name).
    pub fn to_shared(&self) -> Arc<str> {
        match self {
            BindingName::Shared(name) => name.clone(),
            BindingName::Interned(text) => super::interned_name(text),
        }
    }
}

impl From<Arc<str>> for BindingName {
    #[inline(always)]
    fn from(name: Arc<str>) -> BindingName {
        BindingName::Shared(name)
    }
}

impl std::ops::Deref for BindingName {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for BindingName {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for BindingName {
    fn eq(&self, other: &BindingName) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for BindingName {}

impl std::hash::Hash for BindingName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // (As `str` hashes: the index is looked up by `&str`.)
        self.as_str().hash(state)
    }
}

impl std::fmt::Debug for BindingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for BindingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
