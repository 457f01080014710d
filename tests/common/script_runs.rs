//! Running one script on a test engine that captures `print` (test262 host off), for the
//! tests of the fast paths: shared by tests/call_paths.rs, tests/prepared_calls.rs,
//! tests/function_slots.rs and tests/generator_paths.rs (each includes this file with
//! `#[path]`).

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

/// A test engine that evaluated `text` (as the script `name`), with the script's outcome.
pub fn evaluate(name: &str, text: &str) -> (Engine, Result<(), String>) {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let source = ScriptSource {
        name: name.to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).unwrap_or_else(|e| panic!("{text}: {e}"))),
    };
    let outcome = engine
        .evaluate_script(&source)
        .map(|_| ())
        .map_err(|e| e.report);
    (engine, outcome)
}

/// What `text` printed (it must not throw).
pub fn run(name: &str, text: &str) -> Vec<String> {
    let (mut engine, outcome) = evaluate(name, text);
    if let Err(report) = outcome {
        panic!("{text}: {report}");
    }
    engine.take_printed()
}

/// The report of the error `text` throws (it must throw).
#[allow(dead_code)] // (Not every file that includes this module checks errors.)
pub fn run_error(name: &str, text: &str) -> String {
    match evaluate(name, text).1 {
        Ok(()) => panic!("{text}: no error"),
        Err(report) => report,
    }
}

/// Runs `text` untraced and traced (where no fast path runs); both must print `expected`.
#[allow(dead_code)] // (Not every file that includes this module checks both ways.)
pub fn check_untraced_and_traced(name: &str, text: &str, expected: &[&str]) {
    let untraced = run(name, text);
    assert_eq!(untraced, expected, "untraced: {text}");
    let (traced, _) = compartments::trace::capture(|| run(name, text));
    assert_eq!(traced, expected, "traced: {text}");
}
