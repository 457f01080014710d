//! Compartments layer 4: interpreting a module descriptor (informal C4.5
//! `compartments-interpret-descriptor`), instantiating a module source in a compartment
//! with its `import.meta` (C4.6 `compartments-instantiate`), and what a start compartment
//! does through the host.
//!
//! Every descriptor form of the proposal's Interface is taken, with the readings
//! docs/spec-issues.md lists: `{ record }` and `{ source }` both take a ModuleSource or a
//! virtual module source; `{ instance: string, compartment }` (the text's examples) is the
//! Interface's `{ namespace: string, compartment }`.

use super::compartment_records::{
    alias_cycle, compartment_load, wait_for, would_wait_in_sync_load, Arrival, Compartment,
    LoadOutcome, MemoEntry,
};
use crate::spec::abstract_module_records::{CompartmentLink, Module, ModuleKind};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{builtin_closure, BuiltinCall};
use crate::spec::builtins::module_objects::{create_module_record, ModuleInstanceData};
use crate::spec::builtins::module_source_objects::{module_source_slot, ModuleSourceRecord};
use crate::spec::completion_record::JsResult;
use crate::spec::module_namespace_exotic_objects::namespace_module;
use crate::spec::module_semantics::Referrer;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    create_array_from_list, create_data_property_or_throw, enumerable_own_properties, get, set,
    EnumerableKind,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, ordinary_object_create_with,
};
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::JsString;
use crate::spec::value::Value;
use crate::spec::virtual_module_records::create_virtual_module_record;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use boa_gc::{Finalize, Trace};
use std::sync::Arc;

/// The source a compartment instantiates: a Module Source Record (with the ModuleSource
/// object it came from, when there is one) or a virtual module source object.
#[derive(Clone)]
pub enum InstantiableSource {
    ModuleSource(Arc<ModuleSourceRecord>, Option<Object>),
    Virtual(Object),
}

/// InterpretDescriptor ( compartment, fullSpecifier, descriptor ) (C4.5).
pub fn interpret_descriptor(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    descriptor: Value,
) -> LoadOutcome {
    match interpret_descriptor_steps(agent, compartment, key, descriptor) {
        Ok(outcome) => outcome,
        Err(error) => LoadOutcome::Failed(error),
    }
}

