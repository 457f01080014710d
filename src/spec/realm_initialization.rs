//! 9.3.1 InitializeHostDefinedRealm ( ) (sec-initializehostdefinedrealm), with the
//! Compartments layer-3 change that the global object and global environment are those of
//! the realm's default Evaluators record.

use super::agents::Agent;
use super::builtins::{
    create_bootstrap_intrinsics, create_intrinsics, global::set_default_global_bindings,
};
use super::completion_record::JsResult;
use super::environment_records::new_global_environment;
use super::evaluators::Evaluators;
use super::execution_contexts::ExecutionContext;
use super::ordinary_object_internal_methods::ordinary_object_create;
use super::realms::{Intrinsic, Realm};

/// InitializeHostDefinedRealm ( ) (9.3.1), without its step 9: returns the new realm and
/// leaves the execution context stack as it found it. (The host pushes a context for the
/// realm when it wants one to stay running, as the CLI does.)
///
/// Order: the spec creates all intrinsics (step 2) before the global object (step 11).
/// Creating a built-in function needs a running execution context, which needs the
/// Evaluators record, which needs the global object; so the bootstrap objects come
/// first, then the global object and Evaluators, then the remaining intrinsics. Nothing
/// can observe the difference: no user code runs during these steps.
pub fn initialize_host_defined_realm(agent: &mut Agent) -> JsResult<Realm> {
    // 1. Let realm be a new Realm Record.
    let realm = Realm::new_empty();
    // 2. Perform CreateIntrinsics(realm) (its first part; see above).
    create_bootstrap_intrinsics(&realm);
    // 3. Set realm.[[AgentSignifier]] to AgentSignifier().
    // 4. Set realm.[[TemplateMap]] to a new empty List.
    // 10. If the host requires use of an exotic object to serve as realm's global object,
    //     then ... 11. Else, let global be
    //     OrdinaryObjectCreate(realm.[[Intrinsics]].[[%Object.prototype%]]).
    let global = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    // 12-13. Let thisValue be global.
    // 14. Set realm.[[GlobalObject]] to global.
    // 15. Set realm.[[GlobalEnv]] to NewGlobalEnvironment(global, thisValue).
    // (Both belong to the realm's default Evaluators.)
    let global_env = new_global_environment(global.clone(), global.clone());
    let evaluators = Evaluators::new(realm.clone(), global.clone(), global_env);
    *realm.0.evaluators.borrow_mut() = Some(evaluators.clone());
    // 5. Let newContext be a new execution context.
    // 6. Set the Function of newContext to null.
    // 7. Set the Realm of newContext to realm.
    // 8. Set the ScriptOrModule of newContext to null.
    // 9. Push newContext onto the execution context stack; newContext is now the running
    //    execution context.
    agent
        .execution_context_stack
        .push(ExecutionContext::without_code(None, evaluators));
    // 2. Perform CreateIntrinsics(realm) (the built-in functions).
    create_intrinsics(agent, &realm);
    // 16. Perform ? SetDefaultGlobalBindings(realm).
    set_default_global_bindings(&realm, &global);
    // 17. Create any host-defined global object properties on global.
    let define_host_globals = agent.host.define_host_globals;
    let result = define_host_globals(agent, &realm);
    agent.execution_context_stack.pop();
    result?;
    // 18. Return unused.
    Ok(realm)
}
