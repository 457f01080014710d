//! Interned binding names (docs/ARCHITECTURE.md, "Binding names"): one process-wide copy
//! of each distinct name, never freed, so that a binding can hold its name as a plain
//! `&'static str` — copying it or dropping it touches no reference count (an `Arc<str>`
//! name cost an atomic increment per binding made and an atomic decrement per binding
//! dropped: ~20 cycles each, serialising). Memory only: a name is the same string either
//! way.
//!
//! Bounded: at most [`MOST_BYTES`] bytes of names (and [`MOST_NAMES`] names) are ever
//! interned; past that [`intern`] gives `None` and callers keep a shared `Arc<str>` name
//! instead (a long run that keeps making new names, `eval("var x" + i)`, stops interning
//! rather than growing without end).

use rustc_hash::FxHashSet;
use std::sync::Mutex;

/// Most bytes of name text ever interned.
pub const MOST_BYTES: usize = 4 << 20;

/// Most names ever interned.
pub const MOST_NAMES: usize = 1 << 18;

/// Longest name interned (a longer one is kept shared).
pub const LONGEST: usize = 256;

struct Interner {
    names: FxHashSet<&'static str>,
    bytes: usize,
}

static INTERNER: Mutex<Option<Interner>> = Mutex::new(None);

thread_local! {
    /// The names this thread has interned or found interned: a lookup without the lock.
    static SEEN: std::cell::RefCell<FxHashSet<&'static str>> =
        std::cell::RefCell::new(FxHashSet::default());
}

/// The process-wide copy of `name`, interned now if it is new and there is room (`None`
/// when the bound is reached, the name is too long, or the thread is exiting).
pub fn intern(name: &str) -> Option<&'static str> {
    SEEN.try_with(|seen| {
        if let Some(interned) = seen.try_borrow().ok()?.get(name) {
            return Some(*interned);
        }
        let interned = intern_globally(name)?;
        if let Ok(mut seen) = seen.try_borrow_mut() {
            seen.insert(interned);
        }
        Some(interned)
    })
    .ok()
    .flatten()
}

#[inline(never)]
fn intern_globally(name: &str) -> Option<&'static str> {
    if name.len() > LONGEST {
        return None;
    }
    let mut guard = INTERNER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let interner = guard.get_or_insert_with(|| Interner {
        names: FxHashSet::default(),
        bytes: 0,
    });
    if let Some(interned) = interner.names.get(name) {
        return Some(*interned);
    }
    if interner.bytes + name.len() > MOST_BYTES || interner.names.len() >= MOST_NAMES {
        return None;
    }
    // (Leaked on purpose: an interned name lives as long as the process; the bound above
    // keeps the total small.)
    let interned: &'static str = Box::leak(Box::<str>::from(name));
    interner.bytes += name.len();
    interner.names.insert(interned);
    Some(interned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_per_name() {
        let a = intern("interned_names_test_a").unwrap();
        let b = intern(&String::from("interned_names_test_a")).unwrap();
        assert!(std::ptr::eq(a, b));
        assert_eq!(a, "interned_names_test_a");
        let other = std::thread::spawn(|| {
            intern("interned_names_test_a").unwrap() as *const str as *const u8 as usize
        })
        .join()
        .unwrap();
        assert_eq!(other, a.as_ptr() as usize);
    }

    #[test]
    fn long_names_are_not_interned() {
        assert!(intern(&"x".repeat(LONGEST + 1)).is_none());
    }
}
