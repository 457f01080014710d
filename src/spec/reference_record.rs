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

impl ReferenceName<'_> {
    /// The [[ReferencedName]] of EvaluatePropertyAccessWithExpressionKey's step 4:
    /// propertyNameValue, kept as a property key already when it is a String or a Symbol
    /// (ToPropertyKey of those runs no code), else as the value for PutValue/GetValue to
    /// convert.
    pub fn of_property_name_value(value: Value) -> Self {
        match value {
            Value::String(s) => ReferenceName::Key(PropertyKey::from_string(s)),
            Value::Symbol(s) => ReferenceName::Key(PropertyKey::Symbol(s)),
            other => ReferenceName::Value(other),
        }
    }
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
        // (Untraced, step 1 is skipped when it does not apply.)
        if crate::trace::enabled() || matches!(self.base, ReferenceBase::Unresolvable) {
            // 1. If V.[[Base]] is unresolvable, return false.
            crate::step!("sec-ispropertyreference", "1");
            if let ReferenceBase::Unresolvable = self.base {
                return false;
            }
        }
        // 2. If V.[[Base]] is an Environment Record, return false; otherwise return true.
        crate::step!("sec-ispropertyreference", "2");
        !matches!(self.base, ReferenceBase::Environment(_))
    }

    /// IsUnresolvableReference ( V ) (6.2.5.2).
    pub fn is_unresolvable_reference(&self) -> bool {
        // 1. If V.[[Base]] is unresolvable, return true; otherwise return false.
        crate::step!("sec-isunresolvablereference", "1");
        matches!(self.base, ReferenceBase::Unresolvable)
    }

    /// IsSuperReference ( V ) (6.2.5.3).
    pub fn is_super_reference(&self) -> bool {
        // 1. If V.[[ThisValue]] is not empty, return true; otherwise return false.
        crate::step!("sec-issuperreference", "1");
        self.this_value.is_some()
    }

    /// IsPrivateReference ( V ) (6.2.5.4).
    pub fn is_private_reference(&self) -> bool {
        // 1. If V.[[ReferencedName]] is a Private Name, return true; otherwise return false.
        crate::step!("sec-isprivatereference", "1");
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

/// The referenced name of a reference whose [[ReferencedName]] is a property key: an
/// identifier's String or a key (step 2.c of PutValue: an unresolvable reference's name).
fn referenced_key(name: &ReferenceName) -> PropertyKey {
    match name {
        ReferenceName::Identifier(n) => PropertyKey::from_str(n),
        ReferenceName::Key(k) => k.clone(),
        ReferenceName::Value(_) | ReferenceName::Private(_) => {
            unreachable!("an unresolvable reference names an identifier")
        }
    }
}

/// GetValue ( V ) (6.2.5.5), for a Reference Record.
pub fn get_value(agent: &mut Agent, reference: &Reference) -> JsResult<Value> {
    get_value_steps(agent, reference).map(|(value, _)| value)
}

/// GetValue ( V ) (6.2.5.5) on a Reference Record that a PutValue will use again (compound
/// and logical assignment, `++`/`--`): step 3.c.i's "Set V.[[ReferencedName]] to ..." is
/// kept, so the property key is computed once.
pub fn get_value_and_keep_key(agent: &mut Agent, reference: &mut Reference) -> JsResult<Value> {
    let (value, key) = get_value_steps(agent, reference)?;
    if let Some(key) = key {
        reference.name = ReferenceName::Key(key);
    }
    Ok(value)
}

/// The steps of GetValue ( V ) (6.2.5.5): the value, and the property key step 3.c.i
/// computed (the new V.[[ReferencedName]]) when it ran.
#[crate::trace::checks_tracing_once]
fn get_value_steps(
    agent: &mut Agent,
    reference: &Reference,
) -> JsResult<(Value, Option<PropertyKey>)> {
    if crate::trace::enabled() {
        // 1. If V is not a Reference Record, return V. (V is one: the callers use other values
        //    as they are, without GetValue.)
        crate::step!("sec-getvalue", "1");
        // 2. If IsUnresolvableReference(V) is true, throw a ReferenceError exception.
        crate::step!("sec-getvalue", "2");
    }
    if reference.is_unresolvable_reference() {
        return Err(
            agent.reference_error(&format!("{} is not defined", reference.name_for_messages()))
        );
    }
    // 3. If IsPropertyReference(V) is true, then
    crate::step!("sec-getvalue", "3");
    match &reference.base {
        ReferenceBase::Value(base) => {
            // a. Let baseObj be ? ToObject(V.[[Base]]).
            crate::step!("sec-getvalue", "3.a");
            let base_obj = to_object(agent, base)?;
            // (Untraced, step b is skipped when V is not a private reference.)
            if crate::trace::enabled() || matches!(reference.name, ReferenceName::Private(_)) {
                // b. If IsPrivateReference(V) is true, then
                crate::step!("sec-getvalue", "3.b");
                if let ReferenceName::Private(name) = &reference.name {
                    // i. Return ? PrivateGet(baseObj, V.[[ReferencedName]]).
                    crate::step!("sec-getvalue", "3.b.i");
                    return Ok((private_get(agent, &base_obj, name)?, None));
                }
            }
            // c. If V.[[ReferencedName]] is not a property key, then
            crate::step!("sec-getvalue", "3.c");
            let (key, converted) = match &reference.name {
                ReferenceName::Value(name) => {
                    // i. Set V.[[ReferencedName]] to ? ToPropertyKey(V.[[ReferencedName]]).
                    crate::step!("sec-getvalue", "3.c.i");
                    let key = to_property_key(agent, name)?;
                    (key.clone(), Some(key))
                }
                name => (referenced_key(name), None),
            };
            // d. Return ? baseObj.[[Get]](V.[[ReferencedName]], GetThisValue(V)).
            crate::step!("sec-getvalue", "3.d");
            let this_value = get_this_value(reference);
            Ok((base_obj.get(agent, &key, &this_value)?, converted))
        }
        // 4. Else,
        ReferenceBase::Environment(env) => {
            crate::step!("sec-getvalue", "4");
            // a. Let base be V.[[Base]].
            crate::step!("sec-getvalue", "4.a");
            // b. Assert: base is an Environment Record.
            crate::spec_assert!("sec-getvalue", "4.b", by: "the match arm: V.[[Base]] is an Env");
            // c. Return ? base.GetBindingValue(V.[[ReferencedName]], V.[[Strict]]) (see 9.1).
            crate::step!("sec-getvalue", "4.c");
            let ReferenceName::Identifier(name) = reference.name else {
                unreachable!("an environment reference names an identifier");
            };
            Ok((env.get_binding_value(agent, name, reference.strict)?, None))
        }
        ReferenceBase::Unresolvable => unreachable!("step 2 threw"),
    }
}

/// PutValue ( V, W ) (6.2.5.6), for a Reference Record.
#[crate::trace::checks_tracing_once]
pub fn put_value(agent: &mut Agent, reference: &Reference, value: Value) -> JsResult<()> {
    // 1. If V is not a Reference Record, throw a ReferenceError exception. (V is one: the
    //    early errors for assignment targets leave no other.)
    crate::step!("sec-putvalue", "1");
    // 2. If IsUnresolvableReference(V) is true, then
    crate::step!("sec-putvalue", "2");
    if reference.is_unresolvable_reference() {
        // a. If V.[[Strict]] is true, throw a ReferenceError exception.
        crate::step!("sec-putvalue", "2.a");
        if reference.strict {
            return Err(
                agent.reference_error(&format!("{} is not defined", reference.name_for_messages()))
            );
        }
        // b. Let globalObj be GetGlobalObject().
        crate::step!("sec-putvalue", "2.b");
        let global = agent.get_global_object();
        // c. Perform ? Set(globalObj, V.[[ReferencedName]], W, false).
        crate::step!("sec-putvalue", "2.c");
        let key = referenced_key(&reference.name);
        super::operations_on_objects::set(agent, &global, &key, value, false)?;
        // d. Return unused.
        crate::step!("sec-putvalue", "2.d");
        return Ok(());
    }
    // 3. If IsPropertyReference(V) is true, then
    crate::step!("sec-putvalue", "3");
    match &reference.base {
        ReferenceBase::Value(base) => {
            // a. Let baseObj be ? ToObject(V.[[Base]]).
            crate::step!("sec-putvalue", "3.a");
            let base_obj = to_object(agent, base)?;
            // b. If IsPrivateReference(V) is true, then
            crate::step!("sec-putvalue", "3.b");
            if let ReferenceName::Private(name) = &reference.name {
                // i. Return ? PrivateSet(baseObj, V.[[ReferencedName]], W).
                crate::step!("sec-putvalue", "3.b.i");
                return private_set(agent, &base_obj, name, value);
            }
            // c. If V.[[ReferencedName]] is not a property key, then
            crate::step!("sec-putvalue", "3.c");
            let key = match &reference.name {
                ReferenceName::Value(name) => {
                    // i. Set V.[[ReferencedName]] to ? ToPropertyKey(V.[[ReferencedName]]).
                    crate::step!("sec-putvalue", "3.c.i");
                    to_property_key(agent, name)?
                }
                name => referenced_key(name),
            };
            // d. Let succeeded be ? baseObj.[[Set]](V.[[ReferencedName]], W,
            //    GetThisValue(V)).
            crate::step!("sec-putvalue", "3.d");
            let this_value = get_this_value(reference);
            let succeeded = base_obj.set(agent, &key, value, &this_value)?;
            // e. If succeeded is false and V.[[Strict]] is true, throw a TypeError
            //    exception.
            crate::step!("sec-putvalue", "3.e");
            if !succeeded && reference.strict {
                return Err(
                    agent.type_error(&format!("cannot assign to read only property '{key}'"))
                );
            }
            // f. Return unused.
            crate::step!("sec-putvalue", "3.f");
            Ok(())
        }
        // 4. Else,
        ReferenceBase::Environment(env) => {
            crate::step!("sec-putvalue", "4");
            // a. Let base be V.[[Base]].
            crate::step!("sec-putvalue", "4.a");
            // b. Assert: base is an Environment Record.
            crate::spec_assert!("sec-putvalue", "4.b", by: "the match arm: V.[[Base]] is an Env");
            // c. Return ? base.SetMutableBinding(V.[[ReferencedName]], W, V.[[Strict]]) (see
            //    9.1).
            crate::step!("sec-putvalue", "4.c");
            let ReferenceName::Identifier(name) = reference.name else {
                unreachable!("an environment reference names an identifier");
            };
            env.set_mutable_binding(agent, name, value, reference.strict)
        }
        ReferenceBase::Unresolvable => unreachable!("step 2 returned"),
    }
}

/// GetThisValue ( V ) (6.2.5.7).
pub fn get_this_value(reference: &Reference) -> Value {
    // 1. Assert: IsPropertyReference(V) is true. (IsPropertyReference's own test, without
    //    its markers, which the check would silence anyway: every method call runs this.)
    crate::spec_assert!(
        "sec-getthisvalue",
        "1",
        matches!(reference.base, ReferenceBase::Value(_))
    );
    // 2. If IsSuperReference(V) is true, return V.[[ThisValue]]; otherwise return V.[[Base]].
    crate::step!("sec-getthisvalue", "2");
    match (&reference.this_value, &reference.base) {
        (Some(this), _) => this.clone(),
        (None, ReferenceBase::Value(base)) => base.clone(),
        _ => Value::Undefined,
    }
}

/// InitializeReferencedBinding ( V, W ) (6.2.5.8).
#[crate::trace::checks_tracing_once]
pub fn initialize_referenced_binding(
    agent: &mut Agent,
    reference: &Reference,
    value: Value,
) -> JsResult<()> {
    // 1. Assert: IsUnresolvableReference(V) is false.
    crate::spec_assert!(
        "sec-initializereferencedbinding",
        "1",
        !reference.is_unresolvable_reference()
    );
    // 2. Let base be V.[[Base]].
    crate::step!("sec-initializereferencedbinding", "2");
    // 3. Assert: base is an Environment Record.
    crate::spec_assert!(
        "sec-initializereferencedbinding",
        "3",
        matches!(reference.base, ReferenceBase::Environment(_))
    );
    // 4. Return ? base.InitializeBinding(V.[[ReferencedName]], W).
    crate::step!("sec-initializereferencedbinding", "4");
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
    // 1. Let privateEnv be the running execution context's PrivateEnvironment.
    crate::step!("sec-makeprivatereference", "1");
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    // 2. Assert: privateEnv is not null.
    crate::spec_assert!("sec-makeprivatereference", "2", private_env.is_some());
    let private_env = private_env.expect("step 2");
    // 3. Let privateName be ResolvePrivateIdentifier(privateEnv, privateIdentifier).
    crate::step!("sec-makeprivatereference", "3");
    let private_name = super::private_environment_records::resolve_private_identifier(
        &private_env,
        private_identifier,
    );
    // 4. Return the Reference Record { [[Base]]: baseValue, [[ReferencedName]]: privateName,
    //    [[Strict]]: true, [[ThisValue]]: empty }.
    crate::step!("sec-makeprivatereference", "4");
    Reference {
        base: ReferenceBase::Value(base_value),
        name: ReferenceName::Private(private_name),
        strict: true,
        this_value: None,
    }
}
