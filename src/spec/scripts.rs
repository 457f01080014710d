//! 16.1 Scripts (sec-scripts): ScriptEvaluation (16.1.6) and
//! GlobalDeclarationInstantiation (16.1.7). ParseScript (16.1.5) is
//! [`crate::syntax::parse`] plus the Script Record the host builds around its result.

use super::agents::Agent;
use super::completion_record::{Completion, JsResult};
use super::environment_records::{
    can_declare_global_function, can_declare_global_var, create_global_function_binding,
    create_global_var_binding, has_lexical_declaration, has_restricted_global_property, Env,
};
use super::evaluators::Evaluators;
use super::execution_contexts::{ExecutionContext, ScriptOrModule};
use super::name_lists::NameList;
use super::script_records::ScriptRecord;
use super::value::Value;
use crate::spec::evaluation::evaluate_statement_list;
use crate::spec::evaluation::instantiate_function_object;
use crate::syntax::ast::{DeclRef, Function, Program};
use crate::syntax::static_semantics::names::function_declaration_at;
use crate::{spec_assert, step};
use std::collections::VecDeque;
use std::sync::Arc;

/// ScriptEvaluation ( scriptRecord ) (16.1.6), under `evaluators` (the realm's default
/// Evaluators, or those of an `eval`/`evalScript` bound to other ones).
pub fn script_evaluation(
    agent: &mut Agent,
    script_record: &ScriptRecord,
    evaluators: &Evaluators,
) -> JsResult<Value> {
    // 1. Let globalEnv be scriptRecord.[[Realm]].[[GlobalEnv]] (the Evaluators'
    //    [[GlobalEnv]]).
    step!("sec-runtime-semantics-scriptevaluation", "1");
    let global_env = evaluators.global_env();
    // 2. Let scriptContext be a new ECMAScript code execution context.
    step!("sec-runtime-semantics-scriptevaluation", "2");
    // 3. Set the Function of scriptContext to null.
    step!("sec-runtime-semantics-scriptevaluation", "3");
    // 4. Set the Realm of scriptContext to scriptRecord.[[Realm]].
    step!("sec-runtime-semantics-scriptevaluation", "4");
    // 5. Set the ScriptOrModule of scriptContext to scriptRecord.
    step!("sec-runtime-semantics-scriptevaluation", "5");
    // 6. Set the VariableEnvironment of scriptContext to globalEnv.
    step!("sec-runtime-semantics-scriptevaluation", "6");
    // 7. Set the LexicalEnvironment of scriptContext to globalEnv.
    step!("sec-runtime-semantics-scriptevaluation", "7");
    // 8. Set the PrivateEnvironment of scriptContext to null.
    step!("sec-runtime-semantics-scriptevaluation", "8");
    let script_context = ExecutionContext {
        function: None,
        evaluators: evaluators.clone(),
        realm: script_record.0.realm.clone(),
        script_or_module: Some(ScriptOrModule::Script(script_record.clone())),
        lexical_environment: Some(global_env.clone()),
        variable_environment: Some(global_env.clone()),
        private_environment: None,
        source: Some(script_record.source()),
        strict: script_record.0.ecmascript_code.strict,
        generator: None,
    };
    // 9. Suspend the running execution context.
    step!("sec-runtime-semantics-scriptevaluation", "9");
    // 10. Push scriptContext onto the execution context stack; scriptContext is now the
    //     running execution context.
    step!("sec-runtime-semantics-scriptevaluation", "10");
    agent.execution_context_stack.push(script_context);
    // 11. Let script be scriptRecord.[[ECMAScriptCode]].
    step!("sec-runtime-semantics-scriptevaluation", "11");
    let script = script_record.0.ecmascript_code.clone();
    // 12. Let result be Completion(GlobalDeclarationInstantiation(script, globalEnv)).
    step!("sec-runtime-semantics-scriptevaluation", "12");
    let mut result = global_declaration_instantiation(agent, &script, &global_env).map(|()| None);
    // 13. If result is a normal completion, then
    step!("sec-runtime-semantics-scriptevaluation", "13");
    if result.is_ok() {
        // a. Set result to Completion(Evaluation of script).
        step!("sec-runtime-semantics-scriptevaluation", "13.a");
        result = evaluate_statement_list(agent, &script.body).map(|completion| match completion {
            Completion::Normal(v) => v,
            _ => Some(Value::Undefined),
        });
        // b. If result is a normal completion and result.[[Value]] is empty, then
        step!("sec-runtime-semantics-scriptevaluation", "13.b");
        if let Ok(None) = result {
            // i. Set result to NormalCompletion(undefined).
            step!("sec-runtime-semantics-scriptevaluation", "13.b.i");
            result = Ok(Some(Value::Undefined));
        }
    }
    // 14. Suspend scriptContext and remove it from the execution context stack.
    step!("sec-runtime-semantics-scriptevaluation", "14");
    agent.execution_context_stack.pop();
    // 15. Assert: The execution context stack is not empty.
    spec_assert!(
        "sec-runtime-semantics-scriptevaluation",
        "15",
        !agent.execution_context_stack.is_empty()
    );
    // 16. Resume the context that is now on the top of the execution context stack as the
    //     running execution context.
    step!("sec-runtime-semantics-scriptevaluation", "16");
    // 17. Return ? result.
    step!("sec-runtime-semantics-scriptevaluation", "17");
    result.map(Option::unwrap_or_default)
}

