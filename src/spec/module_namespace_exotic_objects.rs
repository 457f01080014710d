//! 10.4.6 Module Namespace Exotic Objects (sec-module-namespace-exotic-objects), with the
//! import defer proposal's deferred namespaces: [[Deferred]], IsSymbolLikeNamespaceKey,
//! GetModuleExportsList and ReadyForSyncExecution.

use super::abstract_module_records::{Module, ModuleStatus};
use super::agents::Agent;
use super::completion_record::JsResult;
use super::cyclic_module_records::{evaluate_module_sync, is_module_scc_evaluated};
use super::immutable_prototype_exotic_objects::set_immutable_prototype;
use super::module_lists::ModuleList;
use super::module_semantics::{get_imported_module, get_module_namespace};
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, Property, PropertyKey};
use super::ordinary_object_internal_methods::{
    ordinary_define_own_property, ordinary_delete, ordinary_get, ordinary_get_own_property,
    ordinary_has_property, ordinary_object_create_with, ordinary_own_property_keys_of,
    ORDINARY_METHODS,
};
use super::property_descriptor::PropertyDescriptor;
use super::source_text_module_records::{resolve_export, BindingName, Resolution};
use super::string_type::JsString;
use super::testing_and_comparison::same_value;
use super::value::Value;
use crate::syntax::ast::ImportPhase;
use boa_gc::{Finalize, Trace};

/// The internal slots of a module namespace exotic object (Table 29).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct NamespaceData {
    /// [[Module]].
    pub module: Module,
    /// [[Exports]]: the exported names, sorted by code units.
    #[unsafe_ignore_trace]
    pub exports: Vec<JsString>,
    /// [[Deferred]] (import defer): whether the namespace came from `import defer` or
    /// `import.defer()`.
    #[unsafe_ignore_trace]
    pub deferred: bool,
}

pub static MODULE_NAMESPACE_METHODS: InternalMethods = InternalMethods {
    get_prototype_of: namespace_get_prototype_of,
    set_prototype_of: namespace_set_prototype_of,
    is_extensible: namespace_is_extensible,
    prevent_extensions: namespace_prevent_extensions,
    get_own_property: namespace_get_own_property,
    define_own_property: namespace_define_own_property,
    has_property: namespace_has_property,
    get: namespace_get,
    set: namespace_set,
    delete: namespace_delete,
    own_property_keys: namespace_own_property_keys,
    ..ORDINARY_METHODS
};

fn namespace_data(o: &Object) -> (Module, Vec<JsString>) {
    match &o.data().kind {
        ObjectKind::ModuleNamespace(n) => (n.module.clone(), n.exports.clone()),
        _ => unreachable!("a module namespace exotic object"),
    }
}

/// O.[[Module]] when O is a module namespace exotic object (the brand check of a
/// `{ namespace }` module descriptor, Compartments layer 4).
pub fn namespace_module(o: &Object) -> Option<Module> {
    match &o.data().kind {
        ObjectKind::ModuleNamespace(n) => Some(n.module.clone()),
        _ => None,
    }
}

/// O.[[Deferred]].
fn is_deferred(o: &Object) -> bool {
    match &o.data().kind {
        ObjectKind::ModuleNamespace(n) => n.deferred,
        _ => false,
    }
}

/// Whether `exports` (a List the caller got from GetModuleExportsList) contains P (a
/// String key).
fn exports_contain(exports: &[JsString], p: &PropertyKey) -> Option<JsString> {
    let name = p.as_string()?;
    exports.iter().find(|e| **e == name).cloned()
}

/// IsSymbolLikeNamespaceKey ( P, O ) (import defer): whether P is handled by the ordinary
/// methods without looking at (or evaluating) the module.
pub fn is_symbol_like_namespace_key(p: &PropertyKey, o: &Object) -> bool {
    // 1. If P is a Symbol, return true.
    crate::step!("sec-IsSymbolLikeNamespaceKey", "1");
    if p.is_symbol() {
        return true;
    }
    // 2. If ns.[[Deferred]] is true and P is "then", return true. (`ns` is O.)
    crate::step!("sec-IsSymbolLikeNamespaceKey", "2");
    if is_deferred(o)
        && p.as_string()
            .is_some_and(|name| name == JsString::from("then"))
    {
        return true;
    }
    // 3. Return false.
    crate::step!("sec-IsSymbolLikeNamespaceKey", "3");
    false
}

