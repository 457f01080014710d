//! The untraced generator and method-call paths of docs/ARCHITECTURE.md ("Generator steps
//! without result objects"): `object.name(...)` called without a Reference Record, and
//! `iterator.next(...).value` of a generator resumed without the iterator result objects
//! of its plain `yield`s and completion. Each program runs untraced and traced (the spec's
//! steps, where none of this runs) and must print the same, the expected lines; the cases
//! around the conditions (another `next`, a shadowed or replaced one, `yield*` handing
//! over its inner results, an argument that changes the generator's state, a generator
//! resuming itself, a completed one, a body that throws) must give what the steps give.

#[path = "common/script_runs.rs"]
mod script_runs;

/// Runs `text` untraced and traced; both must print `expected`.
fn check(text: &str, expected: &[&str]) {
    script_runs::check_untraced_and_traced("generators.js", text, expected);
}

#[test]
fn next_values_of_plain_yields_and_completions() {
    check(
        r#"
        function* g() { const x = yield 1; print('got', x); const y = yield x + 1; return y * 2; }
        const it = g();
        print(it.next().value, it.next(5).value, it.next(21).value, it.next().value);
        const it2 = g();
        const first = it2.next();
        print(JSON.stringify(first), Object.getPrototypeOf(first) === Object.prototype);
        print(it2.next('p').done, JSON.stringify(it2.next(3)), JSON.stringify(it2.next()));
        function* count() { let i = 0; while (true) yield i++; }
        const c = count();
        let sum = 0;
        for (let i = 0; i < 10; i++) sum += c.next().value;
        print(sum, c.next().value, c.next(1, 2).value, c.next(...[7]).value);
        function* thrower() { yield 1; throw new RangeError('inside'); }
        const t = thrower();
        print(t.next().value);
        try { t.next().value; } catch (e) { print(e.constructor.name, e.message); }
        print(t.next().value, JSON.stringify(t.next()));
        "#,
        &[
            "got 5",
            "1 6 42 undefined",
            "{\"value\":1,\"done\":false} true",
            "got p",
            "false {\"value\":6,\"done\":true} {\"done\":true}",
            "45 10 11 12",
            "1",
            "RangeError inside",
            "undefined {\"done\":true}",
        ],
    );
}

#[test]
fn next_values_that_take_the_steps() {
    check(
        r#"
        function* inner() { yield 'a'; }
        const custom = { [Symbol.iterator]() { return this; }, next() {
            return { get value() { print('value getter'); return 'v'; }, done: false }; } };
        function* delegating() { yield* inner(); yield* custom; }
        const d = delegating();
        print(d.next().value);
        print(d.next().value);
        function* plain() { yield 1; yield 2; yield 3; }
        const own = plain();
        own.next = function () { return { value: 'own next' }; };
        print(own.next().value);
        const proto = plain();
        Object.setPrototypeOf(proto, { next() { return { value: 'proto next' }; } });
        print(proto.next().value);
        try { ({ next: plain().next }).next().value; } catch (e) { print(e.constructor.name); }
        try { plain.prototype.next.call(3).value; } catch (e) { print(e.constructor.name); }
        print([5, 6].values().next().value, plain().next().done);
        let it;
        function* self() { yield it.next().value; }
        it = self();
        try { it.next().value; } catch (e) { print(e.constructor.name, e.message); }
        const early = plain();
        print(early.next().value, early.next(early.return(9).value).value, early.next().value);
        const order = plain();
        function arg(x) { print('arg', x); return x; }
        print(order.next(arg(1)).value);
        const saved = Object.getPrototypeOf(Object.getPrototypeOf(plain())).next;
        Object.getPrototypeOf(Object.getPrototypeOf(plain())).next = function () { return { value: 'replaced' }; };
        print(plain().next().value);
        Object.getPrototypeOf(Object.getPrototypeOf(plain())).next = saved;
        print(plain().next().value);
        const s = 'text';
        print(s.toUpperCase().length, (1.5).toFixed(1), s.missing?.().value);
        "#,
        &[
            "a",
            "value getter",
            "v",
            "own next",
            "proto next",
            "TypeError",
            "TypeError",
            "5 false",
            "TypeError the generator is already running",
            "1 undefined undefined",
            "arg 1",
            "1",
            "replaced",
            "1",
            "4 1.5 undefined",
        ],
    );
}

