//! 10.4.6 Module Namespace Exotic Objects (sec-module-namespace-exotic-objects).

use super::abstract_module_records::Module;
use super::agents::Agent;
use super::completion_record::JsResult;
use super::immutable_prototype_exotic_objects::set_immutable_prototype;
use super::module_semantics::get_module_namespace;
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
use boa_gc::{Finalize, Trace};

/// The internal slots of a module namespace exotic object (Table 33).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct NamespaceData {
    /// [[Module]].
    pub module: Module,
    /// [[Exports]]: the exported names, sorted by code units.
    #[unsafe_ignore_trace]
    pub exports: Vec<JsString>,
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

/// Whether O.[[Exports]] contains P (a String key).
fn exports_contain(o: &Object, p: &PropertyKey) -> Option<JsString> {
    let name = p.as_string()?;
    match &o.data().kind {
        ObjectKind::ModuleNamespace(n) => n.exports.iter().find(|e| **e == name).cloned(),
        _ => None,
    }
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
    // 1. If P is a Symbol, return OrdinaryGetOwnProperty(O, P).
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "1");
    if p.is_symbol() {
        return ordinary_get_own_property(agent, o, p);
    }
    // 2. Let exports be O.[[Exports]].
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "2");
    // 3. If exports does not contain P, return undefined.
    crate::step!("sec-module-namespace-exotic-objects-getownproperty-p", "3");
    if exports_contain(o, p).is_none() {
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
    // 1. If P is a Symbol, return ! OrdinaryDefineOwnProperty(O, P, Desc).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "1"
    );
    if p.is_symbol() {
        return ordinary_define_own_property(agent, o, p, desc);
    }
    // 2. Let current be ? O.[[GetOwnProperty]](P).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "2"
    );
    let current = o.get_own_property(agent, p)?;
    // 3. If current is undefined, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "3"
    );
    let Some(current) = current else {
        return Ok(false);
    };
    // 4. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return
    //    false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "4"
    );
    if desc.configurable == Some(true) {
        return Ok(false);
    }
    // 5. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "5"
    );
    if desc.enumerable == Some(false) {
        return Ok(false);
    }
    // 6. If IsAccessorDescriptor(Desc) is true, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "6"
    );
    if desc.is_accessor_descriptor() {
        return Ok(false);
    }
    // 7. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "7"
    );
    if desc.writable == Some(false) {
        return Ok(false);
    }
    // 8. If Desc has a [[Value]] field, return SameValue(Desc.[[Value]], current.[[Value]]).
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "8"
    );
    if let Some(value) = &desc.value {
        return Ok(same_value(value, &current.value.unwrap_or_default()));
    }
    // 9. Return true.
    crate::step!(
        "sec-module-namespace-exotic-objects-defineownproperty-p-desc",
        "9"
    );
    Ok(true)
}

/// [[HasProperty]] ( P ) (10.4.6.7).
fn namespace_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. If P is a Symbol, return ! OrdinaryHasProperty(O, P).
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "1");
    if p.is_symbol() {
        return ordinary_has_property(agent, o, p);
    }
    // 2. Let exports be O.[[Exports]].
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "2");
    // 3. If exports contains P, return true.
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "3");
    // 4. Return false.
    crate::step!("sec-module-namespace-exotic-objects-hasproperty-p", "4");
    Ok(exports_contain(o, p).is_some())
}

