//! 10.1 Ordinary Object Internal Methods and Internal Slots
//! (sec-ordinary-object-internal-methods-and-internal-slots), and the object-creation
//! operations of 10.1.12-10.1.15.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::{InternalSlot, ObjectKind};
use super::object_type::{
    accessor_attribute, accessor_attribute_value, InternalMethods, Object, Property, PropertyKey,
    PropertyMut, PropertyRef,
};
use super::operations_on_objects::{call, create_data_property, get};
use super::property_descriptor::PropertyDescriptor;
use super::realms::{Intrinsic, Realm};
use super::testing_and_comparison::same_value;
use super::value::Value;

/// The internal methods of an ordinary object.
pub static ORDINARY_METHODS: InternalMethods = InternalMethods {
    get_prototype_of: ordinary_get_prototype_of,
    set_prototype_of: ordinary_set_prototype_of,
    is_extensible: ordinary_is_extensible,
    prevent_extensions: ordinary_prevent_extensions,
    get_own_property: ordinary_get_own_property,
    define_own_property: ordinary_define_own_property,
    has_property: ordinary_has_property,
    get: ordinary_get,
    set: ordinary_set,
    delete: ordinary_delete,
    own_property_keys: ordinary_own_property_keys,
    call: None,
    construct: None,
};

/// Whether `o` uses the ordinary [[Get]], [[GetOwnProperty]] and [[GetPrototypeOf]], so
/// that a property lookup on it cannot run user code except through accessors.
#[inline]
pub fn has_ordinary_lookup(o: &Object) -> bool {
    lookup_is_ordinary(o.methods())
}

/// The value of `o`'s own data property `p` when `o`'s [[Get]], [[GetOwnProperty]] and
/// [[GetPrototypeOf]] are the ordinary ones: O.[[Get]](P, Receiver) is then that value
/// (OrdinaryGet 10.1.8.1 steps 1 and 3, OrdinaryGetOwnProperty finding the property), with
/// no code run. `None` for anything else (the caller takes the steps).
#[inline]
pub fn ordinary_own_data_value(o: &Object, p: &PropertyKey) -> Option<Value> {
    let data = o.data();
    if !lookup_is_ordinary(data.methods) {
        return None;
    }
    // (A Number is copied without the general clone's dispatch.)
    match data.properties.0.lookup(p)? {
        PropertyRef::Element(Value::Number(n))
        | PropertyRef::Property(Property::Data {
            value: Value::Number(n),
            ..
        }) => Some(Value::Number(*n)),
        PropertyRef::Element(value) | PropertyRef::Property(Property::Data { value, .. }) => {
            Some(value.clone())
        }
        PropertyRef::Property(Property::Accessor { .. }) => None,
    }
}

/// O.[[Get]](P, O) when O and every object up its prototype chain until one has P (at most
/// [`CHAIN_DATA_DEPTH`] objects) use the ordinary [[Get]], [[GetOwnProperty]] and
/// [[GetPrototypeOf]], and P is a data property there or on none of them: OrdinaryGet
/// (10.1.8.1) steps 1 and 3 on the object that has it, steps 1-2.c on each before it (its
/// parent's [[Get]], the ordinary one), step 2.b at the chain's end (undefined); no code
/// runs. The objects are borrowed in turn, none cloned. `None` for anything else (an
/// accessor, an exotic object, a longer chain), with nothing done: the caller takes the
/// steps. Not while tracing (the caller checks).
#[inline]
pub fn ordinary_chain_data_value(o: &Object, p: &PropertyKey) -> Option<Value> {
    chain_data_value(o, p, CHAIN_DATA_DEPTH)
}

/// How many objects [`ordinary_chain_data_value`] looks at (each borrow held while the next
/// is looked at, on the native stack).
const CHAIN_DATA_DEPTH: u32 = 8;

fn chain_data_value(o: &Object, p: &PropertyKey, depth: u32) -> Option<Value> {
    let data = o.data();
    if !lookup_is_ordinary(data.methods) {
        return None;
    }
    match data.properties.0.lookup(p) {
        Some(PropertyRef::Element(value))
        | Some(PropertyRef::Property(Property::Data { value, .. })) => Some(value.clone()),
        Some(PropertyRef::Property(Property::Accessor { .. })) => None,
        None => match &data.prototype {
            None => Some(Value::Undefined),
            Some(parent) if depth > 1 => chain_data_value(parent, p, depth - 1),
            Some(_) => None,
        },
    }
}

/// [`ordinary_own_data_value`] when it is a Number (the Number; `None` for anything else).
#[inline]
pub fn ordinary_own_number(o: &Object, p: &PropertyKey) -> Option<f64> {
    let data = o.data();
    if !lookup_is_ordinary(data.methods) {
        return None;
    }
    match data.properties.0.lookup(p)? {
        PropertyRef::Element(Value::Number(n))
        | PropertyRef::Property(Property::Data {
            value: Value::Number(n),
            ..
        }) => Some(*n),
        _ => None,
    }
}

/// [`ordinary_own_number`] of the array-index key `index`, with an element the element
/// list holds read there (the first place `PropertyList::lookup` looks; anything else is
/// looked up by [`ordinary_own_number`], out of line).
#[inline(always)]
pub fn ordinary_own_element_number(o: &Object, index: u32) -> Option<f64> {
    let data = o.data();
    if !lookup_is_ordinary(data.methods) {
        return None;
    }
    match data.properties.0.element_value(index) {
        Some(Value::Number(n)) => Some(*n),
        Some(_) => None,
        None => {
            drop(data);
            ordinary_own_number_out_of_line(o, index)
        }
    }
}

/// [`ordinary_own_number`] of an array-index key not in the element list.
#[inline(never)]
fn ordinary_own_number_out_of_line(o: &Object, index: u32) -> Option<f64> {
    ordinary_own_number(o, &PropertyKey::Index(index))
}

