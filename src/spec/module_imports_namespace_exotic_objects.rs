//! Compartments layer 2 (`2-virtual-module-source.md`, "Design"): the Module Imports
//! Namespace exotic object a virtual module source's `execute` receives. The proposal
//! describes it in prose only ("an exotic object that allows user code to get and set the
//! values for each binding"); its internal methods are our informal algorithms
//! `compartments-imports-namespace-*` in spec-steps/.
//!
//! It is a live view of the virtual module's Module Environment Record, limited to the
//! names its bindings declare: the local names of its imports (read only, as import
//! bindings are) and of its local exports (read and written). Like a module namespace
//! object it has a null [[Prototype]], is not extensible, and reports each declared name as
//! a non-configurable, enumerable, writable data property (writable, because an imported
//! binding is live: a non-writable report would promise a value that never changes).

use super::abstract_module_records::Module;
use super::agents::Agent;
use super::completion_record::JsResult;
use super::immutable_prototype_exotic_objects::set_immutable_prototype;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, PropertyKey};
use super::ordinary_object_internal_methods::{ordinary_object_create_with, ORDINARY_METHODS};
use super::property_descriptor::PropertyDescriptor;
use super::string_type::JsString;
use super::testing_and_comparison::same_value;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// The slots of a Module Imports Namespace: [[Module]] and its declared names, each with
/// whether `execute` may assign it (a local export) or not (an import).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ImportsNamespaceData {
    /// [[Module]]: the virtual module whose environment this object shows.
    pub module: Module,
    /// [[Names]]: (name, assignable), in the order the bindings declare them.
    #[unsafe_ignore_trace]
    pub names: Vec<(JsString, bool)>,
}

pub static MODULE_IMPORTS_NAMESPACE_METHODS: InternalMethods = InternalMethods {
    get_prototype_of: imports_get_prototype_of,
    set_prototype_of: imports_set_prototype_of,
    is_extensible: imports_is_extensible,
    prevent_extensions: imports_prevent_extensions,
    get_own_property: imports_get_own_property,
    define_own_property: imports_define_own_property,
    has_property: imports_has_property,
    get: imports_get,
    set: imports_set,
    delete: imports_delete,
    own_property_keys: imports_own_property_keys,
    ..ORDINARY_METHODS
};

/// The declared name P is, with whether it is assignable; `None` for any other key.
fn declared(o: &Object, p: &PropertyKey) -> Option<(Module, JsString, bool)> {
    let name = p.as_string()?;
    match &o.data().kind {
        ObjectKind::ModuleImportsNamespace(data) => data
            .names
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, assignable)| (data.module.clone(), n.clone(), *assignable)),
        _ => None,
    }
}

fn imports_get_prototype_of(_agent: &mut Agent, _o: &Object) -> JsResult<Option<Object>> {
    Ok(None)
}

fn imports_set_prototype_of(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    set_immutable_prototype(agent, o, v)
}

fn imports_is_extensible(_agent: &mut Agent, _o: &Object) -> JsResult<bool> {
    Ok(false)
}

fn imports_prevent_extensions(_agent: &mut Agent, _o: &Object) -> JsResult<bool> {
    Ok(true)
}

/// [[Get]] ( P, Receiver ).
fn imports_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    _receiver: &Value,
) -> JsResult<Value> {
    // 1. If P is not a declared name of O, return undefined.
    crate::step!("compartments-imports-namespace-get", "1");
    let Some((module, name, _)) = declared(o, p) else {
        return Ok(Value::Undefined);
    };
    // 2. Let env be O.[[Module]].[[Environment]].
    crate::step!("compartments-imports-namespace-get", "2");
    let Some(env) = module.environment() else {
        return Err(agent.reference_error(&format!("'{name}' is not linked yet")));
    };
    // 3. Return ? env.GetBindingValue(P, true).
    crate::step!("compartments-imports-namespace-get", "3");
    env.get_binding_value(agent, &name.to_string(), true)
}