/// [[Get]] ( P, Receiver ) (10.4.6.8).
fn namespace_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // 1. If P is a Symbol, then
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "1");
    if p.is_symbol() {
        // a. Return ! OrdinaryGet(O, P, Receiver).
        crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "1.a");
        return ordinary_get(agent, o, p, receiver);
    }
    // 2. Let exports be O.[[Exports]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "2");
    // 3. If exports does not contain P, return undefined.
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "3");
    let Some(name) = exports_contain(o, p) else {
        return Ok(Value::Undefined);
    };
    // 4. Let m be O.[[Module]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "4");
    let (m, _) = namespace_data(o);
    // 5. Let binding be m.ResolveExport(P).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "5");
    let binding = resolve_export(&m, &name, &mut Vec::new());
    // 6. Assert: binding is a ResolvedBinding Record.
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "6");
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
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "8");
    // 9. If binding.[[BindingName]] is namespace, then
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "9");
    let binding_name = match binding_name {
        BindingName::Namespace => {
            // a. Return GetModuleNamespace(targetModule).
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "9.a");
            return Ok(Value::Object(get_module_namespace(agent, &target_module)));
        }
        BindingName::Source => {
            // 10. If binding.[[BindingName]] is source, then
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10");
            // a. Let moduleSourceObject be targetModule.[[ModuleSource]].
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10.a");
            let module_source = target_module.data().module_source.clone();
            // b. If moduleSourceObject is empty, throw a ReferenceError exception.
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10.b");
            let Some(module_source) = module_source else {
                return Err(agent.reference_error(&format!(
                    "'{}' has no module source object",
                    target_module.name()
                )));
            };
            // c. Return moduleSourceObject.
            crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "10.c");
            return Ok(Value::Object(module_source));
        }
        BindingName::Name(name) => name,
    };
    // 11. Let targetEnv be targetModule.[[Environment]].
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "11");
    // 12. If targetEnv is empty, throw a ReferenceError exception.
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "12");
    let Some(target_env) = target_module.environment() else {
        return Err(agent.reference_error(&format!(
            "cannot access '{name}' before its module is linked"
        )));
    };
    // 13. Return ? targetEnv.GetBindingValue(binding.[[BindingName]], true).
    crate::step!("sec-module-namespace-exotic-objects-get-p-receiver", "13");
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
    // 1. If P is a Symbol, then
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "1");
    if p.is_symbol() {
        // a. Return ! OrdinaryDelete(O, P).
        crate::step!("sec-module-namespace-exotic-objects-delete-p", "1.a");
        return ordinary_delete(agent, o, p);
    }
    // 2. Let exports be O.[[Exports]].
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "2");
    // 3. If exports contains P, return false.
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "3");
    // 4. Return true.
    crate::step!("sec-module-namespace-exotic-objects-delete-p", "4");
    Ok(exports_contain(o, p).is_none())
}

/// [[OwnPropertyKeys]] ( ) (10.4.6.11).
fn namespace_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    // 1. Let exports be O.[[Exports]].
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "1");
    let (_, exports) = namespace_data(o);
    // 2. Let symbolKeys be OrdinaryOwnPropertyKeys(O).
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "2");
    let symbol_keys = ordinary_own_property_keys_of(o);
    // 3. Return the list-concatenation of exports and symbolKeys.
    crate::step!("sec-module-namespace-exotic-objects-ownpropertykeys", "3");
    let mut keys: Vec<PropertyKey> = exports.into_iter().map(PropertyKey::from_string).collect();
    keys.extend(symbol_keys);
    Ok(keys)
}

/// ModuleNamespaceCreate ( module, exports ) (10.4.6.12).
pub fn module_namespace_create(
    agent: &mut Agent,
    module: &Module,
    exports: Vec<JsString>,
) -> Object {
    // 1. Assert: module.[[Namespace]] is empty.
    crate::step!("sec-modulenamespacecreate", "1");
    // 2. Let internalSlotsList be the internal slots listed in Table 33.
    crate::step!("sec-modulenamespacecreate", "2");
    // 6. Let sortedExports be a List whose elements are the elements of exports, sorted
    //    according to lexicographic code unit order.
    crate::step!("sec-modulenamespacecreate", "6");
    let mut sorted_exports = exports;
    sorted_exports.sort_by(|a, b| a.units().cmp(b.units()));
    // 3. Let M be MakeBasicObject(internalSlotsList).
    crate::step!("sec-modulenamespacecreate", "3");
    // 5. Set M.[[Module]] to module.
    crate::step!("sec-modulenamespacecreate", "5");
    // 7. Set M.[[Exports]] to sortedExports.
    crate::step!("sec-modulenamespacecreate", "7");
    let m = ordinary_object_create_with(
        None,
        ObjectKind::ModuleNamespace(Box::new(NamespaceData {
            module: module.clone(),
            exports: sorted_exports,
        })),
    );
    // 8. Create own properties of M corresponding to the definitions in 28.3.
    crate::step!("sec-modulenamespacecreate", "8");
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    m.insert_property(
        tag,
        Property::data(Value::String(JsString::from("Module")), false, false, false),
    );
    m.data_mut().extensible = false;
    // 4. Set M's essential internal methods to the definitions specified in 10.4.6.
    crate::step!("sec-modulenamespacecreate", "4");
    m.set_methods(&MODULE_NAMESPACE_METHODS);
    // 9. Set module.[[Namespace]] to M.
    crate::step!("sec-modulenamespacecreate", "9");
    module.data_mut().namespace = Some(m.clone());
    // 10. Return M.
    crate::step!("sec-modulenamespacecreate", "10");
    m
}
