//! Compartments layer 2 (`2-virtual-module-source.md`): Virtual Module Records, the Cyclic
//! Module Records `new Module(source)` makes when `source` is an object without a
//! [[ModuleSource]] slot. The proposal describes them in prose; our algorithms —
//! CreateVirtualModuleRecord, and the record's InitializeEnvironment and ExecuteModule — are
//! transcribed as informal clauses in spec-steps/ (`compartments-virtual-*`).
//!
//! A virtual module links like a Source Text Module Record whose import and export entries
//! are its `bindings` (GetExportedNames, ResolveExport and the Cyclic Module Record
//! algorithms are the same), and runs by calling `execute(importsNamespace, options)`.
//! Decisions where the prose is silent (docs/spec-issues.md):
//! - `bindings`, `execute`, `needsImport` and `needsImportMeta` are read once, when the
//!   Module is constructed, like the layer 0 hooks, and the bindings are validated then,
//!   before anything runs.
//! - A module with an `execute` has [[HasTLA]] true: whether `execute` returns a promise
//!   is known only after it runs, and ExecuteModule with a capability settles it with
//!   whatever `execute` returned (a promise is awaited, as top-level await is). A module
//!   without one runs nothing and is synchronous.
//! - `bindings` that is a single Binding object (the proposal's JSON and pass-through
//!   examples write `bindings: { export: 'default' }`) is a list of that one binding.

use super::abstract_module_records::{Module, ModuleData, ModuleKind};
use super::agents::Agent;
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::compartments::static_analysis::{
    binding_from_fields, module_info_from_bindings, validate_virtual_bindings, BindingErrorType,
    BindingFields, FieldValue, StaticBinding,
};
use super::completion_record::JsResult;
use super::environment_records::{create_import_binding, new_module_environment};
use super::module_imports_namespace_exotic_objects::module_imports_namespace_create;
use super::module_semantics::{get_imported_module, get_module_namespace, load_imported_module};
use super::module_semantics::{LoadPayload, Referrer};
use super::object_type::{Object, PropertyKey};
use super::operations_on_objects::{
    call, create_data_property_or_throw, get, length_of_array_like,
};
use super::ordinary_object_internal_methods::ordinary_object_create;
use super::promise_objects::{new_promise_capability, PromiseCapability};
use super::realms::Intrinsic;
use super::source_positions::SourceText;
use super::source_text_module_records::{resolve_export, BindingName, Resolution};
use super::string_type::JsString;
use super::testing_and_comparison::{is_array, is_callable};
use super::type_conversion::{to_boolean, to_string};
use super::value::Value;
use crate::syntax::ast::{ImportName, ImportPhase, ModuleInfo, ModuleRequest};
use boa_gc::{Finalize, Trace};
use std::sync::Arc;

/// The fields a Virtual Module Record adds to a Cyclic Module Record.
#[derive(Finalize)]
pub struct VirtualData {
    /// [[VirtualSource]]: the object given to `new Module` (the `this` of `execute`).
    pub source: Object,
    /// [[Bindings]]: its bindings, read and validated once.
    pub bindings: Vec<StaticBinding>,
    /// [[RequestedModules]] and the import and export entries the bindings amount to.
    pub info: ModuleInfo,
    /// [[Execute]]: a function object or undefined.
    pub execute: Value,
    /// [[NeedsImport]], [[NeedsImportMeta]].
    pub needs_import: bool,
    pub needs_import_meta: bool,
    /// [[ImportsNamespace]]: made by InitializeEnvironment.
    pub imports_namespace: Option<Object>,
}

// SAFETY: the bindings and entries hold no Gc pointers; every other field is traced.
unsafe impl Trace for VirtualData {
    boa_gc::custom_trace!(this, mark, {
        mark(&this.source);
        mark(&this.execute);
        mark(&this.imports_namespace);
    });
}

/// Reads one property of a binding object: absent when undefined.
fn binding_field(agent: &mut Agent, binding: &Object, key: &str) -> JsResult<Option<FieldValue>> {
    Ok(match get(agent, binding, &PropertyKey::from_str(key))? {
        Value::Undefined => None,
        Value::String(s) => Some(FieldValue::String(s.units().to_vec())),
        _ => Some(FieldValue::NotString),
    })
}

