//! 6.2.5 The Reference Record Specification Type
//! (sec-reference-record-specification-type).
//!
//! A reference to an identifier borrows its name from the syntax tree (`'a`): references
//! never outlive the evaluation of the expression that made them.

use super::agents::Agent;
use super::class_private_elements::{private_get, private_set};
use super::completion_record::JsResult;
use super::environment_records::Env;
use super::object_type::PropertyKey;
use super::private_environment_records::PrivateName;
use super::type_conversion::{to_object, to_property_key};
use super::value::Value;

/// [[Base]].
#[derive(Clone, Debug)]
pub enum ReferenceBase {
    Value(Value),
    Environment(Env),
    Unresolvable,
}

/// [[ReferencedName]]: a String (identifier), a property key, a value not yet converted by
/// ToPropertyKey (EvaluatePropertyAccessWithExpressionKey defers it), or a Private Name.
#[derive(Clone, Debug)]
pub enum ReferenceName<'a> {
    Identifier(&'a str),
    Key(PropertyKey),
    Value(Value),
    Private(PrivateName),
}

#[derive(Clone, Debug)]
pub struct Reference<'a> {
    pub base: ReferenceBase,
    pub name: ReferenceName<'a>,
    pub strict: bool,
    /// [[ThisValue]]: `None` is ~empty~ (set only for `super.x` references).
    pub this_value: Option<Value>,
}

impl<'a> Reference<'a> {
    /// IsPropertyReference ( V ) (6.2.5.1).
    pub fn is_property_reference(&self) -> bool {
        // 1. If V.[[Base]] is ~unresolvable~, return false.
        // 2. If V.[[Base]] is an Environment Record, return false; otherwise return true.
        matches!(self.base, ReferenceBase::Value(_))
    }

    /// IsUnresolvableReference ( V ) (6.2.5.2).
    pub fn is_unresolvable_reference(&self) -> bool {
        matches!(self.base, ReferenceBase::Unresolvable)
    }

    /// IsSuperReference ( V ) (6.2.5.3).
    pub fn is_super_reference(&self) -> bool {
        self.this_value.is_some()
    }

    /// IsPrivateReference ( V ) (6.2.5.4).
    pub fn is_private_reference(&self) -> bool {
        matches!(self.name, ReferenceName::Private(_))
    }

    /// The referenced name as a String, for messages.
    pub fn name_for_messages(&self) -> String {
        match &self.name {
            ReferenceName::Identifier(n) => n.to_string(),
            ReferenceName::Key(k) => k.to_string(),
            ReferenceName::Value(_) => "property".to_string(),
            ReferenceName::Private(p) => p.description().to_string(),
        }
    }
}

/// Step c of GetValue and PutValue: "If V.[[ReferencedName]] is neither a String nor a
/// Symbol, set V.[[ReferencedName]] to ? ToPropertyKey(V.[[ReferencedName]])".
fn referenced_key(agent: &mut Agent, name: &ReferenceName) -> JsResult<PropertyKey> {
    match name {
        ReferenceName::Identifier(n) => Ok(PropertyKey::from_str(n)),
        ReferenceName::Key(k) => Ok(k.clone()),
        ReferenceName::Value(v) => to_property_key(agent, v),
        ReferenceName::Private(_) => unreachable!("private names are handled by the caller"),
    }
}

/// GetValue ( V ) (6.2.5.5), for a Reference Record.
pub fn get_value(agent: &mut Agent, reference: &Reference) -> JsResult<Value> {
    match &reference.base {
        // 2. If IsUnresolvableReference(V) is true, throw a ReferenceError exception.
        ReferenceBase::Unresolvable => {
            Err(agent.reference_error(&format!("{} is not defined", reference.name_for_messages())))
        }
        // 3. If IsPropertyReference(V) is true, then
        ReferenceBase::Value(base) => {
            // a. Let baseObj be ? ToObject(V.[[Base]]).
            let base_obj = to_object(agent, base)?;
            // b. If IsPrivateReference(V) is true, then
            //    i. Return ? PrivateGet(baseObj, V.[[ReferencedName]]).
            if let ReferenceName::Private(name) = &reference.name {
                return private_get(agent, &base_obj, name);
            }
            // c. If V.[[ReferencedName]] is neither a String nor a Symbol, then
            //    i. Let referencedName be ? ToPropertyKey(V.[[ReferencedName]]).
            let key = referenced_key(agent, &reference.name)?;
            // d. Return ? baseObj.[[Get]](V.[[ReferencedName]], GetThisValue(V)).
            let this_value = get_this_value(reference);
            base_obj.get(agent, &key, &this_value)
        }
        // 4. Else, a. Let base be V.[[Base]]. b. Assert: base is an Environment Record.
        //    c. Return ? base.GetBindingValue(V.[[ReferencedName]], V.[[Strict]]).
        ReferenceBase::Environment(env) => {
            let ReferenceName::Identifier(name) = reference.name else {
                unreachable!("an environment reference names an identifier");
            };
            env.get_binding_value(agent, name, reference.strict)
        }
    }
}

