//! 9.4 Execution Contexts (sec-execution-contexts), with the Evaluators component of the
//! Compartments proposal's layer 3 in place of the Realm component (the realm is reached
//! through the Evaluators).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::environment_records::{get_identifier_reference, Env};
use super::evaluators::Evaluators;
use super::object_type::Object;
use super::private_environment_records::PrivateEnv;
use super::realms::Realm;
use super::reference_record::Reference;
use super::script_records::ScriptRecord;
use super::source_positions::SourceText;
use super::value::Value;
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
        let realm = evaluators.realm();
        ExecutionContext::without_code_in(function, evaluators, realm)
    }

    /// [`ExecutionContext::without_code`] with its Realm given (a built-in function's
    /// calleeRealm, which its Evaluators need not belong to).
    #[inline(always)]
    pub fn without_code_in(
        function: Option<Object>,
        evaluators: Evaluators,
        realm: Realm,
    ) -> ExecutionContext {
        ExecutionContext {
            function,
            realm,
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
    // 3. If no such execution context exists, return null; otherwise return ec's
    //    ScriptOrModule.
    crate::step!("sec-getactivescriptormodule", "3");
    ec.and_then(|ec| ec.script_or_module.clone())
}

/// Whether the running code is strict mode code.
pub fn is_strict(agent: &Agent) -> bool {
    agent.running_execution_context().strict
}

/// The running execution context's LexicalEnvironment.
pub fn lexical_environment(agent: &Agent) -> Env {
    agent
        .running_execution_context()
        .lexical_environment
        .clone()
        .expect("ECMAScript code runs with a LexicalEnvironment")
}

/// ResolveBinding ( name [ , env ] ) (9.4.2).
pub fn resolve_binding<'a>(
    agent: &mut Agent,
    name: &'a str,
    env: Option<&Env>,
) -> JsResult<Reference<'a>> {
    let (env, strict) = resolve_binding_steps(agent, env);
    get_identifier_reference(agent, Some(env), name, strict)
}

/// ResolveBinding's steps up to its call of GetIdentifierReference, which the caller
/// makes: [`resolve_binding`], or the paths that fuse ResolveBinding with GetValue
/// (identifier expressions, identifier callees) and call
/// [`super::environment_records::get_identifier_value`] instead. Returns env and
/// strict.
#[inline(always)]
#[crate::trace::checks_tracing_once]
pub fn resolve_binding_steps(agent: &Agent, env: Option<&Env>) -> (Env, bool) {
    // 1. If env is not present or env is undefined, then
    crate::step!("sec-resolvebinding", "1");
    let env = match env {
        Some(env) => env.clone(),
        None => {
            // a. Set env to the running execution context's LexicalEnvironment.
            crate::step!("sec-resolvebinding", "1.a");
            lexical_environment(agent)
        }
    };
    // 2. Assert: env is an Environment Record.
    crate::spec_assert!("sec-resolvebinding", "2", by: "env is an Env (the Rust type)");
    // 3. Let strict be IsStrict(the syntactic production that is being evaluated).
    crate::step!("sec-resolvebinding", "3");
    let strict = is_strict(agent);
    // 4. Return ? GetIdentifierReference(env, name, strict).
    crate::step!("sec-resolvebinding", "4");
    (env, strict)
}

/// GetThisEnvironment ( ) (9.4.3).
pub fn get_this_environment(agent: &Agent) -> Env {
    // 1. Let env be the running execution context's LexicalEnvironment.
    crate::step!("sec-getthisenvironment", "1");
    let mut env = lexical_environment(agent);
    // 2. Repeat,
    crate::step!("sec-getthisenvironment", "2");
    loop {
        // a. Let exists be env.HasThisBinding().
        crate::step!("sec-getthisenvironment", "2.a");
        let exists = env.has_this_binding();
        // b. If exists is true, return env.
        crate::step!("sec-getthisenvironment", "2.b");
        if exists {
            return env;
        }
        // c. Let outer be env.[[OuterEnv]].
        crate::step!("sec-getthisenvironment", "2.c");
        let outer = env.outer();
        // d. Assert: outer is not null. (The global environment has a this binding; should
        //    the assertion ever fail, the environment with no outer one stands in.)
        crate::spec_assert!("sec-getthisenvironment", "2.d", outer.is_some());
        // e. Set env to outer.
        crate::step!("sec-getthisenvironment", "2.e");
        match outer {
            Some(outer) => env = outer,
            None => return env,
        }
    }
}

/// ResolveThisBinding ( ) (9.4.4).
pub fn resolve_this_binding(agent: &mut Agent) -> JsResult<Value> {
    // 1. Let envRec be GetThisEnvironment().
    crate::step!("sec-resolvethisbinding", "1");
    let env = get_this_environment(agent);
    // 2. Return ? envRec.GetThisBinding().
    crate::step!("sec-resolvethisbinding", "2");
    env.get_this_binding(agent)
}

/// GetNewTarget ( ) (9.4.5).
pub fn get_new_target(agent: &Agent) -> Value {
    // 1. Let envRec be GetThisEnvironment().
    crate::step!("sec-getnewtarget", "1");
    let env_rec = get_this_environment(agent);
    // 2. Assert: envRec has a [[NewTarget]] field.
    crate::spec_assert!("sec-getnewtarget", "2", env_rec.function_fields().is_some());
    // 3. Return envRec.[[NewTarget]].
    crate::step!("sec-getnewtarget", "3");
    env_rec
        .function_fields()
        .map_or(Value::Undefined, |(_, new_target)| new_target)
}