/// The JavaScript error for a binding problem.
fn binding_error(agent: &mut Agent, error_type: BindingErrorType, message: &str) -> Value {
    match error_type {
        BindingErrorType::TypeError => agent.type_error(message),
        BindingErrorType::SyntaxError => agent.syntax_error(message),
    }
}

/// CreateVirtualModuleRecord ( source ) (informal, `compartments-virtual-create`).
/// (`name` names the record, as CreateModuleRecord's does.)
pub fn create_virtual_module_record(
    agent: &mut Agent,
    source: &Object,
    name: Option<String>,
) -> JsResult<Module> {
    // 1. Let bindingsValue be ? Get(source, "bindings").
    crate::step!("compartments-virtual-create", "1");
    let bindings_value = get(agent, source, &PropertyKey::from_str("bindings"))?;
    // 2. If bindingsValue is undefined, let bindingObjects be a new empty List.
    crate::step!("compartments-virtual-create", "2");
    let binding_objects: Vec<Value> = match &bindings_value {
        Value::Undefined => Vec::new(),
        Value::Object(object) => {
            // 4. Else if ? IsArray(bindingsValue) is false, let bindingObjects be
            //    « bindingsValue ».
            crate::step!("compartments-virtual-create", "4");
            if !is_array(agent, &bindings_value)? {
                vec![bindings_value.clone()]
            } else {
                // 5. Else, let bindingObjects be ? CreateListFromArrayLike(bindingsValue).
                crate::step!("compartments-virtual-create", "5");
                let length = length_of_array_like(agent, object)?;
                let mut list = Vec::new();
                for index in 0..length {
                    let key = PropertyKey::from_string(JsString::from(index.to_string().as_str()));
                    list.push(get(agent, object, &key)?);
                }
                list
            }
        }
        _ => {
            // 3. Else if bindingsValue is not an Object, throw a TypeError exception.
            crate::step!("compartments-virtual-create", "3");
            return Err(agent.type_error(
                "new Module(source): source.bindings must be an array of bindings, a binding, or undefined",
            ));
        }
    };
    // 6. Let bindings be a new empty List.
    crate::step!("compartments-virtual-create", "6");
    let mut bindings = Vec::new();
    // 7. For each element b of bindingObjects, with index i, do
    crate::step!("compartments-virtual-create", "7");
    for (index, b) in binding_objects.iter().enumerate() {
        // a. If b is not an Object, throw a TypeError exception.
        crate::step!("compartments-virtual-create", "7.a");
        let Value::Object(b) = b else {
            return Err(agent.type_error(&format!(
                "new Module(source): source.bindings[{index}] is not an object"
            )));
        };
        // b. Let fields be the values of ? Get(b, key) for key "import", "as", "from",
        //    "export", "importAllFrom" and "exportAllFrom", in that order (undefined:
        //    absent).
        crate::step!("compartments-virtual-create", "7.b");
        let fields = BindingFields {
            import: binding_field(agent, b, "import")?,
            r#as: binding_field(agent, b, "as")?,
            from: binding_field(agent, b, "from")?,
            export: binding_field(agent, b, "export")?,
            import_all_from: binding_field(agent, b, "importAllFrom")?,
            export_all_from: binding_field(agent, b, "exportAllFrom")?,
        };
        // c. If fields is not one of the nine binding shapes, or a field of the shape is
        //    not a String, throw a TypeError exception.
        crate::step!("compartments-virtual-create", "7.c");
        match binding_from_fields(&fields) {
            Ok(binding) => {
                // d. Append the binding to bindings.
                crate::step!("compartments-virtual-create", "7.d");
                bindings.push(binding);
            }
            Err(error) => {
                let message = format!("new Module(source): source.bindings[{index}]: {error}");
                return Err(binding_error(agent, error.error_type(), &message));
            }
        }
    }
    // 8. If bindings export a name twice, import into a local name twice, or name a
    //    binding with a String that is not well-formed, throw a SyntaxError exception.
    crate::step!("compartments-virtual-create", "8");
    if let Err(error) = validate_virtual_bindings(&bindings) {
        let message = format!("new Module(source): {error}");
        return Err(binding_error(agent, error.error_type(), &message));
    }
    // 9. Let execute be ? Get(source, "execute").
    crate::step!("compartments-virtual-create", "9");
    let execute = get(agent, source, &PropertyKey::from_str("execute"))?;
    // 10. If execute is not undefined and IsCallable(execute) is false, throw a TypeError
    //     exception.
    crate::step!("compartments-virtual-create", "10");
    if !matches!(execute, Value::Undefined) && !is_callable(&execute) {
        return Err(agent.type_error("new Module(source): source.execute is not a function"));
    }
    // 11. Let needsImport be ToBoolean(? Get(source, "needsImport")).
    crate::step!("compartments-virtual-create", "11");
    let needs_import = to_boolean(&get(agent, source, &PropertyKey::from_str("needsImport"))?);
    // 12. Let needsImportMeta be ToBoolean(? Get(source, "needsImportMeta")).
    crate::step!("compartments-virtual-create", "12");
    let needs_import_meta = to_boolean(&get(
        agent,
        source,
        &PropertyKey::from_str("needsImportMeta"),
    )?);
    // 13. Let entries be the ModuleRequests, ImportEntries and sorted ExportEntries that
    //     bindings amount to (as ParseModule sorts a module's).
    crate::step!("compartments-virtual-create", "13");
    let info = module_info_from_bindings(&bindings);
    // 14. Return a Virtual Module Record { [[Realm]]: the current Realm Record,
    //     [[Status]]: new, [[HasTLA]]: (execute is not undefined), the other Cyclic Module
    //     Record fields empty, [[VirtualSource]]: source, [[Bindings]]: bindings,
    //     [[Execute]]: execute, [[NeedsImport]]: needsImport, [[NeedsImportMeta]]:
    //     needsImportMeta, [[ImportsNamespace]]: empty, and entries }.
    crate::step!("compartments-virtual-create", "14");
    let realm = agent.current_realm();
    agent.module_instance_count += 1;
    let name = name.unwrap_or_else(|| format!("virtual#{}", agent.module_instance_count));
    let has_tla = !matches!(execute, Value::Undefined);
    let module = Module::new(ModuleData::new(
        realm,
        ModuleKind::Virtual(Box::new(VirtualData {
            source: source.clone(),
            bindings,
            info,
            execute,
            needs_import,
            needs_import_meta,
            imports_namespace: None,
        })),
        has_tla,
        Value::Undefined,
        Arc::new(SourceText {
            name,
            text: Arc::from(""),
        }),
    ));
    crate::spec::event_log::status_changed(agent, &module, None);
    Ok(module)
}

