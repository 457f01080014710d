//! The untraced expression paths of docs/ARCHITECTURE.md ("Named properties", "Numbers in
//! binding slots", "Sort"): `slot.name = number` written in place, `slot[key]` read as a
//! Number operand of a binary expression, and Number::remainder of integral Numbers
//! without fmod. Each program runs untraced and traced (the spec's steps) and must print
//! the same, the expected lines; the cases around each fast path's conditions (accessors,
//! prototype properties, proxies, frozen and non-writable properties in sloppy and strict
//! code, primitive bases, holes, -0, NaN, Infinity, huge Numbers) must take the steps.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use compartments::trace;
use std::sync::Arc;

fn run_once(text: &str) -> Vec<String> {
    let mut engine = Engine::new(EngineOptions {
        test262: false,
        capture_print: true,
        ..EngineOptions::default()
    });
    let source = ScriptSource {
        name: "expressions.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).unwrap_or_else(|e| panic!("{text}: {e}"))),
    };
    if let Err(e) = engine.evaluate_script(&source) {
        panic!("{text}: {}", e.report);
    }
    engine.take_printed()
}

/// Runs `text` untraced and traced; both must print `expected`.
fn check(text: &str, expected: &[&str]) {
    let untraced = run_once(text);
    assert_eq!(untraced, expected, "untraced: {text}");
    let (traced, _) = trace::capture(|| run_once(text));
    assert_eq!(traced, expected, "traced: {text}");
}

#[test]
fn numbers_assigned_to_named_properties_of_slot_objects() {
    check(
        r#"
        function show(x) { return Object.is(x, -0) ? "-0" : String(x); }
        function run(o, n) {
            let r;
            for (let i = 0; i < n; i++) { r = (o.x = o.x + 1); }
            return [o.x, r];
        }
        function literal(o) { let k = 3; o.x = 7; o.y = k; o.z = -0; return o; }
        // Taken: own writable data properties holding Numbers (the value of the
        // assignment is the Number).
        print(run({ x: 0, y: 0 }, 3).join());
        let l = literal({ x: 1, y: 2, z: 3 });
        print(l.x, l.y, show(l.z), Object.keys(l).join());
        function special(o) { let a = NaN, b = Infinity; o.x = a; o.y = b; o.z = 0 / -1; return o; }
        let s = special({ x: 0, y: 0, z: 0 });
        print(s.x, s.y, show(s.z));
        // Not taken: a property holding another value, a missing one, an accessor, an
        // inherited property or setter, an Array's "length", a proxy.
        print(run({ x: "a" }, 2).join(), run({}, 2).join());
        var log = [];
        var acc = { get x() { log.push("get"); return 1; }, set x(v) { log.push("set " + v); } };
        run(acc, 2);
        print(log.join());
        var proto = { x: 5 };
        var child = Object.create(proto);
        print(run(child, 2).join(), proto.x, Object.keys(child).join());
        var setterProto = { set x(v) { log.push("proto set " + v); }, get x() { return 10; } };
        log = [];
        print(run(Object.create(setterProto), 1).join(), log.join());
        function shorten(a) { let n = 1; a.length = n; return a; }
        print(shorten([1, 2, 3]).join());
        log = [];
        var p = new Proxy({ x: 1 }, { set(t, k, v) { log.push("trap " + v); t[k] = v; return true; } });
        print(run(p, 2).join(), log.join());
        function f() {}
        f.x = 1;
        print(run(f, 2).join());
    "#,
        &[
            "3,3",
            "7 3 -0 x,y,z",
            "NaN Infinity -0",
            "a11,a11 NaN,NaN",
            "get,set 2,get,set 2,get",
            "7,7 5 x",
            "10,11 proto set 11",
            "1",
            "3,3 trap 2,trap 3",
            "3,3",
        ],
    );
}

