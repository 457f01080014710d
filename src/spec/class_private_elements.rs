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

/// PrivateElementFind ( O, P ) (7.3.26).
pub fn private_element_find(o: &Object, p: &PrivateName) -> Option<PrivateElement> {
    // 1. If O.[[PrivateElements]] contains a PrivateElement pe such that pe.[[Key]] is P,
    //    then a. Return pe.
    // 2. Return ~empty~.
    o.data()
        .private_elements
        .iter()
        .find(|pe| pe.key() == p)
        .cloned()
}

/// PrivateFieldAdd ( O, P, value ) (7.3.27).
pub fn private_field_add(
    agent: &mut Agent,
    o: &Object,
    p: &PrivateName,
    value: Value,
) -> JsResult<()> {
    // 1. If the host is a web browser, then a. Perform ? HostEnsureCanAddPrivateElement(O).
    // 2. Let entry be PrivateElementFind(O, P).
    // 3. If entry is not ~empty~, throw a TypeError exception.
    if private_element_find(o, p).is_some() {
        return Err(agent.type_error(&format!(
            "cannot initialize {} twice on the same object",
            p.description()
        )));
    }
    // 4. Append PrivateElement { [[Key]]: P, [[Kind]]: ~field~, [[Value]]: value } to
    //    O.[[PrivateElements]].
    o.data_mut().private_elements.push(PrivateElement::Field {
        key: p.clone(),
        value,
    });
    // 5. Return unused.
    Ok(())
}

/// PrivateMethodOrAccessorAdd ( O, method ) (7.3.28).
pub fn private_method_or_accessor_add(
    agent: &mut Agent,
    o: &Object,
    method: &PrivateElement,
) -> JsResult<()> {
    // 1. Assert: method.[[Kind]] is either ~method~ or ~accessor~.
    // 2. If the host is a web browser, then a. Perform ? HostEnsureCanAddPrivateElement(O).
    // 3. Let entry be PrivateElementFind(O, method.[[Key]]).
    // 4. If entry is not ~empty~, throw a TypeError exception.
    if private_element_find(o, method.key()).is_some() {
        return Err(agent.type_error(&format!(
            "cannot initialize {} twice on the same object",
            method.key().description()
        )));
    }
    // 5. Append method to O.[[PrivateElements]].
    o.data_mut().private_elements.push(method.clone());
    // 6. NOTE: The values of private methods and accessors are shared across instances.
    //    This operation does not create a new copy of the method or accessor.
    // 7. Return unused.
    Ok(())
}

/// PrivateGet ( O, P ) (7.3.30).
pub fn private_get(agent: &mut Agent, o: &Object, p: &PrivateName) -> JsResult<Value> {
    // 1. Let entry be PrivateElementFind(O, P).
    // 2. If entry is ~empty~, throw a TypeError exception.
    match private_element_find(o, p) {
        None => Err(agent.type_error(&format!(
            "cannot read private member {} from an object whose class did not declare it",
            p.description()
        ))),
        // 3. If entry.[[Kind]] is either ~field~ or ~method~, then a. Return entry.[[Value]].
        Some(PrivateElement::Field { value, .. }) => Ok(value),
        Some(PrivateElement::Method { value, .. }) => Ok(Value::Object(value)),
        // 4. Assert: entry.[[Kind]] is ~accessor~.
        // 5. If entry.[[Get]] is undefined, throw a TypeError exception.
        // 6. Let getter be entry.[[Get]].
        // 7. Return ? Call(getter, O).
        Some(PrivateElement::Accessor { get, .. }) => match get {
            None => {
                Err(agent.type_error(&format!("{} was defined without a getter", p.description())))
            }
            Some(getter) => call_object(agent, &getter, &Value::Object(o.clone()), &[]),
        },
    }
}

