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
use super::object_type::Object;
use super::ordinary_object_internal_methods::ordinary_object_create;
use super::realms::{Intrinsic, Realm};
use super::value::Value;
use crate::step;

/// Whether the host requires an exotic object as a realm's global object (step 10), and
/// which: this host never does.
fn host_defined_global_object(_agent: &mut Agent, _realm: &Realm) -> Option<Object> {
    None
}

/// Whether the host requires the global `this` binding to be an object other than the
/// global object (step 12), and which: this host never does.
fn host_defined_this_value(_agent: &mut Agent, _realm: &Realm) -> Option<Object> {
    None
}

/// InitializeHostDefinedRealm ( ) (9.3.1), without the end of its step 9: returns the new
/// realm and leaves the execution context stack as it found it. (The host pushes a context
/// for the realm when it wants one to stay running, as the CLI does.)
///
/// Order: the spec creates all intrinsics (step 2) before the global object (step 11).
/// Creating a built-in function needs a running execution context, which needs the
/// Evaluators record, which needs the global object; so the bootstrap objects come
/// first, then the global object and Evaluators, then the remaining intrinsics. Nothing
/// can observe the difference: no user code runs during these steps.
pub fn initialize_host_defined_realm(agent: &mut Agent) -> JsResult<Realm> {
    // 1. Let realm be a new Realm Record.
    step!("sec-initializehostdefinedrealm", "1");
    let realm = Realm::new_empty();
    // 2. Perform CreateIntrinsics(realm) (its first part; see above).
    step!("sec-initializehostdefinedrealm", "2");
    create_bootstrap_intrinsics(&realm);
    // 3. Set realm.[[AgentSignifier]] to AgentSignifier(). (One agent per Agent value: the
    //    realm is only ever used with the agent that created it.)
    step!("sec-initializehostdefinedrealm", "3");
    // 4. Set realm.[[TemplateMap]] to a new empty List (Realm::new_empty made it).
    step!("sec-initializehostdefinedrealm", "4");
    // 10. If the host requires use of a specific object to serve as realm's global object,
    //     then
    step!("sec-initializehostdefinedrealm", "10");
    let global = match host_defined_global_object(agent, &realm) {
        //  a. Let global be such an object created in a host-defined manner.
        Some(global) => {
            step!("sec-initializehostdefinedrealm", "10.a");
            global
        }
        // 11. Else,
        None => {
            step!("sec-initializehostdefinedrealm", "11");
            //  a. Let global be OrdinaryObjectCreate(realm.[[Intrinsics]].[[%Object.prototype%]]).
            step!("sec-initializehostdefinedrealm", "11.a");
            ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)))
        }
    };
    // 12. If the host requires that the this binding in realm's global scope return an
    //     object other than the global object, then
    step!("sec-initializehostdefinedrealm", "12");
    let this_value = match host_defined_this_value(agent, &realm) {
        //  a. Let thisValue be such an object created in a host-defined manner.
        Some(this_value) => {
            step!("sec-initializehostdefinedrealm", "12.a");
            this_value
        }
        // 13. Else,
        None => {
            step!("sec-initializehostdefinedrealm", "13");
            //  a. Let thisValue be global.
            step!("sec-initializehostdefinedrealm", "13.a");
            global.clone()
        }
    };
    // 14. Set realm.[[GlobalObject]] to global.
    step!("sec-initializehostdefinedrealm", "14");
    // 15. Set realm.[[GlobalEnv]] to NewGlobalEnvironment(global, thisValue).
    step!("sec-initializehostdefinedrealm", "15");
    // (Both belong to the realm's default Evaluators.)
    let global_env = new_global_environment(global.clone(), this_value);
    agent.evaluators_count += 1;
    let evaluators = Evaluators::new(
        agent.evaluators_count,
        realm.clone(),
        global.clone(),
        global_env,
        Value::Undefined,
        Value::Undefined,
    );
    *realm.0.evaluators.borrow_mut() = Some(evaluators.clone());
    // 5. Let newContext be a new execution context.
    step!("sec-initializehostdefinedrealm", "5");
    // 6. Set the Function of newContext to null.
    step!("sec-initializehostdefinedrealm", "6");
    // 7. Set the Realm of newContext to realm.
    step!("sec-initializehostdefinedrealm", "7");
    // 8. Set the ScriptOrModule of newContext to null.
    step!("sec-initializehostdefinedrealm", "8");
    // 9. Push newContext onto the execution context stack; newContext is now the running
    //    execution context.
    step!("sec-initializehostdefinedrealm", "9");
    agent
        .execution_context_stack
        .push(ExecutionContext::without_code(None, evaluators));
    // 2. Perform CreateIntrinsics(realm) (the built-in functions).
    create_intrinsics(agent, &realm);
    // 16. Perform ? SetDefaultGlobalBindings(realm).
    step!("sec-initializehostdefinedrealm", "16");
    set_default_global_bindings(&realm, &global, agent.features);
    // 17. Create any host-defined global object properties on global.
    step!("sec-initializehostdefinedrealm", "17");
    let define_host_globals = agent.host.define_host_globals;
    let result = define_host_globals(agent, &realm);
    agent.execution_context_stack.pop();
    result?;
    // 18. Return unused.
    step!("sec-initializehostdefinedrealm", "18");
    Ok(realm)
}
