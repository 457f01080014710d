//! The untraced statement paths of docs/ARCHITECTURE.md ("Statements", round 32): a `for`
//! body of ExpressionStatements evaluated without the statement dispatch, lexical
//! declarations dispatched from a StatementList and initialized straight into their binding
//! slots, and a Block's lexical bindings found when it is parsed. Each program prints what
//! the spec's steps give (completion values through `eval`, errors, TDZ, closures over
//! per-iteration bindings, generator returns), for bodies that take the paths and bodies
//! that must not.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

fn run(text: &str) -> Vec<String> {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let source = ScriptSource {
        name: "loops.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).unwrap_or_else(|e| panic!("{text}: {e}"))),
    };
    if let Err(e) = engine.evaluate_script(&source) {
        panic!("{text}: {}", e.report);
    }
    engine.take_printed()
}

#[test]
fn expression_statement_bodies_keep_the_loops_completion_value() {
    let lines = run(r#"
        print(eval('for (var i = 0; i < 3; i++) { i * 2; i + 100; }'));
        print(eval('for (var i = 0; i < 3; i++) i * 5;'));
        print(eval('for (let i = 0; i < 3; i++) { i; }'));
        print(eval('7; for (let i = 0; i < 0; i++) { i; }'));
        print(eval('7; for (var i = 0; i < 2; i++) { var q = i; }'));
        print(eval('for (let i = 0; i < 4; i++) { if (i > 1) i * 10; }'));
        print(eval('for (let i = 0; i < 4; i++) { i; if (i == 2) break; }'));
        print(eval('for (let i = 0; i < 4; i++) { i * 3; continue; }'));
        print(eval('l: for (let i = 0; i < 4; i++) { for (;;) { i + 50; continue l; } }'));
        print(eval('for (let i = 0; i < 3; i++) {}'));
        print(eval('for (let i = 0; i < 3; i++) { let j = i; j * 7; }'));
    "#);
    assert_eq!(
        lines,
        [
            "102",
            "10",
            "2",
            "undefined",
            "undefined",
            "30",
            "undefined",
            "9",
            "53",
            "undefined",
            "14"
        ]
    );
}

#[test]
fn expression_statement_bodies_stop_at_throws_and_returns() {
    let lines = run(r#"
        let log = [];
        try {
          for (let i = 0; i < 5; i++) { log.push('a' + i); if0(i); log.push('b' + i); }
        } catch (e) { log.push(e.constructor.name); }
        function if0(i) { if (i === 1) throw new TypeError('x'); }
        print(log.join());
        function* g() { let s = 0; for (let i = 0; i < 5; i++) { s += yield i; s; } return s; }
        let it = g(); it.next(); it.next(1);
        print(JSON.stringify(it.return(42)), JSON.stringify(it.next()));
        function* h() { try { for (;;) { yield 1; 2; } } finally { print('finally'); } }
        let it2 = h(); it2.next();
        print(JSON.stringify(it2.return(9)));
        function early(n) { for (let i = 0; i < n; i++) { if (i === 2) return i; } return -1; }
        print(early(5), early(1));
    "#);
    assert_eq!(
        lines,
        [
            "a0,b0,a1,TypeError",
            r#"{"value":42,"done":true} {"done":true}"#,
            "finally",
            r#"{"value":9,"done":true}"#,
            "2 -1",
        ]
    );
}

#[test]
fn lexical_declarations_keep_tdz_names_and_per_iteration_bindings() {
    let lines = run(r#"
        let out = [];
        try { { const a = a; } } catch (e) { out.push(e.constructor.name); }
        try { { let b = c; let c = 1; } } catch (e) { out.push(e.constructor.name); }
        try { { const d = (() => d)(); } } catch (e) { out.push(e.constructor.name); }
        { const f = function () {}; let g = () => 1; const C = class {}; out.push(f.name, g.name, C.name); }
        { let u; const [p, q] = [1, 2]; const { r } = { r: 3 }; out.push(String(u), p, q, r); }
        const fs = [];
        for (let i = 0; i < 3; i++) { const k = i * 2; fs.push(() => i + k); }
        out.push(fs.map(f => f()).join('/'));
        { class K { m() { return K; } } out.push(new K().m() === K); }
        { function h() { return 'h'; } let x = h(); out.push(x); }
        l: { let y = 5; out.push(y); break l; }
        let blocks = [];
        for (let i = 0; i < 3; i++) { let z = i; { const w = z + 1; blocks.push(() => w); } }
        out.push(blocks.map(f => f()).join('/'));
        print(out.join(' '));
    "#);
    assert_eq!(
        lines,
        ["ReferenceError ReferenceError ReferenceError f g C undefined 1 2 3 0/3/6 true h 5 1/2/3"]
    );
}

#[test]
fn lexical_declarations_in_eval_and_switch_and_sloppy_code() {
    let lines = run(r#"
        print(eval('{ let q = 7; q; }'), eval('{ let q = 7; class C {} C.name + q; }'));
        print(eval('{ const z = 1; }'), eval('3; { let z = 1; }'));
        switch (1) { case 1: let s = 'case'; print(s); }
        var v = 'outer';
        { let v2 = v; print(v2); }
        function shadow() { let v = 'inner'; { const v3 = v; return v3; } }
        print(shadow());
    "#);
    assert_eq!(lines, ["7 C7", "undefined 3", "case", "outer", "inner"]);
}

#[test]
fn increments_in_place_and_those_that_must_not_be() {
    let lines = run(r#"
        let out = [];
        for (let i = 0; i < 3; i++) { out.push(i); }
        for (let i = 3; i > 0; --i) { out.push(i); }
        for (var g = 0; g < 2; ++g) { out.push('g' + g); }
        for (let s = '1'; s < 4; s++) { out.push(typeof s); }
        for (let b = 1n; b < 3n; b++) { out.push(String(b)); }
        let o = { valueOf() { out.push('valueOf'); return 5; } };
        for (let v = o, n = 0; n < 1; v++, n++) { }
        try { for (const c = 0; c < 2; c++) { out.push('c' + c); } }
        catch (e) { out.push(e.constructor.name); }
        try { for (let t = 0; t < 2; u++) { t++; } } catch (e) { out.push(e.constructor.name); }
        print(out.join(' '), eval('for (var k = 0; k < 2; k++) k;'));
    "#);
    assert_eq!(
        lines,
        ["0 1 2 3 2 1 g0 g1 string number number 1 2 valueOf c0 TypeError ReferenceError 1"]
    );
}

/// Round 33: ForBodyEvaluation holds the running LexicalEnvironment for its untraced fast
/// paths (the test, `x = a op b` statements to binding slots and global places, the
/// increment), taken again after each CreatePerIterationEnvironment. Each line is what the
/// spec's steps give (the same program under `--trace`, where no fast path runs, prints the
/// same): completion values, bindings of other types, constants, TDZ, closures over
/// per-iteration bindings and assignments to them, global accessors, read-only and
/// undeclared globals, tests of non-Numbers, increments that must fail, generators.
#[test]
fn held_environment_paths_at_their_edges() {
    let lines = run(r#"
function show(f) { try { print(f()); } catch (e) { print(e.constructor.name + ': ' + e.message); } }
// completion values through eval
show(() => eval('let s = 0; for (let i = 0; i < 3; i++) { s = s + i; }'));
show(() => eval('let s = 0, t = 1; for (let i = 0; i < 3; i++) { s = s + i; t = t * 2; }'));
show(() => eval('var g1 = 0; for (var i = 0; i < 4; i++) { g1 = g1 + i; }'));
show(() => eval('let s = 0; for (let i = 0; i < 3; i++) { s = s < i; }'));
// a binding of another type, a string operand, TDZ, const
show(() => { let s = 'a'; for (let i = 0; i < 3; i++) { s = s + i; } return s; });
show(() => { let s = 0; for (let i = 0; i < 3; i++) { s = i + 'x'; } return s; });
show(() => { let s = 0; for (let i = 0; i < 3; i++) { s = i + 1; if (i) break; } return s; });
show(() => { const c = 1; for (let i = 0; i < 2; i++) { c = c + i; } return c; });
show(() => { for (let i = 0; i < 2; i++) { t = i + 1; } let t = 0; return t; });
show(() => { let s = 0; for (let i = 0; i < 2; i++) { s = u + 1; } let u = 0; return s; });
// per-iteration bindings: closures over the loop variable, assignments to it
show(() => { let fs = [], s = 0; for (let i = 0; i < 3; i++) { fs.push(() => i); s = s + i; } return fs.map(f => f()).join() + ' ' + s; });
show(() => { let fs = []; for (let i = 0; i < 6; i++) { fs.push(() => i); i = i + 1; } return fs.map(f => f()).join(); });
show(() => { let fs = []; for (let i = 0, j = 10; i < j; i++) { fs.push(() => i * 100 + j); j = j - 2; } return fs.map(f => f()).join(); });
// global places: var, a setter, a non-writable property, a deleted property, strict
var gv = 0;
show(() => { for (let i = 0; i < 3; i++) { gv = gv + i; } return gv; });
var log = [];
Object.defineProperty(globalThis, 'acc', { set(v) { log.push(v); }, get() { return 5; }, configurable: true });
show(() => { for (let i = 0; i < 3; i++) { acc = i + 1; } return log.join(); });
show(() => { for (let i = 0; i < 2; i++) { NaN = i + 1; } return NaN; });
show(() => { 'use strict'; for (let i = 0; i < 2; i++) { NaN = i + 1; } return NaN; });
var gd = 1;
show(() => { for (let i = 0; i < 3; i++) { gd = gd + 1; if (i == 1) delete globalThis.gd; } return gd; });
show(() => { 'use strict'; for (let i = 0; i < 3; i++) { undeclared1 = i + 1; } return undeclared1; });
show(() => { for (let i = 0; i < 3; i++) { undeclared2 = i + 1; } return undeclared2; });
// the test: not Numbers, a global, NaN, -0 and %
show(() => { let n = '3', c = 0; for (let i = 0; i < n; i++) { c = c + 1; } return c; });
show(() => { let c = 0; for (let i = 0; i < gv; i++) { c = c + 1; } return c; });
show(() => { let c = 0, z = NaN; for (let i = 0; i != z && i < 4; i++) { c = c + 1; } return c; });
show(() => { let r = 0, m = -4; for (let i = 0; i < 1; i++) { r = m % 2; } return Object.is(r, -0); });
show(() => { let r = 0; for (let i = 0; i < 3; i++) { r = r - 1 >>> 0; } return r; });
// the increment: const, string, TDZ
show(() => { for (const i = 0; i < 2; i++) { } });
show(() => { let c = 0; for (let i = '0'; i < 3; i++) { c = c + 1; } return c; });
show(() => { let r = []; for (let i = 0; i < 3; i++) { r.push(typeof i); i = '' + i; } return r.join(); });
// generators: yield inside the body, return while suspended
function* g() { let s = 0; for (let i = 0; i < 3; i++) { s = s + i; yield s; s = s * 2; } return s; }
show(() => [...g()].join());
show(() => { const it = g(); it.next(); return JSON.stringify(it.return(9)); });
    "#);
    assert_eq!(
        lines,
        [
            "3",
            "8",
            "6",
            "true",
            "a012",
            "2x",
            "2",
            "TypeError: assignment to constant variable 'c'",
            "ReferenceError: cannot access 't' before initialization",
            "ReferenceError: cannot access 'u' before initialization",
            "0,1,2 3",
            "1,3,5",
            "8,106,204,302",
            "3",
            "1,2,3",
            "NaN",
            "TypeError: cannot assign to read only property 'NaN'",
            "4",
            "ReferenceError: undeclared1 is not defined",
            "3",
            "3",
            "3",
            "4",
            "true",
            "4294967293",
            "TypeError: assignment to constant variable 'i'",
            "3",
            "number,number,number",
            "0,1,4",
            "{\"value\":9,\"done\":true}",
        ]
    );
}

/// A `for` body that is a Block of declarations and ExpressionStatements (whose names were
/// found when it was parsed) is evaluated without the statement dispatch
/// (`declarations_block_of`): a new record per iteration, closures over it, completion
/// values (a declaration's ~empty~ leaves the last ExpressionStatement's value), TDZ and
/// `const` errors, throws and returns leaving the LexicalEnvironment as it was, and bodies
/// that must take the steps (a function declaration, another statement). Untraced and
/// traced alike.
#[test]
fn declaration_block_bodies() {
    let text = r#"
        let fs = [];
        for (let i = 0; i < 3; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; fs.push(f); }
        print(fs.map((f) => f()).join());
        print(eval('for (let i = 0; i < 3; i++) { const j = i; j * 2; let k = j; }'));
        print(eval('5; for (let i = 0; i < 3; i++) { const j = i; }'));
        print(eval('for (let i = 0; i < 2; i++) { i + 1; var v = i; let w = 0; }'), v);
        let total = 0;
        for (let i = 0; i < 4; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; total = (total + f()) % 7; }
        print(total);
        const outer = 'outer';
        try { for (let i = 0; i < 3; i++) { const outer = i; if0(outer); } } catch (e) { print(e.message, outer); }
        function if0(x) { if (x === 1) throw new Error('at ' + x); }
        try { for (let i = 0; i < 3; i++) { t; let t = 1; } } catch (e) { print(e.name, outer); }
        try { for (let i = 0; i < 3; i++) { const c = 1; c = 2; } } catch (e) { print(e.name, outer); }
        function* g() { for (let i = 0; i < 3; i++) { const y = yield i; y; } }
        const it = g(); it.next();
        print(JSON.stringify(it.return(7)), outer);
        function early() { for (let i = 0; i < 3; i++) { const z = i; if (z) return z; } }
        print(early());
        print(eval('for (let i = 0; i < 2; i++) { let q = i; function h() { return q; } h() + 10; }'));
        print(eval('for (let i = 0; i < 3; i++) { let b = i; if (b == 1) break; b; }'));
        print(eval('for (let i = 0; i < 3; i++) { class K {} i; }'));
    "#;
    let expected = [
        "1,3,5",
        "4",
        "undefined",
        "2 1",
        "2",
        "at 1 outer",
        "ReferenceError outer",
        "TypeError outer",
        "{\"value\":7,\"done\":true} outer",
        "1",
        "11",
        "undefined",
        "2",
    ];
    assert_eq!(run(text), expected);
    let (traced, _) = compartments::trace::capture(|| run(text));
    assert_eq!(traced, expected);
}