/// [[Set]] ( P, V, Receiver ).
fn imports_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    _receiver: &Value,
) -> JsResult<bool> {
    // 1. If P is not a declared name of O, or P is the local name of an import, return false.
    crate::step!("compartments-imports-namespace-set", "1");
    let Some((module, name, true)) = declared(o, p) else {
        return Ok(false);
    };
    // 2. Let env be O.[[Module]].[[Environment]].
    crate::step!("compartments-imports-namespace-set", "2");
    let Some(env) = module.environment() else {
        return Ok(false);
    };
    // 3. Perform ? env.SetMutableBinding(P, V, true).
    crate::step!("compartments-imports-namespace-set", "3");
    env.set_mutable_binding(agent, &name.to_string(), v, true)?;
    // 4. Return true.
    crate::step!("compartments-imports-namespace-set", "4");
    Ok(true)
}

/// [[GetOwnProperty]] ( P ).
fn imports_get_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. If P is not a declared name of O, return undefined.
    crate::step!("compartments-imports-namespace-getownproperty", "1");
    if declared(o, p).is_none() {
        return Ok(None);
    }
    // 2. Let value be ? O.[[Get]](P, O).
    crate::step!("compartments-imports-namespace-getownproperty", "2");
    let value = imports_get(agent, o, p, &Value::Object(o.clone()))?;
    // 3. Return PropertyDescriptor { [[Value]]: value, [[Writable]]: true, [[Enumerable]]:
    //    true, [[Configurable]]: false }.
    crate::step!("compartments-imports-namespace-getownproperty", "3");
    Ok(Some(PropertyDescriptor::data(value, true, true, false)))
}

/// [[DefineOwnProperty]] ( P, Desc ): as a module namespace's, plus assignment of an
/// assignable name when Desc carries a new [[Value]].
fn imports_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let current be ? O.[[GetOwnProperty]](P).
    crate::step!("compartments-imports-namespace-defineownproperty", "1");
    let Some(current) = imports_get_own_property(agent, o, p)? else {
        // 2. If current is undefined, return false.
        crate::step!("compartments-imports-namespace-defineownproperty", "2");
        return Ok(false);
    };
    // 3. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, or Desc has
    //    an [[Enumerable]] field and Desc.[[Enumerable]] is false, or
    //    IsAccessorDescriptor(Desc) is true, or Desc has a [[Writable]] field and
    //    Desc.[[Writable]] is false, return false.
    crate::step!("compartments-imports-namespace-defineownproperty", "3");
    if desc.configurable == Some(true)
        || desc.enumerable == Some(false)
        || desc.get.is_some()
        || desc.set.is_some()
        || desc.writable == Some(false)
    {
        return Ok(false);
    }
    // 4. If Desc has a [[Value]] field, then
    crate::step!("compartments-imports-namespace-defineownproperty", "4");
    if let Some(value) = desc.value {
        let current_value = current.value.unwrap_or_default();
        // a. If SameValue(Desc.[[Value]], current.[[Value]]) is true, return true.
        crate::step!("compartments-imports-namespace-defineownproperty", "4.a");
        if same_value(&value, &current_value) {
            return Ok(true);
        }
        // b. Return ? O.[[Set]](P, Desc.[[Value]], O).
        crate::step!("compartments-imports-namespace-defineownproperty", "4.b");
        return imports_set(agent, o, p, value, &Value::Object(o.clone()));
    }
    // 5. Return true.
    crate::step!("compartments-imports-namespace-defineownproperty", "5");
    Ok(true)
}

fn imports_has_property(_agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    Ok(declared(o, p).is_some())
}

fn imports_delete(_agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    Ok(declared(o, p).is_none())
}

fn imports_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    Ok(match &o.data().kind {
        ObjectKind::ModuleImportsNamespace(data) => data
            .names
            .iter()
            .map(|(name, _)| PropertyKey::from_string(name.clone()))
            .collect(),
        _ => Vec::new(),
    })
}

/// A new Module Imports Namespace for `module` showing `names`.
pub fn module_imports_namespace_create(module: &Module, names: Vec<(JsString, bool)>) -> Object {
    let o = ordinary_object_create_with(
        None,
        ObjectKind::ModuleImportsNamespace(Box::new(ImportsNamespaceData {
            module: module.clone(),
            names,
        })),
    );
    o.data_mut().extensible = false;
    o.set_methods(&MODULE_IMPORTS_NAMESPACE_METHODS);
    o
}
