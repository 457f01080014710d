//! Source phase imports, 28.4 Module Source Objects (sec-module-source-objects):
//! %AbstractModuleSource% (28.4.1), its prototype (28.4.2) and
//! `get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ]` (28.4.3.2), with
//! HostGetModuleSourceModuleRecord (16.2.1.12).

use super::helpers::{define_accessor, define_constructor};
use crate::spec::abstract_module_records::{Module, ModuleKind};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// %AbstractModuleSource% ( ) (28.4.1.1).
fn abstract_module_source(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    crate::step!("sec-%abstractmodulesource%", "1");
    Err(agent.type_error(
        "AbstractModuleSource is an abstract class: it cannot be called or constructed",
    ))
}

/// HostGetModuleSourceModuleRecord ( specifier ) (16.2.1.12): this host's module source
/// objects are the [`ObjectKind::HostModuleSource`] objects; every other object is
/// ~not-a-source~ (`None`).
pub fn host_get_module_source_module_record(object: &Object) -> Option<Module> {
    match &object.data().kind {
        ObjectKind::HostModuleSource(module) => Some(module.clone()),
        _ => None,
    }
}

/// GetModuleSourceKind ( ) of a record that exposes a source representation.
fn get_module_source_kind(module: &Module) -> Option<&'static str> {
    match &module.data().kind {
        ModuleKind::Synthetic {
            module_source_kind, ..
        } => *module_source_kind,
        ModuleKind::SourceText { .. } | ModuleKind::Virtual(_) => None,
    }
}

/// get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ] (28.4.3.2).
fn get_to_string_tag(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "1"
    );
    // 2. If O is not an Object, return undefined.
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "2"
    );
    let Value::Object(o) = call.this else {
        return Ok(Value::Undefined);
    };
    // 3. Let module be HostGetModuleSourceModuleRecord(O).
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "3"
    );
    // 4. If module is not-a-source, return undefined.
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "4"
    );
    let Some(module) = host_get_module_source_module_record(o) else {
        return Ok(Value::Undefined);
    };
    // 5. Let name be module.GetModuleSourceKind().
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "5"
    );
    let name = get_module_source_kind(&module);
    // 6. Assert: name is a String.
    crate::spec_assert!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "6",
        name.is_some()
    );
    // 7. Return name.
    crate::step!(
        "sec-get-%abstractmodulesource%.prototype-%symbol.tostringtag%",
        "7"
    );
    Ok(name.map_or(Value::Undefined, Value::string))
}

/// Creates %AbstractModuleSource% and %AbstractModuleSource.prototype% (28.4.2, 28.4.3):
/// the constructor's [[Prototype]] is %Function.prototype%, its "name" is
/// "AbstractModuleSource", its "prototype" is non-writable, non-enumerable,
/// non-configurable; the prototype's [[Prototype]] is %Object.prototype%. It is not a
/// property of the global object (test262 reaches it as `$262.AbstractModuleSource`).
pub fn create_abstract_module_source_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::AbstractModuleSourcePrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::AbstractModuleSource,
        "AbstractModuleSource",
        0,
        abstract_module_source,
        &prototype,
        None,
    );
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_accessor(agent, &prototype, tag, Some(get_to_string_tag), None);
}