fn interpret_descriptor_steps(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    descriptor: Value,
) -> JsResult<LoadOutcome> {
    // 1. If descriptor is not an Object, throw a TypeError exception.
    crate::step!("compartments-interpret-descriptor", "1");
    let Value::Object(descriptor) = descriptor else {
        return Err(agent.type_error(&format!(
            "the module descriptor for '{key}' in {} is {}, not an object",
            compartment.name(),
            crate::spec::event_log::brief(&descriptor)
        )));
    };
    // 2. Let record be ? Get(descriptor, "record").
    crate::step!("compartments-interpret-descriptor", "2");
    let record = get(agent, &descriptor, &PropertyKey::from_str("record"))?;
    // 3. Let source be ? Get(descriptor, "source").
    crate::step!("compartments-interpret-descriptor", "3");
    let source = get(agent, &descriptor, &PropertyKey::from_str("source"))?;
    // 4. Let namespace be ? Get(descriptor, "namespace").
    crate::step!("compartments-interpret-descriptor", "4");
    let namespace = get(agent, &descriptor, &PropertyKey::from_str("namespace"))?;
    // 5. Let instance be ? Get(descriptor, "instance"). (SPEC ISSUE: the form the text's
    //    examples use; it is { namespace: string, compartment }.)
    crate::step!("compartments-interpret-descriptor", "5");
    let instance = get(agent, &descriptor, &PropertyKey::from_str("instance"))?;
    // 6. If record is not undefined (it must be an Object, else throw a TypeError
    //    exception), or source is an Object, then
    crate::step!("compartments-interpret-descriptor", "6");
    let module_source = match (&record, &source) {
        (Value::Undefined, source) => source.clone(),
        (Value::Object(_), _) => record.clone(),
        (record, _) => {
            return Err(agent.type_error(&format!(
                "the module descriptor for '{key}' in {}: record must be a ModuleSource or a \
                 virtual module source, not {}",
                compartment.name(),
                crate::spec::event_log::brief(record)
            )))
        }
    };
    if let Value::Object(module_source) = module_source {
        // a. Let specifier be ? Get(descriptor, "specifier"); if it is not undefined, set
        //    it to ? ToString(specifier).
        crate::step!("compartments-interpret-descriptor", "6.a");
        let specifier = get(agent, &descriptor, &PropertyKey::from_str("specifier"))?;
        let specifier = match specifier {
            Value::Undefined => None,
            other => Some(crate::spec::type_conversion::to_string(agent, &other)?.to_rust_string()),
        };
        // b. Let importMeta be ? Get(descriptor, "importMeta").
        crate::step!("compartments-interpret-descriptor", "6.b");
        let import_meta = read_import_meta(agent, compartment, &descriptor, key)?;
        // c. Let instantiable be moduleSource.[[ModuleSource]] if it has that slot, else
        //    moduleSource itself (a virtual module source).
        crate::step!("compartments-interpret-descriptor", "6.c");
        let instantiable = match module_source_slot(&Value::Object(module_source.clone())) {
            Some(record) => InstantiableSource::ModuleSource(record, Some(module_source)),
            None => InstantiableSource::Virtual(module_source),
        };
        crate::spec::event_log::descriptor_interpreted(agent, compartment, key, "source");
        // d. Return ? Instantiate(compartment, fullSpecifier, instantiable, specifier,
        //    importMeta).
        crate::step!("compartments-interpret-descriptor", "6.d");
        return instantiate_canonical(
            agent,
            compartment,
            key,
            instantiable,
            specifier,
            import_meta,
        );
    }
    // 7. If source is a String, then
    crate::step!("compartments-interpret-descriptor", "7");
    if let Value::String(source) = &source {
        // a. Let importMeta be ? Get(descriptor, "importMeta").
        crate::step!("compartments-interpret-descriptor", "7.a");
        let import_meta = read_import_meta(agent, compartment, &descriptor, key)?;
        crate::spec::event_log::descriptor_interpreted(agent, compartment, key, "source string");
        // b. Return ParentSource(compartment, fullSpecifier, source, importMeta).
        crate::step!("compartments-interpret-descriptor", "7.b");
        return Ok(parent_source(
            agent,
            compartment,
            key,
            source.to_rust_string(),
            import_meta,
        ));
    }
    if !source.is_undefined() {
        return Err(agent.type_error(&format!(
            "the module descriptor for '{key}' in {}: source must be a ModuleSource, a \
             virtual module source or a string, not {}",
            compartment.name(),
            crate::spec::event_log::brief(&source)
        )));
    }
    // 8. If namespace is undefined, set namespace to instance.
    crate::step!("compartments-interpret-descriptor", "8");
    let namespace = if namespace.is_undefined() {
        instance
    } else {
        namespace
    };
    match namespace {
        // 9. If namespace is a String, then
        Value::String(other_key) => {
            crate::step!("compartments-interpret-descriptor", "9");
            // a. Let other be ? Get(descriptor, "compartment"); if it is undefined, set
            //    other to compartment; else if it has no [[Compartment]] slot, throw a
            //    TypeError exception.
            crate::step!("compartments-interpret-descriptor", "9.a");
            let other = get(agent, &descriptor, &PropertyKey::from_str("compartment"))?;
            let other = match other {
                Value::Undefined => compartment.clone(),
                value => match crate::spec::builtins::compartment_objects::compartment_of(&value) {
                    Some(other) => other,
                    None => {
                        return Err(agent.type_error(&format!(
                            "the module descriptor for '{key}' in {}: compartment must be a \
                             Compartment, not {}",
                            compartment.name(),
                            crate::spec::event_log::brief(&value)
                        )))
                    }
                },
            };
            let other_key = other_key.to_rust_string();
            // b. If other is compartment and the String is fullSpecifier, throw a TypeError
            //    exception.
            crate::step!("compartments-interpret-descriptor", "9.b");
            if other == *compartment && other_key == key {
                return Err(agent.type_error(&format!(
                    "the module descriptor for '{key}' in {} is an alias of itself",
                    compartment.name()
                )));
            }
            crate::spec::event_log::descriptor_interpreted(
                agent,
                compartment,
                key,
                "namespace string",
            );
            // c. Return Alias(compartment, fullSpecifier, Load(other, the String)): the
            //    very module other has, live bindings and all.
            crate::step!("compartments-interpret-descriptor", "9.c");
            let outcome = compartment_load(agent, &other, &other_key);
            Ok(memoise_outcome(
                agent,
                compartment,
                key,
                outcome,
                Some((other, other_key)),
            ))
        }
        // 10. If namespace is an Object, then
        Value::Object(namespace) => {
            crate::step!("compartments-interpret-descriptor", "10");
            // a. If namespace is a module namespace exotic object, let module be
            //    namespace.[[Module]].
            crate::step!("compartments-interpret-descriptor", "10.a");
            let module = match namespace_module(&namespace) {
                Some(module) => {
                    crate::spec::event_log::descriptor_interpreted(
                        agent,
                        compartment,
                        key,
                        "namespace object",
                    );
                    module
                }
                // b. Else, let module be ? NamespaceSnapshot(compartment, fullSpecifier,
                //    namespace).
                None => {
                    crate::step!("compartments-interpret-descriptor", "10.b");
                    crate::spec::event_log::descriptor_interpreted(
                        agent,
                        compartment,
                        key,
                        "namespace snapshot",
                    );
                    namespace_snapshot(agent, compartment, key, &namespace)?
                }
            };
            // c. Set compartment.[[Memo]][fullSpecifier] to module; return module.
            crate::step!("compartments-interpret-descriptor", "10.c");
            compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
            Ok(LoadOutcome::Ready(module))
        }
        // 11. Throw a TypeError exception.
        other => {
            crate::step!("compartments-interpret-descriptor", "11");
            Err(agent.type_error(&format!(
                "the module descriptor for '{key}' in {} has no record, source or namespace \
                 (namespace is {})",
                compartment.name(),
                crate::spec::event_log::brief(&other)
            )))
        }
    }
}

