//! 19.2.1 eval ( x ) (sec-eval-x): the `eval` function, PerformEval (19.2.1.1),
//! HostEnsureCanCompileStrings (19.2.1.2) and EvalDeclarationInstantiation (19.2.1.3).

use super::agents::Agent;
use super::builtin_function_objects::BuiltinCall;
use super::completion_record::{Completion, JsResult};
use super::ecmascript_function_objects::ConstructorKind;
use super::environment_records::{
    can_declare_global_function, can_declare_global_var, create_global_function_binding,
    create_global_var_binding, has_lexical_declaration, new_declarative_environment, Env,
};
use super::execution_contexts::ExecutionContext;
use super::name_lists::NameList;
use super::object_kinds::ObjectKind;
use super::realms::Realm;
use super::scripts::bound_names_and_constness;
use super::source_positions::SourceText;
use super::string_type::JsString;
use super::value::Value;
use crate::spec::evaluation::evaluate_statement_list;
use crate::spec::evaluation::instantiate_function_object;
use crate::spec::execution_contexts::get_this_environment;
use crate::spec::private_environment_records::PrivateEnv;
use crate::syntax::ast::{DeclRef, Function, Program};
use crate::syntax::early_errors::EvalContext;
use crate::syntax::static_semantics::names::function_declaration_at;
use crate::{spec_assert, step};
use std::collections::VecDeque;
use std::sync::Arc;

/// eval ( x ) (19.2.1): the behaviour of %eval% (and of each Evaluators' [[Eval]]).
pub fn eval(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? PerformEval(x, false, false).
    step!("sec-eval-x", "1");
    perform_eval(agent, &call.arg(0), false, false)
}

/// HostEnsureCanCompileStrings ( calleeRealm, parameterStrings, bodyString, direct )
/// (19.2.1.2): this host allows every compilation (the default implementation).
pub fn host_ensure_can_compile_strings(
    _agent: &mut Agent,
    _callee_realm: &Realm,
    _parameter_strings: &[JsString],
    _body_string: &JsString,
    _direct: bool,
) -> JsResult<()> {
    // 1. Return NormalCompletion(unused).
    step!("sec-hostensurecancompilestrings", "1");
    Ok(())
}

/// PerformEval ( x, strictCaller, direct ) (19.2.1.1).
///
/// EvalDeclarationInstantiation's steps 4-7 (the private names `body` may use) are done
/// here: the parser checks AllPrivateIdentifiersValid as it parses (step 11).
pub fn perform_eval(
    agent: &mut Agent,
    x: &Value,
    strict_caller: bool,
    direct: bool,
) -> JsResult<Value> {
    perform_eval_steps(agent, x, strict_caller, direct, false)
}

/// PerformEval(x, true, false), as Compartment.prototype.evaluate (C4.7 step 3) calls it:
/// strict code of an indirect eval. SPEC ISSUE (docs/spec-issues.md): PerformEval's step 1
/// asserts that an indirect eval's strictCaller is false; this call is the one place the
/// Assert is not checked.
pub fn perform_eval_strict_indirect(agent: &mut Agent, x: &Value) -> JsResult<Value> {
    perform_eval_steps(agent, x, true, false, true)
}

