//! 16.2.1.8 Synthetic Module Records (sec-synthetic-module-records): the concrete methods
//! of a Synthetic Module Record (LoadRequestedModules, GetExportedNames, ResolveExport,
//! Link, Evaluate), CreateDefaultExportSyntheticModule (16.2.1.8.1), ParseJSONModule
//! (16.2.1.8.2) and SetSyntheticModuleExport (16.2.1.8.3). JSON modules and text modules
//! (`with { type: "json" }`, `with { type: "text" }`) are Synthetic Module Records.

use super::abstract_module_records::{Module, ModuleData, ModuleKind, SyntheticEvaluationSteps};
use super::agents::Agent;
use super::completion_record::JsResult;
use super::environment_records::new_module_environment;
use super::execution_contexts::{ExecutionContext, ScriptOrModule};
use super::object_type::Object;
use super::operations_on_objects::call;
use super::promise_objects::{new_promise_capability, promise_resolve};
use super::realms::{Intrinsic, Realm};
use super::source_positions::SourceText;
use super::source_text_module_records::{BindingName, Resolution};
use super::string_type::JsString;
use super::value::Value;
use std::sync::Arc;

/// A Synthetic Module Record with the given fields (the record literal the spec's
/// operations return), named `name` for messages and pictures.
pub fn new_synthetic_module(
    realm: Realm,
    name: &str,
    export_names: Vec<JsString>,
    evaluation_steps: SyntheticEvaluationSteps,
) -> Module {
    Module::new(ModuleData::new(
        realm,
        ModuleKind::Synthetic {
            export_names,
            evaluation_steps,
            module_source_kind: None,
        },
        false,
        Value::Undefined,
        Arc::new(SourceText {
            name: name.to_string(),
            text: Arc::from(""),
        }),
    ))
}

/// CreateDefaultExportSyntheticModule ( defaultExport ) (16.2.1.8.1).
pub fn create_default_export_synthetic_module(
    agent: &Agent,
    default_export: Value,
    name: &str,
) -> Module {
    // 1. Let realm be the current Realm Record.
    crate::step!("sec-create-default-export-synthetic-module", "1");
    let realm = agent.current_realm();
    // 2. Let setDefaultExport be a new Abstract Closure with parameters (module) that
    //    captures defaultExport and performs the following steps when called: (steps a
    //    and b in Evaluate() of a Synthetic Module Record, step 10)
    crate::step!("sec-create-default-export-synthetic-module", "2");
    let set_default_export = SyntheticEvaluationSteps::SetDefaultExport(default_export);
    // 3. Return the Synthetic Module Record { [[Realm]]: realm, [[Environment]]: empty,
    //    [[Namespace]]: empty, [[HostDefined]]: undefined, [[ExportNames]]: « "default" »,
    //    [[EvaluationSteps]]: setDefaultExport }.
    crate::step!("sec-create-default-export-synthetic-module", "3");
    new_synthetic_module(
        realm,
        name,
        vec![JsString::from("default")],
        set_default_export,
    )
}

/// ParseJSONModule ( source ) (16.2.1.8.2).
pub fn parse_json_module(agent: &mut Agent, source: &str, name: &str) -> JsResult<Module> {
    // 1. Let json be ? Call(%JSON.parse%, undefined, « source »).
    crate::step!("sec-parse-json-module", "1");
    let json_parse = Value::Object(agent.intrinsic(Intrinsic::JsonParse));
    let json = call(
        agent,
        &json_parse,
        &Value::Undefined,
        &[Value::string(source)],
    )?;
    // 2. Return CreateDefaultExportSyntheticModule(json).
    crate::step!("sec-parse-json-module", "2");
    Ok(create_default_export_synthetic_module(agent, json, name))
}

