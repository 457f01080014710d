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
    #[crate::trace::checks_tracing_once]
    pub fn is_accessor_descriptor(&self) -> bool {
        // 1. If Desc has a [[Get]] field, return true.
        crate::step!("sec-isaccessordescriptor", "1");
        if self.get.is_some() {
            return true;
        }
        // 2. If Desc has a [[Set]] field, return true.
        crate::step!("sec-isaccessordescriptor", "2");
        if self.set.is_some() {
            return true;
        }
        // 3. Return false.
        crate::step!("sec-isaccessordescriptor", "3");
        false
    }

    /// IsDataDescriptor(Desc) (6.2.6.2).
    #[crate::trace::checks_tracing_once]
    pub fn is_data_descriptor(&self) -> bool {
        // 1. If Desc has a [[Value]] field, return true.
        crate::step!("sec-isdatadescriptor", "1");
        if self.value.is_some() {
            return true;
        }
        // 2. If Desc has a [[Writable]] field, return true.
        crate::step!("sec-isdatadescriptor", "2");
        if self.writable.is_some() {
            return true;
        }
        // 3. Return false.
        crate::step!("sec-isdatadescriptor", "3");
        false
    }

    /// IsGenericDescriptor(Desc) (6.2.6.3).
    pub fn is_generic_descriptor(&self) -> bool {
        // 1. If IsAccessorDescriptor(Desc) is true, return false.
        crate::step!("sec-isgenericdescriptor", "1");
        if self.is_accessor_descriptor() {
            return false;
        }
        // 2. If IsDataDescriptor(Desc) is true, return false.
        crate::step!("sec-isgenericdescriptor", "2");
        if self.is_data_descriptor() {
            return false;
        }
        // 3. Return true.
        crate::step!("sec-isgenericdescriptor", "3");
        true
    }
}

/// FromPropertyDescriptor(Desc) (6.2.6.4).
pub fn from_property_descriptor(agent: &mut Agent, desc: Option<&PropertyDescriptor>) -> Value {
    // 1. If Desc is undefined, return undefined.
    crate::step!("sec-frompropertydescriptor", "1");
    let Some(desc) = desc else {
        return Value::Undefined;
    };
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    crate::step!("sec-frompropertydescriptor", "2");
    let obj = agent.ordinary_object();
    // 3. Assert: obj is an extensible ordinary object with no own properties.
    crate::spec_assert!(
        "sec-frompropertydescriptor",
        "3",
        obj.data().extensible && obj.data().properties.0.is_empty()
    );
    /// Perform ! CreateDataPropertyOrThrow(obj, name, value): cannot fail on a new
    /// extensible ordinary object (step 3).
    fn create(agent: &mut Agent, obj: &Object, name: &str, value: Value) {
        create_data_property_or_throw(agent, obj, &name.into(), value)
            .expect("CreateDataPropertyOrThrow on a new ordinary object cannot fail");
    }
    // 4. If Desc has a [[Value]] field, then
    crate::step!("sec-frompropertydescriptor", "4");
    if let Some(value) = &desc.value {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "value", Desc.[[Value]]).
        crate::step!("sec-frompropertydescriptor", "4.a");
        create(agent, &obj, "value", value.clone());
    }
    // 5. If Desc has a [[Writable]] field, then
    crate::step!("sec-frompropertydescriptor", "5");
    if let Some(writable) = desc.writable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "writable", Desc.[[Writable]]).
        crate::step!("sec-frompropertydescriptor", "5.a");
        create(agent, &obj, "writable", Value::Boolean(writable));
    }
    // 6. If Desc has a [[Get]] field, then
    crate::step!("sec-frompropertydescriptor", "6");
    if let Some(getter) = &desc.get {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "get", Desc.[[Get]]).
        crate::step!("sec-frompropertydescriptor", "6.a");
        create(agent, &obj, "get", getter.clone());
    }
    // 7. If Desc has a [[Set]] field, then
    crate::step!("sec-frompropertydescriptor", "7");
    if let Some(setter) = &desc.set {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "set", Desc.[[Set]]).
        crate::step!("sec-frompropertydescriptor", "7.a");
        create(agent, &obj, "set", setter.clone());
    }
    // 8. If Desc has an [[Enumerable]] field, then
    crate::step!("sec-frompropertydescriptor", "8");
    if let Some(enumerable) = desc.enumerable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "enumerable", Desc.[[Enumerable]]).
        crate::step!("sec-frompropertydescriptor", "8.a");
        create(agent, &obj, "enumerable", Value::Boolean(enumerable));
    }
    // 9. If Desc has a [[Configurable]] field, then
    crate::step!("sec-frompropertydescriptor", "9");
    if let Some(configurable) = desc.configurable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "configurable", Desc.[[Configurable]]).
        crate::step!("sec-frompropertydescriptor", "9.a");
        create(agent, &obj, "configurable", Value::Boolean(configurable));
    }
    // 10. Return obj.
    crate::step!("sec-frompropertydescriptor", "10");
    Value::Object(obj)
}

