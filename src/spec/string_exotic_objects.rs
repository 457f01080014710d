//! 10.4.3 String Exotic Objects (sec-string-exotic-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, Property, PropertyKey};
use super::ordinary_object_internal_methods::{
    is_compatible_property_descriptor, ordinary_define_own_property, ordinary_get_own_property,
    ordinary_own_property_keys_of, ORDINARY_METHODS,
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
    // 2. If desc is not undefined, return desc.
    if let Some(desc) = ordinary_get_own_property(agent, s, p)? {
        return Ok(Some(desc));
    }
    // 3. Return StringGetOwnProperty(S, P).
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
    // 2. If stringDesc is not undefined, then
    if let Some(string_desc) = string_get_own_property(s, p) {
        // a. Let extensible be S.[[Extensible]].
        let extensible = s.data().extensible;
        // b. Return IsCompatiblePropertyDescriptor(extensible, Desc, stringDesc).
        return Ok(is_compatible_property_descriptor(
            extensible,
            desc,
            Some(string_desc),
        ));
    }
    // 3. Return ! OrdinaryDefineOwnProperty(S, P, Desc).
    ordinary_define_own_property(agent, s, p, desc)
}

/// [[OwnPropertyKeys]] ( ) (10.4.3.3).
fn string_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    // 1. Let keys be a new empty List.
    // 2. Let str be O.[[StringData]]. 3. Assert: str is a String.
    // 4. Let len be the length of str.
    let len = string_data(o).len() as u32;
    // 5. For each integer i such that 0 ≤ i < len, in ascending order, do
    //    a. Append ! ToString(𝔽(i)) to keys.
    let mut keys: Vec<PropertyKey> = (0..len).map(PropertyKey::Index).collect();
    // 6-9. Then the ordinary keys: array indices ≥ len ascending, strings, symbols.
    keys.extend(
        ordinary_own_property_keys_of(o)
            .into_iter()
            .filter(|k| !matches!(k, PropertyKey::Index(i) if *i < len)),
    );
    // 10. Return keys.
    Ok(keys)
}

/// StringCreate ( value, prototype ) (10.4.3.4).
pub fn string_create(value: JsString, prototype: Object) -> Object {
    // 1. Let S be MakeBasicObject(« [[Prototype]], [[Extensible]], [[StringData]] »).
    // 2. Set S.[[Prototype]] to prototype.
    // 3. Set S.[[StringData]] to value.
    // 4. Set S.[[GetOwnProperty]] as specified in 10.4.3.1.
    // 5. Set S.[[DefineOwnProperty]] as specified in 10.4.3.2.
    // 6. Set S.[[OwnPropertyKeys]] as specified in 10.4.3.3.
    let length = value.len() as f64;
    let s = Object::new(&STRING_METHODS, Some(prototype), ObjectKind::String(value));
    // 7. Let length be the length of value.
    // 8. Perform ! DefinePropertyOrThrow(S, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
    s.insert_property(
        "length".into(),
        Property::data(Value::Number(length), false, false, false),
    );
    // 9. Return S.
    s
}

/// StringGetOwnProperty ( S, P ) (10.4.3.5).
pub fn string_get_own_property(s: &Object, p: &PropertyKey) -> Option<PropertyDescriptor> {
    // 1. If P is not a String, return undefined.
    // 2. Let index be CanonicalNumericIndexString(P).
    // 3. If index is undefined, return undefined.
    // 4. If IsIntegralNumber(index) is false, return undefined.
    // 5. If index is -0𝔽 or index < -0𝔽, return undefined.
    // (An array-index key is exactly such an index below 2³² - 1; larger integral indices
    // are beyond any string's length.)
    let PropertyKey::Index(index) = p else {
        return None;
    };
    // 6. Let str be S.[[StringData]]. 7. Assert: str is a String.
    let string = string_data(s);
    // 8. Let len be the length of str.
    // 9. If ℝ(index) ≥ len, return undefined.
    let unit = *string.units().get(*index as usize)?;
    // 10. Let resultStr be the substring of str from ℝ(index) to ℝ(index) + 1.
    // 11. Return the PropertyDescriptor { [[Value]]: resultStr, [[Writable]]: false,
    //     [[Enumerable]]: true, [[Configurable]]: false }.
    Some(PropertyDescriptor::data(
        Value::String(JsString::from_units(&[unit])),
        false,
        true,
        false,
    ))
}
