//! The private element operations of 7.3 (7.3.26-7.3.33: PrivateElementFind ...
//! InitializeInstanceElements) with the records they use: PrivateElement (6.2.10) and
//! ClassFieldDefinition (6.2.11).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::ecmascript_function_objects::{with_class_fields, ClassFieldInitializerName};
use super::object_type::{Object, PropertyKey};
use super::operations_on_objects::{call, call_object, create_data_property_or_throw};
use super::private_environment_records::PrivateName;
use super::value::Value;
use crate::{spec_assert, step};
use boa_gc::{Finalize, Trace};

/// A PrivateElement (6.2.10, Table 9).
#[derive(Clone, Debug, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PrivateElement {
    Field {
        key: PrivateName,
        value: Value,
    },
    Method {
        key: PrivateName,
        value: Object,
    },
    Accessor {
        key: PrivateName,
        get: Option<Object>,
        set: Option<Object>,
    },
}

impl PrivateElement {
    pub fn key(&self) -> &PrivateName {
        match self {
            PrivateElement::Field { key, .. }
            | PrivateElement::Method { key, .. }
            | PrivateElement::Accessor { key, .. } => key,
        }
    }
}

/// A ClassFieldDefinition Record (6.2.11, Table 10).
#[derive(Clone, Debug, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ClassFieldDefinition {
    /// [[Name]]: a property key or a Private Name.
    pub name: ClassFieldInitializerName,
    /// [[Initializer]]: an ECMAScript function object or ~empty~.
    pub initializer: Option<Object>,
}

/// Whether the host is a web browser (PrivateFieldAdd step 1, PrivateMethodOrAccessorAdd
/// step 2): it is not, so HostEnsureCanAddPrivateElement (7.3.29) is never called.
const HOST_IS_WEB_BROWSER: bool = false;

/// PrivateElementFind ( O, P ) (7.3.26).
pub fn private_element_find(o: &Object, p: &PrivateName) -> Option<PrivateElement> {
    // 1. If O.[[PrivateElements]] contains a PrivateElement pe such that pe.[[Key]] is P,
    //    then
    step!("sec-privateelementfind", "1");
    let pe = o
        .data()
        .private_elements
        .iter()
        .find(|pe| pe.key() == p)
        .cloned();
    if let Some(pe) = pe {
        // a. Return pe.
        step!("sec-privateelementfind", "1.a");
        return Some(pe);
    }
    // 2. Return empty.
    step!("sec-privateelementfind", "2");
    None
}

/// PrivateFieldAdd ( O, P, value ) (7.3.27).
pub fn private_field_add(
    agent: &mut Agent,
    o: &Object,
    p: &PrivateName,
    value: Value,
) -> JsResult<()> {
    // 1. If the host is a web browser, then
    step!("sec-privatefieldadd", "1");
    if HOST_IS_WEB_BROWSER {
        // a. Perform ? HostEnsureCanAddPrivateElement(O).
        step!("sec-privatefieldadd", "1.a");
    }
    // 2. Let entry be PrivateElementFind(O, P).
    step!("sec-privatefieldadd", "2");
    let entry = private_element_find(o, p);
    // 3. If entry is not empty, throw a TypeError exception.
    step!("sec-privatefieldadd", "3");
    if entry.is_some() {
        return Err(agent.type_error(&format!(
            "cannot initialize {} twice on the same object",
            p.description()
        )));
    }
    // 4. Append PrivateElement { [[Key]]: P, [[Kind]]: field, [[Value]]: value } to
    //    O.[[PrivateElements]].
    step!("sec-privatefieldadd", "4");
    o.data_mut().private_elements.push(PrivateElement::Field {
        key: p.clone(),
        value,
    });
    // 5. Return unused.
    step!("sec-privatefieldadd", "5");
    Ok(())
}

