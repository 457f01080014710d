//! 10.4.2 Array Exotic Objects (sec-array-exotic-objects). The "length" property is an
//! ordinary own data property kept in step with the array indices by [[DefineOwnProperty]].

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{
    ElementList, InternalMethods, Object, Properties, Property, PropertyKey, PropertyMut,
};
use super::operations_on_objects::{construct, get, get_function_realm};
use super::ordinary_object_internal_methods::{
    ordinary_define_own_property, ordinary_get_own_property_steps, ORDINARY_METHODS,
};
use super::property_descriptor::PropertyDescriptor;
use super::realms::Intrinsic;
use super::testing_and_comparison::{is_array, is_constructor};
use super::type_conversion::{to_number, to_uint32};
use super::value::Value;

pub static ARRAY_METHODS: InternalMethods = InternalMethods {
    define_own_property: array_define_own_property,
    ..ORDINARY_METHODS
};

fn length_of(a: &Object) -> u32 {
    match a.own_property(&"length".into()) {
        Some(Property::Data {
            value: Value::Number(n),
            ..
        }) => n as u32,
        _ => 0,
    }
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.4.2.1).
#[crate::trace::checks_tracing_once]
fn array_define_own_property(
    agent: &mut Agent,
    a: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. If P is "length", then
    crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "1");
    if p.is_str("length") {
        // a. Return ? ArraySetLength(A, Desc).
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "1.a");
        return array_set_length(agent, a, desc);
    }
    // 2. Else if P is an array index, then
    crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2");
    if let PropertyKey::Index(index) = p {
        // a. Let lengthDesc be OrdinaryGetOwnProperty(A, "length").
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.a");
        let length_desc = ordinary_get_own_property_steps(a, &"length".into());
        // b. Assert: lengthDesc is not undefined.
        crate::spec_assert!(
            "sec-array-exotic-objects-defineownproperty-p-desc",
            "2.b",
            length_desc.is_some()
        );
        let length_desc = length_desc.unwrap_or_default();
        // c. Assert: IsDataDescriptor(lengthDesc) is true.
        crate::spec_assert!(
            "sec-array-exotic-objects-defineownproperty-p-desc",
            "2.c",
            length_desc.is_data_descriptor()
        );
        // d. Assert: lengthDesc.[[Configurable]] is false.
        crate::spec_assert!(
            "sec-array-exotic-objects-defineownproperty-p-desc",
            "2.d",
            length_desc.configurable == Some(false)
        );
        // e. Let length be lengthDesc.[[Value]].
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.e");
        let length = match length_desc.value {
            Some(Value::Number(n)) => n,
            _ => -1.0,
        };
        // f. Assert: length is a non-negative integral Number.
        crate::spec_assert!(
            "sec-array-exotic-objects-defineownproperty-p-desc",
            "2.f",
            length >= 0.0 && length.fract() == 0.0 && length <= f64::from(u32::MAX)
        );
        let length = length as u32;
        // g. Let index be ! ToUint32(P).
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.g");
        let index = *index;
        // h. If index ≥ length and lengthDesc.[[Writable]] is false, return false.
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.h");
        if index >= length && length_desc.writable == Some(false) {
            return Ok(false);
        }
        // i. Let succeeded be ! OrdinaryDefineOwnProperty(A, P, Desc).
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.i");
        let succeeded = ordinary_define_own_property(agent, a, p, desc)?;
        // j. If succeeded is false, return false.
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.j");
        if !succeeded {
            return Ok(false);
        }
        // k. If index ≥ length, then
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.k");
        if index >= length {
            // i. Set lengthDesc.[[Value]] to index + 1𝔽.
            crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.k.i");
            // ii. Set succeeded to ! OrdinaryDefineOwnProperty(A, "length", lengthDesc).
            //     (Only [[Value]] changes: the property is written directly.)
            crate::step!(
                "sec-array-exotic-objects-defineownproperty-p-desc",
                "2.k.ii"
            );
            set_length_value(a, f64::from(index) + 1.0);
            // iii. Assert: succeeded is true.
            crate::spec_assert!(
                "sec-array-exotic-objects-defineownproperty-p-desc",
                "2.k.iii",
                by: "length is writable (step 2.h) and only its [[Value]] changes"
            );
        }
        // l. Return true.
        crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "2.l");
        return Ok(true);
    }
    // 3. Return ? OrdinaryDefineOwnProperty(A, P, Desc).
    crate::step!("sec-array-exotic-objects-defineownproperty-p-desc", "3");
    ordinary_define_own_property(agent, a, p, desc)
}