/// GetModuleExportsList ( O ) (import defer): O.[[Exports]], after evaluating the module
/// of a deferred namespace.
pub fn get_module_exports_list(agent: &mut Agent, o: &Object) -> JsResult<Vec<JsString>> {
    // 1. If O.[[Deferred]] is true, then
    crate::step!("sec-GetModuleExportsList", "1");
    if is_deferred(o) {
        // a. Let m be O.[[Module]].
        crate::step!("sec-GetModuleExportsList", "1.a");
        let (m, _) = namespace_data(o);
        // b. If m is a Cyclic Module Record, m.[[Status]] is not evaluated, and
        //    ReadyForSyncExecution(m) is false, throw a TypeError exception.
        crate::step!("sec-GetModuleExportsList", "1.b");
        if m.is_cyclic()
            && m.status() != ModuleStatus::Evaluated
            && !ready_for_sync_execution(&m, &mut ModuleList::new())
        {
            return Err(agent.type_error(&format!(
                "the deferred module '{}' cannot be evaluated synchronously now: it or one of \
                 its dependencies is being evaluated or has top-level await",
                m.name()
            )));
        }
        // c. Perform ? EvaluateModuleSync(m).
        crate::step!("sec-GetModuleExportsList", "1.c");
        evaluate_module_sync(agent, &m)?;
    }
    // 2. Return O.[[Exports]].
    crate::step!("sec-GetModuleExportsList", "2");
    Ok(namespace_data(o).1)
}

/// ReadyForSyncExecution ( module [ , seen ] ) (import defer): whether module and its
/// dependencies can be evaluated synchronously now (none is evaluating, none has
/// top-level await). `seen` starts empty (step 2).
pub fn ready_for_sync_execution(module: &Module, seen: &mut ModuleList) -> bool {
    // 1. If module is not a Cyclic Module Record, return true.
    crate::step!("sec-ReadyForSyncExecution", "1");
    if !module.is_cyclic() {
        return true;
    }
    // 2. If seen is not present, set seen to a new empty List.
    crate::step!("sec-ReadyForSyncExecution", "2");
    // 3. If seen contains module, return true.
    crate::step!("sec-ReadyForSyncExecution", "3");
    if seen.contains(module) {
        return true;
    }
    // 4. Append module to seen.
    crate::step!("sec-ReadyForSyncExecution", "4");
    seen.push(module.clone());
    // 5. If IsModuleSCCEvaluated(module), return true.
    crate::step!("sec-ReadyForSyncExecution", "5");
    if is_module_scc_evaluated(module) {
        return true;
    }
    // 6. If module.[[Status]] is evaluating or evaluating-async, return false.
    crate::step!("sec-ReadyForSyncExecution", "6");
    // SPEC ISSUE (docs/spec-issues.md, "import defer: ReadyForSyncExecution of an
    // evaluated module whose cycle is still evaluating"): a module can be ~evaluated~
    // while IsModuleSCCEvaluated is false (a synchronous member of a cycle whose root
    // awaits); step 7's assertion does not hold for it. Its component is still
    // evaluating, so it is not ready, like an ~evaluating-async~ module.
    if matches!(
        module.status(),
        ModuleStatus::Evaluating | ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
    ) {
        return false;
    }
    // 7. Assert: module.[[Status]] is linked.
    crate::spec_assert!(
        "sec-ReadyForSyncExecution",
        "7",
        module.status() == ModuleStatus::Linked
    );
    // 8. If module.[[HasTLA]] is true, return false.
    crate::step!("sec-ReadyForSyncExecution", "8");
    if module.has_tla() {
        return false;
    }
    // 9. For each ModuleRequest Record request of module.[[RequestedModules]], do
    crate::step!("sec-ReadyForSyncExecution", "9");
    for request in module.requested_modules() {
        // SPEC ISSUE (docs/spec-issues.md, "import defer: the algorithms that walk
        // [[RequestedModules]]"): a ~source~ request's module is not linked, let alone
        // evaluated, with module; it is skipped as InnerModuleLinking and
        // InnerModuleEvaluation skip it.
        if request.phase == ImportPhase::Source {
            continue;
        }
        // a. Let requiredModule be GetImportedModule(module, request).
        crate::step!("sec-ReadyForSyncExecution", "9.a");
        let required_module = get_imported_module(module, &request);
        // b. If ReadyForSyncExecution(requiredModule, seen) is false, then
        crate::step!("sec-ReadyForSyncExecution", "9.b");
        if !ready_for_sync_execution(&required_module, seen) {
            // i. Return false.
            crate::step!("sec-ReadyForSyncExecution", "9.b.i");
            return false;
        }
    }
    // 10. Return true.
    crate::step!("sec-ReadyForSyncExecution", "10");
    true
}