/// OrdinarySet(O, P, V, O) — O.[[Set]](P, V, O) — for an ordinary object O (every
/// internal method the ordinary one) with an own writable data property P: steps 1-2 and
/// OrdinarySetWithOwnDescriptor 2.a-d.iv find the property, and OrdinaryDefineOwnProperty
/// with { [[Value]]: V } only replaces its [[Value]]; the result is true and no code runs.
/// The value goes back (`Err`) for anything else (the caller takes the steps).
#[inline]
pub fn ordinary_set_own_writable(o: &Object, p: &PropertyKey, v: Value) -> Result<(), Value> {
    let mut data = o.data_mut();
    if !std::ptr::eq(data.methods, &ORDINARY_METHODS) {
        return Err(v);
    }
    let slot = match data.properties.0.get_mut(p) {
        Some(PropertyMut::Element(value))
        | Some(PropertyMut::Property(Property::Data {
            value,
            writable: true,
            ..
        })) => value,
        _ => return Err(v),
    };
    let old = std::mem::replace(slot, v);
    drop(data);
    old.discard();
    Ok(())
}

/// [`ordinary_set_own_writable`] of a Number over a property (or element) holding a Number
/// (nothing to release): `Some(())` when done, `None`, and nothing done, for anything else.
#[inline]
pub fn ordinary_set_own_number(o: &Object, p: &PropertyKey, v: f64) -> Option<()> {
    let mut data = o.data_mut();
    if !std::ptr::eq(data.methods, &ORDINARY_METHODS) {
        return None;
    }
    match data.properties.0.get_mut(p)? {
        PropertyMut::Element(Value::Number(n))
        | PropertyMut::Property(Property::Data {
            value: Value::Number(n),
            writable: true,
            ..
        }) => {
            *n = v;
            Some(())
        }
        _ => None,
    }
}

/// [[GetPrototypeOf]] ( ) (10.1.1) → OrdinaryGetPrototypeOf ( O ) (10.1.1.1).
pub fn ordinary_get_prototype_of(_agent: &mut Agent, o: &Object) -> JsResult<Option<Object>> {
    // 1. Return O.[[Prototype]].
    crate::step!("sec-ordinarygetprototypeof", "1");
    Ok(o.data().prototype.clone())
}

/// [[SetPrototypeOf]] ( V ) (10.1.2) → OrdinarySetPrototypeOf ( O, V ) (10.1.2.1).
pub fn ordinary_set_prototype_of(
    _agent: &mut Agent,
    o: &Object,
    v: Option<Object>,
) -> JsResult<bool> {
    Ok(ordinary_set_prototype_of_steps(o, v))
}

/// The steps of OrdinarySetPrototypeOf (10.1.2.1); they cannot throw.
pub fn ordinary_set_prototype_of_steps(o: &Object, v: Option<Object>) -> bool {
    // 1. Let current be O.[[Prototype]].
    crate::step!("sec-ordinarysetprototypeof", "1");
    let current = o.data().prototype.clone();
    // 2. If SameValue(V, current) is true, return true.
    crate::step!("sec-ordinarysetprototypeof", "2");
    if v == current {
        return true;
    }
    // 3. Let extensible be O.[[Extensible]].
    crate::step!("sec-ordinarysetprototypeof", "3");
    // 4. If extensible is false, return false.
    crate::step!("sec-ordinarysetprototypeof", "4");
    if !o.data().extensible {
        return false;
    }
    // 5. Let p be V.
    crate::step!("sec-ordinarysetprototypeof", "5");
    let mut p = v.clone();
    // 6. Let done be false.
    crate::step!("sec-ordinarysetprototypeof", "6");
    // 7. Repeat, while done is false,
    crate::step!("sec-ordinarysetprototypeof", "7");
    loop {
        // a. If p is null, then
        crate::step!("sec-ordinarysetprototypeof", "7.a");
        let Some(candidate) = p else {
            // i. Set done to true.
            crate::step!("sec-ordinarysetprototypeof", "7.a.i");
            break;
        };
        // b. Else if SameValue(p, O) is true, then
        crate::step!("sec-ordinarysetprototypeof", "7.b");
        if candidate == *o {
            // i. Return false.
            crate::step!("sec-ordinarysetprototypeof", "7.b.i");
            return false;
        }
        // c. Else,
        crate::step!("sec-ordinarysetprototypeof", "7.c");
        //    i. If p.[[GetPrototypeOf]] is not the ordinary object internal method defined
        //       in 10.1.1, set done to true.
        crate::step!("sec-ordinarysetprototypeof", "7.c.i");
        if !std::ptr::fn_addr_eq(
            candidate.methods().get_prototype_of,
            ordinary_get_prototype_of as fn(_, _) -> _,
        ) {
            break;
        }
        //    ii. Else, set p to p.[[Prototype]].
        crate::step!("sec-ordinarysetprototypeof", "7.c.ii");
        p = candidate.data().prototype.clone();
    }
    // 8. Set O.[[Prototype]] to V.
    crate::step!("sec-ordinarysetprototypeof", "8");
    o.data_mut().prototype = v;
    // 9. Return true.
    crate::step!("sec-ordinarysetprototypeof", "9");
    true
}

/// [[IsExtensible]] ( ) (10.1.3) → OrdinaryIsExtensible ( O ) (10.1.3.1).
pub fn ordinary_is_extensible(_agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. Return O.[[Extensible]].
    crate::step!("sec-ordinaryisextensible", "1");
    Ok(o.data().extensible)
}

/// [[PreventExtensions]] ( ) (10.1.4) → OrdinaryPreventExtensions ( O ) (10.1.4.1).
pub fn ordinary_prevent_extensions(_agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. Set O.[[Extensible]] to false.
    crate::step!("sec-ordinarypreventextensions", "1");
    o.data_mut().extensible = false;
    // 2. Return true.
    crate::step!("sec-ordinarypreventextensions", "2");
    Ok(true)
}

/// [[GetOwnProperty]] ( P ) (10.1.5) → OrdinaryGetOwnProperty ( O, P ) (10.1.5.1).
pub fn ordinary_get_own_property(
    _agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    Ok(ordinary_get_own_property_steps(o, p))
}

