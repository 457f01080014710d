//! A compartment the host makes in its realm for code to run in (`compartments test262
//! --lockdown --compartment`): `new Compartment({ globals, resolveHook })` through the
//! realm's own %Compartment%, whose globals are the host's — `print`, `console` and, for
//! test262, a `$262` of the compartment's own (its `global` is the compartment's
//! globalThis, its `evalScript` evaluates a Script there) — and whose resolveHook resolves
//! a relative specifier against the importing module or, for script code, against a base
//! file. It has no loadHook: a compartment without one instantiates its parent's source for
//! each full specifier, so the start compartment's host (the file system) reads the modules
//! and each is instantiated anew in the compartment (C4.3 step 4).

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    create_builtin_function, new_shared_record, BuiltinCall, BuiltinSteps, SharedRecord,
};
use crate::spec::builtins::compartment_objects::compartment_of;
use crate::spec::builtins::helpers::define_value;
use crate::spec::compartments::compartment_records::Compartment;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::evaluators::Evaluators;
use crate::spec::module_semantics::default_resolve;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_objects::construct;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::script_records::{ScriptRecord, ScriptRecordData};
use crate::spec::scripts::script_evaluation;
use crate::spec::source_positions::SourceText;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;
use boa_gc::{Finalize, Gc, Trace};
use std::sync::Arc;

/// The Evaluators of the compartment a `$262.evalScript` belongs to, known once the
/// compartment exists (its `$262` is one of the globals it is made with).
type EvaluatorsCell = SharedRecord<Option<Evaluators>>;

/// Makes `new Compartment({ globals, resolveHook })` in `realm` as described above; `base`
/// is the file relative specifiers of script code resolve against.
pub fn create_host_compartment(
    agent: &mut Agent,
    realm: &Realm,
    test262: bool,
    base: &str,
) -> JsResult<Compartment> {
    let start_global = realm.evaluators().global_object();
    let globals = agent.ordinary_object();
    // The start global's `print` and `console` themselves: the host's output is one.
    for name in ["print", "console"] {
        if let Some(Property::Data { value, .. }) = start_global.own_property(&name.into()) {
            define_value(&globals, name, value, true, true, true);
        }
    }
    let cell: EvaluatorsCell = new_shared_record(None);
    let host = if test262 {
        let host = compartment_host_object(agent, realm, &start_global, &cell)?;
        define_value(
            &globals,
            "$262",
            Value::Object(host.clone()),
            true,
            true,
            true,
        );
        Some(host)
    } else {
        None
    };
    let options = agent.ordinary_object();
    define_value(
        &options,
        "globals",
        Value::Object(globals),
        true,
        true,
        true,
    );
    let resolve_hook = create_builtin_function(
        agent,
        BuiltinSteps::closure(resolve_against, BaseFile(base.to_string())),
        2.0,
        FunctionName::Key(PropertyKey::from_str("resolveHook")),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    define_value(
        &options,
        "resolveHook",
        Value::Object(resolve_hook),
        true,
        true,
        true,
    );
    let constructor = realm.intrinsic(Intrinsic::Compartment);
    let instance = Value::Object(construct(
        agent,
        &constructor,
        &[Value::Object(options)],
        None,
    )?);
    let Some(compartment) = compartment_of(&instance) else {
        return Err(agent.type_error("%Compartment% did not make a compartment"));
    };
    let evaluators = compartment.evaluators();
    *cell.borrow_mut() = Some(evaluators.clone());
    if let Some(host) = host {
        define_value(
            &host,
            "global",
            Value::Object(evaluators.global_object()),
            true,
            false,
            true,
        );
    }
    Ok(compartment)
}

/// The file relative specifiers of script code resolve against.
#[derive(Finalize)]
struct BaseFile(String);

// SAFETY: a String holds no Gc pointer.
unsafe impl Trace for BaseFile {
    boa_gc::empty_trace!();
}

/// The resolveHook ( importSpecifier, referrerSpecifier ): a specifier starting with `./`
/// or `../` joined to the referrer's directory — the base file's when the referrer is
/// undefined (script code) — as the host resolves.
fn resolve_against(agent: &mut Agent, call: &BuiltinCall, base: &BaseFile) -> JsResult<Value> {
    let specifier = to_string(agent, &call.arg(0))?.to_rust_string();
    let referrer = match call.arg(1) {
        Value::Undefined => base.0.clone(),
        other => to_string(agent, &other)?.to_rust_string(),
    };
    Ok(Value::string(&default_resolve(&specifier, Some(&referrer))))
}

/// A compartment's `$262`: the start global's `$262` properties (`createRealm`, `gc`,
/// `detachArrayBuffer`, `agent`, `AbstractModuleSource`, ...) but `evalScript`, which
/// evaluates in the compartment; `global` is added once the compartment exists.
fn compartment_host_object(
    agent: &mut Agent,
    realm: &Realm,
    start_global: &Object,
    cell: &EvaluatorsCell,
) -> JsResult<Object> {
    let Some(Property::Data {
        value: Value::Object(start_host),
        ..
    }) = start_global.own_property(&"$262".into())
    else {
        return Err(agent.type_error("the start global has no $262 to give a compartment"));
    };
    let host = agent.ordinary_object();
    let properties: Vec<(PropertyKey, Property)> = start_host
        .data()
        .properties
        .0
        .iter()
        .map(|(key, property)| (key, property.to_property()))
        .collect();
    for (key, property) in properties {
        if key != PropertyKey::from_str("global") {
            host.insert_property(key, property);
        }
    }
    let eval_script = create_builtin_function(
        agent,
        BuiltinSteps::closure(eval_script_in, cell.clone()),
        1.0,
        FunctionName::Key(PropertyKey::from_str("evalScript")),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    define_value(
        &host,
        "evalScript",
        Value::Object(eval_script),
        true,
        false,
        true,
    );
    Ok(host)
}

/// A compartment's `$262.evalScript(source)`: ParseScript, then ScriptEvaluation with the
/// compartment's Evaluators (its global object and environment).
fn eval_script_in(agent: &mut Agent, call: &BuiltinCall, cell: &EvaluatorsCell) -> JsResult<Value> {
    let text = to_string(agent, &call.arg(0))?.to_rust_string();
    let Some(evaluators) = cell.borrow().clone() else {
        return Err(agent.type_error("$262.evalScript: the compartment is not made yet"));
    };
    let options = crate::syntax::ParseOptions::script().with_features(agent.features);
    let program = match agent.on_parser_stack(|| crate::syntax::parse(&text, options)) {
        Ok(program) => program,
        Err(error) => return Err(agent.syntax_error(&error.message)),
    };
    let script = ScriptRecord(Gc::new(ScriptRecordData {
        realm: evaluators.realm(),
        ecmascript_code: Arc::new(program),
        source: Arc::new(SourceText {
            name: "evalScript".to_string(),
            text: Arc::from(text.as_str()),
        }),
        host_defined: Value::Undefined,
    }));
    script_evaluation(agent, &script, &evaluators)
}
