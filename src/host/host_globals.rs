//! The host-defined global properties (InitializeHostDefinedRealm step 17): `print`,
//! `console.log`, and for test262 the `$262` object (INTERPRETING.md, "Host-Defined
//! Functions"); and how the host reports an uncaught exception.

use super::engine::Uncaught;
use crate::spec::agents::{Agent, HostHooks};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::builtins::helpers::{define_method, define_value};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::realm_initialization::initialize_host_defined_realm;
use crate::spec::realms::Intrinsic;
use crate::spec::realms::Realm;
use crate::spec::script_records::{ScriptRecord, ScriptRecordData};
use crate::spec::scripts::script_evaluation;
use crate::spec::source_positions::SourceText;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;
use boa_gc::Gc;
use std::sync::Arc;

/// The host hooks of the CLI (`test262` false) and of the test262 runner.
pub fn host_hooks(test262: bool) -> HostHooks {
    HostHooks {
        print: print_line,
        define_host_globals: if test262 {
            define_test262_globals
        } else {
            define_cli_and_ses_globals
        },
        ..HostHooks::default()
    }
}

fn print_line(agent: &mut Agent, line: &str) {
    crate::spec::event_log::printed(agent, line);
    if agent.capture_print {
        agent.printed.push(line.to_string());
    } else {
        crate::spec::agents::print_to_stdout(agent, line);
    }
}

/// `print(...args)` and `console.log(...args)`: the arguments' strings, space-separated,
/// on one line.
fn print(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let mut parts = Vec::with_capacity(call.args.len());
    for arg in call.args {
        parts.push(match arg {
            Value::Symbol(s) => s.descriptive_string().to_rust_string(),
            other => to_string(agent, other)?.to_rust_string(),
        });
    }
    let print = agent.host.print;
    print(agent, &parts.join(" "));
    // A host that can no longer write output ends the run (resource_limits.rs).
    if let Some(termination) = agent.termination() {
        return Err(agent.range_error(termination.message()));
    }
    Ok(Value::Undefined)
}

/// The command line's globals: `print`, `console` and, with the compartments feature (SES
/// is built on it), SES's `lockdown` and `harden`.
fn define_cli_and_ses_globals(agent: &mut Agent, realm: &Realm) -> JsResult<()> {
    define_cli_globals(agent, realm)?;
    if agent.features.compartments() {
        define_ses_globals(realm);
    }
    Ok(())
}

fn define_cli_globals(agent: &mut Agent, realm: &Realm) -> JsResult<()> {
    let global = realm.evaluators().global_object();
    define_method(agent, &global, "print", 1, print);
    let console = agent.ordinary_object();
    define_method(agent, &console, "log", 1, print);
    define_value(
        &global,
        "console",
        Value::Object(console),
        true,
        false,
        true,
    );
    Ok(())
}

/// SES's globals of the start compartment, `lockdown` and `harden` (%lockdown%,
/// %harden%), as importing SES adds them.
pub fn define_ses_globals(realm: &Realm) {
    let global = realm.evaluators().global_object();
    for (name, which) in [
        ("lockdown", Intrinsic::Lockdown),
        ("harden", Intrinsic::Harden),
    ] {
        let function = realm.intrinsic(which);
        define_value(&global, name, Value::Object(function), true, false, true);
    }
}

fn define_test262_globals(agent: &mut Agent, realm: &Realm) -> JsResult<()> {
    define_cli_globals(agent, realm)?;
    let global = realm.evaluators().global_object();
    let host = agent.ordinary_object();
    define_value(
        &host,
        "global",
        Value::Object(global.clone()),
        true,
        false,
        true,
    );
    define_method(agent, &host, "createRealm", 0, create_realm);
    define_method(agent, &host, "evalScript", 1, eval_script);
    define_method(agent, &host, "gc", 0, gc);
    define_method(agent, &host, "detachArrayBuffer", 1, detach_array_buffer);
    super::test262_agents::define_main_agent_object(agent, &host);
    // INTERPRETING.md: "a reference to the %AbstractModuleSource% constructor which does
    // not appear as a property of the global object".
    let abstract_module_source = realm.intrinsic(Intrinsic::AbstractModuleSource);
    define_value(
        &host,
        "AbstractModuleSource",
        Value::Object(abstract_module_source),
        true,
        false,
        true,
    );
    define_value(&global, "$262", Value::Object(host), true, false, true);
    Ok(())
}

/// `$262.createRealm()`: a new realm with its own `$262`, whose `$262` is returned.
fn create_realm(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    let realm = initialize_host_defined_realm(agent)?;
    let global = realm.evaluators().global_object();
    Ok(global
        .own_property(&"$262".into())
        .map_or(Value::Undefined, |p| match p {
            Property::Data { value, .. } => value,
            Property::Accessor { .. } => Value::Undefined,
        }))
}