#[test]
fn numbers_assigned_to_read_only_properties_sloppy_and_strict() {
    check(
        r#"
        function sloppy(o) { let v = 9; o.x = v; return o.x; }
        function strict(o) { "use strict"; let v = 9; o.x = v; return o.x; }
        function attempt(f, o) { try { return f(o); } catch (e) { return e.constructor.name; } }
        const frozen = Object.freeze({ x: 1 });
        const readOnly = Object.defineProperty({}, "x", { value: 2, writable: false });
        const sealed = Object.seal({ x: 3 });
        const closed = Object.preventExtensions({ x: 4 });
        print(attempt(sloppy, frozen), attempt(strict, frozen));
        print(attempt(sloppy, readOnly), attempt(strict, readOnly));
        print(attempt(sloppy, sealed), attempt(strict, sealed), attempt(strict, closed));
        print(attempt(strict, Object.preventExtensions({})), attempt(sloppy, Object.preventExtensions({})));
        // Primitive bases and undefined.
        function prim(b) { let v = 1; b.x = v; return b.x; }
        function primStrict(b) { "use strict"; let v = 1; b.x = v; return b.x; }
        print(attempt(prim, 5), attempt(primStrict, 5), attempt(prim, "s"), attempt(primStrict, "s"));
        print(attempt(prim, undefined), attempt(primStrict, null));
        // A binding not yet initialized: the ReferenceError of the base.
        function tdz() { let v = 1; o.x = v; let o = { x: 0 }; }
        print(attempt(tdz));
    "#,
        &[
            "1 TypeError",
            "2 TypeError",
            "9 9 9",
            "TypeError undefined",
            "undefined TypeError undefined TypeError",
            "TypeError TypeError",
            "ReferenceError",
        ],
    );
}

#[test]
fn elements_read_as_number_operands() {
    check(
        r#"
        function pairs(a) {
            let out = [];
            for (let i = 1; i < a.length; i++) out.push(a[i - 1] > a[i], a[i] + 1, a[i] % 2);
            return out.join();
        }
        print(pairs([3, 1, 2]));
        print(pairs([1, , 3]));
        print(pairs(["b", "a"]));
        print(pairs(new Float64Array([2, 1])));
        var withGetter = [1, 2];
        Object.defineProperty(withGetter, 1, { get() { return 5; } });
        print(pairs(withGetter));
        Array.prototype[1] = 7;
        print(pairs([1, , 3]));
        delete Array.prototype[1];
        var log = [];
        var p = new Proxy([4, 3], { get(t, k) { log.push(String(k)); return t[k]; } });
        print(pairs(p), log.join());
        print(pairs("31"));
        function keys(o) {
            let m = -1, z = -0, h = 1.5, big = 4294967295, n = NaN, two = 2;
            return [o[m] + 1, o[z] + 1, o[h] + 1, o[big] + 1, o[n] + 1, o[two - 2] * 2, o[two * 1] + 1];
        }
        print(keys({ "-1": 1, 0: 2, "1.5": 3, "4294967295": 4, "NaN": 5, 2: 6 }).join());
        print(keys([10, 20]).join());
        function args() { let i = 0; return arguments[i] + 1; }
        print(args(1), args());
    "#,
        &[
            "true,2,1,false,3,0",
            "false,NaN,NaN,false,4,1",
            "true,a1,NaN",
            "true,2,1",
            "false,6,1",
            "false,8,1,true,4,1",
            "true,4,1 length,0,1,1,1,length",
            "true,11,1",
            "2,3,4,5,6,4,7",
            "NaN,11,NaN,NaN,NaN,20,NaN",
            "2 NaN",
        ],
    );
}

#[test]
fn remainders_of_integral_numbers_are_fmods() {
    // The expected values are C's fmod of the same doubles.
    check(
        r#"
        function show(x) { return Object.is(x, -0) ? "-0" : String(x); }
        function rem(a, b) { return a % b; }
        const cases = [[5, 3], [-5, 3], [5, -3], [-6, 3], [6, -3], [-0, 5], [0, -5], [5, 0],
            [Infinity, 2], [5, Infinity], [-5, Infinity], [2**62, 7], [2**53+2, 3], [2**63, 3],
            [-(2**62), 1000], [2**62+2**10, 2**53-1], [1.5, 1], [5, 1.5], [2**63-1024, 10],
            [-(2**63-1024), 10], [2**63-1024, 2**63-2048], [2**64, 7],
            [12345*1103515245+12345, 2147483648], [1805011428*1103515245+12345, 2147483648],
            [-1e300, 3], [7, 2**62], [-7, -(2**62)], [NaN, 1], [3, NaN], [-(2**53)-2, -7],
            [-(2**63), 3], [2**63, 2**63-1024]];
        print(cases.map(([a, b]) => show(rem(a, b))).join(" "));
        let x = 12345, a = -7, z = -0;
        for (let i = 0; i < 3; i++) { x = (x * 1103515245 + 12345) % 2147483648; }
        print(x, show(a % 7), show(z % 3), show(-14 % 7), 7 % 0, show(-(2**60) % 2**40));
    "#,
        &[
            "2 -2 2 -0 0 -0 0 NaN NaN 5 -5 4 1 2 -904 1536 0.5 0.5 4 -4 1024 2 1406932606 \
             601431552 -0 7 -7 NaN NaN -6 -2 1024",
            "1358247936 -0 -0 -0 NaN -0",
        ],
    );
}