/// PrivateSet ( O, P, value ) (7.3.31).
pub fn private_set(agent: &mut Agent, o: &Object, p: &PrivateName, value: Value) -> JsResult<()> {
    // 1. Let entry be PrivateElementFind(O, P).
    // 2. If entry is ~empty~, throw a TypeError exception.
    match private_element_find(o, p) {
        None => Err(agent.type_error(&format!(
            "cannot write private member {} to an object whose class did not declare it",
            p.description()
        ))),
        // 3. If entry.[[Kind]] is ~field~, then a. Set entry.[[Value]] to value.
        Some(PrivateElement::Field { .. }) => {
            let mut data = o.data_mut();
            if let Some(PrivateElement::Field { value: slot, .. }) =
                data.private_elements.iter_mut().find(|pe| pe.key() == p)
            {
                *slot = value;
            }
            Ok(())
        }
        // 4. Else if entry.[[Kind]] is ~method~, then a. Throw a TypeError exception.
        Some(PrivateElement::Method { .. }) => Err(agent.type_error(&format!(
            "private method {} is not writable",
            p.description()
        ))),
        // 5. Else, a. Assert: entry.[[Kind]] is ~accessor~.
        //    b. If entry.[[Set]] is undefined, throw a TypeError exception.
        //    c. Let setter be entry.[[Set]].
        //    d. Perform ? Call(setter, O, « value »).
        Some(PrivateElement::Accessor { set, .. }) => match set {
            None => {
                Err(agent.type_error(&format!("{} was defined without a setter", p.description())))
            }
            Some(setter) => {
                call_object(agent, &setter, &Value::Object(o.clone()), &[value])?;
                Ok(())
            }
        },
    }
    // 6. Return unused.
}

/// DefineField ( receiver, fieldRecord ) (7.3.32).
pub fn define_field(
    agent: &mut Agent,
    receiver: &Object,
    field: &ClassFieldDefinition,
) -> JsResult<()> {
    // 1. Let fieldName be fieldRecord.[[Name]].
    // 2. Let initializer be fieldRecord.[[Initializer]].
    // 3. If initializer is not ~empty~, then
    //    a. Let initValue be ? Call(initializer, receiver).
    // 4. Else, a. Let initValue be undefined.
    let init_value = match &field.initializer {
        Some(initializer) => call(
            agent,
            &Value::Object(initializer.clone()),
            &Value::Object(receiver.clone()),
            &[],
        )?,
        None => Value::Undefined,
    };
    match &field.name {
        // 5. If fieldName is a Private Name, then
        //    a. Perform ? PrivateFieldAdd(receiver, fieldName, initValue).
        ClassFieldInitializerName::Private(name) => {
            private_field_add(agent, receiver, name, init_value)
        }
        // 6. Else, a. Assert: fieldName is a property key.
        //    b. Perform ? CreateDataPropertyOrThrow(receiver, fieldName, initValue).
        ClassFieldInitializerName::Key(key) => {
            create_data_property_or_throw(agent, receiver, key, init_value)
        }
    }
    // 7. Return unused.
}

/// InitializeInstanceElements ( O, constructor ) (7.3.33).
pub fn initialize_instance_elements(
    agent: &mut Agent,
    o: &Object,
    constructor: &Object,
) -> JsResult<()> {
    // 1. Let methods be the value of constructor.[[PrivateMethods]].
    // 3. Let fields be the value of constructor.[[Fields]].
    let Some((methods, fields)) = with_class_fields(constructor, |c| {
        (c.private_methods.clone(), c.fields.clone())
    }) else {
        return Ok(());
    };
    // 2. For each PrivateElement method of methods, do
    //    a. Perform ? PrivateMethodOrAccessorAdd(O, method).
    for method in &methods {
        private_method_or_accessor_add(agent, o, method)?;
    }
    // 4. For each element fieldRecord of fields, do
    //    a. Perform ? DefineField(O, fieldRecord).
    for field in &fields {
        define_field(agent, o, field)?;
    }
    // 5. Return unused.
    Ok(())
}

/// A property key field name, for callers that build ClassFieldDefinitions.
pub fn key_field_name(key: PropertyKey) -> ClassFieldInitializerName {
    ClassFieldInitializerName::Key(key)
}