/// [[GetPrototypeOf]] ( ) (10.4.6.1).
fn namespace_get_prototype_of(_agent: &mut Agent, _o: &Object) -> JsResult<Option<Object>> {
    // 1. Return null.
    crate::step!("sec-module-namespace-exotic-objects-getprototypeof", "1");
    Ok(None)
}

/// [[SetPrototypeOf]] ( V ) (10.4.6.2).
fn namespace_set_prototype_of(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    // 1. Return ! SetImmutablePrototype(O, V).
    crate::step!("sec-module-namespace-exotic-objects-setprototypeof-v", "1");
    set_immutable_prototype(agent, o, v)
}

/// [[IsExtensible]] ( ) (10.4.6.3).
fn namespace_is_extensible(_agent: &mut Agent, _o: &Object) -> JsResult<bool> {
    // 1. Return false.
    crate::step!("sec-module-namespace-exotic-objects-isextensible", "1");
    Ok(false)
}

/// [[PreventExtensions]] ( ) (10.4.6.4).
fn namespace_prevent_extensions(_agent: &mut Agent, _o: &Object) -> JsResult<bool> {
    // 1. Return true.
    crate::step!("sec-module-namespace-exotic-objects-preventextensions", "1");
    Ok(true)
}

/// [[GetOwnProperty]] ( P ) (10.4.6.5).
fn namespace_get_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. If IsSymbolLikeNamespaceKey(P, O), return ! OrdinaryGetOwnProperty(O, P).
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "1");
    if is_symbol_like_namespace_key(p, o) {
        return ordinary_get_own_property(agent, o, p);
    }
    // 2. Let exports be ? GetModuleExportsList(O).
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "2");
    let exports = get_module_exports_list(agent, o)?;
    // 3. If exports does not contain P, return undefined.
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "3");
    if exports_contain(&exports, p).is_none() {
        return Ok(None);
    }
    // 4. Let value be ? O.[[Get]](P, O).
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "4");
    let value = o.get(agent, p, &Value::Object(o.clone()))?;
    // 5. Return PropertyDescriptor { [[Value]]: value, [[Writable]]: true, [[Enumerable]]:
    //    true, [[Configurable]]: false }.
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "5");
    Ok(Some(PropertyDescriptor::data(value, true, true, false)))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.4.6.6).
fn namespace_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. If IsSymbolLikeNamespaceKey(P, O), return ! OrdinaryDefineOwnProperty(O, P, Desc).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "1"
    );
    if is_symbol_like_namespace_key(p, o) {
        return ordinary_define_own_property(agent, o, p, desc);
    }
    // 2. Let current be ? O.[[GetOwnProperty]](P).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "2"
    );
    let current = o.get_own_property(agent, p)?;
    // 3. NOTE: If O.[[Deferred]] is true, the step above will ensure that the module is
    //    evaluated.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "3"
    );
    // 4. If current is undefined, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "4"
    );
    let Some(current) = current else {
        return Ok(false);
    };
    // 5. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return
    //    false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "5"
    );
    if desc.configurable == Some(true) {
        return Ok(false);
    }
    // 6. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "6"
    );
    if desc.enumerable == Some(false) {
        return Ok(false);
    }
    // 7. If IsAccessorDescriptor(Desc) is true, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "7"
    );
    if desc.is_accessor_descriptor() {
        return Ok(false);
    }
    // 8. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "8"
    );
    if desc.writable == Some(false) {
        return Ok(false);
    }
    // 9. If Desc has a [[Value]] field, return SameValue(Desc.[[Value]], current.[[Value]]).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "9"
    );
    if let Some(value) = &desc.value {
        return Ok(same_value(value, &current.value.unwrap_or_default()));
    }
    // 10. Return true.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "10"
    );
    Ok(true)
}

/// [[HasProperty]] ( P ) (10.4.6.7).
fn namespace_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. If IsSymbolLikeNamespaceKey(P, O), return ! OrdinaryHasProperty(O, P).
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "1");
    if is_symbol_like_namespace_key(p, o) {
        return ordinary_has_property(agent, o, p);
    }
    // 2. Let exports be ? GetModuleExportsList(O).
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "2");
    let exports = get_module_exports_list(agent, o)?;
    // 3. If exports contains P, return true.
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "3");
    // 4. Return false.
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "4");
    Ok(exports_contain(&exports, p).is_some())
}

