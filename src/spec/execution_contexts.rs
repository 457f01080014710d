//! 9.4 Execution Contexts (sec-execution-contexts), with the Evaluators component of the
//! Compartments proposal's layer 3 in place of the Realm component (the realm is reached
//! through the Evaluators).

use super::environment_records::Env;
use super::evaluators::Evaluators;
use super::object_type::Object;
use super::private_environment_records::PrivateEnv;
use super::realms::Realm;
use super::script_records::ScriptRecord;
use super::source_positions::SourceText;
use boa_gc::{Finalize, Trace};
use std::sync::Arc;

/// ScriptOrModule: a Script Record or a Module Record.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum ScriptOrModule {
    Script(ScriptRecord),
    Module(super::abstract_module_records::Module),
}

/// An execution context (Tables 25 and 26).
#[derive(Clone, Finalize)]
pub struct ExecutionContext {
    /// Function: the function object whose code is running, if any.
    pub function: Option<Object>,
    /// Evaluators (layer 3): replaces the Realm component; `realm` is its [[Realm]].
    pub evaluators: Evaluators,
    /// The Evaluators' realm, kept here because every intrinsic lookup needs it.
    pub realm: Realm,
    /// ScriptOrModule: null for built-in function contexts and realm set-up.
    pub script_or_module: Option<ScriptOrModule>,
    /// LexicalEnvironment (`None` for built-in function contexts).
    pub lexical_environment: Option<Env>,
    /// VariableEnvironment.
    pub variable_environment: Option<Env>,
    /// PrivateEnvironment.
    pub private_environment: Option<PrivateEnv>,
    /// The source text the running code was parsed from (not a spec field: error
    /// locations, [[SourceText]] of the functions it creates, template sites).
    pub source: Option<Arc<SourceText>>,
    /// Whether the code being evaluated is strict mode code (code evaluation state; class
    /// bodies switch it on within sloppy code).
    pub strict: bool,
    /// Generator (Table 27): the generator or async generator whose code this context is
    /// evaluating.
    pub generator: Option<Object>,
}

impl ExecutionContext {
    /// A context with no environments (built-in functions, realm set-up).
    pub fn without_code(function: Option<Object>, evaluators: Evaluators) -> ExecutionContext {
        ExecutionContext {
            function,
            realm: evaluators.realm(),
            evaluators,
            script_or_module: None,
            lexical_environment: None,
            variable_environment: None,
            private_environment: None,
            source: None,
            strict: true,
            generator: None,
        }
    }
}

// SAFETY: the source text holds no Gc pointers; every other field is traced.
unsafe impl boa_gc::Trace for ExecutionContext {
    boa_gc::custom_trace!(this, mark, {
        mark(&this.function);
        mark(&this.evaluators);
        mark(&this.realm);
        mark(&this.script_or_module);
        mark(&this.lexical_environment);
        mark(&this.variable_environment);
        mark(&this.private_environment);
        mark(&this.generator);
    });
}

/// GetActiveScriptOrModule ( ) (9.4.1).
pub fn get_active_script_or_module(agent: &super::agents::Agent) -> Option<ScriptOrModule> {
    // 1. If the execution context stack is empty, return null.
    crate::step!("sec-getactivescriptormodule", "1");
    if agent.execution_context_stack.is_empty() {
        return None;
    }
    // 2. Let ec be the topmost execution context on the execution context stack whose
    //    ScriptOrModule component is not null.
    crate::step!("sec-getactivescriptormodule", "2");
    let ec = agent
        .execution_context_stack
        .iter()
        .rev()
        .find(|ec| ec.script_or_module.is_some());
    // 3. If no such execution context exists, return null. Otherwise, return ec's
    //    ScriptOrModule.
    crate::step!("sec-getactivescriptormodule", "3");
    ec.and_then(|ec| ec.script_or_module.clone())
}