/// CreateDataProperty(A, P, V) (7.3.5) for an Array A that does not have the array index
/// P (`index`), not observable (docs/ARCHITECTURE.md, "Cheaper common paths"): the steps of
/// [[DefineOwnProperty]] (10.4.2.1 step 2) read "length" once: false when index ≥ length
/// and "length" is read-only (2.h); OrdinaryDefineOwnProperty (2.i) on an extensible A
/// without P creates the data property (ValidateAndApplyPropertyDescriptor step 2), and
/// past the end "length" becomes index + 1 (2.k). Anything else (a non-extensible A, an
/// existing P) gives the value back (`Err`) for the spec's steps.
pub fn create_element(a: &Object, index: u32, v: Value) -> Result<bool, Value> {
    let key = PropertyKey::Index(index);
    let mut data = a.data_mut();
    let properties = &mut data.properties.0;
    // ("length", made by ArrayCreate, is the first property of the list but for an Array
    // made otherwise: looked at there before it is looked up by key.)
    let found = match properties.get_index(0) {
        Some((k @ PropertyKey::String(s), property)) if s.eq_ascii_or_str("length") => {
            Some((0, k, property))
        }
        _ => properties.get_full(&PropertyKey::from("length")),
    };
    let (length_position, length, writable) = match found {
        Some((
            position,
            _,
            Property::Data {
                value: Value::Number(n),
                writable,
                ..
            },
        )) => (position, *n, *writable),
        _ => return Err(v),
    };
    if !data.extensible || data.properties.0.contains_key(&key) {
        return Err(v);
    }
    let past_end = f64::from(index) >= length;
    if past_end && !writable {
        return Ok(false);
    }
    let properties = &mut data.properties.0;
    properties.insert(key, Property::data(v, true, true, true));
    if past_end {
        if let Some((_, Property::Data { value, .. })) = properties.get_index_mut(length_position) {
            *value = Value::Number(f64::from(index) + 1.0);
        }
    }
    Ok(true)
}

/// Whether `a` is an Array (its internal methods are the Array exotic object's) whose
/// "length" is a writable data property whose value is already `len`: then
/// Set(a, "length", 𝔽(len), true) changes nothing and succeeds (OrdinarySet 1-2 find the
/// own writable data property; OrdinarySetWithOwnDescriptor 2.a-d.iv call
/// [[DefineOwnProperty]], whose ArraySetLength, 10.4.2.4, with newLen = oldLen, ends with
/// OrdinaryDefineOwnProperty of the same value on the writable "length": true).
pub fn has_writable_length(a: &Object, len: u64) -> bool {
    if !std::ptr::eq(a.methods(), &ARRAY_METHODS) {
        return false;
    }
    let data = a.data();
    matches!(
        length_property(&data.properties.0),
        Some(Property::Data {
            value: Value::Number(n),
            writable: true,
            ..
        }) if *n == len as f64
    )
}

/// The "length" property of an Array's storage. ("length", made by ArrayCreate, is the
/// first property but for an Array made otherwise, as in `create_element`.)
fn length_property(properties: &Properties) -> Option<&Property> {
    match properties.get_index(0) {
        Some((PropertyKey::String(s), property)) if s.eq_ascii_or_str("length") => Some(property),
        _ => properties
            .get_full(&PropertyKey::from("length"))
            .map(|(_, _, property)| property),
    }
}

