//! Step markers: `step!("sec-clause-id", "3.a")` marks where a spec algorithm's step is
//! implemented. Each YAML step in `spec-steps/` has exactly one marker in the code and each
//! marker a YAML step (checked by a test). With tracing on (`compartments run --trace`),
//! every marker that executes is reported; with it off a marker costs one relaxed load.

use std::sync::atomic::{AtomicBool, Ordering};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Whether executed steps are being reported.
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Turns the reporting of executed steps on or off (process-wide).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Reports that `step` of the algorithm in clause `clause` (its id) executes.
#[cold]
pub fn record(clause: &'static str, step: &'static str) {
    eprintln!("[step] {clause} {step}");
}

/// Marks the implementation of one step of a spec algorithm (see the module docs).
#[macro_export]
macro_rules! step {
    ($clause:literal, $step:literal) => {
        if $crate::trace::enabled() {
            $crate::trace::record($clause, $step);
        }
    };
}