/// Why a resolution is not a ResolvedBinding Record.
fn unresolvable(agent: &mut Agent, module: &Module, name: &str, resolution: &Resolution) -> Value {
    let why = match resolution {
        Resolution::Ambiguous => "is ambiguous",
        _ => "cannot be resolved",
    };
    agent.syntax_error(&format!("{}: the binding '{name}' {why}", module.name()))
}

/// InitializeEnvironment ( ) of a Virtual Module Record (informal,
/// `compartments-virtual-initialize-environment`).
pub fn virtual_initialize_environment(agent: &mut Agent, module: &Module) -> JsResult<()> {
    let info = module.info();
    // 1. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    crate::step!("compartments-virtual-initialize-environment", "1");
    for e in &info.indirect_export_entries {
        let Some(export_name) = e.export_name.as_deref().map(JsString::from_units) else {
            continue;
        };
        // a. Let resolution be module.ResolveExport(e.[[ExportName]]).
        crate::step!("compartments-virtual-initialize-environment", "1.a");
        let resolution = resolve_export(module, &export_name, &mut Vec::new());
        // b. If resolution is either null or ambiguous, throw a SyntaxError exception.
        crate::step!("compartments-virtual-initialize-environment", "1.b");
        if !matches!(resolution, Resolution::Resolved { .. }) {
            return Err(unresolvable(
                agent,
                module,
                &export_name.to_string(),
                &resolution,
            ));
        }
    }
    // 2. Let env be NewModuleEnvironment(module.[[Realm]].[[GlobalEnv]]).
    crate::step!("compartments-virtual-initialize-environment", "2");
    //    (Layer 3: module.[[Evaluators]].[[GlobalEnv]].)
    let env = new_module_environment(Some(module.evaluators().global_env()));
    // 3. Set module.[[Environment]] to env.
    crate::step!("compartments-virtual-initialize-environment", "3");
    module.data_mut().environment = Some(env.clone());
    // 4. Let names be a new empty List.
    crate::step!("compartments-virtual-initialize-environment", "4");
    let mut names: Vec<(JsString, bool)> = Vec::new();
    // 5. For each ImportEntry Record in of module.[[ImportEntries]], do
    crate::step!("compartments-virtual-initialize-environment", "5");
    for entry in &info.import_entries {
        // a. Let importedModule be GetImportedModule(module, in.[[ModuleRequest]]).
        crate::step!("compartments-virtual-initialize-environment", "5.a");
        let imported = get_imported_module(module, &info.requests[entry.module_request]);
        // b. If in.[[ImportName]] is namespace-object, then
        crate::step!("compartments-virtual-initialize-environment", "5.b");
        match &entry.import_name {
            ImportName::NamespaceObject => {
                // i. Let namespace be GetModuleNamespace(importedModule).
                crate::step!("compartments-virtual-initialize-environment", "5.b.i");
                let namespace = get_module_namespace(agent, &imported, ImportPhase::Evaluation);
                // ii. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                crate::step!("compartments-virtual-initialize-environment", "5.b.ii");
                env.create_immutable_binding(agent, &entry.local_name, true)?;
                // iii. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                crate::step!("compartments-virtual-initialize-environment", "5.b.iii");
                env.initialize_binding(agent, &entry.local_name, Value::Object(namespace))?;
            }
            ImportName::Name(import_name) => {
                // c. Else,
                crate::step!("compartments-virtual-initialize-environment", "5.c");
                // i. Let resolution be importedModule.ResolveExport(in.[[ImportName]]).
                crate::step!("compartments-virtual-initialize-environment", "5.c.i");
                let import_name = JsString::from_units(import_name);
                let resolution = resolve_export(&imported, &import_name, &mut Vec::new());
                // ii. If resolution is either null or ambiguous, throw a SyntaxError
                //     exception.
                crate::step!("compartments-virtual-initialize-environment", "5.c.ii");
                let Resolution::Resolved {
                    module: target,
                    binding_name,
                } = resolution
                else {
                    let name = import_name.to_string();
                    return Err(unresolvable(agent, module, &name, &resolution));
                };
                // iii. If resolution.[[BindingName]] is namespace, then
                crate::step!("compartments-virtual-initialize-environment", "5.c.iii");
                match binding_name {
                    // (import defer: a re-exported deferred namespace is that namespace.)
                    BindingName::Namespace | BindingName::DeferredNamespace => {
                        let phase = if binding_name == BindingName::Namespace {
                            ImportPhase::Evaluation
                        } else {
                            ImportPhase::Defer
                        };
                        // 1. Let namespace be GetModuleNamespace(resolution.[[Module]]).
                        crate::step!("compartments-virtual-initialize-environment", "5.c.iii.1");
                        let namespace = get_module_namespace(agent, &target, phase);
                        // 2. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                        crate::step!("compartments-virtual-initialize-environment", "5.c.iii.2");
                        env.create_immutable_binding(agent, &entry.local_name, true)?;
                        // 3. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                        crate::step!("compartments-virtual-initialize-environment", "5.c.iii.3");
                        let namespace = Value::Object(namespace);
                        env.initialize_binding(agent, &entry.local_name, namespace)?;
                    }
                    BindingName::Name(name) => {
                        // iv. Else,
                        crate::step!("compartments-virtual-initialize-environment", "5.c.iv");
                        // 1. Perform CreateImportBinding(env, in.[[LocalName]],
                        //    resolution.[[Module]], resolution.[[BindingName]]).
                        crate::step!("compartments-virtual-initialize-environment", "5.c.iv.1");
                        create_import_binding(&env, &entry.local_name, target, &name.to_string());
                    }
                    // Bindings cannot name a source phase import (layer 1's reading).
                    BindingName::Source => {
                        return Err(agent
                            .syntax_error("a virtual module cannot import a source phase binding"))
                    }
                }
            }
            // ImportEntries made from bindings have no ~source~ import name.
            ImportName::Source => {
                return Err(agent.syntax_error("a virtual module has no source phase imports"))
            }
        }
        // d. Append (in.[[LocalName]], not assignable) to names.
        crate::step!("compartments-virtual-initialize-environment", "5.d");
        names.push((JsString::from(entry.local_name.as_str()), false));
    }
    // 6. For each ExportEntry Record e of module.[[LocalExportEntries]], do
    crate::step!("compartments-virtual-initialize-environment", "6");
    for e in &info.local_export_entries {
        let Some(local) = e.local_name.clone() else {
            continue;
        };
        // a. If names has no entry for e.[[LocalName]], then
        crate::step!("compartments-virtual-initialize-environment", "6.a");
        let local_name = JsString::from(local.as_str());
        if names.iter().any(|(n, _)| *n == local_name) {
            continue;
        }
        // i. Perform ! env.CreateMutableBinding(e.[[LocalName]], false).
        crate::step!("compartments-virtual-initialize-environment", "6.a.i");
        env.create_mutable_binding(agent, &local, false)?;
        // ii. Perform ! env.InitializeBinding(e.[[LocalName]], undefined).
        crate::step!("compartments-virtual-initialize-environment", "6.a.ii");
        env.initialize_binding(agent, &local, Value::Undefined)?;
        // iii. Append (e.[[LocalName]], assignable) to names.
        crate::step!("compartments-virtual-initialize-environment", "6.a.iii");
        names.push((local_name, true));
    }
    // 7. Set module.[[ImportsNamespace]] to ModuleImportsNamespaceCreate(module, names).
    crate::step!("compartments-virtual-initialize-environment", "7");
    let namespace = module_imports_namespace_create(module, names);
    if let ModuleKind::Virtual(data) = &mut module.data_mut().kind {
        data.imports_namespace = Some(namespace);
    }
    // 8. Return unused.
    crate::step!("compartments-virtual-initialize-environment", "8");
    Ok(())
}