/// `$262.evalScript(source)`: ParseScript and ScriptEvaluation in the realm of this `$262`
/// (the realm of the function, which is the current realm while it runs).
fn eval_script(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let text = to_string(agent, &call.arg(0))?.to_rust_string();
    let realm = agent.current_realm();
    let options = crate::syntax::ParseOptions::script().with_features(agent.features);
    let program = match agent.on_parser_stack(|| crate::syntax::parse(&text, options)) {
        Ok(program) => program,
        Err(error) => return Err(agent.syntax_error(&error.message)),
    };
    let script = ScriptRecord(Gc::new(ScriptRecordData {
        realm: realm.clone(),
        ecmascript_code: Arc::new(program),
        source: Arc::new(SourceText {
            name: "evalScript".to_string(),
            text: Arc::from(text.as_str()),
        }),
        host_defined: Value::Undefined,
    }));
    let evaluators = realm.evaluators();
    script_evaluation(agent, &script, &evaluators)
}

/// `$262.detachArrayBuffer(buffer)`: DetachArrayBuffer (25.1.3.5) on an ArrayBuffer (a
/// TypeError for anything else, SharedArrayBuffers included).
fn detach_array_buffer(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let buffer = call.arg(0);
    match &buffer {
        Value::Object(o) if matches!(o.data().kind, ObjectKind::ArrayBuffer(_)) => {
            crate::spec::builtins::array_buffer_abstract_operations::detach_array_buffer(
                agent, o, None,
            )?;
            Ok(Value::Undefined)
        }
        _ => Err(agent.type_error("$262.detachArrayBuffer: not an ArrayBuffer")),
    }
}

/// `$262.gc()`: a full collection.
fn gc(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    boa_gc::force_collect();
    Ok(Value::Undefined)
}

/// A data property found on `o` or its prototype chain without running any code (no
/// getters, no proxies): what the host reads to describe a thrown value.
fn quiet_lookup(o: &Object, key: &str) -> Option<Value> {
    let key = PropertyKey::from_str(key);
    let mut current = Some(o.clone());
    let mut depth = 0;
    while let Some(object) = current {
        if matches!(object.data().kind, ObjectKind::Proxy(_)) || depth > 10_000 {
            return None;
        }
        match object.own_property(&key) {
            Some(Property::Data { value, .. }) => return Some(value),
            Some(Property::Accessor { .. }) => return None,
            None => current = object.data().prototype.clone(),
        }
        depth += 1;
    }
    None
}

fn quiet_string(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.to_rust_string()),
        _ => None,
    }
}

/// The report of an uncaught exception: `Uncaught Name: message` and where it was thrown.
pub fn uncaught_report(agent: &mut Agent, thrown: &Value) -> Uncaught {
    let fallback = agent.last_throw_position.clone();
    describe_thrown(agent, thrown, "Uncaught", fallback)
}

/// The report of a promise rejected with no handler (as node words it): `Uncaught (in
/// promise) Name: message` and, for an error object, where it was created.
pub fn unhandled_rejection_report(agent: &mut Agent, reason: &Value) -> Uncaught {
    describe_thrown(agent, reason, "Uncaught (in promise)", None)
}

/// `prefix Name: message` for a thrown value, with where an error object was created (or
/// `fallback`).
fn describe_thrown(
    agent: &mut Agent,
    thrown: &Value,
    prefix: &str,
    fallback: Option<crate::spec::source_positions::SourcePosition>,
) -> Uncaught {
    let (constructor_name, name, message, position) = match thrown {
        Value::Object(o) => {
            let constructor_name = match quiet_lookup(o, "constructor") {
                Some(Value::Object(c)) => quiet_string(quiet_lookup(&c, "name")),
                _ => None,
            };
            let name = quiet_string(quiet_lookup(o, "name")).or_else(|| constructor_name.clone());
            let message = quiet_string(quiet_lookup(o, "message")).unwrap_or_default();
            let position = match &o.data().kind {
                ObjectKind::Error(position) => position.clone(),
                _ => None,
            };
            (constructor_name, name, message, position)
        }
        other => (None, None, display_value(agent, other), None),
    };
    let position = position.or(fallback);
    let mut report = match name {
        Some(name) if !message.is_empty() => format!("{prefix} {name}: {message}"),
        Some(name) => format!("{prefix} {name}"),
        None => format!("{prefix} {message}"),
    };
    if let Some(position) = position {
        report.push_str(&format!("\n    at {}", position.describe()));
    }
    Uncaught {
        constructor_name,
        message,
        report,
    }
}

/// A display string for a value that runs no code: what the REPL echoes (as node's
/// `util.inspect` shows it, `host::inspect`).
pub fn display_value(agent: &mut Agent, value: &Value) -> String {
    super::inspect::inspect(agent, value)
}