/// The default descriptor of a compartment without a loadHook: `{ source: fullSpecifier }`
/// (C4.3 step 4).
pub fn interpret_default_descriptor(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
) -> LoadOutcome {
    crate::spec::event_log::descriptor_interpreted(
        agent,
        compartment,
        key,
        "default (parent's source)",
    );
    parent_source(agent, compartment, key, key.to_string(), None)
}

/// The descriptor's importMeta: undefined or an object.
fn read_import_meta(
    agent: &mut Agent,
    compartment: &Compartment,
    descriptor: &Object,
    key: &str,
) -> JsResult<Option<Object>> {
    match get(agent, descriptor, &PropertyKey::from_str("importMeta"))? {
        Value::Undefined => Ok(None),
        Value::Object(import_meta) => Ok(Some(import_meta)),
        other => Err(agent.type_error(&format!(
            "the module descriptor for '{key}' in {}: importMeta must be an object, not {}",
            compartment.name(),
            crate::spec::event_log::brief(&other)
        ))),
    }
}

/// Memoises, for `key`, the module another load gives (an alias), now or when it settles.
fn memoise_outcome(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    outcome: LoadOutcome,
    target: Option<(Compartment, String)>,
) -> LoadOutcome {
    match outcome {
        LoadOutcome::Ready(module) => {
            compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
            LoadOutcome::Ready(module)
        }
        LoadOutcome::Failed(error) => LoadOutcome::Failed(error),
        LoadOutcome::Pending(inner) => {
            if would_wait_in_sync_load(agent, compartment, key) {
                return LoadOutcome::Pending(inner);
            }
            if let Some((other, other_key)) = &target {
                if alias_cycle(compartment, key, other, other_key) {
                    return LoadOutcome::Failed(agent.type_error(&format!(
                        "module descriptors form a cycle: '{key}' in {} waits for '{other_key}' \
                         in {}, which waits for it",
                        compartment.name(),
                        other.name()
                    )));
                }
            }
            let capability = wait_for(
                agent,
                compartment,
                key,
                &inner.promise,
                Arrival::Alias,
                target,
            );
            LoadOutcome::Pending(capability)
        }
    }
}