/// The `import` function ExecuteModule gives `execute` (step 4.a's closure).
fn virtual_import(agent: &mut Agent, call: &BuiltinCall, module: &Module) -> JsResult<Value> {
    // i. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    crate::step!("compartments-virtual-execute-module", "4.a.i");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let capability = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    let specifier = call.arg(0);
    super::event_log::name_promise(agent, &capability.promise, || {
        super::event_log::import_call_name(&specifier)
    });
    // ii. Let specifierString be Completion(ToString(specifier)).
    crate::step!("compartments-virtual-execute-module", "4.a.ii");
    // iii. IfAbruptRejectPromise(specifierString, promiseCapability).
    crate::step!("compartments-virtual-execute-module", "4.a.iii");
    let specifier = match to_string(agent, &specifier) {
        Ok(s) => s,
        Err(error) => {
            let _ = call_function(agent, &capability.reject, error);
            return Ok(Value::Object(capability.promise));
        }
    };
    // iv. Perform LoadImportedModule(module, the ModuleRequest Record { [[Specifier]]:
    //     specifierString, [[Attributes]]: « », [[Phase]]: evaluation }, empty,
    //     promiseCapability).
    crate::step!("compartments-virtual-execute-module", "4.a.iv");
    let request = ModuleRequest {
        specifier: specifier.units().to_vec(),
        attributes: Vec::new(),
        phase: ImportPhase::Evaluation,
    };
    load_imported_module(
        agent,
        Referrer::Module(module.clone()),
        &request,
        Value::Undefined,
        LoadPayload::PromiseCapability(capability.clone()),
    );
    // v. Return promiseCapability.[[Promise]].
    crate::step!("compartments-virtual-execute-module", "4.a.v");
    Ok(Value::Object(capability.promise))
}

