//! Compartments layer 0, "Module Objects" (`0-module-and-module-source.emu`,
//! sec-module-objects): CreateModuleRecord, the `Module` constructor (hooks read once,
//! eagerly, the handler kept as their `this`), `Module.prototype.source` and
//! %Module.prototype% [ @@toStringTag ].

use super::helpers::{define_accessor, define_constructor, define_value};
use super::module_source_objects::{module_source_slot, ModuleSourceRecord};
use crate::spec::abstract_module_records::{Module, ModuleData, ModuleKind};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::get_method;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::source_positions::SourceText;
use crate::spec::value::Value;
use crate::spec::virtual_module_records::create_virtual_module_record;
use boa_gc::{Finalize, Trace};
use std::sync::Arc;

/// The internal slots of a Module instance (sec-properties-of-module-instances).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ModuleInstanceData {
    /// [[Module]]: the Module Record this instance represents.
    pub module: Module,
    /// [[ModuleSourceInstance]]: the ModuleSource (or virtual module source) it was made
    /// from.
    pub module_source_instance: Value,
    /// [[HandlerValue]]: the `this` of the hook calls.
    pub handler: Value,
    /// [[ImportHook]]: a function object or undefined.
    pub import_hook: Value,
    /// [[ImportMetaHook]]: a function object or undefined.
    pub import_meta_hook: Value,
    /// [[ImportMeta]] (layer 3): an object that is the module's import.meta, or undefined.
    pub import_meta: Value,
}

/// The hooks of a Module instance: [[HandlerValue]], [[ImportHook]], [[ImportMetaHook]]
/// and [[ImportMeta]].
#[derive(Clone)]
pub struct ModuleInstanceHooks {
    pub handler: Value,
    pub import_hook: Value,
    pub import_meta_hook: Value,
    pub import_meta: Value,
}

/// The hooks of `value` when it is a Module instance (an object with a [[Module]] slot).
pub fn module_instance_hooks(value: &Value) -> Option<ModuleInstanceHooks> {
    let Value::Object(o) = value else {
        return None;
    };
    match &o.data().kind {
        ObjectKind::ModuleInstance(data) => Some(ModuleInstanceHooks {
            handler: data.handler.clone(),
            import_hook: data.import_hook.clone(),
            import_meta_hook: data.import_meta_hook.clone(),
            import_meta: data.import_meta.clone(),
        }),
        _ => None,
    }
}

/// The [[Module]] of a Module instance.
pub fn module_of_instance(value: &Value) -> Option<Module> {
    let Value::Object(o) = value else {
        return None;
    };
    match &o.data().kind {
        ObjectKind::ModuleInstance(data) => Some(data.module.clone()),
        _ => None,
    }
}

/// CreateModuleRecord ( moduleSource ) (sec-createmodulerecord).
/// `name` names the record for messages and the event log (a compartment's
/// `compartment#N:specifier`); by default the source's name and a count.
pub fn create_module_record(
    agent: &mut Agent,
    module_source: &Arc<ModuleSourceRecord>,
    name: Option<String>,
) -> Module {
    // 1. Assert: moduleSource is a Module Source Record.
    crate::step!("sec-createmodulerecord", "1");
    // SPEC ISSUE: the parameter is named moduleSource but steps 2-9 read sourceModule;
    // they are the same record (docs/spec-issues.md).
    // 2. Let async be sourceModule.[[HasTLA]].
    crate::step!("sec-createmodulerecord", "2");
    let body = module_source.ecmascript_code.clone();
    let has_tla = body.module.has_top_level_await;
    // 3. Let body be sourceModule.[[ECMAScriptCode]].
    crate::step!("sec-createmodulerecord", "3");
    // 4. Let requestedModules be sourceModule.[[RequestedModules]].
    crate::step!("sec-createmodulerecord", "4");
    // 5. Let importEntries be sourceModule.[[ImportEntries]].
    crate::step!("sec-createmodulerecord", "5");
    // 6. Let localExportEntries be sourceModule.[[LocalExportEntries]].
    crate::step!("sec-createmodulerecord", "6");
    // 7. Let indirectExportEntries be sourceModule.[[IndirectExportEntries]].
    crate::step!("sec-createmodulerecord", "7");
    // 8. Let starExportEntries be sourceModule.[[StarExportEntries]].
    crate::step!("sec-createmodulerecord", "8");
    // 9. Let hostDefined be sourceModule.[[HostDefined]]. (All of these are fields of the
    //    one shared parse, `body.module`.)
    crate::step!("sec-createmodulerecord", "9");
    // 10. Let realm be the current Realm Record.
    crate::step!("sec-createmodulerecord", "10");
    let realm = agent.current_realm();
    // 11. Return Source Text Module Record { [[Realm]]: realm, [[Environment]]: empty,
    //     [[Namespace]]: empty, [[CycleRoot]]: empty, [[HasTLA]]: async,
    //     [[AsyncEvaluation]]: false, [[TopLevelCapability]]: empty, [[AsyncParentModules]]:
    //     « », [[PendingAsyncDependencies]]: empty, [[Status]]: unlinked, ...,
    //     [[ModuleInstance]]: undefined }.
    //     SPEC ISSUE: with [[Status]] unlinked, InnerModuleLoading (step 2) never loads the
    //     record's dependencies, so `import(module)` would link a module whose
    //     [[LoadedModules]] is empty. We create it ~new~, as ParseModule does, and ES2025's
    //     [[AsyncEvaluationOrder]] ~unset~ stands for [[AsyncEvaluation]] false
    //     (docs/spec-issues.md).
    crate::step!("sec-createmodulerecord", "11");
    agent.module_instance_count += 1;
    let name = name.unwrap_or_else(|| {
        format!(
            "{}#{}",
            module_source.source.name, agent.module_instance_count
        )
    });
    let module = Module::new(ModuleData::new(
        realm,
        ModuleKind::SourceText {
            ecmascript_code: body,
        },
        has_tla,
        Value::Undefined,
        Arc::new(SourceText {
            name,
            text: module_source.source.text.clone(),
        }),
    ));
    crate::spec::event_log::status_changed(agent, &module, None);
    module
}

