//! 10.4.3 String Exotic Objects (sec-string-exotic-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, Property, PropertyKey};
use super::ordinary_object_internal_methods::{
    is_compatible_property_descriptor, ordinary_define_own_property, ordinary_get_own_property,
    ORDINARY_METHODS,
};
use super::property_descriptor::PropertyDescriptor;
use super::string_type::JsString;
use super::value::Value;

pub static STRING_METHODS: InternalMethods = InternalMethods {
    get_own_property: string_get_own_property_method,
    define_own_property: string_define_own_property,
    own_property_keys: string_own_property_keys,
    ..ORDINARY_METHODS
};

fn string_data(s: &Object) -> JsString {
    match &s.data().kind {
        ObjectKind::String(string) => string.clone(),
        _ => unreachable!("a String exotic object"),
    }
}

/// [[GetOwnProperty]] ( P ) (10.4.3.1).
fn string_get_own_property_method(
    agent: &mut Agent,
    s: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. Let desc be OrdinaryGetOwnProperty(S, P).
    crate::step!("sec-string-exotic-objects-getownproperty-p", "1");
    let desc = ordinary_get_own_property(agent, s, p)?;
    // 2. If desc is not undefined, return desc.
    crate::step!("sec-string-exotic-objects-getownproperty-p", "2");
    if desc.is_some() {
        return Ok(desc);
    }
    // 3. Return StringGetOwnProperty(S, P).
    crate::step!("sec-string-exotic-objects-getownproperty-p", "3");
    Ok(string_get_own_property(s, p))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.4.3.2).
fn string_define_own_property(
    agent: &mut Agent,
    s: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let stringDesc be StringGetOwnProperty(S, P).
    crate::step!("sec-string-exotic-objects-defineownproperty-p-desc", "1");
    let string_desc = string_get_own_property(s, p);
    // 2. If stringDesc is not undefined, then
    crate::step!("sec-string-exotic-objects-defineownproperty-p-desc", "2");
    if let Some(string_desc) = string_desc {
        // a. Let extensible be S.[[Extensible]].
        crate::step!("sec-string-exotic-objects-defineownproperty-p-desc", "2.a");
        let extensible = s.data().extensible;
        // b. Return IsCompatiblePropertyDescriptor(extensible, Desc, stringDesc).
        crate::step!("sec-string-exotic-objects-defineownproperty-p-desc", "2.b");
        return Ok(is_compatible_property_descriptor(
            extensible,
            desc,
            Some(string_desc),
        ));
    }
    // 3. Return ! OrdinaryDefineOwnProperty(S, P, Desc).
    crate::step!("sec-string-exotic-objects-defineownproperty-p-desc", "3");
    ordinary_define_own_property(agent, s, p, desc)
}

/// [[OwnPropertyKeys]] ( ) (10.4.3.3).
fn string_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    // 1. Let keys be a new empty List.
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "1");
    let mut keys: Vec<PropertyKey> = Vec::new();
    // 2. Let str be O.[[StringData]].
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "2");
    let string = string_data(o);
    // 3. Assert: str is a String.
    crate::spec_assert!("sec-string-exotic-objects-ownpropertykeys", "3", by: "[[StringData]] is a JsString");
    // 4. Let len be the length of str.
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "4");
    let len = string.len() as u32;
    // 5. For each integer i such that 0 ≤ i < len, in ascending order, do
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "5");
    for i in 0..len {
        // a. Append ! ToString(𝔽(i)) to keys.
        crate::step!("sec-string-exotic-objects-ownpropertykeys", "5.a");
        keys.push(PropertyKey::Index(i));
    }
    let data = o.data();
    let properties = &data.properties.0;
    // 6. For each own property key P of O such that P is an array index and !
    //    ToIntegerOrInfinity(P) ≥ len, in ascending numeric index order, do
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "6");
    let mut indices: Vec<u32> = properties
        .keys()
        .filter_map(|k| match k {
            PropertyKey::Index(i) if i >= len => Some(i),
            _ => None,
        })
        .collect();
    indices.sort_unstable();
    for index in indices {
        // a. Append P to keys.
        crate::step!("sec-string-exotic-objects-ownpropertykeys", "6.a");
        keys.push(PropertyKey::Index(index));
    }
    // 7. For each own property key P of O such that P is a String and P is not an array
    //    index, in ascending chronological order of property creation, do
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "7");
    for key in properties.keys() {
        if matches!(key, PropertyKey::String(_)) {
            // a. Append P to keys.
            crate::step!("sec-string-exotic-objects-ownpropertykeys", "7.a");
            keys.push(key.clone());
        }
    }
    // 8. For each own property key P of O such that P is a Symbol, in ascending
    //    chronological order of property creation, do
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "8");
    for key in properties.keys() {
        if key.is_symbol() {
            // a. Append P to keys.
            crate::step!("sec-string-exotic-objects-ownpropertykeys", "8.a");
            keys.push(key.clone());
        }
    }
    // 9. Return keys.
    crate::step!("sec-string-exotic-objects-ownpropertykeys", "9");
    Ok(keys)
}