/// ToPropertyDescriptor(Obj) (6.2.6.5).
pub fn to_property_descriptor(agent: &mut Agent, obj: &Value) -> JsResult<PropertyDescriptor> {
    // 1. If Obj is not an Object, throw a TypeError exception.
    crate::step!("sec-topropertydescriptor", "1");
    let Value::Object(obj) = obj else {
        return Err(agent.type_error("property descriptor must be an object"));
    };
    // 2. Let desc be a new Property Descriptor that initially has no fields.
    crate::step!("sec-topropertydescriptor", "2");
    let mut desc = PropertyDescriptor::default();
    // 3. Let hasEnumerable be ? HasProperty(Obj, "enumerable").
    crate::step!("sec-topropertydescriptor", "3");
    let has_enumerable = has_property(agent, obj, &"enumerable".into())?;
    // 4. If hasEnumerable is true, then
    crate::step!("sec-topropertydescriptor", "4");
    if has_enumerable {
        // a. Let enumerable be ToBoolean(? Get(Obj, "enumerable")).
        crate::step!("sec-topropertydescriptor", "4.a");
        let enumerable = to_boolean(&get(agent, obj, &"enumerable".into())?);
        // b. Set desc.[[Enumerable]] to enumerable.
        crate::step!("sec-topropertydescriptor", "4.b");
        desc.enumerable = Some(enumerable);
    }
    // 5. Let hasConfigurable be ? HasProperty(Obj, "configurable").
    crate::step!("sec-topropertydescriptor", "5");
    let has_configurable = has_property(agent, obj, &"configurable".into())?;
    // 6. If hasConfigurable is true, then
    crate::step!("sec-topropertydescriptor", "6");
    if has_configurable {
        // a. Let configurable be ToBoolean(? Get(Obj, "configurable")).
        crate::step!("sec-topropertydescriptor", "6.a");
        let configurable = to_boolean(&get(agent, obj, &"configurable".into())?);
        // b. Set desc.[[Configurable]] to configurable.
        crate::step!("sec-topropertydescriptor", "6.b");
        desc.configurable = Some(configurable);
    }
    // 7. Let hasValue be ? HasProperty(Obj, "value").
    crate::step!("sec-topropertydescriptor", "7");
    let has_value = has_property(agent, obj, &"value".into())?;
    // 8. If hasValue is true, then
    crate::step!("sec-topropertydescriptor", "8");
    if has_value {
        // a. Let value be ? Get(Obj, "value").
        crate::step!("sec-topropertydescriptor", "8.a");
        let value = get(agent, obj, &"value".into())?;
        // b. Set desc.[[Value]] to value.
        crate::step!("sec-topropertydescriptor", "8.b");
        desc.value = Some(value);
    }
    // 9. Let hasWritable be ? HasProperty(Obj, "writable").
    crate::step!("sec-topropertydescriptor", "9");
    let has_writable = has_property(agent, obj, &"writable".into())?;
    // 10. If hasWritable is true, then
    crate::step!("sec-topropertydescriptor", "10");
    if has_writable {
        // a. Let writable be ToBoolean(? Get(Obj, "writable")).
        crate::step!("sec-topropertydescriptor", "10.a");
        let writable = to_boolean(&get(agent, obj, &"writable".into())?);
        // b. Set desc.[[Writable]] to writable.
        crate::step!("sec-topropertydescriptor", "10.b");
        desc.writable = Some(writable);
    }
    // 11. Let hasGet be ? HasProperty(Obj, "get").
    crate::step!("sec-topropertydescriptor", "11");
    let has_get = has_property(agent, obj, &"get".into())?;
    // 12. If hasGet is true, then
    crate::step!("sec-topropertydescriptor", "12");
    if has_get {
        // a. Let getter be ? Get(Obj, "get").
        crate::step!("sec-topropertydescriptor", "12.a");
        let getter = get(agent, obj, &"get".into())?;
        // b. If IsCallable(getter) is false and getter is not undefined, throw a TypeError
        //    exception.
        crate::step!("sec-topropertydescriptor", "12.b");
        if !is_callable(&getter) && !getter.is_undefined() {
            return Err(agent.type_error("getter must be a function or undefined"));
        }
        // c. Set desc.[[Get]] to getter.
        crate::step!("sec-topropertydescriptor", "12.c");
        desc.get = Some(getter);
    }
    // 13. Let hasSet be ? HasProperty(Obj, "set").
    crate::step!("sec-topropertydescriptor", "13");
    let has_set = has_property(agent, obj, &"set".into())?;
    // 14. If hasSet is true, then
    crate::step!("sec-topropertydescriptor", "14");
    if has_set {
        // a. Let setter be ? Get(Obj, "set").
        crate::step!("sec-topropertydescriptor", "14.a");
        let setter = get(agent, obj, &"set".into())?;
        // b. If IsCallable(setter) is false and setter is not undefined, throw a TypeError
        //    exception.
        crate::step!("sec-topropertydescriptor", "14.b");
        if !is_callable(&setter) && !setter.is_undefined() {
            return Err(agent.type_error("setter must be a function or undefined"));
        }
        // c. Set desc.[[Set]] to setter.
        crate::step!("sec-topropertydescriptor", "14.c");
        desc.set = Some(setter);
    }
    // 15. If desc has a [[Get]] field or desc has a [[Set]] field, then
    crate::step!("sec-topropertydescriptor", "15");
    if desc.get.is_some() || desc.set.is_some() {
        // a. If desc has a [[Value]] field or desc has a [[Writable]] field, throw a
        //    TypeError exception.
        crate::step!("sec-topropertydescriptor", "15.a");
        if desc.value.is_some() || desc.writable.is_some() {
            return Err(agent.type_error(
                "a property descriptor cannot be both an accessor and a data descriptor",
            ));
        }
    }
    // 16. Return desc.
    crate::step!("sec-topropertydescriptor", "16");
    Ok(desc)
}

