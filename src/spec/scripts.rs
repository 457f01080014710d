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
use super::script_records::ScriptRecord;
use super::value::Value;
use crate::interp::functions::{function_declarations_to_initialize, instantiate_function_object};
use crate::interp::statements::evaluate_statement_list;
use crate::syntax::ast::{DeclRef, Program};

/// ScriptEvaluation ( scriptRecord ) (16.1.6), under `evaluators` (the realm's default
/// Evaluators, or those of an `eval`/`evalScript` bound to other ones).
pub fn script_evaluation(
    agent: &mut Agent,
    script_record: &ScriptRecord,
    evaluators: &Evaluators,
) -> JsResult<Value> {
    // 1. Let globalEnv be scriptRecord.[[Realm]].[[GlobalEnv]] (the Evaluators'
    //    [[GlobalEnv]]).
    let global_env = evaluators.global_env();
    let program = script_record.0.ecmascript_code.clone();
    // 2. Let scriptContext be a new ECMAScript code execution context.
    // 3. Set the Function of scriptContext to null.
    // 4. Set the Realm of scriptContext to scriptRecord.[[Realm]].
    // 5. Set the ScriptOrModule of scriptContext to scriptRecord.
    // 6. Set the VariableEnvironment of scriptContext to globalEnv.
    // 7. Set the LexicalEnvironment of scriptContext to globalEnv.
    // 8. Set the PrivateEnvironment of scriptContext to null.
    let script_context = ExecutionContext {
        function: None,
        evaluators: evaluators.clone(),
        realm: script_record.0.realm.clone(),
        script_or_module: Some(ScriptOrModule::Script(script_record.clone())),
        lexical_environment: Some(global_env.clone()),
        variable_environment: Some(global_env.clone()),
        private_environment: None,
        source: Some(script_record.source()),
        strict: program.strict,
        generator: None,
    };
    // 9. Suspend the running execution context.
    // 10. Push scriptContext onto the execution context stack; scriptContext is now the
    //     running execution context.
    agent.execution_context_stack.push(script_context);
    // 11. Let script be scriptRecord.[[ECMAScriptCode]].
    // 12. Let result be Completion(GlobalDeclarationInstantiation(script, globalEnv)).
    let result = global_declaration_instantiation(agent, &program, &global_env).and_then(|()| {
        // 13. If result is a normal completion, then
        //     a. Set result to Completion(Evaluation of script).
        //     b. If result is a normal completion and result.[[Value]] is ~empty~, then
        //        i. Set result to NormalCompletion(undefined).
        let completion = evaluate_statement_list(agent, &program.body)?;
        Ok(match completion {
            Completion::Normal(v) => v.unwrap_or_default(),
            _ => Value::Undefined,
        })
    });
    // 14. Suspend scriptContext and remove it from the execution context stack.
    agent.execution_context_stack.pop();
    // 15. Assert: The execution context stack is not empty.
    // 16. Resume the context that is now on the top of the execution context stack as the
    //     running execution context.
    // 17. Return ? result.
    result
}

