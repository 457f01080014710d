//! Binding names of Declarative Environment Records (docs/ARCHITECTURE.md, "Binding
//! names"): a block's record made at once from its parse-time names holds interned names
//! (no reference count), other bindings interned or shared names. Each script runs
//! untraced (the fast paths) and traced (the spec steps, no fast path); both must agree.

#[path = "common/script_runs.rs"]
mod script_runs;

use script_runs::{check_untraced_and_traced, run_error};

/// The error `text` throws, untraced and traced (the two must be the same).
fn error_untraced_and_traced(name: &str, text: &str) -> String {
    let untraced = run_error(name, text);
    let (traced, _) = compartments::trace::capture(|| run_error(name, text));
    assert_eq!(untraced, traced, "{text}");
    untraced
}

#[test]
fn block_records_captured_by_closures_keep_their_bindings() {
    check_untraced_and_traced(
        "captured.js",
        "var fs = []; var total = 0;
         for (var i = 0; i < 50; i++) { const a = [i, i + 1]; let b = i * 2; const f = () => a[0] + a[1] + b; fs.push(f); total += f(); }
         print(total, fs[0](), fs[49](), fs.length);
         { let x = 'outer'; { let x = 'inner'; print(x); } print(x); }",
        &["4950 1 197 50", "inner", "outer"],
    );
}

#[test]
fn block_bindings_in_the_temporal_dead_zone() {
    check_untraced_and_traced(
        "tdz.js",
        "{ try { x; } catch (e) { print(e.constructor.name, e.message); } let x = 1; print(x); }
         { try { typeof y; } catch (e) { print(e.constructor.name); } const y = 2; print(y); }
         { const f = () => z; try { f(); } catch (e) { print(e.message); } let z = 3; print(f()); }",
        &[
            "ReferenceError cannot access 'x' before initialization",
            "1",
            "ReferenceError",
            "2",
            "cannot access 'z' before initialization",
            "3",
        ],
    );
    let report = error_untraced_and_traced("tdz_uncaught.js", "{ w; let w = 1; }");
    assert!(
        report.contains("cannot access 'w' before initialization"),
        "{report}"
    );
}

#[test]
fn const_block_bindings_are_immutable() {
    check_untraced_and_traced(
        "const.js",
        "{ const c = 1; try { c = 2; } catch (e) { print(e.constructor.name, e.message); } print(c); }",
        &["TypeError assignment to constant variable 'c'", "1"],
    );
    let report = error_untraced_and_traced("const_uncaught.js", "{ const k = 1; k = 2; }");
    assert!(
        report.contains("assignment to constant variable 'k'"),
        "{report}"
    );
}

#[test]
fn eval_reads_writes_and_declares_by_name() {
    check_untraced_and_traced(
        "eval.js",
        "{ let a = 1; const b = 2; print(eval('a + b')); eval('a = 10'); print(a); }
         function f(p) { { let q = p + 1; eval('var v = q * 2'); } print(v, delete v, typeof v); }
         f(3);
         function g() { for (var i = 0; i < 20; i++) eval('var n' + i + ' = ' + i); var s = 0; for (var i = 0; i < 20; i++) s += eval('n' + i); return s; }
         print(g(), g());",
        &["3", "10", "8 true undefined", "190 190"],
    );
}

#[test]
fn with_statements_and_block_records() {
    check_untraced_and_traced(
        "with.js",
        "var o = { a: 7, b: 8 };
         with (o) { let c = a + b; { let a = 1; print(a, b, c); } print(a); }
         { let a = 'block'; with (o) { print(a); } with ({}) { print(a); } }",
        &["1 8 15", "7", "7", "block"],
    );
}

#[test]
fn many_bindings_in_one_block_are_found_by_name() {
    // (More than the 16 bindings past which a record indexes its names.)
    let names: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
    let declarations: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("let {n} = {i}; "))
        .collect();
    let text = format!(
        "{{ {declarations} var s = 0; for (var i = 0; i < 40; i++) s += eval('v' + i); print(s, v0, v39, typeof v20); v7 = 70; print(eval('v7')); }}"
    );
    check_untraced_and_traced("many.js", &text, &["780 0 39 number", "70"]);
}

#[test]
fn names_past_the_interning_bounds_still_bind() {
    // (A name longer than the interner takes is kept shared.)
    let long = format!("n{}", "x".repeat(300));
    let text = format!(
        "{{ let {long} = 5; const f = () => {long} + 1; print({long}, f(), eval('{long}')); }}
         function h({long}) {{ var {long}2 = {long} * 2; return {long}2; }} print(h(4), h(5));"
    );
    check_untraced_and_traced("long.js", &text, &["5 6 5", "8 10"]);
    check_untraced_and_traced(
        "unicode.js",
        "{ let café = 1; const ñ = 2; print(café + ñ, eval('café')); }",
        &["3 1"],
    );
}

#[test]
fn function_and_global_records_bind_by_name() {
    check_untraced_and_traced(
        "functions.js",
        "function f(a, b) { var t = a + b; { let t2 = t * 2; return t2; } }
         function g(a) { var t = a; return t; }
         var s = 0; for (var i = 0; i < 100; i++) s += f(i, 1) + g(i);
         print(s);
         let top = 1; const topc = 2;
         function readTop() { return top + topc; }
         print(readTop()); top = 5; print(readTop(), globalThis.top);
         switch (1) { case 1: let sw = 'case'; print(sw); }",
        &["15050", "3", "7 undefined", "case"],
    );
}

#[test]
fn generators_suspended_inside_a_block_keep_its_record() {
    check_untraced_and_traced(
        "generators.js",
        "function* gen() { { let a = 1; const b = [2]; yield a; a += b[0]; yield a; } }
         var it = gen(); print(it.next().value, it.next().value, it.next().done);",
        &["1 3 true"],
    );
}