/// Module ( moduleSource, handler ) (sec-module).
pub fn module_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let module_source = call.arg(0);
    let handler = call.arg(1);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    crate::step!("sec-module", "1");
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Module requires 'new'"));
    };
    // 2. Perform ? RequireInternalSlot(moduleSource, [[ModuleSource]]). (Layer 2: an object
    //    without the slot is a virtual module source.)
    crate::step!("sec-module", "2");
    let module_record = match (module_source_slot(&module_source), &module_source) {
        (Some(record), _) => {
            // 3. Let moduleRecord to ! CreateModuleRecord(moduleSource.[[ModuleSource]]).
            crate::step!("sec-module", "3");
            create_module_record(agent, &record, None)
        }
        // Layer 2: Let moduleRecord be ? CreateVirtualModuleRecord(moduleSource).
        (None, Value::Object(virtual_source)) => {
            create_virtual_module_record(agent, virtual_source, None)?
        }
        (None, _) => {
            return Err(agent.type_error(
                "new Module(source, handler): source must be a ModuleSource or a virtual module source object",
            ))
        }
    };
    let (import_hook, import_meta_hook) = read_hooks(agent, &handler)?;
    let (import_hook, import_meta) =
        adopt_evaluators_hooks(agent, &module_record, import_hook, &import_meta_hook);
    let module_source_object = match (module_source_slot(&module_source), &module_source) {
        (Some(_), Value::Object(object)) => Some(object.clone()),
        _ => None,
    };
    // 7. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Module.prototype%",
    //    « [[Module]], [[ModuleSourceInstance]], [[HandlerValue]], [[ImportHook]],
    //    [[ImportMetaHook]] »).
    crate::step!("sec-module", "7");
    // 8. Set O.[[ModuleSourceInstance]] to moduleSource.
    crate::step!("sec-module", "8");
    // 9. Set O.[[HandlerValue]] be handler.
    crate::step!("sec-module", "9");
    // 10. Set O.[[ImportHook]] be importHook.
    crate::step!("sec-module", "10");
    // 11. Set O.[[ImportMetaHook]] be importMetaHook.
    crate::step!("sec-module", "11");
    // 13. Set O.[[Module]] to moduleRecord.
    crate::step!("sec-module", "13");
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::ModulePrototype,
        ObjectKind::ModuleInstance(Box::new(ModuleInstanceData {
            module: module_record.clone(),
            module_source_instance: module_source,
            handler,
            import_hook,
            import_meta_hook,
            import_meta,
        })),
    )?;
    // 12. Set moduleRecord.[[ModuleInstance]] to O.
    crate::step!("sec-module", "12");
    module_record.data_mut().module_instance = Some(o.clone());
    // SPEC ISSUE (the merge with source phase imports): the record's [[ModuleSource]] is
    // the ModuleSource it was made from, so `import.source(module)` gives `module.source`
    // (a virtual module source is no module source object: the record keeps none).
    module_record.data_mut().module_source = module_source_object;
    // 14. Return O.
    crate::step!("sec-module", "14");
    Ok(Value::Object(o))
}