fn call_function(agent: &mut Agent, f: &Value, argument: Value) -> JsResult<Value> {
    call(agent, f, &Value::Undefined, &[argument])
}

/// ExecuteModule ( [ capability ] ) of a Virtual Module Record (informal,
/// `compartments-virtual-execute-module`).
pub fn virtual_execute_module(
    agent: &mut Agent,
    module: &Module,
    capability: Option<PromiseCapability>,
) -> JsResult<()> {
    // 1. Let execute be module.[[Execute]].
    crate::step!("compartments-virtual-execute-module", "1");
    let (source, execute, needs_import, needs_import_meta, namespace) = match &module.data().kind {
        ModuleKind::Virtual(data) => (
            data.source.clone(),
            data.execute.clone(),
            data.needs_import,
            data.needs_import_meta,
            data.imports_namespace.clone(),
        ),
        _ => return Ok(()),
    };
    // 2. If execute is undefined, then
    crate::step!("compartments-virtual-execute-module", "2");
    if matches!(execute, Value::Undefined) {
        // a. If capability is present, perform ! Call(capability.[[Resolve]], undefined,
        //    « undefined »).
        crate::step!("compartments-virtual-execute-module", "2.a");
        if let Some(capability) = &capability {
            let _ = call_function(agent, &capability.resolve, Value::Undefined);
        }
        // b. Return unused.
        crate::step!("compartments-virtual-execute-module", "2.b");
        return Ok(());
    }
    let result = call_execute(
        agent,
        module,
        source,
        execute,
        needs_import,
        needs_import_meta,
        namespace,
    );
    // 8. If capability is present, then
    crate::step!("compartments-virtual-execute-module", "8");
    if let Some(capability) = capability {
        match result {
            // a. If result is an abrupt completion, perform ! Call(capability.[[Reject]],
            //    undefined, « result.[[Value]] »).
            Err(error) => {
                crate::step!("compartments-virtual-execute-module", "8.a");
                let _ = call_function(agent, &capability.reject, error);
            }
            // b. Else, perform ! Call(capability.[[Resolve]], undefined,
            //    « result.[[Value]] »).
            Ok(value) => {
                crate::step!("compartments-virtual-execute-module", "8.b");
                let _ = call_function(agent, &capability.resolve, value);
            }
        }
        // c. Return unused.
        crate::step!("compartments-virtual-execute-module", "8.c");
        return Ok(());
    }
    // 9. Return ? result.
    crate::step!("compartments-virtual-execute-module", "9");
    result.map(|_| ())
}