/// ParentSource ( compartment, fullSpecifier, parentSpecifier, importMeta ) (C4.5 step
/// 7.b): the parent compartment loads `parent_key` — that module only, not its
/// dependencies — and this compartment instantiates its source anew.
fn parent_source(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    parent_key: String,
    import_meta: Option<Object>,
) -> LoadOutcome {
    let Some(parent) = compartment.0.parent.clone() else {
        return LoadOutcome::Failed(agent.type_error("a start compartment has no parent"));
    };
    match compartment_load(agent, &parent, &parent_key) {
        LoadOutcome::Ready(module) => {
            match instantiate_from_module(agent, compartment, key, &module, import_meta) {
                Ok(module) => LoadOutcome::Ready(module),
                Err(error) => LoadOutcome::Failed(error),
            }
        }
        LoadOutcome::Failed(error) => LoadOutcome::Failed(error),
        LoadOutcome::Pending(inner) => {
            if would_wait_in_sync_load(agent, compartment, key) {
                return LoadOutcome::Pending(inner);
            }
            let arrival = Arrival::ParentSource(import_meta);
            let capability = wait_for(agent, compartment, key, &inner.promise, arrival, None);
            LoadOutcome::Pending(capability)
        }
    }
}

/// The source of a module another compartment (or the host) has: its Module Source Record
/// (with the module's [[ModuleSource]] object, when it has one) or virtual module source.
fn source_of(module: &Module) -> Option<InstantiableSource> {
    if let Some(code) = module.ecmascript_code() {
        let object = module.data().module_source.clone();
        return Some(InstantiableSource::ModuleSource(
            Arc::new(ModuleSourceRecord {
                ecmascript_code: code,
                source: module.source(),
            }),
            object,
        ));
    }
    match &module.data().kind {
        ModuleKind::Virtual(data) => Some(InstantiableSource::Virtual(data.source.clone())),
        _ => None,
    }
}

pub fn instantiate_from_module(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    module: &Module,
    import_meta: Option<Object>,
) -> JsResult<Module> {
    let Some(source) = source_of(module) else {
        return Err(agent.type_error(&format!(
            "'{key}' of {} has no module source to instantiate in {}",
            compartment
                .0
                .parent
                .as_ref()
                .map_or("the host".to_string(), Compartment::name),
            compartment.name()
        )));
    };
    let module = instantiate(agent, compartment, key, source, None, import_meta)?;
    compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
    Ok(module)
}

/// Instantiate for a descriptor with an optional `specifier`: when the specifier is
/// already in the memo, its module serves `key` too (one module per ultimate full
/// specifier); else the new module is memoised under both.
fn instantiate_canonical(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    source: InstantiableSource,
    specifier: Option<String>,
    import_meta: Option<Object>,
) -> JsResult<LoadOutcome> {
    if let Some(canonical) = specifier.as_deref().filter(|s| *s != key) {
        if compartment.0.memo.borrow().contains_key(canonical) {
            let outcome = compartment_load(agent, compartment, canonical);
            let target = Some((compartment.clone(), canonical.to_string()));
            return Ok(memoise_outcome(agent, compartment, key, outcome, target));
        }
    }
    let module = instantiate(
        agent,
        compartment,
        key,
        source,
        specifier.clone(),
        import_meta,
    )?;
    compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
    if let Some(canonical) = specifier.filter(|s| s != key) {
        compartment.memo_set(agent, &canonical, MemoEntry::Loaded(module.clone()));
    }
    Ok(LoadOutcome::Ready(module))
}