/// GetValue ( V ) (6.2.5.5) on a Reference Record that a PutValue will use again (compound
/// and logical assignment, `++`/`--`): step 3.c's "Set V.[[ReferencedName]] to
/// referencedName" is kept, so the property key is computed once.
pub fn get_value_and_keep_key(agent: &mut Agent, reference: &mut Reference) -> JsResult<Value> {
    if let (ReferenceBase::Value(base), ReferenceName::Value(name)) =
        (&reference.base, &reference.name)
    {
        // a. Let baseObj be ? ToObject(V.[[Base]]).
        let base_obj = to_object(agent, base)?;
        // c. i. Let referencedName be ? ToPropertyKey(V.[[ReferencedName]]).
        //    ii. Set V.[[ReferencedName]] to referencedName.
        let key = to_property_key(agent, name)?;
        reference.name = ReferenceName::Key(key.clone());
        // d. Return ? baseObj.[[Get]](V.[[ReferencedName]], GetThisValue(V)).
        let this_value = get_this_value(reference);
        return base_obj.get(agent, &key, &this_value);
    }
    get_value(agent, reference)
}

/// PutValue ( V, W ) (6.2.5.6), for a Reference Record.
pub fn put_value(agent: &mut Agent, reference: &Reference, value: Value) -> JsResult<()> {
    match &reference.base {
        // 2. If IsUnresolvableReference(V) is true, then
        ReferenceBase::Unresolvable => {
            // a. If V.[[Strict]] is true, throw a ReferenceError exception.
            if reference.strict {
                return Err(agent.reference_error(&format!(
                    "{} is not defined",
                    reference.name_for_messages()
                )));
            }
            // b. Let globalObj be GetGlobalObject().
            let global = agent.get_global_object();
            // c. Perform ? Set(globalObj, V.[[ReferencedName]], W, false).
            let key = referenced_key(agent, &reference.name)?;
            super::operations_on_objects::set(agent, &global, &key, value, false)?;
            // d. Return unused.
            Ok(())
        }
        // 3. If IsPropertyReference(V) is true, then
        ReferenceBase::Value(base) => {
            // a. Let baseObj be ? ToObject(V.[[Base]]).
            let base_obj = to_object(agent, base)?;
            // b. If IsPrivateReference(V) is true, then
            //    i. Return ? PrivateSet(baseObj, V.[[ReferencedName]], W).
            if let ReferenceName::Private(name) = &reference.name {
                return private_set(agent, &base_obj, name, value);
            }
            // c. If V.[[ReferencedName]] is neither a String nor a Symbol, then
            //    i. Set V.[[ReferencedName]] to ? ToPropertyKey(V.[[ReferencedName]]).
            let key = referenced_key(agent, &reference.name)?;
            // d. Let succeeded be ? baseObj.[[Set]](V.[[ReferencedName]], W,
            //    GetThisValue(V)).
            let this_value = get_this_value(reference);
            let succeeded = base_obj.set(agent, &key, value, &this_value)?;
            // e. If succeeded is false and V.[[Strict]] is true, throw a TypeError.
            if !succeeded && reference.strict {
                return Err(
                    agent.type_error(&format!("cannot assign to read only property '{key}'"))
                );
            }
            // f. Return unused.
            Ok(())
        }
        // 4. Else, a. Let base be V.[[Base]]. b. Assert: base is an Environment Record.
        //    c. Return ? base.SetMutableBinding(V.[[ReferencedName]], W, V.[[Strict]]).
        ReferenceBase::Environment(env) => {
            let ReferenceName::Identifier(name) = reference.name else {
                unreachable!("an environment reference names an identifier");
            };
            env.set_mutable_binding(agent, name, value, reference.strict)
        }
    }
}

/// GetThisValue ( V ) (6.2.5.7).
pub fn get_this_value(reference: &Reference) -> Value {
    // 1. Assert: IsPropertyReference(V) is true.
    // 2. If IsSuperReference(V) is true, return V.[[ThisValue]]; otherwise return V.[[Base]].
    match (&reference.this_value, &reference.base) {
        (Some(this), _) => this.clone(),
        (None, ReferenceBase::Value(base)) => base.clone(),
        _ => Value::Undefined,
    }
}

/// InitializeReferencedBinding ( V, W ) (6.2.5.8).
pub fn initialize_referenced_binding(
    agent: &mut Agent,
    reference: &Reference,
    value: Value,
) -> JsResult<()> {
    // 1. Assert: IsUnresolvableReference(V) is false.
    // 2. Let base be V.[[Base]]. 3. Assert: base is an Environment Record.
    // 4. Return ? base.InitializeBinding(V.[[ReferencedName]], W).
    match (&reference.base, &reference.name) {
        (ReferenceBase::Environment(env), ReferenceName::Identifier(name)) => {
            env.initialize_binding(agent, name, value)
        }
        _ => unreachable!("InitializeReferencedBinding on a reference to a binding"),
    }
}

/// MakePrivateReference ( baseValue, privateIdentifier ) (6.2.5.9).
pub fn make_private_reference<'a>(
    agent: &mut Agent,
    base_value: Value,
    private_identifier: &str,
) -> Reference<'a> {
    // 1. Let privEnv be the running execution context's PrivateEnvironment.
    // 2. Assert: privEnv is not null.
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone()
        .expect("early errors guarantee a PrivateEnvironment");
    // 3. Let privateName be ResolvePrivateIdentifier(privEnv, privateIdentifier).
    let private_name = super::private_environment_records::resolve_private_identifier(
        &private_env,
        private_identifier,
    );
    // 4. Return the Reference Record { [[Base]]: baseValue, [[ReferencedName]]: privateName,
    //    [[Strict]]: true, [[ThisValue]]: ~empty~ }.
    Reference {
        base: ReferenceBase::Value(base_value),
        name: ReferenceName::Private(private_name),
        strict: true,
        this_value: None,
    }
}
