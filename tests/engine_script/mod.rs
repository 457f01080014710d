//! What the end-to-end library tests share: evaluating a script in a fresh engine (on a
//! thread with a big stack, as the CLI does) and collecting what it printed.
// Each test crate that includes this module uses only some of its functions.
#![allow(dead_code)]

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

/// The lines `text` printed, its promise jobs included (run after the script until none
/// is left); panics with the report if the script or a job throws. `test262` installs
/// `$262`.
pub fn run_printing(name: &str, text: &str, test262: bool) -> Vec<String> {
    let (name, text) = (name.to_string(), text.to_string());
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let mut engine = Engine::new(EngineOptions {
                test262,
                capture_print: true,
                ..EngineOptions::default()
            });
            let source = ScriptSource {
                name,
                text: Arc::from(text.as_str()),
                program: Arc::new(parse_script(&text).expect("the test script parses")),
            };
            if let Err(uncaught) = engine
                .evaluate_script(&source)
                .and_then(|()| engine.run_jobs())
            {
                panic!("{}", uncaught.report);
            }
            engine.take_printed()
        })
        .expect("a test thread starts")
        .join()
        .expect("the script ran")
}