#[test]
fn trees_of_number_operands() {
    check(
        r#"
        function show(x) { return Object.is(x, -0) ? "-0" : String(x); }
        function f(x, y) {
            let o = { v: 3, s: "7" };
            let a = [2, 4];
            return [
                (x * 1103515245 + 12345) % 2147483648,
                ((x + y) * (x - y)) / 2 - o.v,
                (x | 0) + ((y << 2) >>> 1) ** 2 + (x ^ y & 3),
                (x + a[1]) * (a[0] - y),
                show(-(0) * 1 + (0 * -1) % 5),
                show((x - x) * -1),
                (x < y) + 1,
                (x + o.s) * 2,
                ((((((((((x + 1) + 1) + 1) + 1) + 1) + 1) + 1) + 1) + 1) + 1),
                (x + 1) + y === x + (1 + y),
                (x + 1) > (y - 1),
            ].join();
        }
        print(f(3, 5));
        print(f(-7, 2));
        print(f(2**60, 3));
        // Leaves that run code take the steps: each getter and valueOf runs once.
        let log = [];
        let g = { get v() { log.push("get"); return 2; } };
        let n = { valueOf() { log.push("valueOf"); return 5; } };
        function h(g, n) { return (g.v + 1) * (n - 1) + ((1n + 2n) === 3n ? 1 : 0); }
        print(h(g, n), log.join());
        function big(x) { return (x * 2n + 1n) % 5n; }
        print(String(big(7n)));
        try { (function (x) { return (x + 1n) * 2; })(1n); } catch (e) { print(e.constructor.name); }
    "#,
        &[
            "1163074432,-11,105,-21,-0,-0,2,74,13,true,false",
            "-1282143426,19.5,4,0,-0,-0,2,-154,3,true,false",
            "0,6.64613997892458e+35,39,-1152921504606847000,-0,-0,1,23058430092136940000,\
             1152921504606847000,true,true",
            "13 get,valueOf",
            "0",
            "TypeError",
        ],
    );
}

/// Binary operands that are calls or parenthesized expressions are evaluated without the
/// general dispatch (`operand_value`), and an initializer that is not a function definition
/// without the first one (`evaluate_named`): values, order of evaluation, errors and their
/// positions, optional calls and names of anonymous functions are the steps'.
#[test]
fn call_and_parenthesized_operands() {
    check(
        r#"
        let log = [];
        function f(x) { log.push('f' + x); return x; }
        let total = 5;
        total = (total + f(1)) % 4;
        print(total, log.join());
        print((f(2) + f(3)) * (f(4) - 1), log.join());
        print(((((7)))) + f(5), f('a') + 1, f(1) < f(2));
        const o = { m() { return this === o ? 10 : -1; } };
        print(o.m() + 1, (o.m)() + 1, (0, o.m)() + 1);
        const maybe = undefined;
        print(maybe?.() + 1, maybe?.x + 1, (maybe?.()) + 1);
        function thrower() { throw new RangeError('r'); }
        try { total = total + thrower(); } catch (e) { print(e.name, total); }
        try { total = (1 + notDefined()) + 1; } catch (e) { print(e.name + ': ' + e.message); }
        try { total = 1 + total(); } catch (e) { print(e.name + ': ' + e.message); }
        const a = [1, 2], s = `t${a}`, n = -a[0], g = (function () {}), h = (() => 0);
        const c = class {}, p = ((x) => x), q = o.m(), r = o['m'](), u = (a, 3);
        print(a, s, n, g.name, h.name, c.name, p.name, q, r, u);
        "#,
        &[
            "2 f1",
            "15 f1,f2,f3,f4",
            "12 a1 true",
            "11 11 0",
            "NaN NaN NaN",
            "RangeError 2",
            "ReferenceError: notDefined is not defined",
            "TypeError: total is not a function",
            "1,2 t1,2 -1 g h c p 10 10 3",
        ],
    );
}