/// The steps of OrdinaryGetOwnProperty (10.1.5.1); they cannot throw.
#[crate::trace::checks_tracing_once]
pub fn ordinary_get_own_property_steps(o: &Object, p: &PropertyKey) -> Option<PropertyDescriptor> {
    let data = o.data();
    // 1. If O does not have an own property with key P, return undefined.
    crate::step!("sec-ordinarygetownproperty", "1");
    let x = data.properties.0.get(p)?;
    let x: &Property = &x;
    // 2. Let D be a newly created Property Descriptor with no fields.
    crate::step!("sec-ordinarygetownproperty", "2");
    let mut d = PropertyDescriptor::default();
    // 3. Let X be O's own property whose key is P (x, found by step 1).
    crate::step!("sec-ordinarygetownproperty", "3");
    match x {
        // 4. If X is a data property, then
        Property::Data {
            value, writable, ..
        } => {
            if crate::trace::enabled() {
                crate::step!("sec-ordinarygetownproperty", "4");
                // a. Set D.[[Value]] to the value of X's [[Value]] attribute.
                crate::step!("sec-ordinarygetownproperty", "4.a");
            }
            d.value = Some(value.clone());
            // b. Set D.[[Writable]] to the value of X's [[Writable]] attribute.
            crate::step!("sec-ordinarygetownproperty", "4.b");
            d.writable = Some(*writable);
        }
        // 5. Else,
        Property::Accessor { get, set, .. } => {
            crate::step!("sec-ordinarygetownproperty", "5");
            // a. Assert: X is an accessor property.
            crate::spec_assert!("sec-ordinarygetownproperty", "5.a", by: "the match arm: X is a Property::Accessor");
            // b. Set D.[[Get]] to the value of X's [[Get]] attribute.
            crate::step!("sec-ordinarygetownproperty", "5.b");
            d.get = Some(accessor_attribute_value(get));
            // c. Set D.[[Set]] to the value of X's [[Set]] attribute.
            crate::step!("sec-ordinarygetownproperty", "5.c");
            d.set = Some(accessor_attribute_value(set));
        }
    }
    // 6. Set D.[[Enumerable]] to the value of X's [[Enumerable]] attribute.
    crate::step!("sec-ordinarygetownproperty", "6");
    d.enumerable = Some(x.enumerable());
    // 7. Set D.[[Configurable]] to the value of X's [[Configurable]] attribute.
    crate::step!("sec-ordinarygetownproperty", "7");
    d.configurable = Some(x.configurable());
    // 8. Return D.
    crate::step!("sec-ordinarygetownproperty", "8");
    Some(d)
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.1.6) → OrdinaryDefineOwnProperty ( O, P, Desc )
/// (10.1.6.1).
#[crate::trace::checks_tracing_once]
pub fn ordinary_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let current be ? O.[[GetOwnProperty]](P).
    crate::step!("sec-ordinarydefineownproperty", "1");
    let current = o.get_own_property(agent, p)?;
    // 2. Let extensible be ? IsExtensible(O).
    crate::step!("sec-ordinarydefineownproperty", "2");
    let extensible = o.is_extensible(agent)?;
    // 3. Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
    crate::step!("sec-ordinarydefineownproperty", "3");
    Ok(validate_and_apply_property_descriptor(
        Some(o),
        p,
        extensible,
        desc,
        current,
    ))
}

/// IsCompatiblePropertyDescriptor ( Extensible, Desc, Current ) (10.1.6.2).
pub fn is_compatible_property_descriptor(
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<PropertyDescriptor>,
) -> bool {
    // 1. Return ValidateAndApplyPropertyDescriptor(undefined, "", Extensible, Desc, Current).
    crate::step!("sec-iscompatiblepropertydescriptor", "1");
    validate_and_apply_property_descriptor(None, &"".into(), extensible, desc, current)
}

/// ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current ) (10.1.6.3).
#[crate::trace::checks_tracing_once]
pub fn validate_and_apply_property_descriptor(
    o: Option<&Object>,
    p: &PropertyKey,
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<PropertyDescriptor>,
) -> bool {
    // 1. Assert: P is a property key.
    crate::spec_assert!("sec-validateandapplypropertydescriptor", "1", by: "p is a PropertyKey");
    // 2. If current is undefined, then
    crate::step!("sec-validateandapplypropertydescriptor", "2");
    let Some(current) = current else {
        // a. If extensible is false, return false.
        crate::step!("sec-validateandapplypropertydescriptor", "2.a");
        if !extensible {
            return false;
        }
        // b. If O is undefined, return true.
        crate::step!("sec-validateandapplypropertydescriptor", "2.b");
        let Some(o) = o else {
            return true;
        };
        let enumerable = desc.enumerable.unwrap_or(false);
        let configurable = desc.configurable.unwrap_or(false);
        // c. If IsAccessorDescriptor(Desc) is true, then
        crate::step!("sec-validateandapplypropertydescriptor", "2.c");
        let property = if desc.is_accessor_descriptor() {
            //    i. Create an own accessor property named P of object O whose [[Get]],
            //       [[Set]], [[Enumerable]], and [[Configurable]] attributes are set to the
            //       value of the corresponding field in Desc if Desc has that field, or to
            //       the attribute's default value otherwise.
            crate::step!("sec-validateandapplypropertydescriptor", "2.c.i");
            Property::Accessor {
                get: accessor_attribute(desc.get.unwrap_or_default()),
                set: accessor_attribute(desc.set.unwrap_or_default()),
                enumerable,
                configurable,
            }
        } else {
            // d. Else,
            crate::step!("sec-validateandapplypropertydescriptor", "2.d");
            //    i. Create an own data property named P of object O whose [[Value]],
            //       [[Writable]], [[Enumerable]], and [[Configurable]] attributes are set to
            //       the value of the corresponding field in Desc if Desc has that field, or
            //       to the attribute's default value otherwise.
            crate::step!("sec-validateandapplypropertydescriptor", "2.d.i");
            Property::Data {
                value: desc.value.unwrap_or_default(),
                writable: desc.writable.unwrap_or(false),
                enumerable,
                configurable,
            }
        };
        o.insert_property(p.clone(), property);
        // e. Return true.
        crate::step!("sec-validateandapplypropertydescriptor", "2.e");
        return true;
    };
    // 3. Assert: current is a fully populated Property Descriptor.
    crate::spec_assert!(
        "sec-validateandapplypropertydescriptor",
        "3",
        current.enumerable.is_some()
            && current.configurable.is_some()
            && (current.is_data_descriptor() || current.is_accessor_descriptor())
    );
    // 4. If Desc does not have any fields, return true.
    crate::step!("sec-validateandapplypropertydescriptor", "4");
    if desc.value.is_none()
        && desc.writable.is_none()
        && desc.get.is_none()
        && desc.set.is_none()
        && desc.enumerable.is_none()
        && desc.configurable.is_none()
    {
        return true;
    }
    // 5. If current.[[Configurable]] is false, then
    crate::step!("sec-validateandapplypropertydescriptor", "5");
    if current.configurable == Some(false) {
        // a. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return
        //    false.
        crate::step!("sec-validateandapplypropertydescriptor", "5.a");
        if desc.configurable == Some(true) {
            return false;
        }
        // b. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is not
        //    current.[[Enumerable]], return false.
        crate::step!("sec-validateandapplypropertydescriptor", "5.b");
        if desc.enumerable.is_some() && desc.enumerable != current.enumerable {
            return false;
        }
        // c. If IsGenericDescriptor(Desc) is false and IsAccessorDescriptor(Desc) is not
        //    IsAccessorDescriptor(current), return false.
        crate::step!("sec-validateandapplypropertydescriptor", "5.c");
        if !desc.is_generic_descriptor()
            && desc.is_accessor_descriptor() != current.is_accessor_descriptor()
        {
            return false;
        }
        // d. If IsAccessorDescriptor(current) is true, then
        crate::step!("sec-validateandapplypropertydescriptor", "5.d");
        if current.is_accessor_descriptor() {
            // i. If Desc has a [[Get]] field and SameValue(Desc.[[Get]], current.[[Get]]) is
            //    false, return false.
            crate::step!("sec-validateandapplypropertydescriptor", "5.d.i");
            if let (Some(g), Some(cg)) = (&desc.get, &current.get) {
                if !same_value(g, cg) {
                    return false;
                }
            }
            // ii. If Desc has a [[Set]] field and SameValue(Desc.[[Set]], current.[[Set]])
            //     is false, return false.
            crate::step!("sec-validateandapplypropertydescriptor", "5.d.ii");
            if let (Some(s), Some(cs)) = (&desc.set, &current.set) {
                if !same_value(s, cs) {
                    return false;
                }
            }
        } else {
            // e. Else if current.[[Writable]] is false, then
            crate::step!("sec-validateandapplypropertydescriptor", "5.e");
            if current.writable == Some(false) {
                //    i. If Desc has a [[Writable]] field and Desc.[[Writable]] is true,
                //       return false.
                crate::step!("sec-validateandapplypropertydescriptor", "5.e.i");
                if desc.writable == Some(true) {
                    return false;
                }
                //    ii. NOTE: SameValue returns true for NaN values which may be
                //        distinguishable by other means. Returning here ensures that any
                //        existing property of O remains unmodified.
                crate::step!("sec-validateandapplypropertydescriptor", "5.e.ii");
                //    iii. If Desc has a [[Value]] field, return SameValue(Desc.[[Value]],
                //         current.[[Value]]).
                crate::step!("sec-validateandapplypropertydescriptor", "5.e.iii");
                if let (Some(v), Some(cv)) = (&desc.value, &current.value) {
                    return same_value(v, cv);
                }
            }
        }
    }
    // 6. If O is not undefined, then
    crate::step!("sec-validateandapplypropertydescriptor", "6");
    if let Some(o) = o {
        // (a.i-ii, b.i-ii) configurable and enumerable: Desc's field if it has one, else
        // current's.
        let configurable = desc.configurable.or(current.configurable).unwrap_or(false);
        let enumerable = desc.enumerable.or(current.enumerable).unwrap_or(false);
        // a. If IsDataDescriptor(current) is true and IsAccessorDescriptor(Desc) is true,
        //    then
        crate::step!("sec-validateandapplypropertydescriptor", "6.a");
        let property = if current.is_data_descriptor() && desc.is_accessor_descriptor() {
            //    i. If Desc has a [[Configurable]] field, let configurable be
            //       Desc.[[Configurable]]; else let configurable be current.[[Configurable]].
            crate::step!("sec-validateandapplypropertydescriptor", "6.a.i");
            //    ii. If Desc has a [[Enumerable]] field, let enumerable be
            //        Desc.[[Enumerable]]; else let enumerable be current.[[Enumerable]].
            crate::step!("sec-validateandapplypropertydescriptor", "6.a.ii");
            //    iii. Replace the property named P of object O with an accessor property
            //         whose [[Configurable]] and [[Enumerable]] attributes are set to
            //         configurable and enumerable, respectively, and whose [[Get]] and [[Set]]
            //         attributes are set to the value of the corresponding field in Desc if
            //         Desc has that field, or to the attribute's default value otherwise.
            crate::step!("sec-validateandapplypropertydescriptor", "6.a.iii");
            Property::Accessor {
                get: accessor_attribute(desc.get.unwrap_or_default()),
                set: accessor_attribute(desc.set.unwrap_or_default()),
                enumerable,
                configurable,
            }
        } else {
            // b. Else if IsAccessorDescriptor(current) is true and IsDataDescriptor(Desc) is
            //    true, then
            crate::step!("sec-validateandapplypropertydescriptor", "6.b");
            if current.is_accessor_descriptor() && desc.is_data_descriptor() {
                //    i. If Desc has a [[Configurable]] field, let configurable be
                //       Desc.[[Configurable]]; else let configurable be
                //       current.[[Configurable]].
                crate::step!("sec-validateandapplypropertydescriptor", "6.b.i");
                //    ii. If Desc has a [[Enumerable]] field, let enumerable be
                //        Desc.[[Enumerable]]; else let enumerable be current.[[Enumerable]].
                crate::step!("sec-validateandapplypropertydescriptor", "6.b.ii");
                //    iii. Replace the property named P of object O with a data property
                //         whose [[Configurable]] and [[Enumerable]] attributes are set to
                //         configurable and enumerable, respectively, and whose [[Value]] and
                //         [[Writable]] attributes are set to the value of the corresponding
                //         field in Desc if Desc has that field, or to the attribute's default
                //         value otherwise.
                crate::step!("sec-validateandapplypropertydescriptor", "6.b.iii");
                Property::Data {
                    value: desc.value.unwrap_or_default(),
                    writable: desc.writable.unwrap_or(false),
                    enumerable,
                    configurable,
                }
            } else {
                // c. Else,
                crate::step!("sec-validateandapplypropertydescriptor", "6.c");
                //    i. For each field of Desc, set the corresponding attribute of the
                //       property named P of object O to the value of the field.
                crate::step!("sec-validateandapplypropertydescriptor", "6.c.i");
                if current.is_accessor_descriptor() {
                    Property::Accessor {
                        get: accessor_attribute(desc.get.or(current.get).unwrap_or_default()),
                        set: accessor_attribute(desc.set.or(current.set).unwrap_or_default()),
                        enumerable,
                        configurable,
                    }
                } else {
                    Property::Data {
                        value: desc.value.or(current.value).unwrap_or_default(),
                        writable: desc.writable.or(current.writable).unwrap_or(false),
                        enumerable,
                        configurable,
                    }
                }
            }
        };
        o.insert_property(p.clone(), property);
    }
    // 7. Return true.
    crate::step!("sec-validateandapplypropertydescriptor", "7");
    true
}