/// SetSyntheticModuleExport ( module, exportName, exportValue ) (16.2.1.8.3).
pub fn set_synthetic_module_export(
    agent: &mut Agent,
    module: &Module,
    export_name: &JsString,
    export_value: Value,
) -> JsResult<()> {
    // 1. Assert: module.[[ExportNames]] contains exportName.
    crate::spec_assert!(
        "sec-setsyntheticmoduleexport",
        "1",
        export_names(module).contains(export_name)
    );
    // 2. Let envRec be module.[[Environment]].
    crate::step!("sec-setsyntheticmoduleexport", "2");
    // 3. Assert: envRec is not empty.
    crate::spec_assert!(
        "sec-setsyntheticmoduleexport",
        "3",
        module.environment().is_some()
    );
    let Some(env) = module.environment() else {
        return Err(agent.reference_error("a synthetic module set an export before it was linked"));
    };
    // 4. Perform envRec.SetMutableBinding(exportName, exportValue, true).
    crate::step!("sec-setsyntheticmoduleexport", "4");
    env.set_mutable_binding(agent, &export_name.to_string(), export_value, true)?;
    // 5. Return unused.
    crate::step!("sec-setsyntheticmoduleexport", "5");
    Ok(())
}

fn export_names(module: &Module) -> Vec<JsString> {
    match &module.data().kind {
        ModuleKind::Synthetic { export_names, .. } => export_names.clone(),
        ModuleKind::SourceText { .. } | ModuleKind::Virtual(_) => Vec::new(),
    }
}

/// LoadRequestedModules ( ) (16.2.1.8.4.1) of a Synthetic Module Record.
pub fn synthetic_load_requested_modules(agent: &mut Agent) -> Object {
    // 1. Return ! PromiseResolve(%Promise%, undefined).
    crate::step!("sec-smr-LoadRequestedModules", "1");
    let promise = agent.intrinsic(Intrinsic::Promise);
    promise_resolve(agent, &promise, Value::Undefined)
        .expect("PromiseResolve(%Promise%, undefined) does not throw")
}

/// GetExportedNames ( ) (16.2.1.8.4.2) of a Synthetic Module Record.
pub fn synthetic_get_exported_names(module: &Module) -> Vec<JsString> {
    // 1. Return module.[[ExportNames]].
    crate::step!("sec-smr-getexportednames", "1");
    export_names(module)
}

/// ResolveExport ( exportName ) (16.2.1.8.4.3) of a Synthetic Module Record.
pub fn synthetic_resolve_export(module: &Module, export_name: &JsString) -> Resolution {
    // 1. If module.[[ExportNames]] does not contain exportName, return null.
    crate::step!("sec-smr-resolveexport", "1");
    if !export_names(module).contains(export_name) {
        return Resolution::Null;
    }
    // 2. Return ResolvedBinding Record { [[Module]]: module, [[BindingName]]: exportName }.
    crate::step!("sec-smr-resolveexport", "2");
    Resolution::Resolved {
        module: module.clone(),
        binding_name: BindingName::Name(export_name.clone()),
    }
}

/// Link ( ) (16.2.1.8.4.4) of a Synthetic Module Record.
pub fn synthetic_link(agent: &mut Agent, module: &Module) -> JsResult<()> {
    // 1. Let realm be module.[[Realm]].
    crate::step!("sec-smr-Link", "1");
    let realm = module.realm();
    // 2. Let env be NewModuleEnvironment(realm.[[GlobalEnv]]).
    crate::step!("sec-smr-Link", "2");
    let evaluators = module.evaluators();
    debug_assert!(
        evaluators.realm() == realm,
        "a module's Evaluators are of its realm"
    );
    let env = new_module_environment(Some(evaluators.global_env()));
    // 3. Set module.[[Environment]] to env.
    crate::step!("sec-smr-Link", "3");
    module.data_mut().environment = Some(env.clone());
    // 4. For each String exportName of module.[[ExportNames]], do
    crate::step!("sec-smr-Link", "4");
    for export_name in export_names(module) {
        let name = export_name.to_string();
        // a. Perform ! env.CreateMutableBinding(exportName, false).
        crate::step!("sec-smr-Link", "4.a");
        env.create_mutable_binding(agent, &name, false)?;
        // b. Perform ! env.InitializeBinding(exportName, undefined).
        crate::step!("sec-smr-Link", "4.b");
        env.initialize_binding(agent, &name, Value::Undefined)?;
    }
    // 5. Return NormalCompletion(unused).
    crate::step!("sec-smr-Link", "5");
    Ok(())
}