/// CompletePropertyDescriptor(Desc) (6.2.6.6).
pub fn complete_property_descriptor(desc: &mut PropertyDescriptor) {
    // 1. Let like be the Record { [[Value]]: undefined, [[Writable]]: false, [[Get]]:
    //    undefined, [[Set]]: undefined, [[Enumerable]]: false, [[Configurable]]: false }.
    //    (its fields are the defaults below)
    crate::step!("sec-completepropertydescriptor", "1");
    // 2. If IsGenericDescriptor(Desc) is true or IsDataDescriptor(Desc) is true, then
    crate::step!("sec-completepropertydescriptor", "2");
    if desc.is_generic_descriptor() || desc.is_data_descriptor() {
        // a. If Desc does not have a [[Value]] field, set Desc.[[Value]] to like.[[Value]].
        crate::step!("sec-completepropertydescriptor", "2.a");
        desc.value.get_or_insert(Value::Undefined);
        // b. If Desc does not have a [[Writable]] field, set Desc.[[Writable]] to
        //    like.[[Writable]].
        crate::step!("sec-completepropertydescriptor", "2.b");
        desc.writable.get_or_insert(false);
    } else {
        // 3. Else,
        crate::step!("sec-completepropertydescriptor", "3");
        // a. If Desc does not have a [[Get]] field, set Desc.[[Get]] to like.[[Get]].
        crate::step!("sec-completepropertydescriptor", "3.a");
        desc.get.get_or_insert(Value::Undefined);
        // b. If Desc does not have a [[Set]] field, set Desc.[[Set]] to like.[[Set]].
        crate::step!("sec-completepropertydescriptor", "3.b");
        desc.set.get_or_insert(Value::Undefined);
    }
    // 4. If Desc does not have an [[Enumerable]] field, set Desc.[[Enumerable]] to
    //    like.[[Enumerable]].
    crate::step!("sec-completepropertydescriptor", "4");
    desc.enumerable.get_or_insert(false);
    // 5. If Desc does not have a [[Configurable]] field, set Desc.[[Configurable]] to
    //    like.[[Configurable]].
    crate::step!("sec-completepropertydescriptor", "5");
    desc.configurable.get_or_insert(false);
    // 6. Return unused.
    crate::step!("sec-completepropertydescriptor", "6");
}

/// The getter or setter of an accessor descriptor field as an object, if callable.
pub fn accessor_function(field: &Option<Value>) -> Option<Object> {
    match field {
        Some(Value::Object(o)) => Some(o.clone()),
        _ => None,
    }
}