/// Instantiate ( compartment, fullSpecifier, source, specifier, importMeta ) (C4.6): a new
/// Module Record of `source` that runs in the compartment's Evaluators, whose imports the
/// compartment resolves against `specifier` (or the full specifier), and whose import.meta
/// — made only when the source needs it — is a null-prototype object with the
/// descriptor's importMeta copied onto it with [[Set]].
pub fn instantiate(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    source: InstantiableSource,
    specifier: Option<String>,
    import_meta: Option<Object>,
) -> JsResult<Module> {
    // 1. If source is a Module Source Record, let module be ! CreateModuleRecord(source);
    //    else let module be ? CreateVirtualModuleRecord(source).
    crate::step!("compartments-instantiate", "1");
    let referrer_specifier = specifier.unwrap_or_else(|| key.to_string());
    let name = Some(format!("{}:{}", compartment.name(), referrer_specifier));
    let (module, needs_import_meta) = match &source {
        InstantiableSource::ModuleSource(record, object) => {
            let needs = crate::spec::compartments::static_analysis::needs_import_meta(
                &record.ecmascript_code,
            );
            let module = create_module_record(agent, record, name);
            // SPEC ISSUE (the merge with source phase imports, as in `new Module`): the
            // record's [[ModuleSource]] is the ModuleSource object it was made from — the
            // descriptor's, or the parent module's — so that `import source` and
            // `import.source` of it give that object (docs/spec-issues.md).
            module.data_mut().module_source = object.clone();
            (module, needs)
        }
        InstantiableSource::Virtual(object) => {
            let module = create_virtual_module_record(agent, object, name)?;
            let needs = match &module.data().kind {
                ModuleKind::Virtual(data) => data.needs_import_meta,
                _ => false,
            };
            (module, needs)
        }
    };
    // 2. Set module.[[Evaluators]] to compartment.[[Evaluators]].
    crate::step!("compartments-instantiate", "2");
    // 3. Set module's compartment link to compartment and specifier (or fullSpecifier if
    //    specifier is undefined): its imports are resolved by the compartment (C4.4).
    crate::step!("compartments-instantiate", "3");
    {
        let mut data = module.data_mut();
        data.evaluators = compartment.evaluators();
        data.compartment = Some(CompartmentLink {
            compartment: compartment.clone(),
            specifier: referrer_specifier,
        });
    }
    // 4. If the source needs import.meta (its needsImportMeta), then
    crate::step!("compartments-instantiate", "4");
    if needs_import_meta {
        // a. Let meta be OrdinaryObjectCreate(null).
        crate::step!("compartments-instantiate", "4.a");
        let meta = ordinary_object_create(None);
        // b. If importMeta is not undefined, then for each own enumerable property key k
        //    of importMeta, perform ? Set(meta, k, ? Get(importMeta, k), true).
        crate::step!("compartments-instantiate", "4.b");
        if let Some(import_meta) = import_meta {
            copy_with_set(agent, &import_meta, &meta)?;
        }
        // c. Set module.[[ImportMeta]] to meta.
        crate::step!("compartments-instantiate", "4.c");
        module.data_mut().import_meta = Some(meta);
    }
    // 5. Return module.
    crate::step!("compartments-instantiate", "5");
    Ok(module)
}

/// Object.assign(target, source) for one source: each own enumerable property (string and
/// symbol keys, in [[OwnPropertyKeys]] order) read with [[Get]] and written with [[Set]].
pub fn copy_with_set(agent: &mut Agent, source: &Object, target: &Object) -> JsResult<()> {
    for key in source.own_property_keys(agent)? {
        let Some(desc) = source.get_own_property(agent, &key)? else {
            continue;
        };
        if desc.enumerable != Some(true) {
            continue;
        }
        let value = get(agent, source, &key)?;
        set(agent, target, &key, value, true)?;
    }
    Ok(())
}

