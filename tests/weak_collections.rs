//! WeakMap end to end through the embedding API: an entry whose key no script reaches any
//! more keeps neither its key nor its value (which refers to the key) alive, while a live
//! entry survives the collection.

use boa_gc::WeakGc;
use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::spec::object_type::{Object, Property, PropertyKey};
use compartments::spec::value::Value;
use std::sync::Arc;

fn source(name: &str, text: &str) -> ScriptSource {
    ScriptSource {
        name: name.to_string(),
        text: Arc::from(text),
        program: Arc::new(compartments::syntax::parse_script(text).expect("the script parses")),
    }
}

#[test]
fn script_weak_map_does_not_keep_its_key() {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let made = source(
        "weak-map-test.js",
        "(function () { var k = {}; var v = { key: k }; globalThis.wm = new WeakMap(); \
         globalThis.live = {}; wm.set(k, v); wm.set(live, 1); return [k, v]; })()",
    );
    let Ok(Value::Object(result)) = engine.evaluate_script_value(&made) else {
        panic!("the script returns an array");
    };
    let element = |i: u32| -> Object {
        match result.own_property(&PropertyKey::Index(i)) {
            Some(Property::Data {
                value: Value::Object(o),
                ..
            }) => o,
            _ => panic!("element {i} is an object"),
        }
    };
    let (key, value) = (element(0), element(1));
    let watch_key = WeakGc::new(key.as_gc());
    let watch_value = WeakGc::new(value.as_gc());
    drop((result, key, value));
    boa_gc::force_collect();
    assert!(watch_key.upgrade().is_none(), "the key was kept alive");
    assert!(watch_value.upgrade().is_none(), "the value was kept alive");
    let check = source("weak-map-check.js", "wm.has(live) && wm.get(live) === 1");
    let still = engine.evaluate_script_value(&check);
    assert!(
        matches!(still, Ok(Value::Boolean(true))),
        "a live entry was lost"
    );
}