/// GlobalDeclarationInstantiation ( script, env ) (16.1.7).
pub fn global_declaration_instantiation(
    agent: &mut Agent,
    script: &Program,
    env: &Env,
) -> JsResult<()> {
    // 1. Let lexNames be the LexicallyDeclaredNames of script.
    step!("sec-globaldeclarationinstantiation", "1");
    let lex_names = &script.scope.lexically_declared_names;
    // 2. Let varNames be the VarDeclaredNames of script.
    step!("sec-globaldeclarationinstantiation", "2");
    let var_names = &script.scope.var_declared_names;
    // 3. For each element name of lexNames, do
    step!("sec-globaldeclarationinstantiation", "3");
    for name in lex_names {
        // a. If HasLexicalDeclaration(env, name) is true, throw a SyntaxError exception.
        step!("sec-globaldeclarationinstantiation", "3.a");
        if has_lexical_declaration(env, name) {
            return Err(
                agent.syntax_error(&format!("identifier '{name}' has already been declared"))
            );
        }
        // b. Let hasRestrictedGlobal be ? HasRestrictedGlobalProperty(env, name).
        step!("sec-globaldeclarationinstantiation", "3.b");
        let has_restricted_global = has_restricted_global_property(agent, env, name)?;
        // c. NOTE: Global var and function bindings (except those that are introduced by
        //    non-strict direct eval) are non-configurable and are therefore restricted
        //    global properties.
        step!("sec-globaldeclarationinstantiation", "3.c");
        // d. If hasRestrictedGlobal is true, throw a SyntaxError exception.
        step!("sec-globaldeclarationinstantiation", "3.d");
        if has_restricted_global {
            return Err(agent.syntax_error(&format!("cannot redeclare restricted global '{name}'")));
        }
    }
    // 4. For each element name of varNames, do
    step!("sec-globaldeclarationinstantiation", "4");
    for name in var_names {
        // a. If HasLexicalDeclaration(env, name) is true, throw a SyntaxError exception.
        step!("sec-globaldeclarationinstantiation", "4.a");
        if has_lexical_declaration(env, name) {
            return Err(
                agent.syntax_error(&format!("identifier '{name}' has already been declared"))
            );
        }
    }
    // 5. Let varDeclarations be the VarScopedDeclarations of script.
    step!("sec-globaldeclarationinstantiation", "5");
    let var_declarations = &script.scope.var_scoped_declarations;
    // 6. Let functionsToInitialize be a new empty List.
    step!("sec-globaldeclarationinstantiation", "6");
    let mut functions_to_initialize: VecDeque<(&str, Arc<Function>)> = VecDeque::new();
    // 7. Let declaredFunctionNames be a new empty List.
    step!("sec-globaldeclarationinstantiation", "7");
    let mut declared_function_names = NameList::new();
    // 8. For each element d of varDeclarations, in reverse List order, do
    step!("sec-globaldeclarationinstantiation", "8");
    for d in var_declarations.iter().rev() {
        // a. If d is not either a VariableDeclaration, a ForBinding, or a BindingIdentifier,
        //    then
        step!("sec-globaldeclarationinstantiation", "8.a");
        let DeclRef::Function { name, index } = d else {
            continue;
        };
        // i. Assert: d is either a FunctionDeclaration, a GeneratorDeclaration, an
        //    AsyncFunctionDeclaration, or an AsyncGeneratorDeclaration.
        spec_assert!("sec-globaldeclarationinstantiation", "8.a.i", by: "the let-else: d is a DeclRef::Function, which the parser makes for these four declarations only");
        // ii. NOTE: If there are multiple function declarations for the same name, the last
        //     declaration is used.
        step!("sec-globaldeclarationinstantiation", "8.a.ii");
        // iii. Let fn be the sole element of the BoundNames of d.
        step!("sec-globaldeclarationinstantiation", "8.a.iii");
        let fn_name = name.as_str();
        // iv. If declaredFunctionNames does not contain fn, then
        step!("sec-globaldeclarationinstantiation", "8.a.iv");
        if !declared_function_names.contains(fn_name) {
            // 1. Let fnDefinable be ? CanDeclareGlobalFunction(env, fn).
            step!("sec-globaldeclarationinstantiation", "8.a.iv.1");
            let fn_definable = can_declare_global_function(agent, env, fn_name)?;
            // 2. If fnDefinable is false, throw a TypeError exception.
            step!("sec-globaldeclarationinstantiation", "8.a.iv.2");
            if !fn_definable {
                return Err(
                    agent.type_error(&format!("cannot declare global function '{fn_name}'"))
                );
            }
            // 3. Append fn to declaredFunctionNames.
            step!("sec-globaldeclarationinstantiation", "8.a.iv.3");
            declared_function_names.push(fn_name);
            // 4. Insert d as the first element of functionsToInitialize.
            step!("sec-globaldeclarationinstantiation", "8.a.iv.4");
            if let Some(f) = function_declaration_at(&script.body, *index) {
                functions_to_initialize.push_front((fn_name, f));
            }
        }
    }
    // 9. Let declaredVarNames be a new empty List.
    step!("sec-globaldeclarationinstantiation", "9");
    let mut declared_var_names = NameList::new();
    // 10. For each element d of varDeclarations, do
    step!("sec-globaldeclarationinstantiation", "10");
    for d in var_declarations {
        // a. If d is either a VariableDeclaration, a ForBinding, or a BindingIdentifier,
        //    then
        step!("sec-globaldeclarationinstantiation", "10.a");
        let DeclRef::Var(names) = d else {
            continue;
        };
        // i. For each String vn of the BoundNames of d, do
        step!("sec-globaldeclarationinstantiation", "10.a.i");
        for vn in names {
            // 1. If declaredFunctionNames does not contain vn, then
            step!("sec-globaldeclarationinstantiation", "10.a.i.1");
            if declared_function_names.contains(vn) {
                continue;
            }
            // a. Let vnDefinable be ? CanDeclareGlobalVar(env, vn).
            step!("sec-globaldeclarationinstantiation", "10.a.i.1.a");
            let vn_definable = can_declare_global_var(agent, env, vn)?;
            // b. If vnDefinable is false, throw a TypeError exception.
            step!("sec-globaldeclarationinstantiation", "10.a.i.1.b");
            if !vn_definable {
                return Err(agent.type_error(&format!("cannot declare global variable '{vn}'")));
            }
            // c. If declaredVarNames does not contain vn, then
            step!("sec-globaldeclarationinstantiation", "10.a.i.1.c");
            if !declared_var_names.contains(vn) {
                // i. Append vn to declaredVarNames.
                step!("sec-globaldeclarationinstantiation", "10.a.i.1.c.i");
                declared_var_names.push(vn);
            }
        }
    }
    // 11. NOTE: No abnormal terminations occur after this algorithm step if the global
    //     object is an ordinary object. However, if the global object is a Proxy exotic
    //     object it may exhibit behaviours that cause abnormal terminations in some of the
    //     following steps.
    step!("sec-globaldeclarationinstantiation", "11");
    // 12. NOTE: Annex B.3.2.2 adds additional steps at this point. (Not implemented.)
    step!("sec-globaldeclarationinstantiation", "12");
    // 13. Let lexDeclarations be the LexicallyScopedDeclarations of script.
    step!("sec-globaldeclarationinstantiation", "13");
    let lex_declarations = &script.scope.lexically_scoped_declarations;
    // 14. Let privateEnv be null.
    step!("sec-globaldeclarationinstantiation", "14");
    let private_env = None;
    // 15. For each element d of lexDeclarations, do
    step!("sec-globaldeclarationinstantiation", "15");
    for d in lex_declarations {
        // a. NOTE: Lexically declared names are only instantiated here but not initialized.
        step!("sec-globaldeclarationinstantiation", "15.a");
        // b. For each element dn of the BoundNames of d, do
        step!("sec-globaldeclarationinstantiation", "15.b");
        let (names, constant) = bound_names_and_constness(d);
        for dn in names {
            // i. If IsConstantDeclaration of d is true, then
            step!("sec-globaldeclarationinstantiation", "15.b.i");
            if constant {
                // 1. Perform ? env.CreateImmutableBinding(dn, true).
                step!("sec-globaldeclarationinstantiation", "15.b.i.1");
                env.create_immutable_binding(agent, dn, true)?;
            } else {
                // ii. Else,
                step!("sec-globaldeclarationinstantiation", "15.b.ii");
                // 1. Perform ? env.CreateMutableBinding(dn, false).
                step!("sec-globaldeclarationinstantiation", "15.b.ii.1");
                env.create_mutable_binding(agent, dn, false)?;
            }
        }
    }
    // 16. For each Parse Node f of functionsToInitialize, do
    step!("sec-globaldeclarationinstantiation", "16");
    for (fn_name, f) in &functions_to_initialize {
        // a. Let fn be the sole element of the BoundNames of f.
        step!("sec-globaldeclarationinstantiation", "16.a");
        // b. Let fo be InstantiateFunctionObject of f with arguments env and privateEnv.
        step!("sec-globaldeclarationinstantiation", "16.b");
        let fo = instantiate_function_object(agent, f, env.clone(), private_env.clone());
        // c. Perform ? CreateGlobalFunctionBinding(env, fn, fo, false).
        step!("sec-globaldeclarationinstantiation", "16.c");
        create_global_function_binding(agent, env, fn_name, Value::Object(fo), false)?;
    }
    // 17. For each String vn of declaredVarNames, do
    step!("sec-globaldeclarationinstantiation", "17");
    for vn in declared_var_names.iter() {
        // a. Perform ? CreateGlobalVarBinding(env, vn, false).
        step!("sec-globaldeclarationinstantiation", "17.a");
        create_global_var_binding(agent, env, vn, false)?;
    }
    // 18. Return unused.
    step!("sec-globaldeclarationinstantiation", "18");
    Ok(())
}