/// The steps of Array.prototype.push from step 5 on an extensible Array `a` whose
/// "length" is writable, when `appends_plainly` (23.1.3.23) holds for the prototype chain
/// and the new keys are array indices: each Set(a, ! ToString(𝔽(len)), E, true) is
/// `create_element` (the data property made, "length" set to len + 1) and the final
/// Set(a, "length", 𝔽(len), true) changes nothing; here in one step, "length" looked up
/// once. The new length, or `None` (nothing done) when `a` is not such an Array or the
/// length would pass 2^32 - 1.
pub fn append_elements(a: &Object, values: &[Value]) -> Option<u64> {
    let mut data = a.data_mut();
    if !std::ptr::eq(data.methods, &ARRAY_METHODS) || !data.extensible {
        return None;
    }
    let properties = &mut data.properties.0;
    let position = match properties.get_index(0) {
        Some((PropertyKey::String(s), _)) if s.eq_ascii_or_str("length") => 0,
        _ => properties.get_full(&PropertyKey::from("length"))?.0,
    };
    let len = match properties.get_index(position) {
        Some((
            _,
            Property::Data {
                value: Value::Number(n),
                writable: true,
                ..
            },
        )) if *n >= 0.0 && *n <= f64::from(u32::MAX) && n.fract() == 0.0 => *n as u64,
        _ => return None,
    };
    let new_len = len + values.len() as u64;
    if new_len > u64::from(u32::MAX) {
        return None;
    }
    for (k, v) in (len..new_len).zip(values) {
        // (An Array has no index at or above its length: each key is new.)
        properties.insert(
            PropertyKey::Index(k as u32),
            Property::data(v.copied(), true, true, true),
        );
    }
    if let Some((_, Property::Data { value, .. })) = properties.get_index_mut(position) {
        *value = Value::Number(new_len as f64);
    }
    Some(new_len)
}

/// LengthOfArrayLike(a) (7.3.18) for an Array `a` (its internal methods the Array exotic
/// object's): ToLength(? Get(a, "length")) where [[Get]] is OrdinaryGet of the own data
/// property "length", whose value is an integral Number from +0 to 2^32 - 1, its own
/// ToLength; no code runs. `None` for any other object (docs/ARCHITECTURE.md, "Cheaper
/// common paths").
pub fn array_length(a: &Object) -> Option<u64> {
    let data = a.data();
    if !std::ptr::eq(data.methods, &ARRAY_METHODS) {
        return None;
    }
    match length_property(&data.properties.0) {
        Some(Property::Data {
            value: Value::Number(n),
            ..
        }) if *n >= 0.0 && *n <= f64::from(u32::MAX) && n.fract() == 0.0 => Some(*n as u64),
        _ => None,
    }
}

fn set_length_value(a: &Object, length: f64) {
    // ("length" is never an element.)
    if let Some(PropertyMut::Property(Property::Data { value, .. })) = a
        .data_mut()
        .properties
        .0
        .get_mut(&PropertyKey::from("length"))
    {
        *value = Value::Number(length);
    }
}

/// After array elements were appended directly (CreateArrayFromList), sets "length" to
/// one past the largest index.
pub fn sync_length_after_append(a: &Object) {
    let max = a
        .data()
        .properties
        .0
        .keys()
        .filter_map(|k| match k {
            PropertyKey::Index(i) => Some(i),
            _ => None,
        })
        .max();
    if let Some(max) = max {
        if f64::from(max) + 1.0 > f64::from(length_of(a)) {
            set_length_value(a, f64::from(max) + 1.0);
        }
    }
}

/// ArrayCreate(0) (10.4.2.2) of the current realm followed by `! CreateDataPropertyOrThrow(A,
/// ! ToString(𝔽(n)), v)` for each value v of `values` (none a hole) at n = 0, 1, 2, …, for
/// an array literal whose elements were evaluated first (not while tracing;
/// docs/ARCHITECTURE.md, "Object creation"). ArrayCreate(0) cannot throw (step 1) and
/// uses %Array.prototype% of the current realm (step 2), the realm the literal's
/// evaluation ran in; each CreateDataPropertyOrThrow on the new, extensible A, which only
/// this has seen, reaches 10.4.2.1 step 2 ("length" writable, n ≥ length) and adds the
/// element (OrdinaryDefineOwnProperty) and sets "length" to n + 1 (step 2.k): A is made
/// with the elements and "length" = their number in place.
pub fn array_create_with_elements(agent: &mut Agent, values: ElementList) -> Object {
    let proto = agent.intrinsic(Intrinsic::ArrayPrototype);
    let length = values.len();
    // ("length" in a list shared with the Arrays made before with that length, while it
    // is small: docs/ARCHITECTURE.md, "Object creation".)
    if let Some(properties) = agent.shared_properties.array(length) {
        return Object::new_with_shared_properties(
            &ARRAY_METHODS,
            Some(proto),
            ObjectKind::Array,
            properties,
            values,
        );
    }
    Object::new_with_elements(
        &ARRAY_METHODS,
        Some(proto),
        ObjectKind::Array,
        vec![(
            PropertyKey::length_key(),
            Property::data(Value::Number(length as f64), true, false, false),
        )],
        values,
    )
}

