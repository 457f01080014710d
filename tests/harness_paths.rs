//! The property-escape harness path (docs/ARCHITECTURE.md, "The property-escape harness
//! path"): `object[key] = value`, CreateListFromArrayLike, String.fromCodePoint and an `if`
//! with a Number test, each in the cases its untraced shortcut takes and in those it must
//! leave to the spec's steps. Every program prints what the spec gives, and prints the
//! same with tracing on (where no shortcut is taken).

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

/// The lines `text` prints (an uncaught exception is a test failure).
fn run_once(text: &str) -> Vec<String> {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let source = ScriptSource {
        name: "harness_paths.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).unwrap_or_else(|e| panic!("{text}: {e}"))),
    };
    if let Err(e) = engine.evaluate_script(&source) {
        panic!("{text}: {}", e.report);
    }
    engine.take_printed()
}

/// The lines `text` prints, checked to be the same with tracing on.
fn run(text: &str) -> Vec<String> {
    let untraced = run_once(text);
    let (traced, _steps) = compartments::trace::capture(|| run_once(text));
    assert_eq!(untraced, traced, "{text}: tracing changed the output");
    untraced
}

#[test]
fn element_assignment_follows_put_value() {
    let lines = run(r#"
        "use strict";
        const log = [];
        const a = [];
        // Evaluation order: base, key, value, then ToPropertyKey and [[Set]].
        function base() { log.push("base"); return a; }
        function key() { log.push("key"); return 1; }
        function value() { log.push("value"); return "v"; }
        base()[key()] = value();
        print(log.join() + " " + a.length + " " + a[1]);
        // -0 is the index 0; 1.5, -1 and 2**32 - 1 are not indices.
        a[-0] = "zero"; a[1.5] = "x"; a[-1] = "y"; a[4294967295] = "z";
        print(a[0] + " " + a.length + " " + a["1.5"] + a["-1"] + a["4294967295"]);
        // A key object is converted after the value is evaluated.
        const k = { toString() { log.push("toString"); return "2"; } };
        log.length = 0;
        a[k] = (log.push("rhs"), "two");
        print(log.join() + " " + a[2]);
        // A setter on the prototype chain runs.
        Object.defineProperty(Array.prototype, 7, { set(v) { log.push("setter " + v); }, configurable: true });
        log.length = 0;
        a[7] = 70;
        delete Array.prototype[7];
        print(log.join() + " " + a.length + " " + (7 in a));
        // Read-only: a TypeError in strict code.
        const f = Object.freeze([1, 2]);
        try { f[0] = 9; print("no error"); } catch (e) { print(e.constructor.name + " " + f[0]); }
        try { f[5] = 9; print("no error"); } catch (e) { print(e.constructor.name + " " + f.length); }
        // A primitive base: ToObject, then the wrapper's [[Set]] (false for a string index).
        try { "abc"[0] = "x"; print("no error"); } catch (e) { print(e.constructor.name); }
        try { undefined[0] = 1; } catch (e) { print(e.constructor.name); }
        // A Proxy base sees the canonical key.
        const seen = [];
        const p = new Proxy([], { set(t, key, v) { seen.push(typeof key + " " + key); t[key] = v; return true; } });
        p[3] = 1; p[-0] = 2;
        print(seen.join());
        // The assignment's value is the right-hand side.
        let r = (a[9] = 42);
        print(r + " " + a.length);
    "#);
    assert_eq!(
        lines,
        vec![
            "base,key,value 2 v",
            "zero 2 xyz",
            "rhs,toString two",
            "setter 70 3 false",
            "TypeError 1",
            "TypeError 2",
            "TypeError",
            "TypeError",
            "string 3,string 0",
            "42 10",
        ]
    );
}

#[test]
fn element_assignment_in_sloppy_code_fails_silently() {
    let lines = run(r#"
        const f = Object.freeze([1]);
        f[0] = 2; f[1] = 3;
        "abc"[0] = "x";
        print(f[0] + " " + f.length);
    "#);
    assert_eq!(lines, vec!["1 1"]);
}

#[test]
fn apply_reads_elements_as_create_list_from_array_like_does() {
    let lines = run(r#"
        function args() { return Array.prototype.slice.call(arguments).join(); }
        print(args.apply(null, [1, 2, 3]));
        // Holes read through the prototype chain (a getter there runs, in index order).
        const log = [];
        Object.defineProperty(Array.prototype, 1, { get() { log.push("get 1"); a[2] = "changed"; return "proto"; }, configurable: true });
        const a = [0, , 2];
        print(args.apply(null, a) + " " + log.join());
        delete Array.prototype[1];
        // An own getter runs too.
        const b = [0, 1];
        Object.defineProperty(b, 0, { get() { return "getter"; } });
        print(args.apply(null, b));
        // An array-like object and a Proxy.
        print(args.apply(null, { length: 2, 0: "x", 1: "y" }));
        const seen = [];
        const p = new Proxy([5, 6], { get(t, k) { seen.push(String(k)); return t[k]; } });
        print(args.apply(null, p) + " " + seen.join());
        print(Reflect.ownKeys(new Proxy({}, { ownKeys() { return ["a", "b"]; } })).join());
        try { Reflect.ownKeys(new Proxy({}, { ownKeys() { return [1]; } })); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        lines,
        vec![
            "1,2,3",
            "0,proto,changed get 1",
            "getter,1",
            "x,y",
            "5,6 length,0,1",
            "a,b",
            "TypeError",
        ]
    );
}

#[test]
fn from_code_point_checks_every_argument() {
    let lines = run(r#"
        const s = String.fromCodePoint(0x41, -0, 0xD800, 0xFFFF, 0x10000, 0x10FFFF);
        print(s.length + " " + Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join());
        for (const bad of [1.5, -1, 0x110000, NaN, Infinity]) {
            try { String.fromCodePoint(bad); print("no error"); } catch (e) { print(e.constructor.name); }
        }
        const log = [];
        const o = { valueOf() { log.push("valueOf"); return 0x42; } };
        print(String.fromCodePoint(0x41, o, "67") + " " + log.join());
        try { String.fromCodePoint(0x41, 1.5, { valueOf() { log.push("late"); return 1; } }); } catch (e) { print(e.constructor.name + " " + log.join()); }
    "#);
    assert_eq!(
        lines,
        vec![
            "8 41,0,d800,ffff,d800,dc00,dbff,dfff",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "ABC valueOf",
            "RangeError valueOf",
        ]
    );
}

#[test]
fn if_with_a_number_test_completes_as_the_statement_does() {
    let lines = run(r#"
        let n = 0, hits = 0;
        const size = 3;
        for (let i = 0; i < 10; i++) {
            n++;
            if (n === size) { hits++; n = 0; }
            if (n > 5) hits = -100; else hits += 0;
        }
        print(hits + " " + n);
        // Completion values (through eval).
        print(eval("1; if (n === 1) 'yes';") + " " + eval("1; if (n === 2) 'yes';") + " " + eval("1; if (n === 2) 'yes'; else 'no';"));
        print(eval("1; if (n === 1) {}") + " " + eval("1; if (n === 1) { 5; }"));
        // Tests that are not Number comparisons.
        let s = "a";
        if (s === "a") print("string test");
        if (n + 1) print("number value test");
        function f(x) { if (x < 2) return "small"; return "large"; }
        print(f(1) + " " + f(3));
        outer: for (let j = 0; j < 3; j++) { if (j === 1) break outer; print("j " + j); }
        for (let j = 0; j < 3; j++) { if (j === 1) continue; print("k " + j); }
    "#);
    assert_eq!(
        lines,
        vec![
            "3 1",
            "yes undefined no",
            "undefined 5",
            "string test",
            "number value test",
            "small large",
            "j 0",
            "k 0",
            "k 2",
        ]
    );
}
