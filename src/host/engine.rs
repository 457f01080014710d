//! The embedding API that the CLI (`run`, the REPL) and the test262 runner use: one
//! [`Engine`] is one agent with one realm (its default Evaluators), living on the thread
//! that created it (the collector's heap is per thread, so an Engine is neither Send nor
//! Sync). Scripts are parsed by the caller, so that a test262 run parses each harness file
//! once and shares its tree between tests and threads.

use super::host_globals::{host_hooks, uncaught_report};
use crate::spec::agents::Agent;
use crate::spec::execution_contexts::ExecutionContext;
use crate::spec::realm_initialization::initialize_host_defined_realm;
use crate::spec::realms::Realm;
use crate::spec::script_records::{ScriptRecord, ScriptRecordData};
use crate::spec::scripts::script_evaluation;
use crate::spec::source_positions::SourceText;
use crate::spec::value::Value;
use crate::syntax::Program;
use boa_gc::Gc;
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
    /// Boxed: suspended generator and async bodies keep pointers to their agent on their
    /// stacks (interp/coroutines.rs), so it must not move when the engine does.
    agent: Box<Agent>,
    realm: Realm,
}

impl Engine {
    pub fn new(options: EngineOptions) -> Engine {
        let mut agent = Box::new(Agent::new(host_hooks(options.test262)));
        agent.capture_print = options.capture_print;
        let realm = initialize_host_defined_realm(&mut agent)
            .unwrap_or_else(|_| panic!("the host-defined realm could not be initialized"));
        // The realm's context stays at the bottom of the stack: ScriptEvaluation asserts
        // that the stack is not empty when it pops its own context (16.1.6 step 15).
        agent
            .execution_context_stack
            .push(ExecutionContext::without_code(None, realm.evaluators()));
        Engine { agent, realm }
    }

    /// ScriptEvaluation of `source` in this engine's realm.
    pub fn evaluate_script(&mut self, source: &ScriptSource) -> Result<(), Uncaught> {
        self.evaluate_script_value(source).map(|_| ())
    }

    /// ScriptEvaluation of `source`, giving its completion value.
    pub fn evaluate_script_value(&mut self, source: &ScriptSource) -> Result<Value, Uncaught> {
        let script = ScriptRecord(Gc::new(ScriptRecordData {
            realm: self.realm.clone(),
            ecmascript_code: source.program.clone(),
            source: Arc::new(SourceText {
                name: source.name.clone(),
                text: source.text.clone(),
            }),
            host_defined: Value::Undefined,
        }));
        let evaluators = self.realm.evaluators();
        script_evaluation(&mut self.agent, &script, &evaluators)
            .map_err(|thrown| uncaught_report(&mut self.agent, &thrown))
    }

    /// The lines `print` and `console.log` wrote since the last call (capture mode).
    pub fn take_printed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.agent.printed)
    }

    /// A display string for a value (the REPL's echo).
    pub fn display(&mut self, value: &Value) -> String {
        super::host_globals::display_value(&mut self.agent, value)
    }
}