/// [[HasProperty]] ( P ) (10.1.7) → OrdinaryHasProperty ( O, P ) (10.1.7.1).
pub fn ordinary_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let hasOwn be ? O.[[GetOwnProperty]](P).
    crate::step!("sec-ordinaryhasproperty", "1");
    let has_own = o.get_own_property(agent, p)?;
    // 2. If hasOwn is not undefined, return true.
    crate::step!("sec-ordinaryhasproperty", "2");
    if has_own.is_some() {
        return Ok(true);
    }
    // 3. Let parent be ? O.[[GetPrototypeOf]]().
    crate::step!("sec-ordinaryhasproperty", "3");
    let parent = o.get_prototype_of(agent)?;
    // 4. If parent is not null, then
    crate::step!("sec-ordinaryhasproperty", "4");
    if let Some(parent) = parent {
        // a. Return ? parent.[[HasProperty]](P).
        crate::step!("sec-ordinaryhasproperty", "4.a");
        agent.check_stack()?;
        return parent.has_property(agent, p);
    }
    // 5. Return false.
    crate::step!("sec-ordinaryhasproperty", "5");
    Ok(false)
}

/// [[Get]] ( P, Receiver ) (10.1.8) → OrdinaryGet ( O, P, Receiver ) (10.1.8.1).
#[crate::trace::checks_tracing_once]
pub fn ordinary_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // Walking a chain of ordinary objects needs no calls through the method tables: no
    // user code can run until an accessor or an exotic object is reached.
    let mut current = o.clone();
    let mut first = true;
    loop {
        let fast = has_ordinary_lookup(&current);
        if !first
            && !fast
            && !std::ptr::fn_addr_eq(current.methods().get, ordinary_get as fn(_, _, _, _) -> _)
        {
            // An exotic [[Get]] up the chain: c. Return ? parent.[[Get]](P, Receiver).
            agent.check_stack()?;
            return current.get(agent, p, receiver);
        }
        first = false;
        let desc = if fast && !crate::trace::enabled() {
            // With tracing off, a data property's value is returned without building its
            // descriptor (steps 1 and 3 of OrdinaryGet, and OrdinaryGetOwnProperty).
            let data = current.data();
            match data.properties.0.lookup(p) {
                // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
                Some(PropertyRef::Element(value))
                | Some(PropertyRef::Property(Property::Data { value, .. })) => {
                    return Ok(value.clone())
                }
                // And without an own property, step 2 (a-c) at once: the prototype's
                // [[Get]] (the loop's next turn), or undefined at the chain's end.
                None => match data.prototype.clone() {
                    None => return Ok(Value::Undefined),
                    Some(parent) => {
                        drop(data);
                        current = parent;
                        continue;
                    }
                },
                Some(other) => Some(other.to_property().to_descriptor()),
            }
        } else {
            // 1. Let desc be ? O.[[GetOwnProperty]](P).
            crate::step!("sec-ordinaryget", "1");
            if fast {
                ordinary_get_own_property_steps(&current, p)
            } else {
                current.get_own_property(agent, p)?
            }
        };
        // 2. If desc is undefined, then
        crate::step!("sec-ordinaryget", "2");
        let Some(desc) = desc else {
            //    a. Let parent be ? O.[[GetPrototypeOf]]().
            crate::step!("sec-ordinaryget", "2.a");
            let parent = if fast {
                current.data().prototype.clone()
            } else {
                current.get_prototype_of(agent)?
            };
            //    b. If parent is null, return undefined.
            crate::step!("sec-ordinaryget", "2.b");
            //    c. Return ? parent.[[Get]](P, Receiver).
            match parent {
                None => return Ok(Value::Undefined),
                Some(parent) => {
                    // (the loop's next turn is parent.[[Get]], or calls it when it is not
                    // the ordinary one)
                    crate::step!("sec-ordinaryget", "2.c");
                    current = parent;
                    continue;
                }
            }
        };
        // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
        crate::step!("sec-ordinaryget", "3");
        if desc.is_data_descriptor() {
            return Ok(desc.value.unwrap_or_default());
        }
        // 4. Assert: IsAccessorDescriptor(desc) is true.
        crate::spec_assert!("sec-ordinaryget", "4", desc.is_accessor_descriptor());
        // 5. Let getter be desc.[[Get]].
        crate::step!("sec-ordinaryget", "5");
        let getter = desc.get.unwrap_or_default();
        // 6. If getter is undefined, return undefined.
        crate::step!("sec-ordinaryget", "6");
        if getter.is_undefined() {
            return Ok(Value::Undefined);
        }
        // 7. Return ? Call(getter, Receiver).
        crate::step!("sec-ordinaryget", "7");
        return call(agent, &getter, receiver, &[]);
    }
}

/// [[Set]] ( P, V, Receiver ) (10.1.9) → OrdinarySet ( O, P, V, Receiver ) (10.1.9.1).
pub fn ordinary_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    // Fast paths, not observable (docs/ARCHITECTURE.md, "Cheaper common paths"): O is the
    // receiver (`set_on_receiver`).
    let v = match receiver {
        Value::Object(r) if r == o => match set_on_receiver(o, p, v) {
            ReceiverSet::Done(result) => return Ok(result),
            ReceiverSet::Create(v) => return create_data_property(agent, o, p, v),
            ReceiverSet::Steps(v) => v,
        },
        _ => v,
    };
    // 1. Let ownDesc be ? O.[[GetOwnProperty]](P).
    crate::step!("sec-ordinaryset", "1");
    let own_desc = o.get_own_property(agent, p)?;
    // 2. Return ? OrdinarySetWithOwnDescriptor(O, P, V, Receiver, ownDesc).
    crate::step!("sec-ordinaryset", "2");
    ordinary_set_with_own_descriptor(agent, o, p, v, receiver, own_desc)
}