/// PrivateMethodOrAccessorAdd ( O, method ) (7.3.28).
pub fn private_method_or_accessor_add(
    agent: &mut Agent,
    o: &Object,
    method: &PrivateElement,
) -> JsResult<()> {
    // 1. Assert: method.[[Kind]] is either method or accessor.
    spec_assert!(
        "sec-privatemethodoraccessoradd",
        "1",
        !matches!(method, PrivateElement::Field { .. })
    );
    // 2. If the host is a web browser, then
    step!("sec-privatemethodoraccessoradd", "2");
    if HOST_IS_WEB_BROWSER {
        // a. Perform ? HostEnsureCanAddPrivateElement(O).
        step!("sec-privatemethodoraccessoradd", "2.a");
    }
    // 3. Let entry be PrivateElementFind(O, method.[[Key]]).
    step!("sec-privatemethodoraccessoradd", "3");
    let entry = private_element_find(o, method.key());
    // 4. If entry is not empty, throw a TypeError exception.
    step!("sec-privatemethodoraccessoradd", "4");
    if entry.is_some() {
        return Err(agent.type_error(&format!(
            "cannot initialize {} twice on the same object",
            method.key().description()
        )));
    }
    // 5. Append method to O.[[PrivateElements]].
    step!("sec-privatemethodoraccessoradd", "5");
    o.data_mut().private_elements.push(method.clone());
    // 6. Return unused.
    step!("sec-privatemethodoraccessoradd", "6");
    Ok(())
}

/// PrivateGet ( O, P ) (7.3.30).
pub fn private_get(agent: &mut Agent, o: &Object, p: &PrivateName) -> JsResult<Value> {
    // 1. Let entry be PrivateElementFind(O, P).
    step!("sec-privateget", "1");
    let entry = private_element_find(o, p);
    // 2. If entry is empty, throw a TypeError exception.
    step!("sec-privateget", "2");
    let Some(entry) = entry else {
        return Err(agent.type_error(&format!(
            "cannot read private member {} from an object whose class did not declare it",
            p.description()
        )));
    };
    // 3. If entry.[[Kind]] is either field or method, then
    step!("sec-privateget", "3");
    let get = match entry {
        PrivateElement::Field { .. } | PrivateElement::Method { .. } => {
            // a. Return entry.[[Value]].
            step!("sec-privateget", "3.a");
            return Ok(match entry {
                PrivateElement::Field { value, .. } => value,
                PrivateElement::Method { value, .. } => Value::Object(value),
                PrivateElement::Accessor { .. } => {
                    unreachable!("the arm is a field's or a method's")
                }
            });
        }
        PrivateElement::Accessor { get, .. } => get,
    };
    // 4. Assert: entry.[[Kind]] is accessor.
    spec_assert!("sec-privateget", "4", by: "the other kinds returned in step 3");
    // 5. If entry.[[Get]] is undefined, throw a TypeError exception.
    step!("sec-privateget", "5");
    let Some(get) = get else {
        return Err(agent.type_error(&format!("{} was defined without a getter", p.description())));
    };
    // 6. Let getter be entry.[[Get]].
    step!("sec-privateget", "6");
    let getter = get;
    // 7. Return ? Call(getter, O).
    step!("sec-privateget", "7");
    call_object(agent, &getter, &Value::Object(o.clone()), &[])
}

/// PrivateSet ( O, P, value ) (7.3.31).
pub fn private_set(agent: &mut Agent, o: &Object, p: &PrivateName, value: Value) -> JsResult<()> {
    // 1. Let entry be PrivateElementFind(O, P).
    step!("sec-privateset", "1");
    let entry = private_element_find(o, p);
    // 2. If entry is empty, throw a TypeError exception.
    step!("sec-privateset", "2");
    let Some(entry) = entry else {
        return Err(agent.type_error(&format!(
            "cannot write private member {} to an object whose class did not declare it",
            p.description()
        )));
    };
    // 3. If entry.[[Kind]] is field, then
    step!("sec-privateset", "3");
    match entry {
        PrivateElement::Field { .. } => {
            // a. Set entry.[[Value]] to value.
            step!("sec-privateset", "3.a");
            let mut data = o.data_mut();
            if let Some(PrivateElement::Field { value: slot, .. }) =
                data.private_elements.iter_mut().find(|pe| pe.key() == p)
            {
                *slot = value;
            }
        }
        other => {
            // 4. Else if entry.[[Kind]] is method, then
            step!("sec-privateset", "4");
            if let PrivateElement::Accessor { set, .. } = other {
                // 5. Else,
                step!("sec-privateset", "5");
                // a. Assert: entry.[[Kind]] is accessor.
                spec_assert!("sec-privateset", "5.a", by: "the branch is the accessor's");
                // b. If entry.[[Set]] is undefined, throw a TypeError exception.
                step!("sec-privateset", "5.b");
                let Some(set) = set else {
                    return Err(agent
                        .type_error(&format!("{} was defined without a setter", p.description())));
                };
                // c. Let setter be entry.[[Set]].
                step!("sec-privateset", "5.c");
                let setter = set;
                // d. Perform ? Call(setter, O, « value »).
                step!("sec-privateset", "5.d");
                call_object(agent, &setter, &Value::Object(o.clone()), &[value])?;
            } else {
                // a. Throw a TypeError exception.
                step!("sec-privateset", "4.a");
                return Err(agent.type_error(&format!(
                    "private method {} is not writable",
                    p.description()
                )));
            }
        }
    }
    // 6. Return unused.
    step!("sec-privateset", "6");
    Ok(())
}