/// Module steps 4-6: the hooks, read once from the handler.
fn read_hooks(agent: &mut Agent, handler: &Value) -> JsResult<(Value, Value)> {
    // 4. If Type(handler) is Object, then
    crate::step!("sec-module", "4");
    if let Value::Object(_) = handler {
        // a. Let importHook be ? GetMethod(handler, "importHook").
        crate::step!("sec-module", "4.a");
        let import_hook = get_method(agent, handler, &PropertyKey::from_str("importHook"))?;
        // b. If importHook is not undefined and IsCallable(importHook) is false, throw a
        //    TypeError exception. (GetMethod already threw for a non-callable value.)
        crate::step!("sec-module", "4.b");
        // c. Let importMetaHook be ? GetMethod(handler, "importMetaHook").
        crate::step!("sec-module", "4.c");
        let import_meta_hook =
            get_method(agent, handler, &PropertyKey::from_str("importMetaHook"))?;
        // d. If importMetaHook is not undefined and IsCallable(importMetaHook) is false,
        //    throw a TypeError exception.
        crate::step!("sec-module", "4.d");
        return Ok((
            import_hook.unwrap_or(Value::Undefined),
            import_meta_hook.unwrap_or(Value::Undefined),
        ));
    }
    // 5. Else if handler is undefined, then
    crate::step!("sec-module", "5");
    if let Value::Undefined = handler {
        // a. Let importHook be undefined.
        crate::step!("sec-module", "5.a");
        // b. Let importMetaHook be undefined.
        crate::step!("sec-module", "5.b");
        return Ok((Value::Undefined, Value::Undefined));
    }
    // 6. Else,
    crate::step!("sec-module", "6");
    // a. Throw a TypeError exception.
    crate::step!("sec-module", "6.a");
    Err(agent.type_error("new Module(source, handler): handler must be an object or undefined"))
}

/// What layer 3 adds to the Module constructor (C3.3): the constructor's Evaluators'
/// [[ImportHook]] for a handler without one, and their [[ImportMeta]] as the module's
/// import.meta object when the handler has no importMetaHook; the module record runs in
/// those Evaluators. Returns (importHook, importMeta).
fn adopt_evaluators_hooks(
    agent: &mut Agent,
    module_record: &Module,
    import_hook: Value,
    import_meta_hook: &Value,
) -> (Value, Value) {
    // 1. After step 6 (the hooks read): let evaluators be the running execution context's
    //    Evaluators (the Evaluators this Module constructor belongs to).
    crate::step!("compartments-module-constructor-evaluators", "1");
    let evaluators = agent.current_evaluators();
    // 2. If importHook is undefined, set importHook to evaluators.[[ImportHook]].
    crate::step!("compartments-module-constructor-evaluators", "2");
    let import_hook = if import_hook.is_undefined() {
        evaluators.import_hook()
    } else {
        import_hook
    };
    // 3. If importMetaHook is undefined, let importMeta be evaluators.[[ImportMeta]]; else
    //    let importMeta be undefined.
    crate::step!("compartments-module-constructor-evaluators", "3");
    let import_meta = if import_meta_hook.is_undefined() {
        evaluators.import_meta()
    } else {
        Value::Undefined
    };
    // 4. Set moduleRecord.[[Evaluators]] to evaluators.
    crate::step!("compartments-module-constructor-evaluators", "4");
    module_record.data_mut().evaluators = evaluators;
    // 5. With the other slots of step 7, O has an [[ImportMeta]] slot; set O.[[ImportMeta]]
    //    to importMeta. (The caller does, with the other slots.)
    crate::step!("compartments-module-constructor-evaluators", "5");
    (import_hook, import_meta)
}

/// get Module.prototype.source (sec-module.prototype.source).
fn get_source(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let M be the this value.
    crate::step!("sec-module.prototype.source", "1");
    // 2. Perform ? RequireInternalSlot(M, [[ModuleSourceInstance]]).
    crate::step!("sec-module.prototype.source", "2");
    let m = require_internal_slot(
        agent,
        call.this,
        InternalSlot::ModuleSourceInstance,
        "Module.prototype.source",
    )?;
    // 3. Return M.[[ModuleSourceInstance]].
    crate::step!("sec-module.prototype.source", "3");
    let source = match &m.data().kind {
        ObjectKind::ModuleInstance(data) => data.module_source_instance.clone(),
        _ => unreachable!("RequireInternalSlot checked [[ModuleSourceInstance]]"),
    };
    Ok(source)
}

/// Creates %Module% and %Module.prototype% (sec-module-constructor,
/// sec-properties-of-the-module-prototype-object).
pub fn create_module_intrinsics(agent: &mut Agent, realm: &Realm) -> Object {
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::ModulePrototype, prototype.clone());
    let constructor = define_constructor(
        agent,
        realm,
        Intrinsic::Module,
        "Module",
        2,
        module_constructor,
        &prototype,
        None,
    );
    define_accessor(agent, &prototype, "source", Some(get_source), None);
    // Module.prototype [ @@toStringTag ]: "Module", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&prototype, tag, Value::string("Module"), false, false, true);
    constructor
}