/// StringCreate ( value, prototype ) (10.4.3.4).
#[crate::trace::checks_tracing_once]
pub fn string_create(value: JsString, prototype: Object) -> Object {
    // 7. Let length be the length of value. (Read first: step 3 moves value into S.)
    let length = value.len() as f64;
    // 1. Let S be MakeBasicObject(« [[Prototype]], [[Extensible]], [[StringData]] »).
    crate::step!("sec-stringcreate", "1");
    // 2. Set S.[[Prototype]] to prototype.
    crate::step!("sec-stringcreate", "2");
    // 3. Set S.[[StringData]] to value.
    crate::step!("sec-stringcreate", "3");
    // 4. Set S.[[GetOwnProperty]] as specified in 10.4.3.1.
    crate::step!("sec-stringcreate", "4");
    // 5. Set S.[[DefineOwnProperty]] as specified in 10.4.3.2.
    crate::step!("sec-stringcreate", "5");
    // 6. Set S.[[OwnPropertyKeys]] as specified in 10.4.3.3.
    crate::step!("sec-stringcreate", "6");
    let s = Object::new(&STRING_METHODS, Some(prototype), ObjectKind::String(value));
    crate::step!("sec-stringcreate", "7");
    // 8. Perform ! DefinePropertyOrThrow(S, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
    crate::step!("sec-stringcreate", "8");
    s.insert_property(
        "length".into(),
        Property::data(Value::Number(length), false, false, false),
    );
    // 9. Return S.
    crate::step!("sec-stringcreate", "9");
    s
}

/// StringGetOwnProperty ( S, P ) (10.4.3.5).
pub fn string_get_own_property(s: &Object, p: &PropertyKey) -> Option<PropertyDescriptor> {
    // 1. If P is not a String, return undefined.
    crate::step!("sec-stringgetownproperty", "1");
    if p.is_symbol() {
        return None;
    }
    // 2. Let index be CanonicalNumericIndexString(P).
    // 3. If index is not an integral Number, return undefined.
    // 4. If index is -0𝔽 or index < -0𝔽, return undefined.
    // (An array-index key is exactly such an index below 2³² - 1; larger integral indices
    // are beyond any string's length, and every other key is no such index.)
    crate::step!("sec-stringgetownproperty", "2");
    crate::step!("sec-stringgetownproperty", "3");
    crate::step!("sec-stringgetownproperty", "4");
    let PropertyKey::Index(index) = p else {
        return None;
    };
    // 5. Let str be S.[[StringData]].
    crate::step!("sec-stringgetownproperty", "5");
    let string = string_data(s);
    // 6. Assert: str is a String.
    crate::spec_assert!("sec-stringgetownproperty", "6", by: "[[StringData]] is a JsString");
    // 7. Let len be the length of str.
    crate::step!("sec-stringgetownproperty", "7");
    // 8. If ℝ(index) ≥ len, return undefined.
    crate::step!("sec-stringgetownproperty", "8");
    let unit = *string.units().get(*index as usize)?;
    // 9. Let resultStr be the substring of str from ℝ(index) to ℝ(index) + 1.
    crate::step!("sec-stringgetownproperty", "9");
    // 10. Return the PropertyDescriptor { [[Value]]: resultStr, [[Writable]]: false,
    //     [[Enumerable]]: true, [[Configurable]]: false }.
    crate::step!("sec-stringgetownproperty", "10");
    Some(PropertyDescriptor::data(
        Value::String(JsString::from_units(&[unit])),
        false,
        true,
        false,
    ))
}
