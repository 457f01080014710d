//! 19 The Global Object (sec-global-object): its value properties (19.1), `eval` (19.2.1)
//! and SetDefaultGlobalBindings (9.3.3).

use super::helpers::define_value;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::create_builtin_function;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::global_object::eval;
use crate::spec::object_type::Object;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// Creates %eval% (the realm's default Evaluators' [[Eval]]).
pub fn create_global_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    let eval = create_builtin_function(
        agent,
        eval,
        1.0,
        FunctionName::Key("eval".into()),
        Vec::new(),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    realm.set_intrinsic(Intrinsic::Eval, eval.clone());
    *realm.evaluators().0.eval.borrow_mut() = Some(eval);
    *realm.evaluators().0.function.borrow_mut() = Some(realm.intrinsic(Intrinsic::Function));
}

/// The constructors and namespaces that become global properties when they exist.
const GLOBAL_INTRINSICS: &[(&str, Intrinsic)] = &[
    ("AggregateError", Intrinsic::AggregateError),
    ("Error", Intrinsic::Error),
    ("EvalError", Intrinsic::EvalError),
    ("Function", Intrinsic::Function),
    ("Object", Intrinsic::Object),
    ("RangeError", Intrinsic::RangeError),
    ("ReferenceError", Intrinsic::ReferenceError),
    ("SyntaxError", Intrinsic::SyntaxError),
    ("TypeError", Intrinsic::TypeError),
    ("URIError", Intrinsic::URIError),
    ("eval", Intrinsic::Eval),
    ("Array", Intrinsic::Array),
    ("String", Intrinsic::String),
    ("Boolean", Intrinsic::Boolean),
    ("Number", Intrinsic::Number),
    ("BigInt", Intrinsic::BigInt),
    ("Symbol", Intrinsic::Symbol),
    ("Iterator", Intrinsic::Iterator),
    ("Math", Intrinsic::Math),
    ("JSON", Intrinsic::Json),
    ("Reflect", Intrinsic::Reflect),
    ("Proxy", Intrinsic::Proxy),
    ("Date", Intrinsic::Date),
    ("Map", Intrinsic::Map),
    ("Set", Intrinsic::Set),
    ("WeakMap", Intrinsic::WeakMap),
    ("WeakSet", Intrinsic::WeakSet),
    ("WeakRef", Intrinsic::WeakRef),
    ("FinalizationRegistry", Intrinsic::FinalizationRegistry),
    ("Promise", Intrinsic::Promise),
    ("isFinite", Intrinsic::IsFinite),
    ("isNaN", Intrinsic::IsNaN),
    ("parseFloat", Intrinsic::ParseFloat),
    ("parseInt", Intrinsic::ParseInt),
    ("decodeURI", Intrinsic::DecodeURI),
    ("decodeURIComponent", Intrinsic::DecodeURIComponent),
    ("encodeURI", Intrinsic::EncodeURI),
    ("encodeURIComponent", Intrinsic::EncodeURIComponent),
];

/// SetDefaultGlobalBindings ( realmRec ) (9.3.3), on `global`.
pub fn set_default_global_bindings(realm: &Realm, global: &Object) {
    // 1. Let global be realmRec.[[GlobalObject]].
    // 2. For each property of the Global Object specified in clause 19, do
    //    a. Let name be the String value of the property name.
    //    b. Let desc be the fully populated data Property Descriptor for the property,
    //       containing the specified attributes for the property. For properties listed
    //       in 19.2, 19.3, or 19.4 the value of the [[Value]] attribute is the
    //       corresponding intrinsic object from realmRec.
    //    c. Perform ? DefinePropertyOrThrow(global, name, desc).
    // 19.1.1 globalThis: { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]:
    // true }; 19.1.2-19.1.4 Infinity, NaN, undefined: all attributes false.
    define_value(
        global,
        "globalThis",
        Value::Object(global.clone()),
        true,
        false,
        true,
    );
    define_value(
        global,
        "Infinity",
        Value::Number(f64::INFINITY),
        false,
        false,
        false,
    );
    define_value(global, "NaN", Value::Number(f64::NAN), false, false, false);
    define_value(global, "undefined", Value::Undefined, false, false, false);
    let intrinsics = realm.0.intrinsics.borrow();
    for (name, which) in GLOBAL_INTRINSICS {
        if let Some(object) = &intrinsics[*which as usize] {
            define_value(
                global,
                *name,
                Value::Object(object.clone()),
                true,
                false,
                true,
            );
        }
    }
    // 3. Return global.
}