/// Evaluate ( ) (16.2.1.8.4.5) of a Synthetic Module Record.
pub fn synthetic_evaluate(agent: &mut Agent, module: &Module) -> Object {
    // 1. Let moduleContext be a new ECMAScript code execution context.
    crate::step!("sec-smr-Evaluate", "1");
    // 2. Set the Function of moduleContext to null.
    crate::step!("sec-smr-Evaluate", "2");
    // 3. Set the Realm of moduleContext to module.[[Realm]].
    crate::step!("sec-smr-Evaluate", "3");
    // 4. Set the ScriptOrModule of moduleContext to module.
    crate::step!("sec-smr-Evaluate", "4");
    // 5. Set the VariableEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-smr-Evaluate", "5");
    // 6. Set the LexicalEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-smr-Evaluate", "6");
    let mut module_context = ExecutionContext::without_code(None, module.evaluators());
    module_context.script_or_module = Some(ScriptOrModule::Module(module.clone()));
    module_context.variable_environment = module.environment();
    module_context.lexical_environment = module.environment();
    module_context.strict = true;
    // 7. Suspend the running execution context.
    crate::step!("sec-smr-Evaluate", "7");
    // 8. Push moduleContext on to the execution context stack; moduleContext is now the
    //    running execution context.
    crate::step!("sec-smr-Evaluate", "8");
    agent.execution_context_stack.push(module_context);
    // 9. Let steps be module.[[EvaluationSteps]].
    crate::step!("sec-smr-Evaluate", "9");
    let steps = match &module.data().kind {
        ModuleKind::Synthetic {
            evaluation_steps: SyntheticEvaluationSteps::SetDefaultExport(value),
            ..
        } => Some(value.clone()),
        _ => None,
    };
    // 10. Let result be Completion(steps(module)).
    crate::step!("sec-smr-Evaluate", "10");
    let result = match steps {
        // setDefaultExport, CreateDefaultExportSyntheticModule's step 2 closure:
        Some(default_export) => {
            // a. Perform SetSyntheticModuleExport(module, "default", defaultExport).
            crate::step!("sec-create-default-export-synthetic-module", "2.a");
            let result = set_synthetic_module_export(
                agent,
                module,
                &JsString::from("default"),
                default_export,
            );
            // b. Return NormalCompletion(unused).
            crate::step!("sec-create-default-export-synthetic-module", "2.b");
            result
        }
        None => Ok(()),
    };
    // 11. Suspend moduleContext and remove it from the execution context stack.
    crate::step!("sec-smr-Evaluate", "11");
    agent.execution_context_stack.pop();
    // 12. Resume the context that is now on the top of the execution context stack as the
    //     running execution context.
    crate::step!("sec-smr-Evaluate", "12");
    // 13. Let pc be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-smr-Evaluate", "13");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let pc = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    match result {
        // 14. IfAbruptRejectPromise(result, pc).
        Err(error) => {
            crate::step!("sec-smr-Evaluate", "14");
            let _ = call(agent, &pc.reject, &Value::Undefined, &[error]);
        }
        // 15. Perform ! Call(pc.[[Resolve]], undefined, « undefined »).
        Ok(()) => {
            crate::step!("sec-smr-Evaluate", "15");
            let _ = call(agent, &pc.resolve, &Value::Undefined, &[Value::Undefined]);
        }
    }
    // 16. Return pc.[[Promise]].
    crate::step!("sec-smr-Evaluate", "16");
    pc.promise
}
