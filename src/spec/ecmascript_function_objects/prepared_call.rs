//! A prepared [[Call]] of one ECMAScript function for a built-in that calls it many times
//! in a row (issue 20; docs/ARCHITECTURE.md, "Calls", seventh round): SortCompare's
//! Call(comparefn, undefined, « x, y »).

use super::{
    arrow_binds_nothing, callee_context_of, ecmascript_function_call, evaluate_plain_body,
    make_plain_bindings, plain_function_fields, CONSTRUCTOR_METHODS, FUNCTION_METHODS,
};
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::environment_records::Env;
use crate::spec::execution_contexts::ExecutionContext;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::value::Value;
use crate::syntax::ast;
use std::sync::Arc;

/// A [[Call]] ( thisArgument, argumentsList ) (10.2.1) of one ECMAScript function F with
/// thisArgument undefined, made ready for a built-in that calls F many times in a row
/// (SortCompare's Call(comparefn, undefined, « x, y »): `builtins/array/sort.rs`). Only for
/// F whose calls `plain_call` takes (plain code, not a class constructor; thisArgument
/// undefined needs no ToObject) and not while tracing. Memory only, the same steps as
/// `plain_call`'s: what PrepareForOrdinaryCall reads of F (steps 3-6 and 10, and the
/// source text) is read once, into a calleeContext used by every call, because none of
/// those slots of F ever changes; its localEnv (NewFunctionEnvironment with
/// [[ThisValue]] bound as OrdinaryCallBindThis binds undefined, and the bindings of
/// FunctionDeclarationInstantiation) is made once and, before each later call, made again
/// in place when calleeContext's handles are still the only ones to it (no code can reach
/// it: plain code makes no closure and has no direct eval or arguments object), by
/// writing the parameters' values (each argument or undefined) and the vars' undefined;
/// its [[OuterEnv]] (F.[[Environment]]), [[FunctionObject]] and [[ThisValue]] are those a
/// new record would get. A record some handle still reaches (never, for such code) makes
/// every later call the general one.
///
/// Between two calls whose results are Numbers, calleeContext stays on the execution
/// context stack (step 7's removal and the next call's PrepareForOrdinaryCall step 12 are
/// left out): the built-in's code that runs then (SortCompare's steps 4.b-c, the sort's
/// own bookkeeping) reads nothing of the running execution context and runs no code, and
/// the built-in removes it ([`PreparedCall::suspend`]) before anything else: any other
/// result, an abrupt completion, a comparison without a call, and the end of the sort.
pub struct PreparedCall {
    f: Object,
    /// F.[[ECMAScriptCode]].
    code: Arc<ast::Function>,
    /// calleeContext while it is not on the stack (its LexicalEnvironment and
    /// VariableEnvironment are localEnv). `None` while it is (`pushed`) or once the record
    /// could not be reused.
    context: Option<ExecutionContext>,
    /// Whether calleeContext is on the execution context stack, on top of it whenever the
    /// built-in's code runs.
    pushed: bool,
}

impl PreparedCall {
    /// A prepared call of `f`, when `f` is an ECMAScript function object whose calls with
    /// thisArgument undefined `plain_call` takes; `None` otherwise and while tracing.
    pub fn new(f: &Object) -> Option<PreparedCall> {
        if crate::trace::enabled()
            || !(std::ptr::eq(f.methods(), &FUNCTION_METHODS)
                || std::ptr::eq(f.methods(), &CONSTRUCTOR_METHODS))
        {
            return None;
        }
        let data = f.data();
        let ObjectKind::Function(d) = &data.kind else {
            return None;
        };
        if !d.code.scope.plain_call || d.is_class_constructor() || arrow_binds_nothing(&d.code) {
            return None;
        }
        // (OrdinaryCallBindThis with thisArgument undefined: 2, 5.a or 6.a.i-iii.)
        let fields = plain_function_fields(f, d, &Value::Undefined)?;
        let code = d.code.clone();
        let params = &code.params;
        let vars = &code.scope.var_declared_names;
        let local_env = Env::plain_function_environment(
            None,
            d.environment.clone(),
            fields,
            params.len() + vars.len(),
            |bindings| make_plain_bindings(bindings, params, vars, &[]),
        );
        let context = callee_context_of(f, d, local_env, d.source_text.clone());
        drop(data);
        Some(PreparedCall {
            f: f.clone(),
            code,
            context: Some(context),
            pushed: false,
        })
    }

    /// F.[[Call]](undefined, `arguments`) (10.2.1). calleeContext may stay on the stack
    /// after a Number result: the caller must [`PreparedCall::suspend`] before it runs
    /// anything but the comparison of that Number and the next call.
    pub fn call<const N: usize>(
        &mut self,
        agent: &mut Agent,
        arguments: [&Value; N],
    ) -> JsResult<Value> {
        if !self.pushed {
            match self.context.take() {
                Some(context) if !crate::trace::enabled() => {
                    // (The stack check in the caller's context, as [[Call]] makes it.)
                    if let Err(error) = agent.check_stack() {
                        self.context = Some(context);
                        return Err(error);
                    }
                    agent.execution_context_stack.push(context);
                    self.pushed = true;
                }
                _ => return self.general_call(agent, arguments),
            }
        } else if crate::trace::enabled() || agent.check_stack().is_err() {
            // (Checked again, with the error made, in the caller's context.)
            self.suspend(agent);
            return self.general_call(agent, arguments);
        }
        // (The record is made again in place only while calleeContext's handles are the
        // only ones to it: the LexicalEnvironment's is released for the test, and made
        // again.)
        let refilled = match agent.execution_context_stack.last_mut() {
            Some(context) => {
                context.lexical_environment = None;
                let refilled = context.variable_environment.as_ref().is_some_and(|env| {
                    env.refill_prepared_bindings(self.code.params.len(), &arguments)
                });
                context.lexical_environment = context.variable_environment.clone();
                refilled
            }
            None => false,
        };
        if !refilled {
            self.suspend(agent);
            self.context = None;
            return self.general_call(agent, arguments);
        }
        // Where the caller is, for the locations of errors after the call returns.
        let caller_offset = agent.current_offset;
        let result = evaluate_plain_body(agent, &self.code);
        agent.current_offset = caller_offset;
        // (A Number result is passed on as its tag and its payload, word by word: a copy
        // of the whole result read back right after it was written stalls.)
        match result {
            Ok(Value::Number(n)) => Ok(Value::Number(n)),
            result => {
                self.suspend(agent);
                result
            }
        }
    }

    /// F.[[Call]](undefined, `arguments`) by the general path (out of line).
    #[inline(never)]
    fn general_call<const N: usize>(
        &self,
        agent: &mut Agent,
        arguments: [&Value; N],
    ) -> JsResult<Value> {
        let list = arguments.map(Value::clone);
        ecmascript_function_call(agent, &self.f, &Value::Undefined, &list)
    }

    /// Removes calleeContext from the execution context stack when it is there ([[Call]]
    /// step 7, left out after a Number result), restoring the built-in's context as the
    /// running execution context.
    pub fn suspend(&mut self, agent: &mut Agent) {
        if self.pushed {
            self.pushed = false;
            self.context = agent.execution_context_stack.pop();
        }
    }
}
