//! The untraced call paths of docs/ARCHITECTURE.md ("Calls", third round): a body ending
//! in `return Expression;`, the parameters' bindings made in one list, and the bindings
//! of a closure-free call released when it returns. Each program prints what the spec's
//! steps give; a binding released too early would read as missing or wrong.

#[path = "common/script_runs.rs"]
mod script_runs;

/// What `text` printed, run as calls.js.
fn run(text: &str) -> Vec<String> {
    script_runs::run("calls.js", text)
}

/// The report of the error `text` (run as calls.js) throws.
fn run_error(text: &str) -> String {
    script_runs::run_error("calls.js", text)
}

#[test]
fn recursion_deeper_than_the_kept_lists_keeps_each_calls_bindings() {
    let lines = run(r#"
        function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
        function sum(a, b, c, d) { return a === 0 ? b + c + d : a + sum(a - 1, b, c, d); }
        function five(a, b, c, d, e) { return e > 0 ? a + five(a, b, c, d, e - 1) : b + c + d; }
        function none() { return 1; }
        print(fib(20), sum(300, 1, 2, 3), five(1, 2, 3, 4, 200), none(), sum(1));
    "#);
    assert_eq!(lines, ["6765 45156 209 1 NaN"]);
}

#[test]
fn bodies_ending_in_return_keep_their_completions() {
    let lines = run(r#"
        function early(x) { for (let i = 0; ; i++) { if (i === x) return i * 2; } return -1; }
        function after(x) { let y = x + 1; if (y > 5) { return 'big'; } return 'small ' + y; }
        function thrown(x) { if (x) throw new Error('boom ' + x); return 'fine'; }
        function fin() { try { return 'try'; } finally { print('finally'); } }
        function empty() { }
        let caught;
        try { thrown(3); } catch (e) { caught = e.message; }
        print(early(4), after(9), after(1), thrown(0), caught, fin(), empty());
    "#);
    assert_eq!(
        lines,
        ["finally", "8 big small 2 fine boom 3 try undefined"]
    );
}

#[test]
fn environments_that_can_be_reached_after_the_call_keep_their_bindings() {
    let lines = run(r#"
        function closure(a) { return () => a; }
        function nested(a) { function g() { return a + 1; } return g; }
        function viaEval(a) { return eval('(function () { return a * 3; })'); }
        function args(a) { const o = arguments; a = 9; return o; }
        function* gen(a, b) { yield a; yield b; }
        const c = closure(5), n = nested(6), e = viaEval(7), o = args(1);
        closure(50); nested(60); viaEval(70);
        const it = gen('x', 'y');
        print(c(), n(), e(), o[0], it.next().value, it.next().value);
    "#);
    assert_eq!(lines, ["5 7 21 9 x y"]);
}

#[test]
fn comparator_and_arrow_calls_see_their_own_arguments() {
    let lines = run(r#"
        const f = (p, q) => p - q;
        let s = 0;
        for (let i = 0; i < 1000; i++) { s = s + f(i, 3); }
        const a = [5, 3, 9, 1, 7].sort((p, q) => p - q);
        const b = [5, 3, 9, 1, 7].sort(function (p, q) { const d = q - p; return d; });
        print(s, a.join(), b.join(), f(1));
    "#);
    assert_eq!(lines, ["496500 1,3,5,7,9 9,7,5,3,1 NaN"]);
}

/// An arrow function that binds nothing runs in its [[Environment]] (no record of its
/// own): the release of a closure-free call's bindings must not empty that record, which
/// belongs to the enclosing call and outlives the arrow's. (Found when the branches that
/// added the two shortcuts were merged: `x` read as not defined after the arrow returned.)
#[test]
fn an_arrow_that_binds_nothing_leaves_the_enclosing_calls_bindings() {
    let lines = run(r#"
        "use strict";
        function g(x) { return [() => x][0]() + x; }
        function k(y) { const h = () => y * 2; return h() + y; }
        function sloppy(z) { return (() => z + 1)() + z; }
        function twice(w) { const inc = () => w + 1; inc(); return inc() + w; }
        print(g(20), k(5), sloppy(3), twice(10));
    "#);
    assert_eq!(lines, ["40 15 7 21"]);
}

/// A closure-free call's Function Environment Record is reused by a later call when
/// nothing else holds it (docs/ARCHITECTURE.md, "Calls", fourth round): each reuse must
/// look new — no binding, `this` or new.target of an earlier call — and a record that
/// something still reaches (a closure, an arguments object, a generator, a direct eval, a
/// block's record kept by a closure) must not be reused.
#[test]
fn reused_function_environments_look_new_and_reachable_ones_are_kept() {
    let lines = run(r#"
        function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
        function sloppyThis() { return this === globalThis; }
        function strictThis() { 'use strict'; return this; }
        function nt() { return new.target === undefined; }
        function vars(a) { var v; var w = v; v = a; return [typeof w, v]; }
        function many(a, b, c, d, e, f, g, h, i, j) { return a + j; }
        function keep(a) { return () => a; }
        function args(a) { return arguments; }
        function* gen(a) { yield a; }
        function ev(a) { return eval('(() => a)'); }
        function block(a) { let f; { let b = a * 2; f = () => b; } return f; }
        const kept = [keep(1), args(2), gen(3), ev(4), block(5)];
        for (let i = 0; i < 100; i++) { fib(5); vars(i); many(i); keep(i); args(i); ev(i); }
        print(fib(15), sloppyThis(), strictThis(), nt(), vars(7).join(), many(1, 0, 0, 0, 0, 0, 0, 0, 0, 2));
        print(kept[0](), kept[1][0], kept[2].next().value, kept[3](), kept[4]());
        print(vars(8).join(), strictThis.call(5), sloppyThis.call(5), many());
    "#);
    assert_eq!(
        lines,
        [
            "610 true undefined true undefined,7 3",
            "1 2 3 4 10",
            "undefined,8 5 false NaN"
        ]
    );
}

/// The untraced call of an identifier callee at its kept place (thisValue undefined at
/// once) and the calls that must not take it: `eval`, `f?.()`, a `with` object's method, a
/// callee that is not a function (the same error and position), a name not yet bound.
#[test]
fn identifier_callees_at_their_place_and_the_others() {
    let lines = run(r#"
        function whoThis() { return this === undefined ? 'undefined' : this === globalThis ? 'global' : this.tag; }
        const arrow = (x) => x + 1;
        let notFn = 3;
        let maybe;
        print(whoThis(), arrow(1), maybe?.(), eval('1 + 1'));
        with ({ tag: 'with', whoThis }) { print(whoThis()); }
        try { notFn(); } catch (e) { print(e.constructor.name, e.message); }
        try { notYet(); } catch (e) { print(e.constructor.name, e.message); }
        try { tdz(); } catch (e) { print(e.constructor.name); }
        let tdz = () => 1;
        function local() { const g = (y) => y * 2; let s = 0; for (let i = 0; i < 3; i++) s += g(i); return s; }
        print(local(), tdz());
        function deep(n) { return deep(n + 1); }
        try { deep(0); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        lines,
        [
            "global 2 undefined 2",
            "with",
            "TypeError notFn is not a function",
            "ReferenceError notYet is not defined",
            "ReferenceError",
            "6 1",
            "RangeError"
        ]
    );
}

/// The plain call path of [[Call]] (docs/ARCHITECTURE.md, "Calls", fifth round): a
/// closure-free function with simple, distinct parameters, vars that are not parameters
/// and no lexical declaration, called with a this that needs no ToObject, runs in one
/// pass, its record made with the bindings (reusing the uninitialized bindings a spare
/// record kept when they are the same). Each line mixes calls that take it with calls
/// that must not (a primitive this in sloppy code, defaults, destructuring, rest,
/// duplicates, `arguments`, eval, a var named as a parameter, lexical declarations,
/// generators, async functions, class constructors, `new`), alternating so that each
/// kind of call gets the spare records the others left.
#[test]
fn plain_calls_and_the_calls_that_take_the_general_path() {
    let lines = run(r#"
        function p(a, b) { return a + b; }
        function q(b, a) { return b - a; }
        function v(a) { var t; var u = t; t = a; return [typeof u, t, typeof w]; var w; }
        function missing(a, b, c) { return [a, b, c].map(String).join('/'); }
        function sloppyThis() { return typeof this + (this === globalThis); }
        function strictThis() { 'use strict'; return typeof this + String(this); }
        const arrowThis = () => typeof this;
        const o = { tag: 'o', m(x) { return this.tag + x; }, get g() { return this.tag; }, set s(x) { this.tag = x; } };
        function dflt(a, b = a + 1) { return a + b; }
        function destr({ x }, [y]) { return x + y; }
        function rest(a, ...r) { return a + r.length; }
        function dup(a, a) { return a; }
        function args(a) { return arguments.length + a; }
        function ev(a) { return eval('a + 1'); }
        function same(a) { var a; return a; }
        function lex(a) { let b = a * 2; const c = b + 1; return c; }
        function* gen(a) { yield a + 1; }
        async function asy(a) { return a; }
        class C { constructor(x) { this.x = x; } get() { return this.x; } }
        function nt(a) { return [new.target === undefined, a]; }
        function noParams() { var z = 4; return z; }
        let out = [];
        for (let i = 0; i < 3; i++) {
            out.push(p(i, 1), q(i, 1), v(i).join(), missing(i), dflt(i), destr({ x: i }, [1]), rest(i, 1, 2),
                dup(i, 7), args(i), ev(i), same(i), lex(i), gen(i).next().value, nt(i).join(), noParams(),
                new C(i).get(), o.m(i), p(i), q(i, i, i));
        }
        print(out.join(' '));
        print(sloppyThis(), sloppyThis.call(5), sloppyThis.call(o), sloppyThis.call(null), strictThis.call(5),
            strictThis(), strictThis.call(o), arrowThis.call(o), o.g, (o.s = 'z', o.g), o.m('!'));
        let caught;
        try { C(1); } catch (e) { caught = e.constructor.name + ': ' + e.message; }
        const made = new nt(3);
        print(caught, made instanceof nt, p(1, 2), v(9).join(), missing(1, 2, 3, 4), typeof asy(5));
    "#);
    assert_eq!(
        lines,
        [
            "1 -1 undefined,0,undefined 0/undefined/undefined 1 1 2 7 1 1 0 1 1 true,0 4 0 o0 NaN 0 \
             2 0 undefined,1,undefined 1/undefined/undefined 3 2 3 7 2 2 1 3 2 true,1 4 1 o1 NaN 0 \
             3 1 undefined,2,undefined 2/undefined/undefined 5 3 4 7 3 3 2 5 3 true,2 4 2 o2 NaN 0",
            "objecttrue objectfalse objectfalse objecttrue number5 undefinedundefined object[object Object] object o z z!",
            "TypeError: class constructors cannot be invoked without 'new' false 3 undefined,9,undefined 1/2/3 object"
        ]
    );
}

/// What a plain call's spare record carries to the next plain call (docs/ARCHITECTURE.md,
/// "Calls", sixth round): the code it was last used for, whose bindings it then fills
/// without checking them, and its context's source text handle. Calls of different code
/// with the same parameter names, of two closures of the same code, of code from eval
/// (another source text) and of code with vars alternate, so that each kind gets the
/// records the others left; an error thrown in a plain call after all that is reported
/// in its own source text, at its own position.
#[test]
fn spare_records_carry_their_code_and_source_between_plain_calls() {
    let lines = run(r#"
        const sub = (a, b) => a - b;
        const add = (a, b) => a + b;
        const fromEval = eval('(a, b) => a * b');
        const twins = [1, 2].map((k) => (a, b) => a + b + k);
        function vars(a, b) { var t = a; var u; return [t, u, b]; }
        function fewer(a, b, c) { return [a, b, c].join('/'); }
        let out = [];
        for (let i = 0; i < 3; i++) {
            out.push(sub(i, 1), add(i, 1), fromEval(i, 3), twins[0](i, 0), twins[1](i, 0),
                vars(i).join(), fewer(i), fewer(i, i, i, i), sub(i), add());
        }
        print(out.join(' '));
        const deref = (o) => o.a.b;
        const derefEval = eval('(o) => o.a.b');
        print(deref({ a: { b: 1 } }), derefEval({ a: { b: 2 } }), deref({ a: { b: 3 } }));
        try { derefEval({}); } catch (e) { print(e.constructor.name); }
        try { deref({}); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        lines,
        [
            "-1 1 0 1 2 0,, 0// 0/0/0 NaN NaN 0 2 3 2 3 1,, 1// 1/1/1 NaN NaN \
             1 3 6 3 4 2,, 2// 2/2/2 NaN NaN",
            "1 2 3",
            "TypeError",
            "TypeError"
        ]
    );
    let report = run_error(
        r#"
        const derefEval = eval('(o) => o.a.b');
        const deref = (o) => o.a.b;
        for (let i = 0; i < 3; i++) { derefEval({ a: {} }); deref({ a: {} }); }
        derefEval({ a: {} });
        deref({});
    "#,
    );
    // (The error is where `o.a.b` is, in the script's text, as without the earlier calls.)
    let expected = run_error(
        r#"
        const derefEval = eval('(o) => o.a.b');
        const deref = (o) => o.a.b;
        deref({});
    "#,
    );
    assert!(report.contains("calls.js:3:"), "{report}");
    assert_eq!(report, expected);
}

/// An arrow function's plain call leaves its record's [[FunctionObject]] empty (no
/// reader reaches a record whose this binding is lexical): `super`, `new.target`, `this`
/// and a direct eval in or around such arrows still reach the enclosing function's record.
#[test]
fn arrows_reach_the_enclosing_functions_super_new_target_and_this() {
    let lines = run(r#"
        class A { m() { return 'A'; } }
        class B extends A { m() { const f = (x) => super.m() + x; return f(1) + f(2); } }
        function N() { const g = (x) => [new.target === N, this instanceof N, x]; this.r = g(2).join(); }
        function plainN() { const g = (x) => [new.target === undefined, x]; return g(3).join(); }
        function ev() { const h = (x) => eval('x + 1'); return h(4); }
        const o = { tag: 'o', m() { const k = (x) => this.tag + x; return k(5); } };
        print(new B().m(), new N().r, plainN(), ev(), o.m());
    "#);
    assert_eq!(lines, ["A1A2 true,true,2 true,3 5 o5"]);
}

/// EvaluateCall reads the callee's [[Call]] once for IsCallable and Call: callable
/// exotic objects (a proxy, a bound function, a class) and objects that are not callable
/// keep their results and errors.
#[test]
fn callees_that_are_exotic_or_not_callable() {
    let lines = run(r#"
        function f(a) { return 'f' + a; }
        const proxied = new Proxy(f, { apply(t, self, args) { return 'p' + t(...args); } });
        const bound = f.bind(null, 'b');
        const notCallable = {};
        class K {}
        print(proxied(1), bound(), Math.max(1, 2));
        try { notCallable(); } catch (e) { print(e.constructor.name, e.message); }
        try { K(); } catch (e) { print(e.constructor.name); }
        try { (1)(); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        lines,
        [
            "pf1 fb 2",
            "TypeError notCallable is not a function",
            "TypeError",
            "TypeError"
        ]
    );
}

/// An arrow function that binds nothing, called where its calleeContext would differ
/// from the running context only in its Function and environments, runs in the running
/// context with its LexicalEnvironment set to F.[[Environment]] (docs/ARCHITECTURE.md,
/// "Arrows in the caller's context"); the caller's is put back after a normal or a throw
/// completion. The calls that must push calleeContext: from a generator or an async
/// generator (their Generator component: a `return` in the arrow must not Await), from
/// code of another source text (eval) or strictness, from a built-in (no source), from a
/// class body. Each program prints the same untraced and traced (the general steps).
#[test]
fn arrows_that_bind_nothing_in_the_callers_context_and_the_others() {
    let text = r#"
        let log = [];
        const x = 'outer';
        const readX = () => x;
        const block = () => { if (x) { return 'b' + x; } };
        const thrower = () => { throw new Error('from ' + x); };
        const make = () => () => x + '!';
        const self = () => this === globalThis;
        function caller() {
            const x = 'inner';
            let caught;
            try { thrower(); } catch (e) { caught = e.message; }
            return [readX(), block(), caught, make()(), self(), x].join();
        }
        function strictCaller() { 'use strict'; const x = 's'; return readX() + x; }
        function* gen() { const x = 'g'; yield readX() + block() + x; }
        async function* agen() { const x = 'a'; yield block() + x; }
        const fromEval = eval('() => x + typeof readX');
        class K { static f = readX() + block(); static { log.push(readX()); } }
        const nested = () => readX() + (() => (() => x)())();
        log.push(caller(), strictCaller(), gen().next().value, fromEval(), K.f, nested());
        log.push([1, 2].map(() => readX()).join());
        agen().next().then((r) => { log.push(r.value); print(log.join(' | ')); });
    "#;
    let expected = [
        "outer | outer,bouter,from outer,outer!,true,inner | outers | outerbouterg | \
         outerfunction | outerbouter | outerouter | outer,outer | boutera",
    ];
    let with_jobs = || {
        let (mut engine, outcome) = script_runs::evaluate("calls.js", text);
        outcome.unwrap_or_else(|report| panic!("{report}"));
        engine.run_jobs().unwrap_or_else(|e| panic!("{}", e.report));
        engine.take_printed()
    };
    assert_eq!(with_jobs(), expected, "untraced");
    let (traced, _) = compartments::trace::capture(with_jobs);
    assert_eq!(traced, expected, "traced");
    // (A throw from such an arrow is reported where it is, as by the general steps.)
    let error = r#"
        const boom = () => { null.x; };
        function f() { const y = 1; return boom() + y; }
        f();
    "#;
    let report = run_error(error);
    let (traced, _) = compartments::trace::capture(|| run_error(error));
    assert!(report.contains("calls.js:2:"), "{report}");
    assert_eq!(report, traced);
}

/// Round 36 (docs/ARCHITECTURE.md, "Calls" and "Object creation"): the result of a plain
/// call, of an arrow that binds nothing and of a prepared call (SortCompare) is passed on
/// as it is, a Number rebuilt from its payload and every other value (and a throw) as a
/// whole; an arrow that binds nothing reads its code through its slot record. Each kind
/// of result, each way, untraced and traced.
#[test]
fn call_results_of_every_kind_pass_through_the_plain_paths() {
    let text = r#"
        const o = { k: 1 };
        const num = () => 1.5;
        const neg = () => -0;
        const nan = () => 0 / 0;
        const str = () => 's' + o.k;
        const obj = () => o;
        const undef = () => {};
        const big = () => 2n ** 64n;
        const sym = () => Symbol.iterator;
        const bool = () => o.k === 1;
        const nul = () => null;
        const thrower = () => { throw 'thrown ' + o.k; };
        function plainNum(a, b) { return a * b; }
        function plainObj(a) { return { a }; }
        function plainNone(a) { a + 1; }
        function plainThrow(a) { throw a; }
        let caught = [];
        try { thrower(); } catch (e) { caught.push(e); }
        try { plainThrow(7); } catch (e) { caught.push(e); }
        print(num(), 1 / neg(), nan(), str(), obj() === o, undef(), big(), sym() === Symbol.iterator,
              bool(), nul(), caught.join());
        print(plainNum(3, 4), plainObj(2).a, plainNone(1), num() + plainNum(2, 0.25));
        let total = 0;
        for (let i = 0; i < 50; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; total += f(); }
        print(total);
        print([3, 1, 2].sort((x, y) => x - y).join(), ['b', 'a', 'c'].sort((x, y) => x < y ? -1 : 1).join(),
              [2, 1, 3].sort((x, y) => (x > y) - (x < y)).join(), [2, 1].sort(() => undefined).join(),
              [1, 2, 3].sort((x, y) => String(y - x)).join(), [1, 2].sort(() => ({ valueOf() { return -1; } })).join());
        try { [1, 2, 3].sort((x, y) => { if (x === 3 || y === 3) throw 'cmp'; return x - y; }); } catch (e) { print(e); }
    "#;
    script_runs::check_untraced_and_traced(
        "calls.js",
        text,
        &[
            "1.5 -Infinity NaN s1 true undefined 18446744073709551616 true true null thrown 1,7",
            "12 2 undefined 2",
            "2500",
            "1,2,3 a,b,c 1,2,3 2,1 3,2,1 1,2",
            "cmp",
        ],
    );
}

/// Round 36: an array literal of AssignmentExpressions only (`array_literal`'s untraced
/// path, each value kept as it is, a Number rebuilt from its payload) and the literals
/// that take the general steps (holes, spreads); a throw while evaluating an element
/// leaves no array and is reported where it is; the new objects (arrays, closures, plain
/// objects, class instances with private elements) are ordinary in every other way.
#[test]
fn array_literals_and_new_objects_on_the_untraced_paths() {
    let text = r#"
        const s = Symbol('s');
        const o = {};
        const a = [1, -0, 'x', o, undefined, null, true, 3n, s, NaN, [2]];
        print(a.length, 1 / a[1], a[2], a[3] === o, a[4], a[5], a[6], a[7], a[8] === s, a[9], a[10][0]);
        print([].length, [, 1].length, 0 in [, 1], [1, , 2].length, [...'ab', 3].join(), [1, ...[2, 3]].length);
        let i = 0;
        const b = [i++, i++, i++];
        print(b.join(), Object.isExtensible(b), Object.getOwnPropertyNames(b).join(), Array.isArray(b));
        b.x = 1; b.push(9);
        print(b.length, b.x, JSON.stringify(b));
        let log = [];
        try { const c = [log.push('a'), (() => { throw new TypeError('elem'); })(), log.push('c')]; } catch (e) { log.push(e.message); }
        print(log.join());
        class P { #p = 5; static has(x) { return #p in x; } get p() { return this.#p; } }
        const p = new P();
        const f = () => 1;
        print(P.has(p), P.has({}), p.p, Object.isExtensible(f), f.name, f.length, Object.getPrototypeOf(o) === Object.prototype);
        Object.preventExtensions(o);
        print(Object.isExtensible(o), Object.isExtensible({}), Object.isFrozen(Object.freeze([1, 2])));
    "#;
    script_runs::check_untraced_and_traced(
        "arrays.js",
        text,
        &[
            "11 -Infinity x true undefined null true 3 true NaN 2",
            "0 2 false 3 a,b,3 3",
            "0,1,2 true 0,1,2,length true",
            "4 1 [0,1,2,9]",
            "a,elem",
            "true false 5 true f 0 true",
            "false true true",
        ],
    );
    let error = "const v = 1;\nconst arr = [v, v + 1, null.x];\n";
    let report = run_error(error);
    let (traced, _) = compartments::trace::capture(|| run_error(error));
    assert!(report.contains("calls.js:2:"), "{report}");
    assert_eq!(report, traced);
}

/// Round 36: array literals whose elements are all Numbers read without effect
/// (`number_elements_untraced`: NumericLiterals, Number bindings, arithmetic, shift and
/// bitwise BinaryExpressions of two such) and the ones that leave that path at some
/// element (a String, a relational operator, a global, a binding in its TDZ, a unary
/// minus, a call): the same elements, in order, untraced and traced.
#[test]
fn array_literals_of_numbers_and_the_elements_that_leave_that_path() {
    let text = r#"
        var g = 7;
        function f(i, s) {
            const n = i + 0.5;
            return [
                [i, i + 1, 2, n * 2, i % 4, i ** 2, i << 3, i >>> 1, i & 6, i | 8, i ^ 1, 1 / 0, n - n],
                [i, s], [i, i < 2], [i, g], [g, i], [i, -i], [i, i + s], [i, (() => i)()], [s + i, i],
            ].map((a) => a.length + ':' + a.join('/')).join(' ');
        }
        print(f(3, 'x'));
        print(f(-0, ''));
        let log = [];
        try { const a = [1, 2, late]; } catch (e) { log.push(e.constructor.name); }
        let late = 1;
        const big = 10n;
        print(log.join(), [late, 2].join(), [big, late].join(), [late, big * 2n].join());
    "#;
    script_runs::check_untraced_and_traced(
        "arrays.js",
        text,
        &[
            "13:3/4/2/7/3/9/24/1/2/11/2/Infinity/0 2:3/x 2:3/false 2:3/7 2:7/3 2:3/-3 2:3/3x \
             2:3/3 2:x3/3",
            "13:0/1/2/1/0/0/0/0/0/8/1/Infinity/0 2:0/ 2:0/true 2:0/7 2:7/0 2:0/0 2:0/0 2:0/0 2:0/0",
            "ReferenceError 1,2 10,1 1,20",
        ],
    );
}
