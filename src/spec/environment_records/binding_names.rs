//! The name of a binding ([`BindingName`]; docs/ARCHITECTURE.md, "Binding names").

use std::ptr::NonNull;
use std::sync::Arc;

/// A binding's name: the process-wide interned copy of it
/// ([`crate::syntax::interned_names`]), which is copied and dropped without touching a
/// reference count, or — for a name that was not interned (past the interner's bound) or
/// that a path shares with the parse tree — a shared `Arc<str>`. Both stand for the same
/// string: comparisons, hashing and lookups by name see only the text (memory only).
///
/// (Held as the text's pointer either way — for a shared name, the data pointer of the
/// `Arc<str>` it holds one count of, `Arc::into_raw` — so reading the text is one load
/// with no test of which kind it is: the places of global bindings compare it on every
/// access.)
pub struct BindingName {
    /// The name's text: a `&'static str` from the interner, or (when `shared`) the data of
    /// an `Arc<str>` of which this name owns one strong count.
    text: NonNull<str>,
    shared: bool,
}

impl BindingName {
    /// The interned name `name` (a `&'static str` of the interner).
    #[inline(always)]
    pub fn interned(name: &'static str) -> BindingName {
        BindingName {
            text: NonNull::from(name),
            shared: false,
        }
    }

    /// The shared name `name` (its count is kept until this name is dropped).
    #[inline(always)]
    pub fn shared(name: Arc<str>) -> BindingName {
        let text = Arc::into_raw(name).cast_mut();
        BindingName {
            // SAFETY: `Arc::into_raw` gives the (non-null) pointer to the Arc's data.
            text: unsafe { NonNull::new_unchecked(text) },
            shared: true,
        }
    }

    /// The name of a binding made now: the interned copy of `name` when there is one,
    /// else a shared copy of it.
    pub fn of(name: &str) -> BindingName {
        match crate::syntax::interned_names::intern(name) {
            Some(interned) => BindingName::interned(interned),
            None => BindingName::shared(super::interned_name(name)),
        }
    }

    /// The name's text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: an interned text lives as long as the process; a shared one as long as
        // the count this name owns, so at least as long as `self`.
        unsafe { self.text.as_ref() }
    }

    /// Whether this is the very shared name `name` (the same allocation).
    #[inline(always)]
    pub fn is_shared(&self, name: &Arc<str>) -> bool {
        self.shared && std::ptr::addr_eq(self.text.as_ptr(), Arc::as_ptr(name))
    }

    /// The name as a shared `Arc<str>` (the interner's per-thread copy for an interned
    /// name).
    pub fn to_shared(&self) -> Arc<str> {
        if self.shared {
            // SAFETY: the pointer came from `Arc::into_raw` and this name owns a count, so
            // the Arc is alive; the count added here is the one the new Arc owns.
            unsafe {
                Arc::increment_strong_count(self.text.as_ptr());
                Arc::from_raw(self.text.as_ptr())
            }
        } else {
            super::interned_name(self.as_str())
        }
    }
}

impl Clone for BindingName {
    #[inline]
    fn clone(&self) -> BindingName {
        if self.shared {
            // SAFETY: as in `to_shared`: the count added is the one the clone owns.
            unsafe { Arc::increment_strong_count(self.text.as_ptr()) };
        }
        BindingName {
            text: self.text,
            shared: self.shared,
        }
    }
}

impl Drop for BindingName {
    #[inline]
    fn drop(&mut self) {
        if self.shared {
            // SAFETY: the pointer came from `Arc::into_raw` and this name owns one count,
            // given back here once.
            unsafe { drop(Arc::from_raw(self.text.as_ptr())) };
        }
    }
}

impl From<Arc<str>> for BindingName {
    #[inline(always)]
    fn from(name: Arc<str>) -> BindingName {
        BindingName::shared(name)
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
