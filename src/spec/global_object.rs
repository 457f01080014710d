//! 19.2.1 eval ( x ) (sec-eval-x): the `eval` function, PerformEval (19.2.1.1),
//! HostEnsureCanCompileStrings (19.2.1.2) and EvalDeclarationInstantiation (19.2.1.3).

use super::agents::Agent;
use super::builtin_function_objects::BuiltinCall;
use super::completion_record::{Completion, JsResult};
use super::environment_records::{
    can_declare_global_function, can_declare_global_var, create_global_function_binding,
    create_global_var_binding, has_lexical_declaration, new_declarative_environment, Env,
};
use super::execution_contexts::ExecutionContext;
use super::object_kinds::ObjectKind;
use super::realms::Realm;
use super::scripts::instantiate_lexical_declarations;
use super::source_positions::SourceText;
use super::string_type::JsString;
use super::value::Value;
use crate::interp::expressions::get_this_environment;
use crate::interp::functions::{function_declarations_to_initialize, instantiate_function_object};
use crate::interp::statements::evaluate_statement_list;
use crate::spec::private_environment_records::PrivateEnv;
use crate::syntax::ast::{DeclRef, Program};
use crate::syntax::early_errors::EvalContext;
use std::sync::Arc;

/// eval ( x ) (19.2.1): the behaviour of %eval% (and of each Evaluators' [[Eval]]).
pub fn eval(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? PerformEval(x, false, false).
    perform_eval(agent, &call.arg(0), false, false)
}

/// HostEnsureCanCompileStrings ( calleeRealm, parameterStrings, bodyString, direct )
/// (19.2.1.2): this host allows every compilation.
pub fn host_ensure_can_compile_strings(
    _agent: &mut Agent,
    _callee_realm: &Realm,
    _parameter_strings: &[JsString],
    _body_string: &JsString,
    _direct: bool,
) -> JsResult<()> {
    Ok(())
}