/// GlobalDeclarationInstantiation ( script, env ) (16.1.7).
pub fn global_declaration_instantiation(
    agent: &mut Agent,
    script: &Program,
    env: &Env,
) -> JsResult<()> {
    // 1. Let lexNames be the LexicallyDeclaredNames of script.
    // 2. Let varNames be the VarDeclaredNames of script.
    let lex_names = &script.scope.lexically_declared_names;
    let var_names = &script.scope.var_declared_names;
    // 3. For each element name of lexNames, do
    for name in lex_names {
        // a. If HasLexicalDeclaration(env, name) is true, throw a SyntaxError exception.
        if has_lexical_declaration(env, name) {
            return Err(
                agent.syntax_error(&format!("identifier '{name}' has already been declared"))
            );
        }
        // b. Let hasRestrictedGlobal be ? HasRestrictedGlobalProperty(env, name).
        // c. NOTE: Global var and function bindings (except those that are introduced by
        //    non-strict direct eval) are non-configurable and are therefore restricted
        //    global properties.
        // d. If hasRestrictedGlobal is true, throw a SyntaxError exception.
        if has_restricted_global_property(agent, env, name)? {
            return Err(agent.syntax_error(&format!("cannot redeclare restricted global '{name}'")));
        }
    }
    // 4. For each element name of varNames, do
    //    a. If HasLexicalDeclaration(env, name) is true, throw a SyntaxError exception.
    for name in var_names {
        if has_lexical_declaration(env, name) {
            return Err(
                agent.syntax_error(&format!("identifier '{name}' has already been declared"))
            );
        }
    }
    // 5. Let varDeclarations be the VarScopedDeclarations of script.
    let var_declarations = &script.scope.var_scoped_declarations;
    // 6. Let functionsToInitialize be a new empty List.
    // 7. Let declaredFunctionNames be a new empty List.
    // 8. For each element d of varDeclarations, in reverse List order, do
    //    a. If d is not either a VariableDeclaration, a ForBinding, or a BindingIdentifier,
    //       then ... iii. Let fn be the sole element of the BoundNames of d.
    //       iv. If declaredFunctionNames does not contain fn, then
    //           1. Let fnDefinable be ? CanDeclareGlobalFunction(env, fn).
    //           2. If fnDefinable is false, throw a TypeError exception.
    //           3. Append fn to declaredFunctionNames.
    //           4. Insert d as the first element of functionsToInitialize.
    let functions_to_initialize =
        function_declarations_to_initialize(&script.body, var_declarations);
    let declared_function_names: Vec<&str> = functions_to_initialize
        .iter()
        .filter_map(|f| f.id.as_ref().map(|id| id.name.as_str()))
        .collect();
    for name in declared_function_names.iter().rev() {
        if !can_declare_global_function(agent, env, name)? {
            return Err(agent.type_error(&format!("cannot declare global function '{name}'")));
        }
    }
    // 9. Let declaredVarNames be a new empty List.
    let mut declared_var_names: Vec<&str> = Vec::new();
    // 10. For each element d of varDeclarations, do
    //     a. If d is either a VariableDeclaration, a ForBinding, or a BindingIdentifier,
    //        then i. For each String vn of the BoundNames of d, do
    for d in var_declarations {
        if let DeclRef::Var(names) = d {
            for vn in names {
                // 1. If declaredFunctionNames does not contain vn, then
                if declared_function_names.contains(&vn.as_str()) {
                    continue;
                }
                // a. Let vnDefinable be ? CanDeclareGlobalVar(env, vn).
                // b. If vnDefinable is false, throw a TypeError exception.
                if !can_declare_global_var(agent, env, vn)? {
                    return Err(agent.type_error(&format!("cannot declare global variable '{vn}'")));
                }
                // c. If declaredVarNames does not contain vn, then
                //    i. Append vn to declaredVarNames.
                if !declared_var_names.contains(&vn.as_str()) {
                    declared_var_names.push(vn);
                }
            }
        }
    }
    // 11. NOTE: No abnormal terminations occur after this algorithm step if the global
    //     object is an ordinary object.
    // 12. NOTE: Annex B.3.2.2 adds additional steps at this point.
    // 13. Let lexDeclarations be the LexicallyScopedDeclarations of script.
    // 14. Let privateEnv be null.
    // 15. For each element d of lexDeclarations, do
    //     b. For each element dn of the BoundNames of d, do
    //        i. If IsConstantDeclaration of d is true, then
    //           1. Perform ? env.CreateImmutableBinding(dn, true).
    //        ii. Else, 1. Perform ? env.CreateMutableBinding(dn, false).
    instantiate_lexical_declarations(agent, &script.scope.lexically_scoped_declarations, env)?;
    // 16. For each Parse Node f of functionsToInitialize, do
    for f in &functions_to_initialize {
        // a. Let fn be the sole element of the BoundNames of f.
        let name = f.id.as_ref().map_or("default", |id| id.name.as_str());
        // b. Let fo be InstantiateFunctionObject of f with arguments env and privateEnv.
        let fo = instantiate_function_object(agent, f, env.clone(), None);
        // c. Perform ? CreateGlobalFunctionBinding(env, fn, fo, false).
        create_global_function_binding(agent, env, name, Value::Object(fo), false)?;
    }
    // 17. For each String vn of declaredVarNames, do
    //     a. Perform ? CreateGlobalVarBinding(env, vn, false).
    for vn in declared_var_names {
        create_global_var_binding(agent, env, vn, false)?;
    }
    // 18. Return unused.
    Ok(())
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