/// ArrayCreate ( length [ , proto ] ) (10.4.2.2).
#[crate::trace::checks_tracing_once]
pub fn array_create(agent: &mut Agent, length: u64, proto: Option<Object>) -> JsResult<Object> {
    // 1. If length > 2^32 - 1, throw a RangeError exception.
    crate::step!("sec-arraycreate", "1");
    if length > u64::from(u32::MAX) {
        return Err(agent.range_error("invalid array length"));
    }
    // 2. If proto is not present, set proto to %Array.prototype%.
    crate::step!("sec-arraycreate", "2");
    let proto = proto.unwrap_or_else(|| agent.intrinsic(Intrinsic::ArrayPrototype));
    // 3. Let A be MakeBasicObject(« [[Prototype]], [[Extensible]] »).
    // 4. Set A.[[Prototype]] to proto.
    // 5. Set A.[[DefineOwnProperty]] as specified in 10.4.2.1.
    // (One constructor call does the three steps: the object is made with its prototype
    // and the Array internal methods.)
    crate::step!("sec-arraycreate", "3");
    crate::step!("sec-arraycreate", "4");
    crate::step!("sec-arraycreate", "5");
    // 6. Perform ! OrdinaryDefineOwnProperty(A, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    //    (On the new object, OrdinaryDefineOwnProperty only adds the property: A is made
    //    with it, in a list with room for it alone, as most Arrays have no other property
    //    that is not an element.)
    crate::step!("sec-arraycreate", "6");
    let a = Object::new_with_properties(
        &ARRAY_METHODS,
        Some(proto),
        ObjectKind::Array,
        vec![(
            PropertyKey::length_key(),
            Property::data(Value::Number(length as f64), true, false, false),
        )],
    );
    // 7. Return A.
    crate::step!("sec-arraycreate", "7");
    Ok(a)
}

/// ArraySpeciesCreate ( originalArray, length ) (10.4.2.3).
pub fn array_species_create(
    agent: &mut Agent,
    original_array: &Object,
    length: u64,
) -> JsResult<Object> {
    // 1. Let isArray be ? IsArray(originalArray).
    crate::step!("sec-arrayspeciescreate", "1");
    let is_array = is_array(agent, &Value::Object(original_array.clone()))?;
    // 2. If isArray is false, return ? ArrayCreate(length).
    crate::step!("sec-arrayspeciescreate", "2");
    if !is_array {
        return array_create(agent, length, None);
    }
    // 3. Let C be ? Get(originalArray, "constructor").
    crate::step!("sec-arrayspeciescreate", "3");
    let mut c = get(agent, original_array, &"constructor".into())?;
    // 4. If IsConstructor(C) is true, then
    crate::step!("sec-arrayspeciescreate", "4");
    if let Some(constructor) = as_constructor(&c) {
        // a. Let thisRealm be the current Realm Record.
        crate::step!("sec-arrayspeciescreate", "4.a");
        let this_realm = agent.current_realm();
        // b. Let realmC be ? GetFunctionRealm(C).
        crate::step!("sec-arrayspeciescreate", "4.b");
        let realm_c = get_function_realm(agent, &constructor)?;
        // c. If thisRealm and realmC are not the same Realm Record, then
        crate::step!("sec-arrayspeciescreate", "4.c");
        if this_realm != realm_c {
            // i. If SameValue(C, realmC.[[Intrinsics]].[[%Array%]]) is true, set C to
            //    undefined.
            crate::step!("sec-arrayspeciescreate", "4.c.i");
            if constructor == realm_c.intrinsic(Intrinsic::Array) {
                c = Value::Undefined;
            }
        }
    }
    // 5. If C is an Object, then
    crate::step!("sec-arrayspeciescreate", "5");
    if let Value::Object(constructor) = &c {
        // a. Set C to ? Get(C, %Symbol.species%).
        crate::step!("sec-arrayspeciescreate", "5.a");
        let species = PropertyKey::Symbol(agent.well_known.species.clone());
        c = get(agent, constructor, &species)?;
        // b. If C is null, set C to undefined.
        crate::step!("sec-arrayspeciescreate", "5.b");
        if c.is_null() {
            c = Value::Undefined;
        }
    }
    // 6. If C is undefined, return ? ArrayCreate(length).
    crate::step!("sec-arrayspeciescreate", "6");
    if c.is_undefined() {
        return array_create(agent, length, None);
    }
    // 7. If IsConstructor(C) is false, throw a TypeError exception.
    crate::step!("sec-arrayspeciescreate", "7");
    let Some(c) = as_constructor(&c) else {
        return Err(agent.type_error("species is not a constructor"));
    };
    // 8. Return ? Construct(C, « 𝔽(length) »).
    crate::step!("sec-arrayspeciescreate", "8");
    construct(agent, &c, &[Value::Number(length as f64)], None)
}