/// NamespaceSnapshot ( compartment, fullSpecifier, object ) (C4.5 step 10.b): a virtual
/// module exporting a frozen snapshot of the object's own enumerable string-keyed
/// properties, read now.
fn namespace_snapshot(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    object: &Object,
) -> JsResult<Module> {
    let entries = enumerable_own_properties(agent, object, EnumerableKind::KeyValue)?;
    let mut bindings = Vec::new();
    let mut names = Vec::new();
    let mut values = Vec::new();
    for entry in entries {
        let Value::Object(pair) = entry else { continue };
        let name = get(agent, &pair, &PropertyKey::Index(0))?;
        let value = get(agent, &pair, &PropertyKey::Index(1))?;
        let binding = agent.ordinary_object();
        create_data_property_or_throw(
            agent,
            &binding,
            &PropertyKey::from_str("export"),
            name.clone(),
        )?;
        bindings.push(Value::Object(binding));
        names.push(name);
        values.push(value);
    }
    let source = agent.ordinary_object();
    let bindings = create_array_from_list(agent, bindings);
    create_data_property_or_throw(
        agent,
        &source,
        &PropertyKey::from_str("bindings"),
        Value::Object(bindings),
    )?;
    let execute = builtin_closure(agent, snapshot_execute, 1.0, Snapshot { names, values });
    create_data_property_or_throw(
        agent,
        &source,
        &PropertyKey::from_str("execute"),
        Value::Object(execute),
    )?;
    let module = instantiate(
        agent,
        compartment,
        key,
        InstantiableSource::Virtual(source),
        None,
        None,
    )?;
    // The snapshot's execute is ours and synchronous: the module has nothing to await, so it
    // is not [[HasTLA]] (a virtual module with an execute is, in general: layer 2's reading).
    module.data_mut().has_tla = false;
    Ok(module)
}

/// The exported names and values of a namespace snapshot.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Snapshot {
    names: Vec<Value>,
    values: Vec<Value>,
}

/// The `execute` of a namespace snapshot: sets each export to its value.
fn snapshot_execute(agent: &mut Agent, call: &BuiltinCall, snapshot: &Snapshot) -> JsResult<Value> {
    let Value::Object(namespace) = call.arg(0) else {
        return Ok(Value::Undefined);
    };
    for (name, value) in snapshot.names.iter().zip(&snapshot.values) {
        let key = crate::spec::type_conversion::to_property_key(agent, name)?;
        set(agent, &namespace, &key, value.clone(), true)?;
    }
    Ok(Value::Undefined)
}

/// The Module instance of `module` (made, with no handler or hooks, when it has none): what
/// a compartment's loads settle with, as an importHook's promise would.
pub fn module_instance_of(agent: &mut Agent, module: &Module) -> Object {
    if let Some(instance) = module.data().module_instance.clone() {
        return instance;
    }
    let realm = module.realm();
    let instance = ordinary_object_create_with(
        Some(realm.intrinsic(Intrinsic::ModulePrototype)),
        ObjectKind::ModuleInstance(Box::new(ModuleInstanceData {
            module: module.clone(),
            module_source_instance: Value::Undefined,
            handler: Value::Undefined,
            import_hook: Value::Undefined,
            import_meta_hook: Value::Undefined,
            import_meta: Value::Undefined,
        })),
    );
    let _ = agent;
    module.data_mut().module_instance = Some(instance.clone());
    instance
}

/// A start compartment's load: HostLoadImportedModule for `key` with the realm as the
/// referrer, answered synchronously by the host's module loader.
pub fn host_load(agent: &mut Agent, compartment: &Compartment, key: &str) -> JsResult<Module> {
    let request = ModuleRequest {
        specifier: JsString::from(key).units().to_vec(),
        attributes: Vec::new(),
        phase: ImportPhase::Evaluation,
    };
    let referrer = Referrer::Realm(compartment.realm());
    crate::spec::event_log::load_requested(agent, &referrer, &request);
    let result = match agent.module_loader.clone() {
        Some(loader) => loader.load(agent, &referrer, &request),
        None => Err(agent.type_error(&format!(
            "cannot load '{key}' in {}: this host has no module loader",
            compartment.name()
        ))),
    };
    crate::spec::event_log::load_finished(agent, &referrer, &request, &result);
    result
}

/// A start compartment's resolution: the host's (a relative specifier against the
/// referrer's directory for the file-system host).
pub fn host_resolve(agent: &mut Agent, import_specifier: &str, referrer: Option<&str>) -> String {
    match agent.module_loader.clone() {
        Some(loader) => loader.resolve(import_specifier, referrer),
        None => import_specifier.to_string(),
    }
}