/// [[Get]] ( P, Receiver ) (10.4.6.8).
fn namespace_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // 1. If IsSymbolLikeNamespaceKey(P, O), return ! OrdinaryGet(O, P, Receiver).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "1");
    if is_symbol_like_namespace_key(p, o) {
        return ordinary_get(agent, o, p, receiver);
    }
    // 2. Let exports be ? GetModuleExportsList(O).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "2");
    let exports = get_module_exports_list(agent, o)?;
    // 3. If exports does not contain P, return undefined.
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "3");
    let Some(name) = exports_contain(&exports, p) else {
        return Ok(Value::Undefined);
    };
    // 4. Let m be O.[[Module]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "4");
    let (m, _) = namespace_data(o);
    // 5. Let binding be m.ResolveExport(P).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "5");
    let binding = resolve_export(&m, &name, &mut Vec::new());
    // 6. Assert: binding is a ResolvedBinding Record.
    crate::spec_assert!(
        "sec-module-namespace-exotic-objects-get-p-receiver",
        "6",
        matches!(binding, Resolution::Resolved { .. })
    );
    let Resolution::Resolved {
        module: target_module,
        binding_name,
    } = binding
    else {
        return Err(agent.syntax_error(&format!("export '{name}' cannot be resolved")));
    };
    // 7. Let targetModule be binding.[[Module]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "7");
    // 8. Assert: targetModule is not undefined.
    crate::spec_assert!("sec-module-namespace-exotic-objects-get-p-receiver", "8", by: "binding.[[Module]] is a Module (Resolution::Resolved's Rust type)");
    // 9. If binding.[[BindingName]] is namespace, then
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "9");
    let binding_name = match binding_name {
        BindingName::Namespace => {
            // a. Return GetModuleNamespace(targetModule, evaluation).
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "9.a");
            return Ok(Value::Object(get_module_namespace(
                agent,
                &target_module,
                ImportPhase::Evaluation,
            )));
        }
        BindingName::DeferredNamespace => {
            // 10. If binding.[[BindingName]] is deferred-namespace, then
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10");
            // a. Return GetModuleNamespace(targetModule, defer).
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10.a");
            return Ok(Value::Object(get_module_namespace(
                agent,
                &target_module,
                ImportPhase::Defer,
            )));
        }
        BindingName::Source => {
            // 11. If binding.[[BindingName]] is source, then
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "11");
            // a. Let moduleSourceObject be targetModule.[[ModuleSource]].
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "11.a");
            let module_source = target_module.data().module_source.clone();
            // b. If moduleSourceObject is empty, throw a ReferenceError exception.
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "11.b");
            let Some(module_source) = module_source else {
                return Err(agent.reference_error(&format!(
                    "'{}' has no module source object",
                    target_module.name()
                )));
            };
            // c. Return moduleSourceObject.
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "11.c");
            return Ok(Value::Object(module_source));
        }
        BindingName::Name(name) => name,
    };
    // 12. Let targetEnv be targetModule.[[Environment]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "12");
    // 13. If targetEnv is empty, throw a ReferenceError exception.
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "13");
    let Some(target_env) = target_module.environment() else {
        return Err(agent.reference_error(&format!(
            "cannot access '{name}' before its module is linked"
        )));
    };
    // 14. Return ? targetEnv.GetBindingValue(binding.[[BindingName]], true).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "14");
    target_env.get_binding_value(agent, &binding_name.to_string(), true)
}

/// [[Set]] ( P, V, Receiver ) (10.4.6.9).
fn namespace_set(
    _agent: &mut Agent,
    _o: &Object,
    _p: &PropertyKey,
    _v: Value,
    _receiver: &Value,
) -> JsResult<bool> {
    // 1. Return false.
    crate::step!("sec-module-namespace-exotic-objects-set-p-v-receiver", "1");
    Ok(false)
}

/// [[Delete]] ( P ) (10.4.6.10).
fn namespace_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. If IsSymbolLikeNamespaceKey(P, O), return ! OrdinaryDelete(O, P).
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "1");
    if is_symbol_like_namespace_key(p, o) {
        return ordinary_delete(agent, o, p);
    }
    // 2. Let exports be ? GetModuleExportsList(O).
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "2");
    let exports = get_module_exports_list(agent, o)?;
    // 3. If exports contains P, return false.
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "3");
    // 4. Return true.
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "4");
    Ok(exports_contain(&exports, p).is_none())
}