/// The BoundNames of a LexicallyScopedDeclarations entry and whether IsConstantDeclaration
/// of it is true (no names for entries that are not lexical declarations).
pub fn bound_names_and_constness(d: &DeclRef) -> (&[String], bool) {
    match d {
        DeclRef::Lexical { names, constant } => (names.as_slice(), *constant),
        DeclRef::Class(name) => (std::slice::from_ref(name), false),
        DeclRef::Var(_) | DeclRef::Function { .. } => (&[], false),
    }
}

/// "For each element d of lexDeclarations ... CreateImmutableBinding(dn, true) /
/// CreateMutableBinding(dn, false)", shared by the declaration instantiations.
pub fn instantiate_lexical_declarations(
    agent: &mut Agent,
    declarations: &[DeclRef],
    env: &Env,
) -> JsResult<()> {
    for d in declarations {
        match d {
            DeclRef::Lexical { names, constant } => {
                for dn in names {
                    if *constant {
                        env.create_immutable_binding(agent, dn, true)?;
                    } else {
                        env.create_mutable_binding(agent, dn, false)?;
                    }
                }
            }
            DeclRef::Class(dn) => env.create_mutable_binding(agent, dn, false)?,
            DeclRef::Var(_) | DeclRef::Function { .. } => {}
        }
    }
    Ok(())
}