/// PerformEval's steps; `strict_indirect` is true for [`perform_eval_strict_indirect`] only.
fn perform_eval_steps(
    agent: &mut Agent,
    x: &Value,
    strict_caller: bool,
    direct: bool,
    strict_indirect: bool,
) -> JsResult<Value> {
    // 1. Assert: If direct is false, then strictCaller is also false.
    spec_assert!(
        "sec-performeval",
        "1",
        direct || !strict_caller || strict_indirect
    );
    // 2. If x is not a String, return x.
    step!("sec-performeval", "2");
    let Value::String(x) = x else {
        return Ok(x.clone());
    };
    // 3. Let evalRealm be the current Realm Record.
    step!("sec-performeval", "3");
    let eval_realm = agent.current_realm();
    let evaluators = agent.current_evaluators();
    // 4. NOTE: In the case of a direct eval, evalRealm is the realm of both the caller of
    //    eval and of the eval function itself.
    step!("sec-performeval", "4");
    // 5. Perform ? HostEnsureCanCompileStrings(evalRealm, « », x, direct).
    step!("sec-performeval", "5");
    host_ensure_can_compile_strings(agent, &eval_realm, &[], x, direct)?;
    // 6. Let inFunction be false.
    step!("sec-performeval", "6");
    // 7. Let inMethod be false.
    step!("sec-performeval", "7");
    // 8. Let inDerivedConstructor be false.
    step!("sec-performeval", "8");
    // 9. Let inClassFieldInitializer be false.
    step!("sec-performeval", "9");
    let mut context = EvalContext {
        in_function: false,
        in_method: false,
        in_derived_constructor: false,
        in_class_field_initializer: false,
        private_names: Vec::new(),
    };
    // 10. If direct is true, then
    step!("sec-performeval", "10");
    if direct {
        // a. Let thisEnvRec be GetThisEnvironment().
        step!("sec-performeval", "10.a");
        let this_env_rec = get_this_environment(agent);
        // b. If thisEnvRec is a Function Environment Record, then
        step!("sec-performeval", "10.b");
        if let Some((f, _)) = this_env_rec.function_fields() {
            // i. Let F be thisEnvRec.[[FunctionObject]].
            step!("sec-performeval", "10.b.i");
            // ii. Set inFunction to true.
            step!("sec-performeval", "10.b.ii");
            context.in_function = true;
            // iii. Set inMethod to thisEnvRec.HasSuperBinding().
            step!("sec-performeval", "10.b.iii");
            context.in_method = this_env_rec.has_super_binding();
            let (constructor_kind, class_field_initializer_name) = match &f.data().kind {
                ObjectKind::Function(data) => (
                    Some(data.constructor_kind()),
                    data.has_class_field_initializer_name(),
                ),
                _ => (None, false),
            };
            // iv. If F.[[ConstructorKind]] is derived, set inDerivedConstructor to true.
            step!("sec-performeval", "10.b.iv");
            if constructor_kind == Some(ConstructorKind::Derived) {
                context.in_derived_constructor = true;
            }
            // v. Let classFieldInitializerName be F.[[ClassFieldInitializerName]].
            step!("sec-performeval", "10.b.v");
            // vi. If classFieldInitializerName is not empty, set inClassFieldInitializer
            //     to true.
            step!("sec-performeval", "10.b.vi");
            if class_field_initializer_name {
                context.in_class_field_initializer = true;
            }
        }
    }
    // EvalDeclarationInstantiation steps 4-6, on the privateEnv that step 16.c or 17.c
    // will choose:
    // 4. Let privateIdentifiers be a new empty List.
    step!("sec-evaldeclarationinstantiation", "4");
    // 5. Let pointer be privateEnv.
    step!("sec-evaldeclarationinstantiation", "5");
    let mut pointer = if direct {
        agent
            .running_execution_context()
            .private_environment
            .clone()
    } else {
        None
    };
    // 6. Repeat, while pointer is not null,
    step!("sec-evaldeclarationinstantiation", "6");
    while let Some(env) = pointer {
        let record = env.0.borrow();
        // a. For each Private Name binding of pointer.[[Names]], do
        step!("sec-evaldeclarationinstantiation", "6.a");
        for name in &record.names {
            // i. If privateIdentifiers does not contain binding.[[Description]], append
            //    binding.[[Description]] to privateIdentifiers.
            step!("sec-evaldeclarationinstantiation", "6.a.i");
            let description = name.description().to_rust_string();
            if !context.private_names.contains(&description) {
                context.private_names.push(description);
            }
        }
        // b. Set pointer to pointer.[[OuterPrivateEnvironment]].
        step!("sec-evaldeclarationinstantiation", "6.b");
        pointer = record.outer.clone();
    }
    // 11. Perform the following substeps in an implementation-defined order, possibly
    //     interleaving parsing and error detection:
    step!("sec-performeval", "11");
    //     a. Let script be ParseText(x, Script).
    step!("sec-performeval", "11.a");
    //     b. If script is a List of errors, throw a SyntaxError exception.
    step!("sec-performeval", "11.b");
    //     e. If inFunction is false and body Contains NewTarget, throw a SyntaxError
    //        exception.
    step!("sec-performeval", "11.e");
    //     f. If inMethod is false and body Contains SuperProperty, throw a SyntaxError
    //        exception.
    step!("sec-performeval", "11.f");
    //     g. If inDerivedConstructor is false and body Contains SuperCall, throw a
    //        SyntaxError exception.
    step!("sec-performeval", "11.g");
    //     h. If inClassFieldInitializer is true and ContainsArguments of body is true,
    //        throw a SyntaxError exception.
    step!("sec-performeval", "11.h");
    // (EvalDeclarationInstantiation) 7. If AllPrivateIdentifiersValid of body with
    //    argument privateIdentifiers is false, throw a SyntaxError exception.
    step!("sec-evaldeclarationinstantiation", "7");
    // The parser does a, b, e-h and EvalDeclarationInstantiation's step 7 in one pass.
    let text = x.to_rust_string();
    let features = agent.features;
    let parsed = agent
        .on_parser_stack(|| crate::syntax::parse_eval(&text, strict_caller, &context, features));
    let script = match parsed {
        Ok(script) => Arc::new(script),
        Err(error) => return Err(agent.syntax_error(&error.message)),
    };
    //     c. If script Contains ScriptBody is false, return undefined.
    step!("sec-performeval", "11.c");
    if script.body.is_empty() {
        return Ok(Value::Undefined);
    }
    //     d. Let body be the ScriptBody of script.
    step!("sec-performeval", "11.d");
    // 12. If strictCaller is true, let strictEval be true.
    step!("sec-performeval", "12");
    let strict_eval = if strict_caller {
        true
    } else {
        // 13. Else, let strictEval be ScriptIsStrict of script.
        step!("sec-performeval", "13");
        script.strict
    };
    // 14. Let runningContext be the running execution context.
    step!("sec-performeval", "14");
    let running_context = agent.running_execution_context().clone();
    // 15. NOTE: If direct is true, runningContext will be the execution context that
    //     performed the direct eval. If direct is false, runningContext will be the
    //     execution context for the invocation of the eval function.
    step!("sec-performeval", "15");
    // 16. If direct is true, then
    step!("sec-performeval", "16");
    let (lex_env, mut var_env, private_env) = match (direct, &running_context.variable_environment)
    {
        (true, Some(variable_environment)) => {
            // a. Let lexEnv be NewDeclarativeEnvironment(runningContext's
            //    LexicalEnvironment).
            step!("sec-performeval", "16.a");
            let lex_env = new_declarative_environment(running_context.lexical_environment.clone());
            // b. Let varEnv be runningContext's VariableEnvironment.
            step!("sec-performeval", "16.b");
            let var_env = variable_environment.clone();
            // c. Let privateEnv be runningContext's PrivateEnvironment.
            step!("sec-performeval", "16.c");
            (
                lex_env,
                var_env,
                running_context.private_environment.clone(),
            )
        }
        // (A direct eval always runs in ECMAScript code, which has a VariableEnvironment.)
        _ => {
            // 17. Else,
            step!("sec-performeval", "17");
            let global_env = evaluators.global_env();
            // a. Let lexEnv be NewDeclarativeEnvironment(evalRealm.[[GlobalEnv]]).
            step!("sec-performeval", "17.a");
            let lex_env = new_declarative_environment(Some(global_env.clone()));
            // b. Let varEnv be evalRealm.[[GlobalEnv]].
            step!("sec-performeval", "17.b");
            // c. Let privateEnv be null.
            step!("sec-performeval", "17.c");
            (lex_env, global_env, None)
        }
    };
    // 18. If strictEval is true, set varEnv to lexEnv.
    step!("sec-performeval", "18");
    if strict_eval {
        var_env = lex_env.clone();
    }
    // 19. If runningContext is not already suspended, suspend runningContext.
    step!("sec-performeval", "19");
    // 20. Let evalContext be a new ECMAScript code execution context.
    step!("sec-performeval", "20");
    // 21. Set evalContext's Function to null.
    step!("sec-performeval", "21");
    // 22. Set evalContext's Realm to evalRealm.
    step!("sec-performeval", "22");
    // 23. Set evalContext's ScriptOrModule to runningContext's ScriptOrModule.
    step!("sec-performeval", "23");
    // 24. Set evalContext's VariableEnvironment to varEnv.
    step!("sec-performeval", "24");
    // 25. Set evalContext's LexicalEnvironment to lexEnv.
    step!("sec-performeval", "25");
    // 26. Set evalContext's PrivateEnvironment to privateEnv.
    step!("sec-performeval", "26");
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
    step!("sec-performeval", "27");
    agent.execution_context_stack.push(eval_context);
    // 28. Let result be Completion(EvalDeclarationInstantiation(body, varEnv, lexEnv,
    //     privateEnv, strictEval)).
    step!("sec-performeval", "28");
    let mut result = eval_declaration_instantiation(
        agent,
        &script,
        &var_env,
        &lex_env,
        private_env,
        strict_eval,
    )
    .map(|()| None);
    // 29. If result is a normal completion, then
    step!("sec-performeval", "29");
    if result.is_ok() {
        // a. Set result to Completion(Evaluation of body).
        step!("sec-performeval", "29.a");
        result = evaluate_statement_list(agent, &script.body).map(|completion| match completion {
            Completion::Normal(v) => v,
            _ => Some(Value::Undefined),
        });
    }
    // 30. If result is a normal completion and result.[[Value]] is empty, then
    step!("sec-performeval", "30");
    if let Ok(None) = result {
        // a. Set result to NormalCompletion(undefined).
        step!("sec-performeval", "30.a");
        result = Ok(Some(Value::Undefined));
    }
    // 31. Suspend evalContext and remove it from the execution context stack.
    step!("sec-performeval", "31");
    agent.execution_context_stack.pop();
    // 32. Resume the context that is now on the top of the execution context stack as the
    //     running execution context.
    step!("sec-performeval", "32");
    // 33. Return ? result.
    step!("sec-performeval", "33");
    result.map(Option::unwrap_or_default)
}

