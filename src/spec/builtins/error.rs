//! 20.5 Error Objects (sec-error-objects): %Error%, the NativeError constructors (20.5.5,
//! 20.5.6) and %AggregateError% (20.5.7), with their prototypes.

use super::helpers::{define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::operations_on_iterator_objects::{get_iterator, iterator_to_list};
use crate::spec::operations_on_objects::{
    create_array_from_list, create_non_enumerable_data_property_or_throw, get, has_property,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;

/// The steps Error ( message [ , options ] ) (20.5.1.1), NativeError ( message [ ,
/// options ] ) (20.5.6.1.1) and AggregateError ( errors, message [ , options ] )
/// (20.5.7.1.1) share: create O from NewTarget with the intrinsic default prototype, then
/// the message and the cause.
fn construct_error_with(
    agent: &mut Agent,
    call: &BuiltinCall,
    default_proto: Intrinsic,
    message: Value,
    options: Value,
) -> JsResult<Object> {
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let new_target = call.new_target.unwrap_or(call.callee).clone();
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%",
    //    « [[ErrorData]] »).
    let position = agent.current_position();
    let o = ordinary_create_from_constructor(
        agent,
        &new_target,
        default_proto,
        ObjectKind::Error(position),
    )?;
    // 3. If message is not undefined, then
    if !message.is_undefined() {
        // a. Let msg be ? ToString(message).
        let msg = to_string(agent, &message)?;
        // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
        create_non_enumerable_data_property_or_throw(
            agent,
            &o,
            &"message".into(),
            Value::String(msg),
        )?;
    }
    // 4. Perform ? InstallErrorCause(O, options).
    install_error_cause(agent, &o, &options)?;
    // 5. Return O.
    Ok(o)
}

/// Error and the NativeErrors: message and options are the first two arguments.
fn construct_error(
    agent: &mut Agent,
    call: &BuiltinCall,
    default_proto: Intrinsic,
) -> JsResult<Object> {
    construct_error_with(agent, call, default_proto, call.arg(0), call.arg(1))
}

/// InstallErrorCause ( O, options ) (20.5.8.1).
fn install_error_cause(agent: &mut Agent, o: &Object, options: &Value) -> JsResult<()> {
    // 1. If options is an Object and ? HasProperty(options, "cause") is true, then
    crate::step!("sec-installerrorcause", "1");
    if let Value::Object(options) = options {
        if has_property(agent, options, &"cause".into())? {
            // a. Let cause be ? Get(options, "cause").
            crate::step!("sec-installerrorcause", "1.a");
            let cause = get(agent, options, &"cause".into())?;
            // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "cause", cause).
            crate::step!("sec-installerrorcause", "1.b");
            create_non_enumerable_data_property_or_throw(agent, o, &"cause".into(), cause)?;
        }
    }
    // 2. Return unused.
    crate::step!("sec-installerrorcause", "2");
    Ok(())
}

macro_rules! native_error_constructors {
    ($($fn_name:ident => $proto:ident),* $(,)?) => {
        $(
            fn $fn_name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                Ok(Value::Object(construct_error(agent, call, Intrinsic::$proto)?))
            }
        )*
    };
}

native_error_constructors! {
    error_constructor => ErrorPrototype,
    eval_error_constructor => EvalErrorPrototype,
    range_error_constructor => RangeErrorPrototype,
    reference_error_constructor => ReferenceErrorPrototype,
    syntax_error_constructor => SyntaxErrorPrototype,
    type_error_constructor => TypeErrorPrototype,
    uri_error_constructor => URIErrorPrototype,
}

/// AggregateError ( errors, message [ , options ] ) (20.5.7.1.1).
fn aggregate_error_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-4. As for NativeError, with message and options the second and third arguments.
    let o = construct_error_with(
        agent,
        call,
        Intrinsic::AggregateErrorPrototype,
        call.arg(1),
        call.arg(2),
    )?;
    // 5. Let errorsList be ? IteratorToList(? GetIterator(errors, ~sync~)).
    let mut record = get_iterator(agent, &call.arg(0))?;
    let errors_list = iterator_to_list(agent, &mut record)?;
    // 6. Perform ! DefinePropertyOrThrow(O, "errors", PropertyDescriptor {
    //    [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]:
    //    CreateArrayFromList(errorsList) }).
    let errors = create_array_from_list(agent, errors_list);
    define_value(&o, "errors", Value::Object(errors), true, false, true);
    // 7. Return O.
    Ok(Value::Object(o))
}

