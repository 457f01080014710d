//! Identifier places and the loops without per-iteration copies (docs/ARCHITECTURE.md,
//! "Identifier places"): each program evaluates the same identifiers several times in
//! situations where a wrongly kept place would read or write the wrong binding, and prints
//! what the spec's name-based resolution gives.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

fn source(text: &str) -> ScriptSource {
    ScriptSource {
        name: "places.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).unwrap_or_else(|e| panic!("{text}: {e}"))),
    }
}

fn engine() -> Engine {
    Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    })
}

/// The lines `text` prints (an uncaught exception is a test failure).
fn run(text: &str) -> Vec<String> {
    let mut engine = engine();
    if let Err(e) = engine.evaluate_script(&source(text)) {
        panic!("{text}: {}", e.report);
    }
    engine.take_printed()
}

#[test]
fn closures_still_see_one_binding_per_iteration() {
    let lines = run(r#"
        var fs = [];
        for (let i = 0; i < 3; i++) fs.push(() => i);
        print(fs.map((f) => f()).join());
        var gs = [];
        for (let i = 0, f = () => i; i < 3; i++) gs.push(f);
        print(gs.map((g) => g()).join());
        var hs = [];
        for (let i = 0; i < 3; i++) { class K { static v = i; } hs.push(K); }
        print(hs.map((h) => h.v).join());
        var es = [];
        for (let i = 0; i < 3; i++) es.push(eval("() => i"));
        print(es.map((e) => e()).join());
        // No closure: the one environment is updated in place.
        var last;
        for (let i = 0; i < 3; i++) last = i;
        print(last);
    "#);
    assert_eq!(lines, ["0,1,2", "0,0,0", "0,1,2", "0,1,2", "2"]);
}

#[test]
fn closures_that_refer_to_the_loop_bindings_see_one_per_iteration() {
    // The per-iteration copies are left out only when no closure of the loop refers to
    // one of its `let` names; each closure below does, in some way.
    let lines = run(r#"
        var a = [];
        for (let i = 0, j = 10; i < 3; i++, j++) a.push(() => j);
        print(a.map((f) => f()).join());
        var b = [];
        for (let i = 0; i < 3; i++) b.push(() => () => i);
        print(b.map((f) => f()()).join());
        var c = [];
        for (let i = 0; i < 3; i++) c.push(() => ({ i }));
        print(c.map((f) => f().i).join());
        var d = [];
        for (let i = 0; i < 3; i++) d.push(function () { return typeof i + i; });
        print(d.map((f) => f()).join());
        var e = [];
        for (let i = 0; i < 3; i++) { e.push(() => i++); }
        print(e.map((f) => f()).join(), e.map((f) => f()).join());
        var g = [];
        for (let [i, k] = [0, 5]; i < 3; i++) g.push(() => k + i);
        print(g.map((f) => f()).join());
        var h = [];
        for (let i = 0; i < 3; i++) h.push(() => { [i] = [i * 10]; return i; });
        print(h.map((f) => f()).join());
        // Closures that refer to other names (or shadow the loop's) still work.
        var n = [], x = 7;
        for (let i = 0; i < 3; i++) n.push((v) => v + x, (i) => i * 2);
        print(n.map((f) => f(1)).join());
        var m = [];
        for (let i = 0; i < 3; i++) { let w = i; m.push(() => w); }
        print(m.map((f) => f()).join());
        var p = [];
        for (let i = 0; i < 3; i++) p.push(() => i), i++;
        print(p.map((f) => f()).join());
    "#);
    assert_eq!(
        lines,
        [
            "10,11,12",
            "0,1,2",
            "0,1,2",
            "number0,number1,number2",
            "0,1,2 1,2,3",
            "5,6,7",
            "0,10,20",
            "8,2,8,2,8,2",
            "0,1,2",
            "1,3",
        ]
    );
}

#[test]
fn eval_and_with_keep_name_lookups() {
    let lines = run(r#"
        var x = "global";
        function f(code) { eval(code); return () => x; }
        print(f("")(), f("var x = 'eval'")(), f("")());
        function g(o) { with (o) { return x; } }
        print(g({}), g({ x: "with" }), g({}));
        class C { v = (this.flag ? eval("var x = 'field'") : 0, () => x)(); }
        print(new C().v);
        C.prototype.flag = true;
        print(new C().v); // class code is strict: the eval's var stays in its own record
        function k(flag) { return (() => { if (flag) eval("var x = 'arrow'"); return () => x; })()(); }
        print(k(false), k(true), k(false));
        function h(s) { var r = []; for (var i = 0; i < 2; i++) { if (i == 1) eval(s); r.push(x); } return r.join(); }
        print(h("var x = 'late'"));
    "#);
    assert_eq!(
        lines,
        [
            "global eval global",
            "global with global",
            "global",
            "global",
            "global arrow global",
            "global,late"
        ]
    );
}

#[test]
fn global_names_follow_later_scripts() {
    let mut engine = engine();
    let first = source(
        r#"
        var seen = [];
        function read() { return typeof late === "undefined" ? "none" : late; }
        function write(v) { late = v; }
        seen.push(read());
        "#,
    );
    engine.evaluate_script(&first).unwrap();
    engine
        .evaluate_script(&source("globalThis.late = 'property'; seen.push(read());"))
        .unwrap();
    engine
        .evaluate_script(&source(
            "let late = 'lexical'; seen.push(read()); write('written'); seen.push(read(), globalThis.late);",
        ))
        .unwrap();
    engine
        .evaluate_script(&source("print(seen.join());"))
        .unwrap();
    assert_eq!(
        engine.take_printed(),
        ["none,property,lexical,written,property"]
    );
}

#[test]
fn errors_come_from_the_name_based_path() {
    let lines = run(r#"
        function tdz(first) { if (!first) { try { return v; } catch (e) { return e.name; } } let v = 1; return v; }
        print(tdz(true), tdz(false), tdz(true));
        function constant() { const c = 1; for (let i = 0; i < 2; i++) { try { c = i; } catch (e) { print(e.name); } } return c; }
        print(constant());
        function sloppy() { for (var i = 0; i < 2; i++) undeclared = i; return undeclared; }
        print(sloppy());
        function strict() { "use strict"; try { undeclared2 = 1; } catch (e) { return e.name; } }
        print(strict(), strict());
        function update() { let n = 1; for (let i = 0; i < 3; i++) n += i, n++, n *= 2; return n; }
        print(update());
    "#);
    assert_eq!(
        lines,
        [
            "1 ReferenceError 1",
            "TypeError",
            "TypeError",
            "1",
            "1",
            "ReferenceError ReferenceError",
            "30"
        ]
    );
}

#[test]
fn one_tree_in_two_realms() {
    // The same parsed program in three engines: in the third its global lexical bindings
    // sit at other positions of the global record than in the first.
    let shared =
        source("let a = 1; let b = 2; function sum() { return a + b; } print(sum(), sum());");
    let mut one = engine();
    one.evaluate_script(&shared).unwrap();
    let mut two = engine();
    two.evaluate_script(&source("let before = 0; let b = 10;"))
        .map(|_| ())
        .unwrap();
    // `b` is already declared in the second realm: GlobalDeclarationInstantiation throws.
    assert!(two.evaluate_script(&shared).is_err());
    let mut three = engine();
    three
        .evaluate_script(&source("let x0 = 0, x1 = 1, x2 = 2;"))
        .unwrap();
    three.evaluate_script(&shared).unwrap();
    assert_eq!(one.take_printed(), ["3 3"]);
    assert_eq!(three.take_printed(), ["3 3"]);
}

/// The Number shortcuts of identifier places (docs/ARCHITECTURE.md, "Numbers in binding
/// slots"): a binding that stops holding a Number, a `const`, a TDZ binding or a BigInt
/// operand falls back to the general steps, with their results and errors.
#[test]
fn numbers_in_slots_fall_back_to_the_general_steps() {
    let lines = run(r#"
        function kinds() {
            let a = 0, b = 1, s = "";
            for (let i = 0; i < 4; i++) {
                a = a + i; b = b * 2;
                if (i == 1) { a = "x"; b = "1"; }
                s = s + a + ":" + b + " ";
            }
            return s;
        }
        print(kinds());
        function counters() {
            let n = 0, m = "5", k = 1n, r = [];
            for (let i = 0; i < 2; i++) { r.push(n++, ++n, m++, --m, k++, k); }
            return r.join();
        }
        print(counters());
        function constant() {
            const c = 1; let out = [];
            try { c++; } catch (e) { out.push(e.name); }
            try { c = c + 1; } catch (e) { out.push(e.name); }
            try { --c; } catch (e) { out.push(e.name); }
            out.push(c);
            return out.join();
        }
        print(constant());
        function tdz() {
            let out = [];
            try { out.push(t + 1); } catch (e) { out.push(e.name); }
            try { t++; } catch (e) { out.push(e.name); }
            try { t = t * 2; } catch (e) { out.push(e.name); }
            let t = 3;
            out.push(t + 1, t++, t);
            return out.join();
        }
        print(tdz());
        function mixed() { let a = 1n, b = 2; try { return a + b; } catch (e) { return e.name; } }
        print(mixed());
        function loop() { let x = 0; for (let i = 0; i < 5; i++) { x = x + i; x = x % 7; } return x; }
        print(loop(), (() => { let v = 0; while (v < 3) { v = v + 1; } return v; })());
    "#);
    assert_eq!(
        lines,
        [
            "0:2 x:1 x2:2 x23:4 ",
            "0,2,5,5,1,2,2,4,5,5,2,3",
            "TypeError,TypeError,TypeError,1",
            "ReferenceError,ReferenceError,ReferenceError,4,3,4",
            "TypeError",
            "3 3"
        ]
    );
}

#[test]
fn statement_assignments_of_two_numbers_at_the_edges() {
    // `x = y op z` as an ExpressionStatement (the inline case of `assign_to_identifier`):
    // a Number result into a binding holding a Number, and the cases that must take the
    // general PutValue (a binding holding another type, a Boolean result, a constant, a
    // binding in its TDZ, a binding a closure shares).
    let lines = run(r#"
        function edges() {
            let out = [], a = "s", b = 0, i = 2;
            a = i + 1; out.push(typeof a, a);
            b = i < 3; out.push(typeof b, b);
            b = i * 4; out.push(typeof b, b);
            const c = 1;
            try { c = 1 + 2; } catch (e) { out.push(e.name); }
            try { t = 1 + 2; } catch (e) { out.push(e.name); }
            let t = 0;
            t = t - 1; out.push(t);
            let f = () => a;
            for (let j = 0; j < 3; j++) { a = a + j; }
            out.push(f(), c);
            return out.join();
        }
        print(edges());
    "#);
    assert_eq!(
        lines,
        ["number,3,boolean,true,number,8,TypeError,ReferenceError,-1,6,1"]
    );
}

#[test]
fn global_places_follow_the_global_object() {
    // Each loop runs its statements several times so that the places are kept, then the
    // global object's property changes under them.
    let lines = run(r#"
        var a = 0, b = 0, c = 0;
        for (var i = 0; i < 5; i++) { a = a + i; b = a % 7; c = c + b; }
        print(a, b, c, i);
        // Read-only: sloppy assignments and ++ leave the value (no error).
        Object.defineProperty(globalThis, "a", { writable: false });
        for (var k = 0; k < 3; k++) { a = a + 1; a++; }
        print(a);
        // An accessor in place of the data property: the setter and getter run.
        var log = [];
        globalThis.g = 1;
        for (var k = 0; k < 3; k++) { g = g + 1; }
        delete globalThis.g;
        Object.defineProperty(globalThis, "g", {
            get() { log.push("get"); return 10; },
            set(v) { log.push("set " + v); },
            configurable: true,
        });
        for (var k = 0; k < 2; k++) { g = g + 1; g++; }
        print(log.join());
        // Deleted, then made again by a sloppy assignment (another position).
        globalThis.h = 1;
        for (var k = 0; k < 3; k++) { h = h + 1; }
        delete globalThis.h;
        globalThis.zz = 0;
        for (var k = 0; k < 3; k++) { h = k + 1; }
        print(h, Object.keys(globalThis).indexOf("h") > Object.keys(globalThis).indexOf("zz"));
        // A string in the property: the general steps.
        var s = 1;
        for (var k = 0; k < 2; k++) { s = s + 1; }
        s = "x";
        for (var k = 0; k < 2; k++) { s = s + 1; s++; }
        print(s);
    "#);
    assert_eq!(
        lines,
        [
            "10 3 13 5",
            "10",
            "get,set 11,get,set 11,get,set 11,get,set 11",
            "3 true",
            "NaN"
        ]
    );
}

#[test]
fn global_places_in_strict_code_and_deleted_bindings() {
    let lines = run(r#"
        "use strict";
        var n = 0;
        for (var i = 0; i < 3; i++) { n = n + i; }
        Object.defineProperty(globalThis, "n", { writable: false });
        try { for (var i = 0; i < 3; i++) { n = n + 1; } } catch (e) { print(e.constructor.name); }
        try { n++; } catch (e) { print(e.constructor.name); }
        globalThis.m = 1;
        function bump() { for (var i = 0; i < 3; i++) { m = m + 1; } return m; }
        print(bump());
        delete globalThis.m;
        try { bump(); } catch (e) { print(e.constructor.name); }
        print(n);
    "#);
    assert_eq!(
        lines,
        ["TypeError", "TypeError", "4", "ReferenceError", "3"]
    );
}

#[test]
fn a_proxy_global_object_takes_the_spec_steps() {
    // A global object that is not ordinary (an Evaluators' globalThis) is never read or
    // written through a place: its traps run for every access.
    let lines = run(r#"
        var traps = [];
        var target = { x: 1 };
        var global = new Proxy(target, {
            has(t, k) { traps.push("has " + String(k)); return k in t; },
            get(t, k) { traps.push("get " + String(k)); return t[k]; },
            set(t, k, v) { traps.push("set " + String(k)); t[k] = v; return true; },
            getOwnPropertyDescriptor(t, k) { return Reflect.getOwnPropertyDescriptor(t, k); },
            defineProperty(t, k, d) { return Reflect.defineProperty(t, k, d); },
        });
        var ev = new Evaluators({ globalThis: global });
        ev.eval("for (var k = 0; k < 2; k++) { x = x + 1; }");
        print(target.x, traps.filter((t) => t.endsWith(" x")).length);
    "#);
    // Per `x = x + 1`: HasBinding of the target's and of the operand's ResolveBinding
    // (has, has), GetBindingValue (has, get), SetMutableBinding (has, set); the set trap's
    // own `t[k] = v` runs no trap.
    assert_eq!(lines, ["3 12"]);
}

#[test]
fn named_properties_follow_the_object() {
    let lines = run(r#"
        "use strict";
        function run(o, n) {
            for (let i = 0; i < n; i++) { o.x = o.x + 1; }
            return o.x;
        }
        print(run({ x: 0 }, 3));
        // An accessor, an inherited property, a frozen object, a proxy, a primitive base.
        var log = [];
        var acc = { get x() { log.push("get"); return 1; }, set x(v) { log.push("set " + v); } };
        run(acc, 2);
        print(log.join());
        var proto = { x: 5 };
        var child = Object.create(proto);
        print(run(child, 2), proto.x, Object.keys(child).join());
        try { run(Object.freeze({ x: 1 }), 1); } catch (e) { print(e.constructor.name); }
        var p = new Proxy({ x: 1 }, { set(t, k, v) { log.push("trap " + v); t[k] = v; return true; } });
        log = [];
        print(run(p, 2), log.join());
        var arr = [1, 2];
        function len(a) { for (let i = 0; i < 2; i++) { a.length = a.length - 1; } return a.length; }
        print(len(arr));
        try { run(undefined, 1); } catch (e) { print(e.constructor.name); }
        function prim() { let s = "ab"; for (let i = 0; i < 2; i++) { s.length = s.length + 1; } }
        try { prim(); } catch (e) { print(e.constructor.name); }
        var num = { x: "a" };
        print(run(num, 2));
    "#);
    assert_eq!(
        lines,
        [
            "3",
            "get,set 2,get,set 2,get",
            "7 5 x",
            "TypeError",
            "3 trap 2,trap 3",
            "0",
            "TypeError",
            "TypeError",
            "a11"
        ]
    );
}

#[test]
fn property_names_keep_their_keys_past_the_agents_table() {
    // More distinct IdentifierNames than the agent's table of keys holds (256): entries are
    // replaced and found again by name, and a getter reached through one reads other names.
    let lines = run(r#"
        var names = [];
        for (var i = 0; i < 600; i++) names.push("p" + i);
        var o = {};
        names.forEach((n, i) => { o[n] = i; });
        Object.defineProperty(o, "g", { get() { return this.p1 + this.p599; } });
        var body = names.map((n) => "s += o." + n + "; o." + n + " = o." + n + " + 1;").join("\n");
        var f = new Function("o", "var s = 0;\n" + body + "\nreturn s + o.g;");
        print(f(o), f(o), o.p0, o.p599, o.g);
    "#);
    // 0 + 1 + ... + 599 = 179,700, then each one more; the getter adds p1 + p599 after
    // the increments.
    assert_eq!(lines, ["180302 180904 2 601 604"]);
}

/// Round 33: the `for` fast paths with the held LexicalEnvironment read and write global
/// places and the global record's declarative part (`slot_binding`'s second test): a later
/// script's `let` of the same name takes over from the global object's property, and a
/// script-level `let` is found in the declarative part.
#[test]
fn loop_paths_follow_global_places_and_lexical_globals() {
    let mut engine = engine();
    engine
        .evaluate_script(&source(
            r#"
            globalThis.p = 1;
            function loop() { for (let i = 0; i < 3; i++) { p = p + i; } return p; }
            function test() { let c = 0; for (let i = 0; i < p; i++) { c = c + 1; } return c; }
            print(loop(), test());
            "#,
        ))
        .unwrap();
    engine
        .evaluate_script(&source("let p = 100; print(loop(), test(), globalThis.p);"))
        .unwrap();
    engine
        .evaluate_script(&source(
            "let q = 0; for (let i = 0; i < 4; i++) { q = q + i; } print(q); \
             const k = 2; try { for (let i = 0; i < 2; i++) { k = k + i; } } catch (e) { print(e.message, k); }",
        ))
        .unwrap();
    assert_eq!(
        engine.take_printed(),
        [
            "4 4",
            "103 103 4",
            "6",
            "assignment to constant variable 'k' 2"
        ]
    );
}
