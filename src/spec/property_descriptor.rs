//! 6.2.6 The Property Descriptor Specification Type
//! (sec-property-descriptor-specification-type).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_type::Object;
use super::operations_on_objects::{create_data_property_or_throw, get, has_property};
use super::testing_and_comparison::is_callable;
use super::type_conversion::to_boolean;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// A Property Descriptor: every field may be absent.
#[derive(Clone, Debug, Default, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PropertyDescriptor {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Value>,
    pub set: Option<Value>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// { [[Value]]: value, [[Writable]], [[Enumerable]], [[Configurable]] }.
    pub fn data(value: Value, writable: bool, enumerable: bool, configurable: bool) -> Self {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(writable),
            enumerable: Some(enumerable),
            configurable: Some(configurable),
            ..Default::default()
        }
    }

    /// { [[Get]], [[Set]], [[Enumerable]], [[Configurable]] }.
    pub fn accessor(get: Value, set: Value, enumerable: bool, configurable: bool) -> Self {
        PropertyDescriptor {
            get: Some(get),
            set: Some(set),
            enumerable: Some(enumerable),
            configurable: Some(configurable),
            ..Default::default()
        }
    }

    /// A descriptor with only [[Value]].
    pub fn value_only(value: Value) -> Self {
        PropertyDescriptor {
            value: Some(value),
            ..Default::default()
        }
    }

    /// IsAccessorDescriptor(Desc) (6.2.6.1).
    pub fn is_accessor_descriptor(&self) -> bool {
        // 2. If Desc has a [[Get]] field, return true.
        // 3. If Desc has a [[Set]] field, return true.
        self.get.is_some() || self.set.is_some()
    }

    /// IsDataDescriptor(Desc) (6.2.6.2).
    pub fn is_data_descriptor(&self) -> bool {
        // 2. If Desc has a [[Value]] field, return true.
        // 3. If Desc has a [[Writable]] field, return true.
        self.value.is_some() || self.writable.is_some()
    }

    /// IsGenericDescriptor(Desc) (6.2.6.3).
    pub fn is_generic_descriptor(&self) -> bool {
        !self.is_accessor_descriptor() && !self.is_data_descriptor()
    }
}

/// FromPropertyDescriptor(Desc) (6.2.6.4).
pub fn from_property_descriptor(agent: &mut Agent, desc: Option<&PropertyDescriptor>) -> Value {
    // 1. If Desc is undefined, return undefined.
    let Some(desc) = desc else {
        return Value::Undefined;
    };
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let obj = agent.ordinary_object();
    // 4-9. For each present field, perform ! CreateDataPropertyOrThrow(obj, name, value).
    let fields: [(&str, Option<Value>); 6] = [
        ("value", desc.value.clone()),
        ("writable", desc.writable.map(Value::Boolean)),
        ("get", desc.get.clone()),
        ("set", desc.set.clone()),
        ("enumerable", desc.enumerable.map(Value::Boolean)),
        ("configurable", desc.configurable.map(Value::Boolean)),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            create_data_property_or_throw(agent, &obj, &name.into(), value)
                .expect("CreateDataPropertyOrThrow on a new ordinary object cannot fail");
        }
    }
    // 10. Return obj.
    Value::Object(obj)
}

/// ToPropertyDescriptor(Obj) (6.2.6.5).
pub fn to_property_descriptor(agent: &mut Agent, obj: &Value) -> JsResult<PropertyDescriptor> {
    // 1. If Obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return Err(agent.type_error("property descriptor must be an object"));
    };
    // 2. Let desc be a new Property Descriptor that initially has no fields.
    let mut desc = PropertyDescriptor::default();
    // 3-4. enumerable.
    if has_property(agent, obj, &"enumerable".into())? {
        desc.enumerable = Some(to_boolean(&get(agent, obj, &"enumerable".into())?));
    }
    // 5-6. configurable.
    if has_property(agent, obj, &"configurable".into())? {
        desc.configurable = Some(to_boolean(&get(agent, obj, &"configurable".into())?));
    }
    // 7-8. value.
    if has_property(agent, obj, &"value".into())? {
        desc.value = Some(get(agent, obj, &"value".into())?);
    }
    // 9-10. writable.
    if has_property(agent, obj, &"writable".into())? {
        desc.writable = Some(to_boolean(&get(agent, obj, &"writable".into())?));
    }
    // 11-12. get: if IsCallable(getter) is false and getter is not undefined, throw.
    if has_property(agent, obj, &"get".into())? {
        let getter = get(agent, obj, &"get".into())?;
        if !is_callable(&getter) && !getter.is_undefined() {
            return Err(agent.type_error("getter must be a function or undefined"));
        }
        desc.get = Some(getter);
    }
    // 13-14. set.
    if has_property(agent, obj, &"set".into())? {
        let setter = get(agent, obj, &"set".into())?;
        if !is_callable(&setter) && !setter.is_undefined() {
            return Err(agent.type_error("setter must be a function or undefined"));
        }
        desc.set = Some(setter);
    }
    // 15. If desc has a [[Get]] field or desc has a [[Set]] field, then
    //     a. If desc has a [[Value]] field or desc has a [[Writable]] field, throw a TypeError.
    if desc.is_accessor_descriptor() && desc.is_data_descriptor() {
        return Err(agent
            .type_error("a property descriptor cannot be both an accessor and a data descriptor"));
    }
    // 16. Return desc.
    Ok(desc)
}

/// CompletePropertyDescriptor(Desc) (6.2.6.6).
pub fn complete_property_descriptor(desc: &mut PropertyDescriptor) {
    // 2. Let like be the Record { [[Value]]: undefined, [[Writable]]: false, [[Get]]:
    //    undefined, [[Set]]: undefined, [[Enumerable]]: false, [[Configurable]]: false }.
    // 3. If IsGenericDescriptor(Desc) is true or IsDataDescriptor(Desc) is true, then
    if desc.is_generic_descriptor() || desc.is_data_descriptor() {
        desc.value.get_or_insert(Value::Undefined);
        desc.writable.get_or_insert(false);
    } else {
        // 4. Else,
        desc.get.get_or_insert(Value::Undefined);
        desc.set.get_or_insert(Value::Undefined);
    }
    // 5-6.
    desc.enumerable.get_or_insert(false);
    desc.configurable.get_or_insert(false);
}

/// The getter or setter of an accessor descriptor field as an object, if callable.
pub fn accessor_function(field: &Option<Value>) -> Option<Object> {
    match field {
        Some(Value::Object(o)) => Some(o.clone()),
        _ => None,
    }
}