#[test]
fn method_calls_without_reference_records() {
    check(
        r#"
        'use strict';
        const o = { tag: 'o', who() { return this === undefined ? 'undefined' : this.tag; },
            get getter() { print('get'); return function () { return this.tag; }; } };
        print(o.who(), o.getter(), o.who.call(undefined));
        try { o.missing(); } catch (e) { print(e.constructor.name, e.message); }
        try { o.tag(); } catch (e) { print(e.constructor.name, e.message); }
        try { null.x(); } catch (e) { print(e.constructor.name); }
        const p = new Proxy(o, { get(t, k, r) { print('trap', String(k)); return t[k]; } });
        print(p.who());
        Number.prototype.self = function () { return typeof this; };
        print((3).self(), 'x'.charAt(0));
        "#,
        &[
            "get",
            "o o undefined",
            "TypeError o.missing is not a function",
            "TypeError o.tag is not a function",
            "TypeError",
            "trap who",
            "trap tag",
            "o",
            "number x",
        ],
    );
}

/// `x op= e` of an identifier with a binding slot (docs/ARCHITECTURE.md, "Generator steps
/// without result objects", compound assignments): lval read before `e` runs, the
/// operator's steps for every kind of operand, PutValue's errors for a constant, TDZ
/// before anything is evaluated, and a binding that `e` changes or a closure shares.
#[test]
fn compound_assignments_to_binding_slots() {
    check(
        r#"
        let n = 1, s = 'a', big = 2n;
        n += 2; n -= 0.5; n *= 4; n /= 2; n %= 4; n **= 3; n <<= 2; n >>= 1; n >>>= 0; n |= 1; n &= 7; n ^= 2;
        s += 1; s += { valueOf() { print('valueOf'); return 'v'; } };
        big += 3n;
        print(n, s, big);
        let x = 1;
        x += (x = 10, 5);
        print(x);
        function f() { let local = 1; const get = () => local; local += 41; return get(); }
        print(f());
        const c = 1;
        try { c += g(); } catch (e) { print(e.constructor.name); }
        function g() { print('g runs'); return 1; }
        try { t += g(); } catch (e) { print(e.constructor.name); }
        let t = 0;
        let kept = 3;
        try { kept += (() => { throw new Error('rhs'); })(); } catch (e) { print(e.message, kept); }
        try { big += 1; } catch (e) { print(e.constructor.name, big); }
        let u;
        u += 1; print(u);
        for (let i = 0, acc = 0; i < 3; i++) { acc += i; if (i === 2) print(acc); }
        "#,
        &[
            "valueOf",
            "1 a1v 5",
            "6",
            "42",
            "g runs",
            "TypeError",
            "ReferenceError",
            "rhs 3",
            "TypeError 5",
            "NaN",
            "3",
        ],
    );
}

/// The method of `object.name(...)` looked up along a chain of ordinary objects, borrowed
/// (at most 8; then by [[Get]]), and every chain that must take [[Get]]'s steps.
#[test]
fn methods_found_up_prototype_chains() {
    check(
        r#"
        let o = { m() { return 'base'; } };
        for (let i = 0; i < 12; i++) o = Object.create(o);
        print(o.m(), o.hasOwnProperty('m'), o.toString());
        const withGetter = Object.create({ get m() { print('getter'); return () => 'got'; } });
        print(withGetter.m());
        const proxied = Object.create(new Proxy({ m() { return 'target'; } }, {
            get(t, k, r) { print('get trap', String(k), r === proxied); return t[k]; } }));
        print(proxied.m());
        const arr = [3, 1, 2];
        print(arr.sort().join(), Object.create(null).m?.(), (() => { try { Object.create(null).m(); } catch (e) { return e.message; } })());
        const shadow = Object.create({ m() { return 'proto'; } });
        print(shadow.m()); shadow.m = () => 'own'; print(shadow.m());
        "#,
        &[
            "base false [object Object]",
            "getter",
            "got",
            "get trap m true",
            "target",
            "1,2,3 undefined Object.create(...).m is not a function",
            "proto",
            "own",
        ],
    );
}
