//! The untraced call paths of docs/ARCHITECTURE.md ("Calls", seventh round): SortCompare's
//! calls of an ECMAScript comparator through a prepared call (`PreparedCall`: calleeContext
//! and its Function Environment Record made once per sort, the record refilled in place),
//! and the plain call path of an arrow function that binds nothing. Each program prints
//! what the spec's steps give (the same as the general path: checked against it).

#[path = "common/script_runs.rs"]
mod script_runs;

/// What `text` printed, run as sort.js.
fn run(text: &str) -> Vec<String> {
    script_runs::run("sort.js", text)
}

/// The report of the error `text` (run as sort.js) throws.
fn run_error(text: &str) -> String {
    script_runs::run_error("sort.js", text)
}

/// Plain comparators (arrows and functions, sloppy and strict, with vars, fewer or more
/// parameters than arguments) called through the prepared call: each call sees new
/// bindings (vars undefined, parameters the arguments even after the last call assigned
/// them), the this value of its kind, and the sort stays stable.
#[test]
fn plain_comparators_get_new_bindings_and_their_this_on_every_call() {
    let lines = run(r#"
        const a = [5, 3, 9, 1, 7, 3, 2, 8].sort((p, q) => p - q);
        const objs = [{k: 2, i: 0}, {k: 1, i: 1}, {k: 2, i: 2}, {k: 1, i: 3}, {k: 0, i: 4}];
        const s = objs.slice().sort((p, q) => p.k - q.k).map(o => o.k + ':' + o.i).join(' ');
        let fresh = true;
        const b = [4, 2, 6, 1].sort(function (p, q) { var d; var e; if (d !== undefined || e !== undefined) fresh = false; d = q - p; e = d; p = 100; return e; });
        let sloppyThis = [], strictThis = [];
        [3, 1, 2].sort(function (p, q) { sloppyThis.push(this === globalThis); return p - q; });
        [3, 1, 2].sort(function (p, q) { 'use strict'; strictThis.push(this === undefined); return p - q; });
        const o = { tag: 't', run() { return [2, 1, 3].sort((p, q) => { if (this.tag !== 't') throw 0; return p - q; }); } };
        const one = [3, 1, 2].sort((p) => -p);
        const three = [3, 1, 2].sort((p, q, r) => r === undefined ? p - q : NaN);
        print(a.join(), s, b.join(), fresh, sloppyThis.every(x => x), strictThis.every(x => x), o.run().join(), one.join(), three.join());
    "#);
    assert_eq!(
        lines,
        ["1,2,3,3,5,7,8,9 0:4 1:1 1:3 2:0 2:2 6,4,2,1 true true true 1,2,3 3,1,2 1,2,3"]
    );
}

/// Results that are not Numbers go through ToNumber; NaN and -0 order as +0; undefined
/// elements and holes never reach the comparator; a comparator may mutate the array,
/// re-enter sort with itself or another comparator, close over state, or make closures
/// (then it is not plain and takes the general path).
#[test]
fn comparator_results_reentry_and_mutation() {
    let lines = run(r#"
        print([3, 1, 2].sort((p, q) => String(p - q)).join(), [3, 1, 2].sort((p, q) => ({ valueOf() { return q - p; } })).join(), [3, 1, 2].sort(() => NaN).join(), [3, 1, 2].sort(() => -0).join(), [3, 1, 2, 1n].sort((p, q) => p == q ? 0 : p < q ? -1 : 1).join());
        const h = [3, undefined, 1, , 2]; h.sort((p, q) => { if (p === undefined || q === undefined) throw 1; return p - q; });
        print(h.length, 3 in h, 4 in h, String(h[3]), h.slice(0, 3).join());
        const m = [5, 4, 3, 2, 1];
        m.sort((p, q) => { m.push(9); m[0] = 0; return p - q; });
        print(m.join());
        const cmp = (p, q) => { const inner = [q, p, 3].sort(cmp2); return p - q; };
        function cmp2(p, q) { return q - p; }
        const r = [4, 1, 3].sort((p, q) => { [p, q, 7].sort((x, y) => x - y); return p - q; });
        print(r.join(), [4, 1, 3].sort(cmp).join());
        let calls = 0;
        [5, 4, 3, 2, 1].sort((p, q) => { calls++; return p - q; });
        const fns = [];
        [3, 2, 1].sort((p, q) => { fns.push(() => p); return p - q; });
        print(calls > 0, fns.map(f => f()).join());
        const many = [];
        for (let i = 0; i < 2000; i++) many.push({ k: (i * 7919) % 2003 });
        many.sort((p, q) => [p.k][0] - [q.k][0]);
        let sorted = true;
        for (let i = 1; i < many.length; i++) if (many[i - 1].k > many[i].k) sorted = false;
        print(sorted);
    "#);
    assert_eq!(
        lines,
        [
            "1,2,3 3,2,1 3,1,2 3,1,2 1,1,2,3",
            "5 true false undefined 1,2,3",
            "1,2,3,4,5,9,9,9,9,9",
            "1,3,4 1,3,4",
            "true 3,2",
            "true"
        ]
    );
}

/// Comparators that are not plain ECMAScript functions take the general path: bound
/// functions, proxies, built-ins, class constructors; typed arrays and toSorted sort too.
#[test]
fn other_comparators_and_sorts() {
    let lines = run(r#"
        const bound = ((p, q) => p - q).bind(null);
        const proxied = new Proxy((p, q) => p - q, {});
        print([3, 1, 2].sort(bound).join(), [3, 1, 2].sort(proxied).join(), [3, 1, 2].sort(Math.max).join());
        print(['b', 'c', 'a'].sort((p, q) => p < q ? -1 : p > q ? 1 : 0).join(), new Int8Array([3, 1, 2]).sort((p, q) => q - p).join(), Array.prototype.toSorted.call({ length: 3, 0: 3, 1: 1, 2: 2 }, (p, q) => p - q).join());
        class K { constructor() {} }
        try { [1, 2].sort(K); } catch (e) { print(e.constructor.name, e.message); }
    "#);
    assert_eq!(
        lines,
        [
            "1,2,3 1,2,3 2,1,3",
            "a,b,c 3,2,1 1,2,3",
            "TypeError class constructors cannot be invoked without 'new'"
        ]
    );
}

/// A comparator's throw stops the sort at once; unbounded re-entry is a RangeError; an
/// error is reported where the comparator's code is, as on the general path.
#[test]
fn comparator_errors() {
    let lines = run(r#"
        let n = 0;
        try { [1, 2, 3].sort((p, q) => { if (++n === 2) throw new Error('at ' + n); return p - q; }); } catch (e) { print(e.message, n); }
        const deep = (p, q) => [q, p].sort(deep)[0];
        try { [1, 2].sort(deep); } catch (e) { print(e.constructor.name, e.message); }
    "#);
    assert_eq!(
        lines,
        ["at 2 2", "RangeError Maximum call stack size exceeded"]
    );
    let report = run_error(
        r#"
        const f = (p, q) => p.x.y - q;
        [1, 2, 3].sort((p, q) => p - q);
        [{ x: {y: 1} }, 2, 3].sort(f);
    "#,
    );
    assert!(report.contains("sort.js:2:"), "{report}");
    // (As a call that is not SortCompare's reports it.)
    let expected = run_error(
        r#"
        const f = (p, q) => p.x.y - q;
        [1, 2, 3].sort((p, q) => p - q);
        f(2, 3);
    "#,
    );
    assert_eq!(report, expected);
}

/// An arrow function that binds nothing (no parameter, var or lexical declaration)
/// takes the plain call path with F.[[Environment]] as its localEnv: its code sees the
/// enclosing bindings, this, super, new.target and arguments, and its errors are where
/// its code is.
#[test]
fn arrows_that_bind_nothing() {
    let lines = run(r#"
        let total = 0;
        for (let i = 0; i < 5; i++) { const a = [i, i + 1]; const f = () => a[0] + a[1]; total += f(); }
        class A { m() { return 'A'; } }
        class B extends A { m() { const f = () => super.m() + this.t; return f() + f(); } constructor() { super(); this.t = 1; } }
        class C extends A { constructor() { const s = () => super(); s(); this.ok = true; } }
        function N() { const g = () => [new.target === N, this instanceof N]; this.r = g().join(); }
        const o = { tag: 'o', m() { const k = () => this.tag; return k(); } };
        function ev() { const x = 4; const h = () => eval('x + 1'); return h(); }
        function args() { const h = () => arguments[0]; return h(); }
        const counter = (() => { let c = 0; return () => ++c; })();
        counter(); counter();
        const nested = () => (() => 7)();
        const blocky = () => { if (total > 0) { return total; } };
        const empty = () => {};
        print(total, new B().m(), new C().ok, new N().r, o.m(), ev(), args(9), counter(), nested(), blocky(), empty());
        const thrower = () => { throw new TypeError('zero'); };
        try { thrower(); } catch (e) { print(e.message); }
        const rec = () => rec();
        try { rec(); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        lines,
        [
            "25 A1A1 true true,true o 5 9 3 7 25 undefined",
            "zero",
            "RangeError"
        ]
    );
    let report = run_error(
        r#"
        const bad = () => undefined.x;
        for (let i = 0; i < 3; i++) { const g = () => i; g(); }
        bad();
    "#,
    );
    assert!(report.contains("sort.js:2:"), "{report}");
}