/// What [`set_on_receiver`] found.
enum ReceiverSet {
    /// OrdinarySet's result, the value written.
    Done(bool),
    /// OrdinarySet comes down to CreateDataProperty(Receiver, P, V).
    Create(Value),
    /// Take the spec's steps.
    Steps(Value),
}

/// OrdinarySet(O, P, V, O) where it runs no code, for an O whose [[Get]],
/// [[GetOwnProperty]] and [[GetPrototypeOf]] are the ordinary ones:
/// - O has an own writable data property P and an ordinary [[DefineOwnProperty]] (or is an
///   Array and P an array index, below "length" as every element is, so 10.4.2.1 step 2
///   comes down to OrdinaryDefineOwnProperty): steps 1, 2.c-d.iv of
///   OrdinarySetWithOwnDescriptor only replace its [[Value]] (and a read-only one gives
///   false at step 2.a);
/// - O has no own property P and neither has any object of its prototype chain, each with
///   the ordinary [[Set]], [[Get]], [[GetOwnProperty]] and [[GetPrototypeOf]] (not while
///   tracing): each OrdinarySet finds no own property and passes the call to its
///   prototype (10.1.9.2 step 1.b.i), the last one takes the default data descriptor
///   (1.c.i), and Receiver.[[GetOwnProperty]](P) being undefined, step 2.e.ii is
///   CreateDataProperty(Receiver, P, V).
fn set_on_receiver(o: &Object, p: &PropertyKey, v: Value) -> ReceiverSet {
    let mut parent = {
        let mut data = o.data_mut();
        let methods = data.methods;
        if !lookup_is_ordinary(methods) {
            return ReceiverSet::Steps(v);
        }
        let define_is_ordinary =
            std::ptr::fn_addr_eq(
                methods.define_own_property,
                ordinary_define_own_property as fn(_, _, _, _) -> _,
            ) || (std::ptr::eq(methods, &super::array_exotic_objects::ARRAY_METHODS)
                && p.is_array_index());
        if let Some(property) = data.properties.0.get_mut(p) {
            return match property {
                PropertyMut::Element(value) if define_is_ordinary => {
                    *value = v;
                    ReceiverSet::Done(true)
                }
                PropertyMut::Property(Property::Data {
                    value, writable, ..
                }) if define_is_ordinary => {
                    if !*writable {
                        return ReceiverSet::Done(false);
                    }
                    *value = v;
                    ReceiverSet::Done(true)
                }
                _ => ReceiverSet::Steps(v),
            };
        }
        if crate::trace::enabled() {
            return ReceiverSet::Steps(v);
        }
        data.prototype.clone()
    };
    while let Some(object) = parent {
        let data = object.data();
        let methods = data.methods;
        if !lookup_is_ordinary(methods)
            || !std::ptr::fn_addr_eq(methods.set, ordinary_set as fn(_, _, _, _, _) -> _)
            || data.properties.0.contains_key(p)
        {
            return ReceiverSet::Steps(v);
        }
        parent = data.prototype.clone();
    }
    ReceiverSet::Create(v)
}

/// [`has_ordinary_lookup`] of a method table.
#[inline]
fn lookup_is_ordinary(methods: &InternalMethods) -> bool {
    // (The tables of ordinary objects and Arrays, by address first: one comparison each.)
    std::ptr::eq(methods, &super::array_exotic_objects::ARRAY_METHODS)
        || std::ptr::eq(methods, &ORDINARY_METHODS)
        || lookup_methods_are_ordinary(methods)
}

/// [`lookup_is_ordinary`] of another table: its [[Get]], [[GetOwnProperty]] and
/// [[GetPrototypeOf]] compared with the ordinary ones.
#[inline]
fn lookup_methods_are_ordinary(methods: &InternalMethods) -> bool {
    std::ptr::fn_addr_eq(methods.get, ordinary_get as fn(_, _, _, _) -> _)
        && std::ptr::fn_addr_eq(
            methods.get_own_property,
            ordinary_get_own_property as fn(_, _, _) -> _,
        )
        && std::ptr::fn_addr_eq(
            methods.get_prototype_of,
            ordinary_get_prototype_of as fn(_, _) -> _,
        )
}

/// Whether `o`'s [[DefineOwnProperty]], [[GetOwnProperty]] and [[IsExtensible]] are the
/// ordinary ones, so that defining a property on it runs no code.
pub fn defines_ordinarily(o: &Object) -> bool {
    // (The table read once: each read borrows the object.)
    let methods = o.methods();
    std::ptr::fn_addr_eq(
        methods.define_own_property,
        ordinary_define_own_property as fn(_, _, _, _) -> _,
    ) && std::ptr::fn_addr_eq(
        methods.get_own_property,
        ordinary_get_own_property as fn(_, _, _) -> _,
    ) && std::ptr::fn_addr_eq(
        methods.is_extensible,
        ordinary_is_extensible as fn(_, _) -> _,
    )
}

