//! The embedding API that the CLI (`run`, the REPL) and the test262 runner use: one
//! [`Engine`] is one agent with one realm (its default Evaluators), living on the thread
//! that created it (the collector's heap is per thread, so an Engine is neither Send nor
//! Sync). Scripts are parsed by the caller, so that a test262 run parses each harness file
//! once and shares its tree between tests and threads.

use crate::syntax::Program;
use std::sync::Arc;

/// What the host provides besides the ECMAScript built-ins.
#[derive(Clone, Debug, Default)]
pub struct EngineOptions {
    /// Install the test262 host object `$262` (createRealm, evalScript, gc, global, ...).
    pub test262: bool,
    /// Keep `print` / `console.log` output in the engine (see [`Engine::take_printed`])
    /// instead of writing it to stdout.
    pub capture_print: bool,
}

/// A parsed Script and where it came from.
#[derive(Clone, Debug)]
pub struct ScriptSource {
    /// A file name or a label such as `harness/assert.js`, used in error locations.
    pub name: String,
    /// The text the program was parsed from (for `Function.prototype.toString` and
    /// line:column of errors).
    pub text: Arc<str>,
    pub program: Arc<Program>,
}

/// An exception that nothing caught.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncaught {
    /// The `name` of the thrown value's `constructor` when it is an object whose
    /// constructor has a string name (what test262's `negative.type` is checked against).
    pub constructor_name: Option<String>,
    /// The thrown value's `message` property (for an error object), else its string form.
    pub message: String,
    /// The whole report: `Uncaught TypeError: message` and, when known,
    /// `    at file:line:column`.
    pub report: String,
}

/// One agent with one realm.
pub struct Engine {
    _options: EngineOptions,
    printed: Vec<String>,
}

impl Engine {
    pub fn new(options: EngineOptions) -> Engine {
        Engine {
            _options: options,
            printed: Vec::new(),
        }
    }

    /// ScriptEvaluation of `source` in this engine's realm, then its pending jobs.
    pub fn evaluate_script(&mut self, source: &ScriptSource) -> Result<(), Uncaught> {
        let _ = source;
        Err(Uncaught {
            constructor_name: None,
            message: "evaluation is not implemented yet".to_string(),
            report: "Uncaught: evaluation is not implemented yet".to_string(),
        })
    }

    /// The lines `print` and `console.log` wrote since the last call (capture mode).
    pub fn take_printed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.printed)
    }
}