/// PerformEval ( x, strictCaller, direct ) (19.2.1.1).
pub fn perform_eval(
    agent: &mut Agent,
    x: &Value,
    strict_caller: bool,
    direct: bool,
) -> JsResult<Value> {
    // 1. Assert: If direct is false, then strictCaller is also false.
    // 2. If x is not a String, return x.
    let Value::String(x) = x else {
        return Ok(x.clone());
    };
    // 3. Let evalRealm be the current Realm Record.
    // 4. NOTE: In the case of a direct eval, evalRealm is the realm of both the caller of
    //    eval and of the eval function itself.
    let eval_realm = agent.current_realm();
    let evaluators = agent.current_evaluators();
    // 5. Perform ? HostEnsureCanCompileStrings(evalRealm, « », x, direct).
    host_ensure_can_compile_strings(agent, &eval_realm, &[], x, direct)?;
    // 6. Let inFunction be false. 7. Let inMethod be false.
    // 8. Let inDerivedConstructor be false. 9. Let inClassFieldInitializer be false.
    let mut context = EvalContext {
        in_function: false,
        in_method: false,
        in_derived_constructor: false,
        in_class_field_initializer: false,
        private_names: Vec::new(),
    };
    // 10. If direct is true, then
    if direct {
        // a. Let thisEnvRec be GetThisEnvironment().
        let this_env_rec = get_this_environment(agent);
        // b. If thisEnvRec is a Function Environment Record, then
        if let Some((f, _)) = this_env_rec.function_fields() {
            // i. Let F be thisEnvRec.[[FunctionObject]].
            // ii. Set inFunction to true.
            context.in_function = true;
            // iii. Set inMethod to thisEnvRec.HasSuperBinding().
            context.in_method = this_env_rec.has_super_binding();
            if let ObjectKind::Function(data) = &f.data().kind {
                // iv. If F.[[ConstructorKind]] is ~derived~, set inDerivedConstructor to true.
                context.in_derived_constructor = data.constructor_kind
                    == super::ecmascript_function_objects::ConstructorKind::Derived;
                // v. Let classFieldInitializerName be F.[[ClassFieldInitializerName]].
                // vi. If classFieldInitializerName is not ~empty~, set
                //     inClassFieldInitializer to true.
                context.in_class_field_initializer = data.class_field_initializer_name.is_some();
            }
        }
        // (EvalDeclarationInstantiation steps 4-7, checked with the parse:
        // AllPrivateIdentifiersValid with the names of the private environments.)
        let mut pointer = agent
            .running_execution_context()
            .private_environment
            .clone();
        while let Some(env) = pointer {
            let record = env.0.borrow();
            for name in &record.names {
                let description = name.description().to_rust_string();
                if !context.private_names.contains(&description) {
                    context.private_names.push(description);
                }
            }
            pointer = record.outer.clone();
        }
    }
    // 11. Perform the following substeps in an implementation-defined order, possibly
    //     interleaving parsing and error detection:
    //     a. Let script be ParseText(x, Script).
    //     b. If script is a List of errors, throw a SyntaxError exception.
    //     c. If script Contains ScriptBody is false, return undefined.
    //     d. Let body be the ScriptBody of script.
    //     e-h. The inFunction / inMethod / inDerivedConstructor / inClassFieldInitializer
    //        early errors.
    let text = x.to_rust_string();
    let script = match crate::syntax::parse_eval(&text, strict_caller, &context) {
        Ok(script) => Arc::new(script),
        Err(error) => return Err(agent.syntax_error(&error.message)),
    };
    if script.body.is_empty() {
        return Ok(Value::Undefined);
    }
    // 12. If strictCaller is true, let strictEval be true.
    // 13. Else, let strictEval be ScriptIsStrict of script.
    let strict_eval = strict_caller || script.strict;
    // 14. Let runningContext be the running execution context.
    // 15. NOTE: If direct is true, runningContext will be the execution context that
    //     performed the direct eval. If direct is false, runningContext will be the
    //     execution context for the invocation of the eval function.
    let running_context = agent.running_execution_context().clone();
    let (lex_env, mut var_env, private_env) = if direct {
        // 16. If direct is true, then
        //     a. Let lexEnv be NewDeclarativeEnvironment(runningContext's
        //        LexicalEnvironment).
        //     b. Let varEnv be runningContext's VariableEnvironment.
        //     c. Let privateEnv be runningContext's PrivateEnvironment.
        (
            new_declarative_environment(running_context.lexical_environment.clone()),
            running_context
                .variable_environment
                .clone()
                .expect("a direct eval runs in ECMAScript code"),
            running_context.private_environment.clone(),
        )
    } else {
        // 17. Else,
        //     a. Let lexEnv be NewDeclarativeEnvironment(evalRealm.[[GlobalEnv]]).
        //     b. Let varEnv be evalRealm.[[GlobalEnv]].
        //     c. Let privateEnv be null.
        let global_env = evaluators.global_env();
        (
            new_declarative_environment(Some(global_env.clone())),
            global_env,
            None,
        )
    };
    // 18. If strictEval is true, set varEnv to lexEnv.
    if strict_eval {
        var_env = lex_env.clone();
    }
    // 19. If runningContext is not already suspended, suspend runningContext.
    // 20. Let evalContext be a new ECMAScript code execution context.
    // 21. Set evalContext's Function to null.
    // 22. Set evalContext's Realm to evalRealm.
    // 23. Set evalContext's ScriptOrModule to runningContext's ScriptOrModule.
    // 24. Set evalContext's VariableEnvironment to varEnv.
    // 25. Set evalContext's LexicalEnvironment to lexEnv.
    // 26. Set evalContext's PrivateEnvironment to privateEnv.
    let eval_context = ExecutionContext {
        function: None,
        evaluators,
        realm: eval_realm,
        script_or_module: running_context.script_or_module.clone(),
        lexical_environment: Some(lex_env.clone()),
        variable_environment: Some(var_env.clone()),
        private_environment: private_env.clone(),
        source: Some(Arc::new(SourceText {
            name: "eval code".to_string(),
            text: Arc::from(text.as_str()),
        })),
        strict: strict_eval,
        generator: None,
    };
    // 27. Push evalContext onto the execution context stack; evalContext is now the
    //     running execution context.
    agent.execution_context_stack.push(eval_context);
    // 28. Let result be Completion(EvalDeclarationInstantiation(body, varEnv, lexEnv,
    //     privateEnv, strictEval)).
    let result = eval_declaration_instantiation(
        agent,
        &script,
        &var_env,
        &lex_env,
        private_env,
        strict_eval,
    )
    // 29. If result is a normal completion, then
    //     a. Set result to Completion(Evaluation of body).
    .and_then(|()| evaluate_statement_list(agent, &script.body))
    // 30. If result is a normal completion and result.[[Value]] is ~empty~, then
    //     a. Set result to NormalCompletion(undefined).
    .map(|completion| match completion {
        Completion::Normal(v) => v.unwrap_or_default(),
        _ => Value::Undefined,
    });
    // 31. Suspend evalContext and remove it from the execution context stack.
    agent.execution_context_stack.pop();
    // 32. Resume the context that is now on the top of the execution context stack as the
    //     running execution context.
    // 33. Return ? result.
    result
}