/// OrdinarySetWithOwnDescriptor ( O, P, V, Receiver, ownDesc ) (10.1.9.2).
#[crate::trace::checks_tracing_once]
pub fn ordinary_set_with_own_descriptor(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
    own_desc: Option<PropertyDescriptor>,
) -> JsResult<bool> {
    // 1. If ownDesc is undefined, then
    crate::step!("sec-ordinarysetwithowndescriptor", "1");
    let own_desc = match own_desc {
        Some(desc) => desc,
        None => {
            // a. Let parent be ? O.[[GetPrototypeOf]]().
            crate::step!("sec-ordinarysetwithowndescriptor", "1.a");
            let parent = o.get_prototype_of(agent)?;
            // b. If parent is not null, then
            crate::step!("sec-ordinarysetwithowndescriptor", "1.b");
            if let Some(parent) = parent {
                // i. Return ? parent.[[Set]](P, V, Receiver).
                crate::step!("sec-ordinarysetwithowndescriptor", "1.b.i");
                agent.check_stack()?;
                return parent.set(agent, p, v, receiver);
            }
            // c. Else,
            crate::step!("sec-ordinarysetwithowndescriptor", "1.c");
            //    i. Set ownDesc to the PropertyDescriptor { [[Value]]: undefined,
            //       [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true }.
            crate::step!("sec-ordinarysetwithowndescriptor", "1.c.i");
            PropertyDescriptor::data(Value::Undefined, true, true, true)
        }
    };
    // 2. If IsDataDescriptor(ownDesc) is true, then
    crate::step!("sec-ordinarysetwithowndescriptor", "2");
    if own_desc.is_data_descriptor() {
        // a. If ownDesc.[[Writable]] is false, return false.
        crate::step!("sec-ordinarysetwithowndescriptor", "2.a");
        if own_desc.writable == Some(false) {
            return Ok(false);
        }
        // b. If Receiver is not an Object, return false.
        crate::step!("sec-ordinarysetwithowndescriptor", "2.b");
        let Value::Object(receiver) = receiver else {
            return Ok(false);
        };
        // c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
        crate::step!("sec-ordinarysetwithowndescriptor", "2.c");
        let existing_descriptor = receiver.get_own_property(agent, p)?;
        // d. If existingDescriptor is not undefined, then
        crate::step!("sec-ordinarysetwithowndescriptor", "2.d");
        if let Some(existing) = existing_descriptor {
            // i. If IsAccessorDescriptor(existingDescriptor) is true, return false.
            crate::step!("sec-ordinarysetwithowndescriptor", "2.d.i");
            if existing.is_accessor_descriptor() {
                return Ok(false);
            }
            // ii. If existingDescriptor.[[Writable]] is false, return false.
            crate::step!("sec-ordinarysetwithowndescriptor", "2.d.ii");
            if existing.writable == Some(false) {
                return Ok(false);
            }
            // iii. Let valueDesc be the PropertyDescriptor { [[Value]]: V }.
            crate::step!("sec-ordinarysetwithowndescriptor", "2.d.iii");
            let value_desc = PropertyDescriptor::value_only(v);
            // iv. Return ? Receiver.[[DefineOwnProperty]](P, valueDesc).
            crate::step!("sec-ordinarysetwithowndescriptor", "2.d.iv");
            return receiver.define_own_property(agent, p, value_desc);
        }
        // e. Else,
        crate::step!("sec-ordinarysetwithowndescriptor", "2.e");
        //    i. Assert: Receiver does not currently have a property P.
        crate::spec_assert!(
            "sec-ordinarysetwithowndescriptor",
            "2.e.i",
            by: "step 2.c found no own property P, and nothing ran since"
        );
        //    ii. Return ? CreateDataProperty(Receiver, P, V).
        crate::step!("sec-ordinarysetwithowndescriptor", "2.e.ii");
        return create_data_property(agent, receiver, p, v);
    }
    // 3. Assert: IsAccessorDescriptor(ownDesc) is true.
    crate::spec_assert!(
        "sec-ordinarysetwithowndescriptor",
        "3",
        own_desc.is_accessor_descriptor()
    );
    // 4. Let setter be ownDesc.[[Set]].
    crate::step!("sec-ordinarysetwithowndescriptor", "4");
    let setter = own_desc.set.unwrap_or_default();
    // 5. If setter is undefined, return false.
    crate::step!("sec-ordinarysetwithowndescriptor", "5");
    if setter.is_undefined() {
        return Ok(false);
    }
    // 6. Perform ? Call(setter, Receiver, « V »).
    crate::step!("sec-ordinarysetwithowndescriptor", "6");
    call(agent, &setter, receiver, &[v])?;
    // 7. Return true.
    crate::step!("sec-ordinarysetwithowndescriptor", "7");
    Ok(true)
}

/// [[Delete]] ( P ) (10.1.10) → OrdinaryDelete ( O, P ) (10.1.10.1).
pub fn ordinary_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    crate::step!("sec-ordinarydelete", "1");
    let desc = o.get_own_property(agent, p)?;
    // 2. If desc is undefined, return true.
    crate::step!("sec-ordinarydelete", "2");
    let Some(desc) = desc else {
        return Ok(true);
    };
    // 3. If desc.[[Configurable]] is true, then
    crate::step!("sec-ordinarydelete", "3");
    if desc.configurable == Some(true) {
        // a. Remove the own property with name P from O.
        crate::step!("sec-ordinarydelete", "3.a");
        o.data_mut().properties.0.shift_remove(p);
        // b. Return true.
        crate::step!("sec-ordinarydelete", "3.b");
        return Ok(true);
    }
    // 4. Return false.
    crate::step!("sec-ordinarydelete", "4");
    Ok(false)
}

/// [[OwnPropertyKeys]] ( ) (10.1.11) → OrdinaryOwnPropertyKeys ( O ) (10.1.11.1).
pub fn ordinary_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    Ok(ordinary_own_property_keys_of(o))
}

/// The steps of OrdinaryOwnPropertyKeys; they cannot throw.
pub fn ordinary_own_property_keys_of(o: &Object) -> Vec<PropertyKey> {
    let data = o.data();
    let keys = &data.properties.0;
    // 1. Let keys be a new empty List.
    crate::step!("sec-ordinaryownpropertykeys", "1");
    // 2. For each own property key P of O such that P is an array index, in ascending
    //    numeric index order, do
    crate::step!("sec-ordinaryownpropertykeys", "2");
    let mut indices: Vec<u32> = keys
        .keys()
        .filter_map(|k| match k {
            PropertyKey::Index(i) => Some(i),
            _ => None,
        })
        .collect();
    indices.sort_unstable();
    let mut result: Vec<PropertyKey> = Vec::with_capacity(keys.len());
    for index in indices {
        // a. Append P to keys.
        crate::step!("sec-ordinaryownpropertykeys", "2.a");
        result.push(PropertyKey::Index(index));
    }
    // 3. For each own property key P of O such that P is a String and P is not an array
    //    index, in ascending chronological order of property creation, do
    crate::step!("sec-ordinaryownpropertykeys", "3");
    for key in keys.keys() {
        if matches!(key, PropertyKey::String(_)) {
            // a. Append P to keys.
            crate::step!("sec-ordinaryownpropertykeys", "3.a");
            result.push(key.clone());
        }
    }
    // 4. For each own property key P of O such that P is a Symbol, in ascending
    //    chronological order of property creation, do
    crate::step!("sec-ordinaryownpropertykeys", "4");
    for key in keys.keys() {
        if key.is_symbol() {
            // a. Append P to keys.
            crate::step!("sec-ordinaryownpropertykeys", "4.a");
            result.push(key.clone());
        }
    }
    // 5. Return keys.
    crate::step!("sec-ordinaryownpropertykeys", "5");
    result
}