/// EvalDeclarationInstantiation ( body, varEnv, lexEnv, privateEnv, strict ) (19.2.1.3).
/// Steps 4-7 are done by PerformEval before it parses `body` (see there).
pub fn eval_declaration_instantiation(
    agent: &mut Agent,
    body: &Program,
    var_env: &Env,
    lex_env: &Env,
    private_env: Option<PrivateEnv>,
    strict: bool,
) -> JsResult<()> {
    // 1. Let varNames be the VarDeclaredNames of body.
    step!("sec-evaldeclarationinstantiation", "1");
    let var_names = &body.scope.var_declared_names;
    // 2. Let varDeclarations be the VarScopedDeclarations of body.
    step!("sec-evaldeclarationinstantiation", "2");
    let var_declarations = &body.scope.var_scoped_declarations;
    let var_env_is_global = var_env.is_global();
    // 3. If strict is false, then
    step!("sec-evaldeclarationinstantiation", "3");
    if !strict {
        // a. If varEnv is a Global Environment Record, then
        step!("sec-evaldeclarationinstantiation", "3.a");
        if var_env_is_global {
            // i. For each element name of varNames, do
            step!("sec-evaldeclarationinstantiation", "3.a.i");
            for name in var_names {
                // 1. If HasLexicalDeclaration(varEnv, name) is true, throw a SyntaxError
                //    exception.
                step!("sec-evaldeclarationinstantiation", "3.a.i.1");
                if has_lexical_declaration(var_env, name) {
                    return Err(agent
                        .syntax_error(&format!("identifier '{name}' has already been declared")));
                }
                // 2. NOTE: eval will not create a global var declaration that would be
                //    shadowed by a global lexical declaration.
                step!("sec-evaldeclarationinstantiation", "3.a.i.2");
            }
        }
        // b. Let thisEnv be lexEnv.
        step!("sec-evaldeclarationinstantiation", "3.b");
        let mut this_env = lex_env.clone();
        // c. Assert: The following loop will terminate.
        spec_assert!(
            "sec-evaldeclarationinstantiation",
            "3.c",
            std::iter::successors(Some(lex_env.clone()), |e| e.outer()).any(|e| e == *var_env)
        );
        // d. Repeat, while thisEnv and varEnv are not the same Environment Record,
        step!("sec-evaldeclarationinstantiation", "3.d");
        while this_env != *var_env {
            // i. If thisEnv is not an Object Environment Record, then
            step!("sec-evaldeclarationinstantiation", "3.d.i");
            if !this_env.is_object() {
                // 1. NOTE: The environment of with statements cannot contain any lexical
                //    declaration so it doesn't need to be checked for var/let hoisting
                //    conflicts.
                step!("sec-evaldeclarationinstantiation", "3.d.i.1");
                // 2. For each element name of varNames, do
                step!("sec-evaldeclarationinstantiation", "3.d.i.2");
                for name in var_names {
                    // a. If ! thisEnv.HasBinding(name) is true, then
                    step!("sec-evaldeclarationinstantiation", "3.d.i.2.a");
                    if this_env.has_declarative_binding(name) {
                        // i. Throw a SyntaxError exception.
                        step!("sec-evaldeclarationinstantiation", "3.d.i.2.a.i");
                        // ii. NOTE: Annex B.3.4 defines alternate semantics for the above
                        //     step. (Not implemented.)
                        step!("sec-evaldeclarationinstantiation", "3.d.i.2.a.ii");
                        return Err(agent.syntax_error(&format!(
                            "identifier '{name}' has already been declared"
                        )));
                    }
                    // b. NOTE: A direct eval will not hoist var declaration over a
                    //    like-named lexical declaration.
                    step!("sec-evaldeclarationinstantiation", "3.d.i.2.b");
                }
            }
            // ii. Set thisEnv to thisEnv.[[OuterEnv]].
            step!("sec-evaldeclarationinstantiation", "3.d.ii");
            match this_env.outer() {
                Some(outer) => this_env = outer,
                None => break,
            }
        }
    }
    // 4-7: in PerformEval (the private names are needed to parse body).
    // 8. Let functionsToInitialize be a new empty List.
    step!("sec-evaldeclarationinstantiation", "8");
    let mut functions_to_initialize: VecDeque<(&str, Arc<Function>)> = VecDeque::new();
    // 9. Let declaredFunctionNames be a new empty List.
    step!("sec-evaldeclarationinstantiation", "9");
    let mut declared_function_names = NameList::new();
    // 10. For each element d of varDeclarations, in reverse List order, do
    step!("sec-evaldeclarationinstantiation", "10");
    for d in var_declarations.iter().rev() {
        // a. If d is not either a VariableDeclaration, a ForBinding, or a
        //    BindingIdentifier, then
        step!("sec-evaldeclarationinstantiation", "10.a");
        let DeclRef::Function { name, index } = d else {
            continue;
        };
        // i. Assert: d is either a FunctionDeclaration, a GeneratorDeclaration, an
        //    AsyncFunctionDeclaration, or an AsyncGeneratorDeclaration.
        spec_assert!("sec-evaldeclarationinstantiation", "10.a.i", by: "the let-else: d is a DeclRef::Function, which the parser makes for these four declarations only");
        // ii. NOTE: If there are multiple function declarations for the same name, the
        //     last declaration is used.
        step!("sec-evaldeclarationinstantiation", "10.a.ii");
        // iii. Let fn be the sole element of the BoundNames of d.
        step!("sec-evaldeclarationinstantiation", "10.a.iii");
        let fn_name = name.as_str();
        // iv. If declaredFunctionNames does not contain fn, then
        step!("sec-evaldeclarationinstantiation", "10.a.iv");
        if !declared_function_names.contains(fn_name) {
            // 1. If varEnv is a Global Environment Record, then
            step!("sec-evaldeclarationinstantiation", "10.a.iv.1");
            if var_env_is_global {
                // a. Let fnDefinable be ? CanDeclareGlobalFunction(varEnv, fn).
                step!("sec-evaldeclarationinstantiation", "10.a.iv.1.a");
                let fn_definable = can_declare_global_function(agent, var_env, fn_name)?;
                // b. If fnDefinable is false, throw a TypeError exception.
                step!("sec-evaldeclarationinstantiation", "10.a.iv.1.b");
                if !fn_definable {
                    return Err(
                        agent.type_error(&format!("cannot declare global function '{fn_name}'"))
                    );
                }
            }
            // 2. Append fn to declaredFunctionNames.
            step!("sec-evaldeclarationinstantiation", "10.a.iv.2");
            declared_function_names.push(fn_name);
            // 3. Insert d as the first element of functionsToInitialize.
            step!("sec-evaldeclarationinstantiation", "10.a.iv.3");
            if let Some(f) = function_declaration_at(&body.body, *index) {
                functions_to_initialize.push_front((fn_name, f));
            }
        }
    }
    // 11. Let declaredVarNames be a new empty List.
    step!("sec-evaldeclarationinstantiation", "11");
    let mut declared_var_names = NameList::new();
    // 12. For each element d of varDeclarations, do
    step!("sec-evaldeclarationinstantiation", "12");
    for d in var_declarations {
        // a. If d is either a VariableDeclaration, a ForBinding, or a BindingIdentifier,
        //    then
        step!("sec-evaldeclarationinstantiation", "12.a");
        let DeclRef::Var(names) = d else {
            continue;
        };
        // i. For each String vn of the BoundNames of d, do
        step!("sec-evaldeclarationinstantiation", "12.a.i");
        for vn in names {
            // 1. If declaredFunctionNames does not contain vn, then
            step!("sec-evaldeclarationinstantiation", "12.a.i.1");
            if declared_function_names.contains(vn) {
                continue;
            }
            // a. If varEnv is a Global Environment Record, then
            step!("sec-evaldeclarationinstantiation", "12.a.i.1.a");
            if var_env_is_global {
                // i. Let vnDefinable be ? CanDeclareGlobalVar(varEnv, vn).
                step!("sec-evaldeclarationinstantiation", "12.a.i.1.a.i");
                let vn_definable = can_declare_global_var(agent, var_env, vn)?;
                // ii. If vnDefinable is false, throw a TypeError exception.
                step!("sec-evaldeclarationinstantiation", "12.a.i.1.a.ii");
                if !vn_definable {
                    return Err(agent.type_error(&format!("cannot declare global variable '{vn}'")));
                }
            }
            // b. If declaredVarNames does not contain vn, then
            step!("sec-evaldeclarationinstantiation", "12.a.i.1.b");
            if !declared_var_names.contains(vn) {
                // i. Append vn to declaredVarNames.
                step!("sec-evaldeclarationinstantiation", "12.a.i.1.b.i");
                declared_var_names.push(vn);
            }
        }
    }
    // 13. NOTE: Annex B.3.2.3 adds additional steps at this point. (Not implemented.)
    step!("sec-evaldeclarationinstantiation", "13");
    // 14. NOTE: No abnormal terminations occur after this algorithm step unless varEnv is a
    //     Global Environment Record and the global object is a Proxy exotic object.
    step!("sec-evaldeclarationinstantiation", "14");
    // 15. Let lexDeclarations be the LexicallyScopedDeclarations of body.
    step!("sec-evaldeclarationinstantiation", "15");
    let lex_declarations = &body.scope.lexically_scoped_declarations;
    // 16. For each element d of lexDeclarations, do
    step!("sec-evaldeclarationinstantiation", "16");
    for d in lex_declarations {
        // a. NOTE: Lexically declared names are only instantiated here but not initialized.
        step!("sec-evaldeclarationinstantiation", "16.a");
        // b. For each element dn of the BoundNames of d, do
        step!("sec-evaldeclarationinstantiation", "16.b");
        let (names, constant) = bound_names_and_constness(d);
        for dn in names {
            // i. If IsConstantDeclaration of d is true, then
            step!("sec-evaldeclarationinstantiation", "16.b.i");
            if constant {
                // 1. Perform ? lexEnv.CreateImmutableBinding(dn, true).
                step!("sec-evaldeclarationinstantiation", "16.b.i.1");
                lex_env.create_immutable_binding(agent, dn, true)?;
            } else {
                // ii. Else,
                step!("sec-evaldeclarationinstantiation", "16.b.ii");
                // 1. Perform ? lexEnv.CreateMutableBinding(dn, false).
                step!("sec-evaldeclarationinstantiation", "16.b.ii.1");
                lex_env.create_mutable_binding(agent, dn, false)?;
            }
        }
    }
    // 17. For each Parse Node f of functionsToInitialize, do
    step!("sec-evaldeclarationinstantiation", "17");
    for (fn_name, f) in &functions_to_initialize {
        // a. Let fn be the sole element of the BoundNames of f.
        step!("sec-evaldeclarationinstantiation", "17.a");
        // b. Let fo be InstantiateFunctionObject of f with arguments lexEnv and privateEnv.
        step!("sec-evaldeclarationinstantiation", "17.b");
        let fo = instantiate_function_object(agent, f, lex_env.clone(), private_env.clone());
        // c. If varEnv is a Global Environment Record, then
        step!("sec-evaldeclarationinstantiation", "17.c");
        if var_env_is_global {
            // i. Perform ? CreateGlobalFunctionBinding(varEnv, fn, fo, true).
            step!("sec-evaldeclarationinstantiation", "17.c.i");
            create_global_function_binding(agent, var_env, fn_name, Value::Object(fo), true)?;
        } else {
            // d. Else,
            step!("sec-evaldeclarationinstantiation", "17.d");
            // i. Let bindingExists be ! varEnv.HasBinding(fn).
            step!("sec-evaldeclarationinstantiation", "17.d.i");
            let binding_exists = var_env.has_binding(agent, fn_name)?;
            // ii. If bindingExists is false, then
            step!("sec-evaldeclarationinstantiation", "17.d.ii");
            if !binding_exists {
                // 1. NOTE: The following invocation cannot return an abrupt completion
                //    because of the validation preceding step 14.
                step!("sec-evaldeclarationinstantiation", "17.d.ii.1");
                // 2. Perform ! varEnv.CreateMutableBinding(fn, true).
                step!("sec-evaldeclarationinstantiation", "17.d.ii.2");
                var_env.create_mutable_binding(agent, fn_name, true)?;
                // 3. Perform ! varEnv.InitializeBinding(fn, fo).
                step!("sec-evaldeclarationinstantiation", "17.d.ii.3");
                var_env.initialize_binding(agent, fn_name, Value::Object(fo))?;
            } else {
                // iii. Else,
                step!("sec-evaldeclarationinstantiation", "17.d.iii");
                // 1. Perform ! varEnv.SetMutableBinding(fn, fo, false).
                step!("sec-evaldeclarationinstantiation", "17.d.iii.1");
                var_env.set_mutable_binding(agent, fn_name, Value::Object(fo), false)?;
            }
        }
    }
    // 18. For each String vn of declaredVarNames, do
    step!("sec-evaldeclarationinstantiation", "18");
    for vn in declared_var_names.iter() {
        // a. If varEnv is a Global Environment Record, then
        step!("sec-evaldeclarationinstantiation", "18.a");
        if var_env_is_global {
            // i. Perform ? CreateGlobalVarBinding(varEnv, vn, true).
            step!("sec-evaldeclarationinstantiation", "18.a.i");
            create_global_var_binding(agent, var_env, vn, true)?;
        } else {
            // b. Else,
            step!("sec-evaldeclarationinstantiation", "18.b");
            // i. Let bindingExists be ! varEnv.HasBinding(vn).
            step!("sec-evaldeclarationinstantiation", "18.b.i");
            let binding_exists = var_env.has_binding(agent, vn)?;
            // ii. If bindingExists is false, then
            step!("sec-evaldeclarationinstantiation", "18.b.ii");
            if !binding_exists {
                // 1. NOTE: The following invocation cannot return an abrupt completion
                //    because of the validation preceding step 14.
                step!("sec-evaldeclarationinstantiation", "18.b.ii.1");
                // 2. Perform ! varEnv.CreateMutableBinding(vn, true).
                step!("sec-evaldeclarationinstantiation", "18.b.ii.2");
                var_env.create_mutable_binding(agent, vn, true)?;
                // 3. Perform ! varEnv.InitializeBinding(vn, undefined).
                step!("sec-evaldeclarationinstantiation", "18.b.ii.3");
                var_env.initialize_binding(agent, vn, Value::Undefined)?;
            }
        }
    }
    // 19. Return unused.
    step!("sec-evaldeclarationinstantiation", "19");
    Ok(())
}