/// EvalDeclarationInstantiation ( body, varEnv, lexEnv, privateEnv, strict ) (19.2.1.3).
pub fn eval_declaration_instantiation(
    agent: &mut Agent,
    body: &Program,
    var_env: &Env,
    lex_env: &Env,
    private_env: Option<PrivateEnv>,
    strict: bool,
) -> JsResult<()> {
    // 1. Let varNames be the VarDeclaredNames of body.
    let var_names = &body.scope.var_declared_names;
    // 2. Let varDeclarations be the VarScopedDeclarations of body.
    let var_declarations = &body.scope.var_scoped_declarations;
    let var_env_is_global = var_env.is_global();
    // 3. If strict is false, then
    if !strict {
        // a. If varEnv is a Global Environment Record, then
        //    i. For each element name of varNames, do
        //       1. If HasLexicalDeclaration(varEnv, name) is true, throw a SyntaxError.
        //       2. NOTE: eval will not create a global var declaration that would be
        //          shadowed by a global lexical declaration.
        if var_env_is_global {
            for name in var_names {
                if has_lexical_declaration(var_env, name) {
                    return Err(agent
                        .syntax_error(&format!("identifier '{name}' has already been declared")));
                }
            }
        }
        // b. Let thisEnv be lexEnv.
        // c. Assert: The following loop will terminate.
        let mut this_env = lex_env.clone();
        // d. Repeat, while thisEnv is not varEnv,
        while this_env != *var_env {
            // i. If thisEnv is not an Object Environment Record, then
            //    1. NOTE: The environment of with statements cannot contain any lexical
            //       declaration so it doesn't need to be checked for var/let hoisting
            //       conflicts.
            //    2. For each element name of varNames, do
            //       a. If ! thisEnv.HasBinding(name) is true, then
            //          i. Throw a SyntaxError exception.
            //          ii. NOTE: Annex B.3.4 defines alternate semantics for the above step.
            //       b. NOTE: A direct eval will not hoist var declaration over a like-named
            //          lexical declaration.
            if !this_env.is_object() {
                for name in var_names {
                    if this_env.has_declarative_binding(name) {
                        return Err(agent.syntax_error(&format!(
                            "identifier '{name}' has already been declared"
                        )));
                    }
                }
            }
            // ii. Set thisEnv to thisEnv.[[OuterEnv]].
            match this_env.outer() {
                Some(outer) => this_env = outer,
                None => break,
            }
        }
    }
    // 4-7. AllPrivateIdentifiersValid of body with the names of privateEnv's chain (checked
    //    when PerformEval parsed body).
    // 8. Let functionsToInitialize be a new empty List.
    // 9. Let declaredFunctionNames be a new empty List.
    // 10. For each element d of varDeclarations, in reverse List order, do
    //     a. If d is not either a VariableDeclaration, a ForBinding, or a
    //        BindingIdentifier, then
    //        iii. Let fn be the sole element of the BoundNames of d.
    //        iv. If declaredFunctionNames does not contain fn, then
    //            1. If varEnv is a Global Environment Record, then
    //               a. Let fnDefinable be ? CanDeclareGlobalFunction(varEnv, fn).
    //               b. If fnDefinable is false, throw a TypeError exception.
    //            2. Append fn to declaredFunctionNames.
    //            3. Insert d as the first element of functionsToInitialize.
    let functions_to_initialize = function_declarations_to_initialize(&body.body, var_declarations);
    let declared_function_names: Vec<&str> = functions_to_initialize
        .iter()
        .filter_map(|f| f.id.as_ref().map(|id| id.name.as_str()))
        .collect();
    if var_env_is_global {
        for name in declared_function_names.iter().rev() {
            if !can_declare_global_function(agent, var_env, name)? {
                return Err(agent.type_error(&format!("cannot declare global function '{name}'")));
            }
        }
    }
    // 11. Let declaredVarNames be a new empty List.
    let mut declared_var_names: Vec<&str> = Vec::new();
    // 12. For each element d of varDeclarations, do
    for d in var_declarations {
        if let DeclRef::Var(names) = d {
            // i. For each String vn of the BoundNames of d, do
            for vn in names {
                // 1. If declaredFunctionNames does not contain vn, then
                if declared_function_names.contains(&vn.as_str()) {
                    continue;
                }
                // a. If varEnv is a Global Environment Record, then
                //    i. Let vnDefinable be ? CanDeclareGlobalVar(varEnv, vn).
                //    ii. If vnDefinable is false, throw a TypeError exception.
                if var_env_is_global && !can_declare_global_var(agent, var_env, vn)? {
                    return Err(agent.type_error(&format!("cannot declare global variable '{vn}'")));
                }
                // b. If declaredVarNames does not contain vn, then
                //    i. Append vn to declaredVarNames.
                if !declared_var_names.contains(&vn.as_str()) {
                    declared_var_names.push(vn);
                }
            }
        }
    }
    // 13. NOTE: Annex B.3.2.3 adds additional steps at this point.
    // 14. NOTE: No abnormal terminations occur after this algorithm step unless varEnv is a
    //     Global Environment Record and the global object is a Proxy exotic object.
    // 15. Let lexDeclarations be the LexicallyScopedDeclarations of body.
    // 16. For each element d of lexDeclarations, do (CreateImmutableBinding /
    //     CreateMutableBinding on lexEnv).
    instantiate_lexical_declarations(agent, &body.scope.lexically_scoped_declarations, lex_env)?;
    // 17. For each Parse Node f of functionsToInitialize, do
    for f in &functions_to_initialize {
        // a. Let fn be the sole element of the BoundNames of f.
        let name = f.id.as_ref().map_or("default", |id| id.name.as_str());
        // b. Let fo be InstantiateFunctionObject of f with arguments lexEnv and privateEnv.
        let fo = instantiate_function_object(agent, f, lex_env.clone(), private_env.clone());
        if var_env_is_global {
            // c. If varEnv is a Global Environment Record, then
            //    i. Perform ? CreateGlobalFunctionBinding(varEnv, fn, fo, true).
            create_global_function_binding(agent, var_env, name, Value::Object(fo), true)?;
        } else if !var_env.has_binding(agent, name)? {
            // d. Else, i. Let bindingExists be ! varEnv.HasBinding(fn).
            //    ii. If bindingExists is false, then
            //        2. Perform ! varEnv.CreateMutableBinding(fn, true).
            //        3. Perform ! varEnv.InitializeBinding(fn, fo).
            var_env.create_mutable_binding(agent, name, true)?;
            var_env.initialize_binding(agent, name, Value::Object(fo))?;
        } else {
            //    iii. Else, 1. Perform ! varEnv.SetMutableBinding(fn, fo, false).
            var_env.set_mutable_binding(agent, name, Value::Object(fo), false)?;
        }
    }
    // 18. For each String vn of declaredVarNames, do
    for vn in declared_var_names {
        if var_env_is_global {
            // a. If varEnv is a Global Environment Record, then
            //    i. Perform ? CreateGlobalVarBinding(varEnv, vn, true).
            create_global_var_binding(agent, var_env, vn, true)?;
        } else if !var_env.has_binding(agent, vn)? {
            // b. Else, i. Let bindingExists be ! varEnv.HasBinding(vn).
            //    ii. If bindingExists is false, then
            //        2. Perform ! varEnv.CreateMutableBinding(vn, true).
            //        3. Perform ! varEnv.InitializeBinding(vn, undefined).
            var_env.create_mutable_binding(agent, vn, true)?;
            var_env.initialize_binding(agent, vn, Value::Undefined)?;
        }
    }
    // 19. Return unused.
    Ok(())
}