/// [[OwnPropertyKeys]] ( ) (10.4.6.11).
fn namespace_own_property_keys(agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    // 1. Let exports be ? GetModuleExportsList(O).
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "1");
    let mut exports = get_module_exports_list(agent, o)?;
    // SPEC ISSUE (docs/spec-issues.md, "import defer: "then" in a deferred namespace's
    // [[OwnPropertyKeys]]"): [[GetOwnProperty]]("then") of a deferred namespace is
    // undefined (IsSymbolLikeNamespaceKey), so listing "then" here would break the
    // invariant of a non-extensible object's [[OwnPropertyKeys]] (6.1.7.3); it is left out.
    if is_deferred(o) {
        exports.retain(|name| *name != JsString::from("then"));
    }
    // 2. Let symbolKeys be OrdinaryOwnPropertyKeys(O).
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "2");
    let symbol_keys = ordinary_own_property_keys_of(o);
    // 3. Return the list-concatenation of exports and symbolKeys.
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "3");
    let mut keys: Vec<PropertyKey> = exports.into_iter().map(PropertyKey::from_string).collect();
    keys.extend(symbol_keys);
    Ok(keys)
}

/// ModuleNamespaceCreate ( module, exports, phase ) (10.4.6.12, as import defer has it).
/// The object is made with its slots filled (steps 2, 4, 5 and 7 at once, after sorting),
/// its properties are created before its exotic methods are installed, and the
/// [[Namespace]]/[[DeferredNamespace]] of steps 7-8 is set last; none of this is
/// observable.
pub fn module_namespace_create(
    agent: &mut Agent,
    module: &Module,
    exports: Vec<JsString>,
    phase: ImportPhase,
) -> Object {
    // 1. Let internalSlotsList be the internal slots listed in Table 29.
    crate::step!("sec-modulenamespacecreate", "1");
    // 5. Let sortedExports be a List whose elements are the elements of exports, sorted
    //    according to lexicographic code unit order.
    crate::step!("sec-modulenamespacecreate", "5");
    let mut sorted_exports = exports;
    sorted_exports.sort_by(|a, b| a.units().cmp(b.units()));
    let deferred = phase == ImportPhase::Defer;
    // 2. Let M be MakeBasicObject(internalSlotsList).
    crate::step!("sec-modulenamespacecreate", "2");
    // 4. Set M.[[Module]] to module.
    crate::step!("sec-modulenamespacecreate", "4");
    // 6. Set M.[[Exports]] to sortedExports.
    crate::step!("sec-modulenamespacecreate", "6");
    let m = ordinary_object_create_with(
        None,
        ObjectKind::ModuleNamespace(Box::new(NamespaceData {
            module: module.clone(),
            exports: sorted_exports,
            deferred,
        })),
    );
    let to_string_tag = if deferred {
        // 7. If phase is defer, then
        crate::step!("sec-modulenamespacecreate", "7");
        // a. Assert: module.[[DeferredNamespace]] is empty.
        crate::spec_assert!(
            "sec-modulenamespacecreate",
            "7.a",
            module.data().deferred_namespace.is_none()
        );
        // b. Set module.[[DeferredNamespace]] to M. (below)
        crate::step!("sec-modulenamespacecreate", "7.b");
        // c. Set M.[[Deferred]] to true. (above)
        crate::step!("sec-modulenamespacecreate", "7.c");
        // d. Let toStringTag be "Deferred Module".
        crate::step!("sec-modulenamespacecreate", "7.d");
        "Deferred Module"
    } else {
        // 8. Else,
        crate::step!("sec-modulenamespacecreate", "8");
        // a. Assert: module.[[Namespace]] is empty.
        crate::spec_assert!(
            "sec-modulenamespacecreate",
            "8.a",
            module.data().namespace.is_none()
        );
        // b. Set module.[[Namespace]] to M. (below)
        crate::step!("sec-modulenamespacecreate", "8.b");
        // c. Set M.[[Deferred]] to false. (above)
        crate::step!("sec-modulenamespacecreate", "8.c");
        // d. Let toStringTag be "Module".
        crate::step!("sec-modulenamespacecreate", "8.d");
        "Module"
    };
    // 9. Create an own data property of M named %Symbol.toStringTag% whose [[Value]] is
    //    toStringTag and whose [[Writable]], [[Enumerable]], and [[Configurable]]
    //    attributes are false.
    crate::step!("sec-modulenamespacecreate", "9");
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    m.insert_property(
        tag,
        Property::data(
            Value::String(JsString::from(to_string_tag)),
            false,
            false,
            false,
        ),
    );
    m.data_mut().extensible = false;
    // 3. Set M's essential internal methods to the definitions specified in 10.4.6.
    crate::step!("sec-modulenamespacecreate", "3");
    m.set_methods(&MODULE_NAMESPACE_METHODS);
    // (7.b / 8.b)
    if deferred {
        module.data_mut().deferred_namespace = Some(m.clone());
    } else {
        module.data_mut().namespace = Some(m.clone());
    }
    // 10. Return M.
    crate::step!("sec-modulenamespacecreate", "10");
    m
}