/// ExecuteModule steps 3-7: build the options and call `execute`; the completion of any
/// of them is `result`.
fn call_execute(
    agent: &mut Agent,
    module: &Module,
    source: Object,
    execute: Value,
    needs_import: bool,
    needs_import_meta: bool,
    namespace: Option<Object>,
) -> JsResult<Value> {
    // 3. Let options be OrdinaryObjectCreate(%Object.prototype%).
    crate::step!("compartments-virtual-execute-module", "3");
    let realm = module.realm();
    let options = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    // 4. If module.[[NeedsImport]] is true, then
    crate::step!("compartments-virtual-execute-module", "4");
    if needs_import {
        // a. Let importFunction be a new built-in function with one parameter (specifier)
        //    that captures module and performs the following steps when called:
        crate::step!("compartments-virtual-execute-module", "4.a");
        let import_function = builtin_closure(agent, virtual_import, 1.0, module.clone());
        // b. Perform ! CreateDataPropertyOrThrow(options, "import", importFunction).
        crate::step!("compartments-virtual-execute-module", "4.b");
        create_data_property_or_throw(
            agent,
            &options,
            &PropertyKey::from_str("import"),
            Value::Object(import_function),
        )?;
    }
    // 5. If module.[[NeedsImportMeta]] is true, then
    crate::step!("compartments-virtual-execute-module", "5");
    if needs_import_meta {
        // a. Let importMeta be ? the import.meta object of module (ImportMeta evaluation
        //    steps 3-5, with module as the active module).
        crate::step!("compartments-virtual-execute-module", "5.a");
        let import_meta = super::module_semantics::module_import_meta(agent, module)?;
        // b. Perform ! CreateDataPropertyOrThrow(options, "importMeta", importMeta).
        crate::step!("compartments-virtual-execute-module", "5.b");
        create_data_property_or_throw(
            agent,
            &options,
            &PropertyKey::from_str("importMeta"),
            Value::Object(import_meta),
        )?;
    }
    // 6. Perform ! CreateDataPropertyOrThrow(options, "globalThis",
    //    module.[[Realm]].[[GlobalObject]]). (Layer 3: module.[[Evaluators]]'s.)
    crate::step!("compartments-virtual-execute-module", "6");
    let global = module.evaluators().global_object();
    create_data_property_or_throw(
        agent,
        &options,
        &PropertyKey::from_str("globalThis"),
        Value::Object(global),
    )?;
    // 7. Let result be Completion(Call(execute, module.[[VirtualSource]],
    //    « module.[[ImportsNamespace]], options »)).
    crate::step!("compartments-virtual-execute-module", "7");
    let namespace = namespace.map_or(Value::Undefined, Value::Object);
    let this = Value::Object(source);
    let arguments = [namespace, Value::Object(options)];
    let result = call(agent, &execute, &this, &arguments);
    let owner = super::module_semantics::Referrer::Module(module.clone());
    crate::spec::event_log::hook_called(agent, "execute", &owner, &this, &arguments, &result);
    result
}