/// Error.prototype.toString ( ) (20.5.3.4).
fn error_prototype_to_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("Error.prototype.toString called on a non-object"));
    };
    // 3. Let name be ? Get(O, "name").
    // 4. If name is undefined, set name to "Error"; otherwise set name to ? ToString(name).
    let name = get(agent, o, &"name".into())?;
    let name = if name.is_undefined() {
        JsString::from("Error")
    } else {
        to_string(agent, &name)?
    };
    // 5. Let msg be ? Get(O, "message").
    // 6. If msg is undefined, set msg to the empty String; otherwise set msg to ?
    //    ToString(msg).
    let msg = get(agent, o, &"message".into())?;
    let msg = if msg.is_undefined() {
        JsString::default()
    } else {
        to_string(agent, &msg)?
    };
    // 7. If name is the empty String, return msg.
    if name.is_empty() {
        return Ok(Value::String(msg));
    }
    // 8. If msg is the empty String, return name.
    if msg.is_empty() {
        return Ok(Value::String(name));
    }
    // 9. Return the string-concatenation of name, the code unit 0x003A (COLON), the code
    //    unit 0x0020 (SPACE), and msg.
    let result = name
        .concat_in(agent, &JsString::from(": "))?
        .concat_in(agent, &msg)?;
    Ok(Value::String(result))
}

/// Creates %Error%, the NativeErrors, %AggregateError% and their prototypes. The
/// prototypes exist before this (errors can be thrown while intrinsics are created).
pub fn create_error_intrinsics(agent: &mut Agent, realm: &Realm) {
    let error_prototype = realm.intrinsic(Intrinsic::ErrorPrototype);
    // 20.5.2 Properties of the Error Constructor; 20.5.3 Properties of the Error Prototype.
    let error = define_constructor(
        agent,
        realm,
        Intrinsic::Error,
        "Error",
        1,
        error_constructor,
        &error_prototype,
        None,
    );
    define_value(
        &error_prototype,
        "message",
        Value::string(""),
        true,
        false,
        true,
    );
    define_value(
        &error_prototype,
        "name",
        Value::string("Error"),
        true,
        false,
        true,
    );
    define_method(
        agent,
        &error_prototype,
        "toString",
        0,
        error_prototype_to_string,
    );
    let natives: [(
        Intrinsic,
        Intrinsic,
        &str,
        crate::spec::builtin_function_objects::Behaviour,
    ); 7] = [
        (
            Intrinsic::EvalError,
            Intrinsic::EvalErrorPrototype,
            "EvalError",
            eval_error_constructor,
        ),
        (
            Intrinsic::RangeError,
            Intrinsic::RangeErrorPrototype,
            "RangeError",
            range_error_constructor,
        ),
        (
            Intrinsic::ReferenceError,
            Intrinsic::ReferenceErrorPrototype,
            "ReferenceError",
            reference_error_constructor,
        ),
        (
            Intrinsic::SyntaxError,
            Intrinsic::SyntaxErrorPrototype,
            "SyntaxError",
            syntax_error_constructor,
        ),
        (
            Intrinsic::TypeError,
            Intrinsic::TypeErrorPrototype,
            "TypeError",
            type_error_constructor,
        ),
        (
            Intrinsic::URIError,
            Intrinsic::URIErrorPrototype,
            "URIError",
            uri_error_constructor,
        ),
        (
            Intrinsic::AggregateError,
            Intrinsic::AggregateErrorPrototype,
            "AggregateError",
            aggregate_error_constructor,
        ),
    ];
    for (constructor, prototype, name, behaviour) in natives {
        // 20.5.6.2: the [[Prototype]] of a NativeError constructor is %Error%; 20.5.6.3: the
        // [[Prototype]] of a NativeError prototype is %Error.prototype%.
        let proto = realm.intrinsic(prototype);
        let length = if constructor == Intrinsic::AggregateError {
            2
        } else {
            1
        };
        define_constructor(
            agent,
            realm,
            constructor,
            name,
            length,
            behaviour,
            &proto,
            Some(error.clone()),
        );
        define_value(&proto, "message", Value::string(""), true, false, true);
        define_value(&proto, "name", Value::string(name), true, false, true);
    }
}

/// The error prototypes, created first so that errors can be thrown at any later point.
pub fn create_error_prototypes(realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let error_prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::ErrorPrototype, error_prototype.clone());
    for which in [
        Intrinsic::EvalErrorPrototype,
        Intrinsic::RangeErrorPrototype,
        Intrinsic::ReferenceErrorPrototype,
        Intrinsic::SyntaxErrorPrototype,
        Intrinsic::TypeErrorPrototype,
        Intrinsic::URIErrorPrototype,
        Intrinsic::AggregateErrorPrototype,
    ] {
        realm.set_intrinsic(which, ordinary_object_create(Some(error_prototype.clone())));
    }
}
