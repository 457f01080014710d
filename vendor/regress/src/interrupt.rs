//! Interrupting a long backtracking search (a patch of the vendored copy, see
//! docs/regress-patch.md): the embedder registers a function that the backtracking
//! executor calls every `INTERRUPT_INTERVAL` backtracks; when it answers true, the search
//! ends as if no match were found, and the embedder, which knows why, says so.

/// How many backtracks pass between two calls of the interrupt check.
pub(crate) const INTERRUPT_INTERVAL: u32 = 1 << 16;

/// The registered check.
#[cfg(feature = "std")]
static CHECK: std::sync::RwLock<Option<fn() -> bool>> = std::sync::RwLock::new(None);

/// Registers `check` (`None`: no check) for every search from now on, in every thread.
/// It is called from inside searches, every 65,536 backtracks: when it returns true the
/// search stops and reports no match, so an embedder with a time or memory budget can
/// stop a search that would run too long (exponential backtracking), then tell a real
/// failure to match from an interrupted one by asking its own budget. (Without the `std`
/// feature there is no check.)
pub fn set_interrupt_check(check: Option<fn() -> bool>) {
    #[cfg(feature = "std")]
    {
        let mut slot = CHECK.write().unwrap_or_else(|e| e.into_inner());
        *slot = check;
    }
    #[cfg(not(feature = "std"))]
    let _ = check;
}

/// Whether the registered check asks for the search to stop.
pub(crate) fn should_interrupt() -> bool {
    #[cfg(feature = "std")]
    {
        let check = *CHECK.read().unwrap_or_else(|e| e.into_inner());
        if let Some(check) = check {
            return check();
        }
    }
    false
}
