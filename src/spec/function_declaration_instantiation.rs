//! 10.2.11 FunctionDeclarationInstantiation ( func, argumentsList )
//! (sec-functiondeclarationinstantiation).

use super::agents::Agent;
use super::arguments_exotic_objects::{
    create_mapped_arguments_object, create_unmapped_arguments_object,
};
use super::completion_record::JsResult;
use super::environment_records::{new_declarative_environment, Binding, BindingName};
use super::name_lists::NameList;
use super::object_type::Object;
use super::value::Value;
use crate::spec::evaluation::formal_parameters_binding_initialization;
use crate::spec::evaluation::instantiate_function_object;
use crate::syntax::ast::{self, name_hash, DeclRef, FunctionKind};
use crate::syntax::static_semantics::names::function_declarations_to_initialize;

/// Most parameters the untraced path of FunctionDeclarationInstantiation takes when there
/// are var names (each is checked against the parameter names by a scan).
const FEW_PARAMETERS: usize = 8;

/// FunctionDeclarationInstantiation ( func, argumentsList ) (10.2.11), run in the callee
/// context that PrepareForOrdinaryCall pushed.
pub fn function_declaration_instantiation(
    agent: &mut Agent,
    func: &Object,
    code: &ast::Function,
    arguments: &[Value],
) -> JsResult<()> {
    // (Not while tracing: an arrow function that binds nothing runs in its
    // [[Environment]], as PrepareForOrdinaryCall made no record for it; every step below
    // would do nothing. docs/ARCHITECTURE.md.)
    if code.kind == FunctionKind::Arrow
        && super::ecmascript_function_objects::arrow_binds_nothing(code)
        && !crate::trace::enabled()
    {
        return Ok(());
    }
    // 1. Let calleeContext be the running execution context.
    // 2. Let code be func.[[ECMAScriptCode]].
    // 3. Let strict be func.[[Strict]].
    let strict = code.strict;
    // (Steps 5, 6 and 8 are static semantics of the code, computed with its others when
    // it was parsed: `ScopeInfo`.)
    // 4. Let formals be func.[[FormalParameters]].
    // 5. Let parameterNames be the BoundNames of formals.
    let parameter_names = &code.scope.parameter_names;
    // 6. If parameterNames has any duplicate entries, let hasDuplicates be true. Otherwise,
    //    let hasDuplicates be false.
    let has_duplicates = code.scope.has_duplicate_parameters;
    // 7. Let simpleParameterList be IsSimpleParameterList of formals.
    let simple_parameter_list = code.simple_params;
    // 8. Let hasParameterExpressions be ContainsExpression of formals.
    let has_parameter_expressions = code.scope.has_parameter_expressions;
    // 9. Let varNames be the VarDeclaredNames of code.
    let var_names = &code.scope.var_declared_names;
    // 10. Let varDeclarations be the VarScopedDeclarations of code.
    // 11. Let lexicalNames be the LexicallyDeclaredNames of code.
    let lexical_names = &code.scope.lexically_declared_names;
    // 12. Let functionNames be a new empty List.
    // 13. Let functionsToInitialize be a new empty List.
    // 14. For each element d of varDeclarations, in reverse List order, do
    //     a. If d is neither a VariableDeclaration nor a ForBinding nor a
    //        BindingIdentifier, then
    //        i. Assert: d is either a FunctionDeclaration, a GeneratorDeclaration, an
    //           AsyncFunctionDeclaration, or an AsyncGeneratorDeclaration.
    //        ii. Let fn be the sole element of the BoundNames of d.
    //        iii. If functionNames does not contain fn, then
    //             1. Insert fn as the first element of functionNames.
    //             2. NOTE: If there are multiple function declarations for the same name,
    //                the last declaration is used.
    //             3. Insert d as the first element of functionsToInitialize.
    let functions_to_initialize = match &code.body {
        ast::FunctionBody::Block(body)
            if code
                .scope
                .var_scoped_declarations
                .iter()
                .any(|d| matches!(d, DeclRef::Function { .. })) =>
        {
            function_declarations_to_initialize(body, &code.scope.var_scoped_declarations)
        }
        _ => Vec::new(),
    };
    let mut function_names = NameList::new();
    for f in &functions_to_initialize {
        if let Some(id) = &f.id {
            function_names.push(id.name.as_str());
        }
    }
    // 15. Let argumentsObjectNeeded be true.
    // 16. If func.[[ThisMode]] is ~lexical~, then
    //     a. NOTE: Arrow functions never have an arguments object.
    //     b. Set argumentsObjectNeeded to false.
    // 17. Else if parameterNames contains "arguments", then
    //     a. Set argumentsObjectNeeded to false.
    // 18. Else if hasParameterExpressions is false, then
    //     a. If functionNames contains "arguments" or lexicalNames contains "arguments",
    //        then i. Set argumentsObjectNeeded to false.
    // (An arguments object no code can observe is not created: neither the function nor
    // a direct eval in it refers to `arguments`. Tested first: then steps 15-18 need not
    // be looked at.)
    let observable = code.scope.uses_arguments || code.scope.has_direct_eval;
    let arguments_object_needed = observable
        && if code.kind == FunctionKind::Arrow || parameter_names.iter().any(|n| n == "arguments") {
            false
        } else if !has_parameter_expressions {
            !(function_names.contains("arguments")
                || lexical_names.iter().any(|n| n == "arguments"))
        } else {
            true
        };
    let callee_env = agent
        .running_execution_context()
        .lexical_environment
        .as_ref()
        .expect("a function context has a LexicalEnvironment");
    // (Untraced: a simple parameter list without duplicates and without an arguments
    // object, steps 19-29 for that case, each binding made initialized in one borrow of
    // env; docs/ARCHITECTURE.md, "Cheaper common paths".)
    let var_env = if simple_parameter_list
        && !has_duplicates
        && !arguments_object_needed
        && (var_names.is_empty() || parameter_names.len() <= FEW_PARAMETERS)
        && !crate::trace::enabled()
    {
        // 19. strict is true or hasParameterExpressions is false (a simple parameter list
        //     contains no expression): b. Let env be the LexicalEnvironment of
        //     calleeContext (the new Function Environment Record, with no bindings yet).
        let env = callee_env;
        // 21. For each String paramName of parameterNames (none already declared: no
        //     duplicates), c.i. Perform ! env.CreateMutableBinding(paramName, false).
        // 22-23. argumentsObjectNeeded is false: parameterBindings is parameterNames.
        // 24-28. IteratorBindingInitialization of a simple list with usedEnv env: for each
        //     BindingIdentifier in order, the next element of argumentsList (undefined
        //     past its end); ResolveBinding(paramName, env) finds env's binding and
        //     InitializeReferencedBinding does env.InitializeBinding(paramName, value).
        let parameters = parameter_names.iter().zip(&code.params).enumerate().map(
            |(index, (name, parameter))| {
                let value = arguments.get(index).map_or(Value::Undefined, Value::copied);
                match &parameter.target {
                    ast::Pattern::Ident(id) => Binding::mutable(
                        id.name.shared().clone().into(),
                        id.place.name_hash,
                        Some(value),
                    ),
                    _ => Binding::mutable(BindingName::of(name), name_hash(name), Some(value)),
                }
            },
        );
        // 29. hasParameterExpressions is false: b. instantiatedVarNames is parameterNames;
        //     c. each n of varNames (without duplicates) not in it gets
        //     ! env.CreateMutableBinding(n, false) and ! env.InitializeBinding(n, undefined).
        let vars = var_names
            .iter()
            .filter(|n| !parameter_names.contains(n))
            .map(|n| Binding::mutable(BindingName::of(n), name_hash(n), Some(Value::Undefined)));
        // (Room for these and, strict, step 36's bindings, as below.)
        let mut room = parameter_names.len() + var_names.len();
        if strict {
            room += lexical_names.len();
        }
        if var_names.is_empty() {
            // (No var names: the parameters' bindings alone, made in a list of their
            // room and given to the new record at once.)
            env.fill_new_bindings(room, |bindings| {
                for (index, parameter) in code.params.iter().enumerate() {
                    let value = match arguments.get(index) {
                        Some(value) => value.copied(),
                        None => Value::Undefined,
                    };
                    bindings.push(match &parameter.target {
                        ast::Pattern::Ident(id) => Binding::mutable(
                            id.name.shared().clone().into(),
                            id.place.name_hash,
                            Some(value),
                        ),
                        _ => {
                            let name = &parameter_names[index];
                            Binding::mutable(BindingName::of(name), name_hash(name), Some(value))
                        }
                    });
                }
            });
        } else {
            env.append_bindings(room, parameters.chain(vars));
        }
        // d. Let varEnv be env.
        // (When there are no lexical declarations, no direct eval and no functions to
        // initialize, steps 30-39 do nothing: lexEnv is varEnv, which already is the
        // LexicalEnvironment, and steps 36 and 38 have no elements.)
        if functions_to_initialize.is_empty()
            && code.scope.lexically_scoped_declarations.is_empty()
            && !code.scope.has_direct_eval
        {
            return Ok(());
        }
        env.clone()
    } else {
        let callee_env = callee_env.clone();
        // 19. If strict is true or hasParameterExpressions is false, then
        //     a. NOTE: Only a single Environment Record is needed for the parameters, since
        //        calls to eval in strict mode code cannot create new bindings which are visible
        //        outside of the eval.
        //     b. Let env be the LexicalEnvironment of calleeContext.
        // 20. Else,
        //     a. NOTE: A separate Environment Record is needed to ensure that bindings created
        //        by direct eval calls in the formal parameter list are outside the environment
        //        where parameters are declared.
        //     b. Let calleeEnv be the LexicalEnvironment of calleeContext.
        //     c. Let env be NewDeclarativeEnvironment(calleeEnv).
        //     d. Assert: The VariableEnvironment of calleeContext is calleeEnv.
        //     e. Set the LexicalEnvironment of calleeContext to env.
        let env = if strict || !has_parameter_expressions {
            callee_env
        } else {
            let env = new_declarative_environment(Some(callee_env));
            agent.running_execution_context_mut().lexical_environment = Some(env.clone());
            env
        };
        // (Memory only: room in env for exactly the bindings steps 21-22 and, when env is
        // also varEnv, 29.c and (strict) 36 create, at most; not the four a first binding would get.)
        let mut bindings = parameter_names.len() + usize::from(arguments_object_needed);
        if !has_parameter_expressions {
            bindings += var_names.len();
            if strict {
                bindings += lexical_names.len();
            }
        }
        env.reserve_bindings(bindings);
        // 21. For each String paramName of parameterNames, do
        for param_name in parameter_names {
            // a. Let alreadyDeclared be ! env.HasBinding(paramName).
            // b. NOTE: Early errors ensure that duplicate parameter names can only occur in
            //    non-strict functions that do not have parameter default values or rest
            //    parameters.
            // c. If alreadyDeclared is false, then
            if !env.has_declarative_binding(param_name) {
                // i. Perform ! env.CreateMutableBinding(paramName, false).
                env.create_mutable_binding(agent, param_name, false)?;
                // ii. If hasDuplicates is true, then
                //     1. Perform ! env.InitializeBinding(paramName, undefined).
                if has_duplicates {
                    env.initialize_binding(agent, param_name, Value::Undefined)?;
                }
            }
        }
        // 22. If argumentsObjectNeeded is true, then
        // (parameterBindings is only consulted for the names of varNames: it is not made when
        // there are none.)
        let mut parameter_bindings = NameList::new();
        if !var_names.is_empty() {
            for name in parameter_names {
                parameter_bindings.push(name);
            }
        }
        if arguments_object_needed {
            // a. If strict is true or simpleParameterList is false, then
            //    i. Let ao be CreateUnmappedArgumentsObject(argumentsList).
            // b. Else,
            //    i. NOTE: A mapped argument object is only provided for non-strict functions
            //       that don't have a rest parameter, any parameter default value
            //       initializers, or any destructured parameters.
            //    ii. Let ao be CreateMappedArgumentsObject(func, formals, argumentsList, env).
            let ao = if strict || !simple_parameter_list {
                create_unmapped_arguments_object(agent, arguments)
            } else {
                let names: Vec<&str> = parameter_names.iter().map(String::as_str).collect();
                create_mapped_arguments_object(agent, func, &names, arguments, &env)
            };
            // c. If strict is true, then
            //    i. Perform ! env.CreateImmutableBinding("arguments", false).
            //    ii. NOTE: In strict mode code early errors prevent attempting to assign to
            //        this binding, so its mutability is not observable.
            // d. Else, i. Perform ! env.CreateMutableBinding("arguments", false).
            if strict {
                env.create_immutable_binding(agent, "arguments", false)?;
            } else {
                env.create_mutable_binding(agent, "arguments", false)?;
            }
            // e. Perform ! env.InitializeBinding("arguments", ao).
            env.initialize_binding(agent, "arguments", Value::Object(ao))?;
            // f. Let parameterBindings be the list-concatenation of parameterNames and
            //    « "arguments" ».
            parameter_bindings.push("arguments");
        }
        // 23. Else, a. Let parameterBindings be parameterNames.
        // 24. Let iteratorRecord be CreateListIteratorRecord(argumentsList).
        // 25. If hasDuplicates is true, then a. Let usedEnv be undefined.
        // 26. Else, a. Let usedEnv be env.
        let used_env = if has_duplicates {
            None
        } else {
            Some(env.clone())
        };
        // 27. NOTE: The following step cannot return a ReturnCompletion because the only way
        //     such a completion can arise in expression position is by use of
        //     YieldExpression, which is forbidden in parameter lists by Early Error rules in
        //     15.5.1 and 15.6.1.
        // 28. Perform ? IteratorBindingInitialization of formals with arguments
        //     iteratorRecord and usedEnv.
        formal_parameters_binding_initialization(agent, code, arguments, used_env.as_ref())?;
        // 29. If hasParameterExpressions is false, then
        if !has_parameter_expressions {
            // a. NOTE: Only a single Environment Record is needed for the parameters and
            //    top-level vars.
            // b. Let instantiatedVarNames be a copy of the List parameterBindings.
            let mut instantiated_var_names = if var_names.is_empty() {
                NameList::new()
            } else {
                parameter_bindings.clone()
            };
            // c. For each element n of varNames, do
            for n in var_names {
                // i. If instantiatedVarNames does not contain n, then
                if !instantiated_var_names.contains(n) {
                    // 1. Append n to instantiatedVarNames.
                    instantiated_var_names.push(n);
                    // 2. Perform ! env.CreateMutableBinding(n, false).
                    env.create_mutable_binding(agent, n, false)?;
                    // 3. Perform ! env.InitializeBinding(n, undefined).
                    env.initialize_binding(agent, n, Value::Undefined)?;
                }
            }
            // d. Let varEnv be env.
            env.clone()
        } else {
            // 30. Else,
            //     a. NOTE: A separate Environment Record is needed to ensure that closures
            //        created by expressions in the formal parameter list do not have
            //        visibility of declarations in the function body.
            //     b. Let varEnv be NewDeclarativeEnvironment(env).
            let var_env = new_declarative_environment(Some(env.clone()));
            //     c. Set the VariableEnvironment of calleeContext to varEnv.
            agent.running_execution_context_mut().variable_environment = Some(var_env.clone());
            //     d. Let instantiatedVarNames be a new empty List.
            let mut instantiated_var_names = NameList::new();
            //     e. For each element n of varNames, do
            for n in var_names {
                //    i. If instantiatedVarNames does not contain n, then
                if !instantiated_var_names.contains(n) {
                    // 1. Append n to instantiatedVarNames.
                    instantiated_var_names.push(n);
                    // 2. Perform ! varEnv.CreateMutableBinding(n, false).
                    var_env.create_mutable_binding(agent, n, false)?;
                    // 3. If parameterBindings does not contain n, or if functionNames contains
                    //    n, then a. Let initialValue be undefined.
                    // 4. Else, a. Let initialValue be ! env.GetBindingValue(n, false).
                    let initial_value =
                        if !parameter_bindings.contains(n) || function_names.contains(n) {
                            Value::Undefined
                        } else {
                            env.get_binding_value(agent, n, false)?
                        };
                    // 5. Perform ! varEnv.InitializeBinding(n, initialValue).
                    // 6. NOTE: A var with the same name as a formal parameter initially has the
                    //    same value as the corresponding initialized parameter.
                    var_env.initialize_binding(agent, n, initial_value)?;
                }
            }
            var_env
        }
    };
    // 31. NOTE: Annex B.3.2.1 adds additional steps at this point.
    // 32. If strict is false, then
    //     a. Let lexEnv be NewDeclarativeEnvironment(varEnv).
    //     b. NOTE: Non-strict functions use a separate Environment Record for top-level
    //        lexical declarations so that a direct eval can determine whether any var
    //        scoped declarations introduced by the eval code conflict with pre-existing
    //        top-level lexically scoped declarations. This is not needed for strict
    //        functions because a strict direct eval always places all declarations into a
    //        new Environment Record.
    // 33. Else, a. Let lexEnv be varEnv.
    // (An empty lexEnv that no direct eval can see is not created: no code can observe
    // an Environment Record with no bindings between the body and varEnv.)
    let needs_lex_env =
        !code.scope.lexically_scoped_declarations.is_empty() || code.scope.has_direct_eval;
    let lex_env = if !strict && needs_lex_env {
        new_declarative_environment(Some(var_env.clone()))
    } else {
        var_env.clone()
    };
    // 34. Set the LexicalEnvironment of calleeContext to lexEnv. (Nothing to do when it
    //     already is lexEnv.)
    let context = agent.running_execution_context_mut();
    if context.lexical_environment.as_ref() != Some(&lex_env) {
        context.lexical_environment = Some(lex_env.clone());
    }
    // 35. Let lexDeclarations be the LexicallyScopedDeclarations of code.
    // 36. For each element d of lexDeclarations, do
    //     a. NOTE: A lexically declared name cannot be the same as a function/generator
    //        declaration, formal parameter, or a var name. Lexically declared names are
    //        only instantiated here but not initialized.
    //     b. For each element dn of the BoundNames of d, do
    //        i. If IsConstantDeclaration of d is true, then
    //           1. Perform ! lexEnv.CreateImmutableBinding(dn, true).
    //        ii. Else, 1. Perform ! lexEnv.CreateMutableBinding(dn, false).
    for d in &code.scope.lexically_scoped_declarations {
        match d {
            DeclRef::Lexical { names, constant } => {
                for dn in names {
                    if *constant {
                        lex_env.create_immutable_binding(agent, dn, true)?;
                    } else {
                        lex_env.create_mutable_binding(agent, dn, false)?;
                    }
                }
            }
            DeclRef::Class(dn) => lex_env.create_mutable_binding(agent, dn, false)?,
            DeclRef::Var(_) | DeclRef::Function { .. } => {}
        }
    }
    // 37. Let privateEnv be the PrivateEnvironment of calleeContext. (Only step 38 uses it:
    //     not read when there is nothing to initialize.)
    let private_env = if functions_to_initialize.is_empty() {
        None
    } else {
        agent
            .running_execution_context()
            .private_environment
            .clone()
    };
    // 38. For each Parse Node f of functionsToInitialize, do
    for f in functions_to_initialize {
        // a. Let fn be the sole element of the BoundNames of f.
        let name =
            f.id.as_ref()
                .map(|id| id.name.as_str())
                .unwrap_or("*default*");
        // b. Let fo be InstantiateFunctionObject of f with arguments lexEnv and privateEnv.
        let fo = instantiate_function_object(agent, &f, lex_env.clone(), private_env.clone());
        // c. Perform ! varEnv.SetMutableBinding(fn, fo, false).
        var_env.set_mutable_binding(agent, name, Value::Object(fo), false)?;
    }
    // 39. Return unused.
    Ok(())
}