/// DefineField ( receiver, fieldRecord ) (7.3.32).
pub fn define_field(
    agent: &mut Agent,
    receiver: &Object,
    field: &ClassFieldDefinition,
) -> JsResult<()> {
    // 1. Let fieldName be fieldRecord.[[Name]].
    step!("sec-definefield", "1");
    let field_name = &field.name;
    // 2. Let initializer be fieldRecord.[[Initializer]].
    step!("sec-definefield", "2");
    let initializer = &field.initializer;
    // 3. If initializer is not empty, then
    step!("sec-definefield", "3");
    let init_value = match initializer {
        Some(initializer) => {
            // a. Let initValue be ? Call(initializer, receiver).
            step!("sec-definefield", "3.a");
            call(
                agent,
                &Value::Object(initializer.clone()),
                &Value::Object(receiver.clone()),
                &[],
            )?
        }
        None => {
            // 4. Else,
            step!("sec-definefield", "4");
            // a. Let initValue be undefined.
            step!("sec-definefield", "4.a");
            Value::Undefined
        }
    };
    // 5. If fieldName is a Private Name, then
    step!("sec-definefield", "5");
    match field_name {
        ClassFieldInitializerName::Private(name) => {
            // a. Perform ? PrivateFieldAdd(receiver, fieldName, initValue).
            step!("sec-definefield", "5.a");
            private_field_add(agent, receiver, name, init_value)?;
        }
        ClassFieldInitializerName::Key(key) => {
            // 6. Else,
            step!("sec-definefield", "6");
            // a. Assert: fieldName is a property key.
            spec_assert!("sec-definefield", "6.a", by: "the match arm is the property key's");
            // b. Perform ? CreateDataPropertyOrThrow(receiver, fieldName, initValue).
            step!("sec-definefield", "6.b");
            create_data_property_or_throw(agent, receiver, key, init_value)?;
        }
    }
    // 7. Return unused.
    step!("sec-definefield", "7");
    Ok(())
}

/// InitializeInstanceElements ( O, constructor ) (7.3.33).
pub fn initialize_instance_elements(
    agent: &mut Agent,
    o: &Object,
    constructor: &Object,
) -> JsResult<()> {
    // (A constructor without class fields, a built-in's, has empty lists: nothing runs.)
    let Some((methods, fields)) = with_class_fields(constructor, |c| {
        (c.private_methods.clone(), c.fields.clone())
    }) else {
        return Ok(());
    };
    // 1. Let methods be constructor.[[PrivateMethods]].
    step!("sec-initializeinstanceelements", "1");
    // 2. For each PrivateElement method of methods, do
    step!("sec-initializeinstanceelements", "2");
    for method in &methods {
        // a. Perform ? PrivateMethodOrAccessorAdd(O, method).
        step!("sec-initializeinstanceelements", "2.a");
        private_method_or_accessor_add(agent, o, method)?;
    }
    // 3. Let fields be constructor.[[Fields]].
    step!("sec-initializeinstanceelements", "3");
    // 4. For each element fieldRecord of fields, do
    step!("sec-initializeinstanceelements", "4");
    for field in &fields {
        // a. Perform ? DefineField(O, fieldRecord).
        step!("sec-initializeinstanceelements", "4.a");
        define_field(agent, o, field)?;
    }
    // 5. Return unused.
    step!("sec-initializeinstanceelements", "5");
    Ok(())
}

/// A property key field name, for callers that build ClassFieldDefinitions.
pub fn key_field_name(key: PropertyKey) -> ClassFieldInitializerName {
    ClassFieldInitializerName::Key(key)
}
