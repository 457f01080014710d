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

/// Element `i` of the array `result`, which must be an object.
fn element(result: &Object, i: u32) -> Object {
    match result.own_property(&PropertyKey::Index(i)) {
        Some(Property::Data {
            value: Value::Object(o),
            ..
        }) => o,
        _ => panic!("element {i} is an object"),
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
    let (key, value) = (element(&result, 0), element(&result, 1));
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

/// The collector's per-node paths (round 35: the non-root count, the sweep's free lists by
/// the vtable's size class, the allocation's common case): a loop leaving a cycle of a
/// block's Declarative Environment Record and an arrow closure, and an array, per iteration
/// runs through several collections with the right result; what the script dropped is
/// freed by the next collection, cycles included, while a closure still reached keeps its
/// environment and the array it reads.
#[test]
fn churned_cycles_are_collected_and_live_closures_kept() {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let churned = source(
        "churn-test.js",
        "(function () { let total = 0; \
         for (let i = 0; i < 30000; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; \
         total = (total + f()) % 1000003; \
         if (i === 1234) { globalThis.kept = f; } } \
         globalThis.total = total; })()",
    );
    assert!(engine.evaluate_script_value(&churned).is_ok());
    // A closure and the array it reads, in a cycle with their environments (the closure's
    // block environment, whose function environment holds the list returned).
    let made = source(
        "churn-dead.js",
        "(function () { let r; for (let i = 0; i < 3; i++) { const a = [i, i + 1]; \
         const f = () => a[0] + a[1]; r = [f, a]; } return r; })()",
    );
    let Ok(Value::Object(result)) = engine.evaluate_script_value(&made) else {
        panic!("the script returns an array");
    };
    let (dead, dead_array) = (element(&result, 0), element(&result, 1));
    let watch_dead = WeakGc::new(dead.as_gc());
    let watch_dead_array = WeakGc::new(dead_array.as_gc());
    drop((result, dead, dead_array));
    boa_gc::force_collect();
    assert!(
        watch_dead.upgrade().is_none(),
        "the dropped closure was kept alive"
    );
    assert!(
        watch_dead_array.upgrade().is_none(),
        "the array of the dropped closure's environment was kept alive"
    );
    let expected = (0..30000u64).fold(0, |total, i| (total + 2 * i + 1) % 1_000_003);
    let check = source("churn-check.js", "[total, kept()]");
    let Ok(Value::Object(checked)) = engine.evaluate_script_value(&check) else {
        panic!("the check returns an array");
    };
    let number = |i: u32| match checked.own_property(&PropertyKey::Index(i)) {
        Some(Property::Data {
            value: Value::Number(n),
            ..
        }) => n,
        _ => panic!("element {i} is a number"),
    };
    assert_eq!(number(0), expected as f64, "the loop's total");
    assert_eq!(number(1), 2469.0, "the kept closure reads its array");
    // A second collection with nothing new to free keeps the kept closure working.
    boa_gc::force_collect();
    let again = source("churn-again.js", "kept()");
    assert!(matches!(
        engine.evaluate_script_value(&again),
        Ok(Value::Number(n)) if n == 2469.0
    ));
}

/// Young collections (round 36: a collection walks only the nodes allocated since the last
/// one while no ephemeron exists): objects stored into an old array and object (which
/// survived earlier collections) across many collections stay reachable through them, a
/// cycle made long ago is still intact, and what the script dropped on the way (cycles
/// included) does not disturb them.
#[test]
fn young_collections_keep_what_old_objects_hold() {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let setup = source(
        "young-setup.js",
        "globalThis.slots = []; globalThis.holder = { cycle: null }; \
         (function () { const a = { n: 7 }; const b = { back: a }; a.next = b; \
         holder.cycle = a; })(); \
         for (let i = 0; i < 20000; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; f(); }",
    );
    assert!(engine.evaluate_script_value(&setup).is_ok());
    let churn = source(
        "young-churn.js",
        "for (let i = 0; i < 60000; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; \
         slots[i % 100] = { i, f }; holder.latest = f; } \
         let sum = 0; for (let j = 0; j < 100; j++) { sum += slots[j].f() - 2 * slots[j].i - 1; } \
         [sum, slots[37].i, holder.latest(), holder.cycle.next.back.n]",
    );
    let Ok(Value::Object(checked)) = engine.evaluate_script_value(&churn) else {
        panic!("the script returns an array");
    };
    let number = |i: u32| match checked.own_property(&PropertyKey::Index(i)) {
        Some(Property::Data {
            value: Value::Number(n),
            ..
        }) => n,
        _ => panic!("element {i} is a number"),
    };
    assert_eq!(
        number(0),
        0.0,
        "a closure stored in an old array lost its array"
    );
    assert_eq!(number(1), 59937.0);
    assert_eq!(number(2), 2.0 * 59999.0 + 1.0);
    assert_eq!(number(3), 7.0, "an old cycle was broken");
    boa_gc::force_collect();
    let again = source("young-again.js", "slots[99].f() + holder.cycle.n");
    assert!(matches!(
        engine.evaluate_script_value(&again),
        Ok(Value::Number(n)) if n == 2.0 * 59999.0 + 1.0 + 7.0
    ));
}