/// OrdinaryObjectCreate ( proto [ , additionalInternalSlotsList ] ) (10.1.12).
pub fn ordinary_object_create(proto: Option<Object>) -> Object {
    ordinary_object_create_with(proto, ObjectKind::Ordinary)
}

/// OrdinaryObjectCreate with additional internal slots (`kind`).
#[crate::trace::checks_tracing_once]
pub fn ordinary_object_create_with(proto: Option<Object>, kind: ObjectKind) -> Object {
    // (One test of the tracing flag for the markers of steps 1-4: `Object::new` does them.)
    if crate::trace::enabled() {
        // 1. Let internalSlotsList be « [[Prototype]], [[Extensible]] ».
        crate::step!("sec-ordinaryobjectcreate", "1");
        // 2. If additionalInternalSlotsList is present, set internalSlotsList to the
        //    list-concatenation of internalSlotsList and additionalInternalSlotsList.
        //    (The additional slots are `kind`'s.)
        crate::step!("sec-ordinaryobjectcreate", "2");
        // 3. Let O be MakeBasicObject(internalSlotsList).
        crate::step!("sec-ordinaryobjectcreate", "3");
        // 4. Set O.[[Prototype]] to proto.
        crate::step!("sec-ordinaryobjectcreate", "4");
    }
    let o = Object::new(&ORDINARY_METHODS, proto, kind);
    // 5. Return O.
    crate::step!("sec-ordinaryobjectcreate", "5");
    o
}

/// OrdinaryCreateFromConstructor ( constructor, intrinsicDefaultProto [ ,
/// internalSlotsList ] ) (10.1.13).
#[crate::trace::checks_tracing_once]
pub fn ordinary_create_from_constructor(
    agent: &mut Agent,
    constructor: &Object,
    intrinsic_default_proto: Intrinsic,
    kind: ObjectKind,
) -> JsResult<Object> {
    // 1. Assert: intrinsicDefaultProto is this specification's name of an intrinsic
    //    object. The corresponding object must be an intrinsic that is intended to be used
    //    as the [[Prototype]] value of an object.
    crate::spec_assert!("sec-ordinarycreatefromconstructor", "1", by: "intrinsic_default_proto is an Intrinsic, a name of an intrinsic object");
    // 2. Let proto be ? GetPrototypeFromConstructor(constructor, intrinsicDefaultProto).
    crate::step!("sec-ordinarycreatefromconstructor", "2");
    let proto = get_prototype_from_constructor(agent, constructor, intrinsic_default_proto)?;
    if crate::trace::enabled() {
        // 3. If internalSlotsList is present, let slotsList be internalSlotsList.
        crate::step!("sec-ordinarycreatefromconstructor", "3");
        // 4. Else, let slotsList be a new empty List.
        //    (The slots are `kind`'s, ObjectKind::Ordinary for none: steps 3 and 4 are one.)
        crate::step!("sec-ordinarycreatefromconstructor", "4");
        // 5. Return OrdinaryObjectCreate(proto, slotsList).
        crate::step!("sec-ordinarycreatefromconstructor", "5");
    }
    Ok(ordinary_object_create_with(Some(proto), kind))
}

/// GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto ) (10.1.14).
#[crate::trace::checks_tracing_once]
pub fn get_prototype_from_constructor(
    agent: &mut Agent,
    constructor: &Object,
    intrinsic_default_proto: Intrinsic,
) -> JsResult<Object> {
    // 1. Assert: intrinsicDefaultProto is this specification's name of an intrinsic object.
    //    The corresponding object must be an intrinsic that is intended to be used as the
    //    [[Prototype]] value of an object.
    crate::spec_assert!("sec-getprototypefromconstructor", "1", by: "intrinsic_default_proto is an Intrinsic, a name of an intrinsic object");
    // 2. Let proto be ? Get(constructor, "prototype").
    crate::step!("sec-getprototypefromconstructor", "2");
    let proto = get(agent, constructor, &"prototype".into())?;
    // 3. If proto is not an Object, then
    crate::step!("sec-getprototypefromconstructor", "3");
    let proto = match proto {
        Value::Object(proto) => proto,
        _ => {
            // a. Let realm be ? GetFunctionRealm(constructor).
            crate::step!("sec-getprototypefromconstructor", "3.a");
            let realm: Realm =
                super::operations_on_objects::get_function_realm(agent, constructor)?;
            // b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
            crate::step!("sec-getprototypefromconstructor", "3.b");
            realm.intrinsic(intrinsic_default_proto)
        }
    };
    // 4. Return proto.
    crate::step!("sec-getprototypefromconstructor", "4");
    Ok(proto)
}

/// RequireInternalSlot ( O, internalSlot ) (10.1.15), returning O as an Object: the one
/// brand check of every built-in, so its TypeError reads the same everywhere.
/// `operation` names the built-in that asks ("Map.prototype.get").
pub fn require_internal_slot(
    agent: &mut Agent,
    o: &Value,
    internal_slot: InternalSlot,
    operation: impl std::fmt::Display,
) -> JsResult<Object> {
    // 1. If O is not an Object, throw a TypeError exception.
    crate::step!("sec-requireinternalslot", "1");
    let Value::Object(object) = o else {
        return Err(brand_check_error(agent, internal_slot, operation));
    };
    // 2. If O does not have an internalSlot internal slot, throw a TypeError exception.
    crate::step!("sec-requireinternalslot", "2");
    if !object.data().kind.has_internal_slot(internal_slot) {
        return Err(brand_check_error(agent, internal_slot, operation));
    }
    // 3. Return unused.
    crate::step!("sec-requireinternalslot", "3");
    Ok(object.clone())
}

/// The TypeError of a failed brand check ([`require_internal_slot`], and the ThisXValue
/// operations that accept a primitive too).
pub fn brand_check_error(
    agent: &mut Agent,
    internal_slot: InternalSlot,
    operation: impl std::fmt::Display,
) -> Value {
    agent.type_error(&format!(
        "{operation} requires {} (an object with a {} internal slot)",
        internal_slot.holder(),
        internal_slot.name()
    ))
}