/// C as an object when IsConstructor(C) is true.
fn as_constructor(c: &Value) -> Option<Object> {
    match c {
        Value::Object(o) if is_constructor(c) => Some(o.clone()),
        _ => None,
    }
}

/// ArraySetLength ( A, Desc ) (10.4.2.4).
#[crate::trace::checks_tracing_once]
pub fn array_set_length(agent: &mut Agent, a: &Object, desc: PropertyDescriptor) -> JsResult<bool> {
    let length_key = PropertyKey::from("length");
    // 1. If Desc does not have a [[Value]] field, then
    crate::step!("sec-arraysetlength", "1");
    let Some(value) = desc.value.clone() else {
        //    a. Return ! OrdinaryDefineOwnProperty(A, "length", Desc).
        crate::step!("sec-arraysetlength", "1.a");
        return ordinary_define_own_property(agent, a, &length_key, desc);
    };
    // 2. Let newLenDesc be a copy of Desc.
    crate::step!("sec-arraysetlength", "2");
    let mut new_len_desc = desc;
    // 3. Let newLen be ? ToUint32(Desc.[[Value]]).
    crate::step!("sec-arraysetlength", "3");
    let new_len = to_uint32(agent, &value)?;
    // 4. Let numberLen be ? ToNumber(Desc.[[Value]]).
    crate::step!("sec-arraysetlength", "4");
    let number_len = to_number(agent, &value)?;
    // 5. If SameValueZero(newLen, numberLen) is false, throw a RangeError exception.
    crate::step!("sec-arraysetlength", "5");
    if f64::from(new_len) != number_len {
        return Err(agent.range_error("invalid array length"));
    }
    // 6. Set newLenDesc.[[Value]] to newLen.
    crate::step!("sec-arraysetlength", "6");
    new_len_desc.value = Some(Value::Number(f64::from(new_len)));
    // 7. Let oldLenDesc be OrdinaryGetOwnProperty(A, "length").
    crate::step!("sec-arraysetlength", "7");
    let old_len_desc = ordinary_get_own_property_steps(a, &length_key);
    // 8. Assert: oldLenDesc is not undefined.
    crate::spec_assert!("sec-arraysetlength", "8", old_len_desc.is_some());
    let old_len_desc = old_len_desc.unwrap_or_default();
    // 9. Assert: IsDataDescriptor(oldLenDesc) is true.
    crate::spec_assert!("sec-arraysetlength", "9", old_len_desc.is_data_descriptor());
    // 10. Assert: oldLenDesc.[[Configurable]] is false.
    crate::spec_assert!(
        "sec-arraysetlength",
        "10",
        old_len_desc.configurable == Some(false)
    );
    // 11. Let oldLen be oldLenDesc.[[Value]].
    crate::step!("sec-arraysetlength", "11");
    let old_len = length_of(a);
    // 12. If newLen ≥ oldLen, then
    crate::step!("sec-arraysetlength", "12");
    if new_len >= old_len {
        //     a. Return ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
        crate::step!("sec-arraysetlength", "12.a");
        return ordinary_define_own_property(agent, a, &length_key, new_len_desc);
    }
    // 13. If oldLenDesc.[[Writable]] is false, return false.
    crate::step!("sec-arraysetlength", "13");
    if old_len_desc.writable == Some(false) {
        return Ok(false);
    }
    // 14. If newLenDesc does not have a [[Writable]] field or newLenDesc.[[Writable]] is
    //     true, then
    crate::step!("sec-arraysetlength", "14");
    let new_writable = if new_len_desc.writable != Some(false) {
        // a. Let newWritable be true.
        crate::step!("sec-arraysetlength", "14.a");
        true
    } else {
        // 15. Else,
        crate::step!("sec-arraysetlength", "15");
        // a. NOTE: Setting the [[Writable]] attribute to false is deferred in case any
        //    elements cannot be deleted.
        crate::step!("sec-arraysetlength", "15.a");
        // b. Let newWritable be false.
        crate::step!("sec-arraysetlength", "15.b");
        // c. Set newLenDesc.[[Writable]] to true.
        crate::step!("sec-arraysetlength", "15.c");
        new_len_desc.writable = Some(true);
        false
    };
    // 16. Let succeeded be ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
    crate::step!("sec-arraysetlength", "16");
    let succeeded = ordinary_define_own_property(agent, a, &length_key, new_len_desc.clone())?;
    // 17. If succeeded is false, return false.
    crate::step!("sec-arraysetlength", "17");
    if !succeeded {
        return Ok(false);
    }
    // 18. For each own property key P of A such that P is an array index and ! ToUint32(P)
    //     ≥ newLen, in descending numeric index order, do
    crate::step!("sec-arraysetlength", "18");
    // Not observable (docs/ARCHITECTURE.md, "Dense elements"): with tracing off, for an
    // Array with the ordinary [[Delete]] and [[GetOwnProperty]], deleting an element (a
    // configurable data property) only removes it and gives true (OrdinaryDelete steps
    // 1-3), so the elements above each other doomed key, then those from newLen up, are
    // removed at once; the other doomed keys take the steps.
    let elements_at_once = !crate::trace::enabled() && std::ptr::eq(a.methods(), &ARRAY_METHODS);
    let mut doomed: Vec<u32> = if elements_at_once {
        a.data()
            .properties
            .0
            .keys_besides_elements()
            .filter_map(|k| match k {
                PropertyKey::Index(i) if *i >= new_len => Some(*i),
                _ => None,
            })
            .collect()
    } else {
        a.data()
            .properties
            .0
            .keys()
            .filter_map(|k| match k {
                PropertyKey::Index(i) if i >= new_len => Some(i),
                _ => None,
            })
            .collect()
    };
    doomed.sort_unstable_by(|x, y| y.cmp(x));
    for p in doomed {
        if elements_at_once {
            a.data_mut().properties.0.truncate_elements(p + 1);
        }
        // a. Let deleteSucceeded be ! A.[[Delete]](P).
        crate::step!("sec-arraysetlength", "18.a");
        let delete_succeeded = a.delete(agent, &PropertyKey::Index(p))?;
        // b. If deleteSucceeded is false, then
        crate::step!("sec-arraysetlength", "18.b");
        if !delete_succeeded {
            // i. Set newLenDesc.[[Value]] to ! ToUint32(P) + 1𝔽.
            crate::step!("sec-arraysetlength", "18.b.i");
            new_len_desc.value = Some(Value::Number(f64::from(p) + 1.0));
            // ii. If newWritable is false, set newLenDesc.[[Writable]] to false.
            crate::step!("sec-arraysetlength", "18.b.ii");
            if !new_writable {
                new_len_desc.writable = Some(false);
            }
            // iii. Perform ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
            crate::step!("sec-arraysetlength", "18.b.iii");
            ordinary_define_own_property(agent, a, &length_key, new_len_desc)?;
            // iv. Return false.
            crate::step!("sec-arraysetlength", "18.b.iv");
            return Ok(false);
        }
    }
    if elements_at_once {
        a.data_mut().properties.0.truncate_elements(new_len);
    }
    // 19. If newWritable is false, then
    crate::step!("sec-arraysetlength", "19");
    if !new_writable {
        // a. Set succeeded to ! OrdinaryDefineOwnProperty(A, "length", PropertyDescriptor {
        //    [[Writable]]: false }).
        crate::step!("sec-arraysetlength", "19.a");
        let desc = PropertyDescriptor {
            writable: Some(false),
            ..Default::default()
        };
        let succeeded = ordinary_define_own_property(agent, a, &length_key, desc)?;
        // b. Assert: succeeded is true.
        crate::spec_assert!("sec-arraysetlength", "19.b", succeeded);
    }
    // 20. Return true.
    crate::step!("sec-arraysetlength", "20");
    Ok(true)
}
