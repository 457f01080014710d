//! The untraced paths of Array.prototype.sort and push (docs/ARCHITECTURE.md, "Sort" and
//! "Cheaper common paths"): the dense read of the items, the write-back of elements, the
//! comparator's [[Call]] found once, the merge sort on positions, push appending to an
//! Array and LengthOfArrayLike of an Array. Each program runs untraced and traced (the
//! spec's steps) and must print the same, the expected lines; the cases around each fast
//! path's conditions (getters, prototype indices, proxies, holes, mutation by the
//! comparator, array-likes) must take the steps.

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
        name: "sort.js".to_string(),
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
fn dense_arrays_sort_with_and_without_a_comparator() {
    check(
        r#"
        const a = [5, 1, 4, 2, 3, 10, -1, 0.5];
        print(a.sort((p, q) => p - q).join());
        print(a.sort().join());
        print([3, 1, 2].sort(undefined).join());
        print(['b', 'a', 'c', 'B'].sort().join());
        print([].sort().length, [7].sort((p, q) => { throw 1; }).join());
        const b = [];
        for (let i = 0; i < 200; i++) b.push((i * 7919) % 211);
        b.sort((p, q) => p - q);
        let ok = b.length === 200;
        for (let i = 1; i < b.length; i++) if (b[i - 1] > b[i]) ok = false;
        print(ok, b[0], b[199]);
    "#,
        &[
            "-1,0.5,1,2,3,4,5,10",
            "-1,0.5,1,10,2,3,4,5",
            "1,2,3",
            "B,a,b,c",
            "0 7",
            "true 0 210",
        ],
    );
}

#[test]
fn sort_is_stable() {
    check(
        r#"
        const a = [];
        for (let i = 0; i < 50; i++) a.push({ key: i % 5, order: i });
        a.sort((x, y) => x.key - y.key);
        let stable = true;
        for (let i = 1; i < a.length; i++) {
            if (a[i - 1].key === a[i].key && a[i - 1].order > a[i].order) stable = false;
            if (a[i - 1].key > a[i].key) stable = false;
        }
        print(stable, a[0].order, a[10].order, a[49].order);
        print(['bb', 'a', 'cc', 'd', 'ee'].sort((x, y) => x.length - y.length).join());
    "#,
        &["true 0 1 49", "a,d,bb,cc,ee"],
    );
}

#[test]
fn comparators_that_throw_or_return_non_numbers() {
    check(
        r#"
        const a = [3, 1, 2, 5, 4];
        let calls = 0;
        try { a.sort((x, y) => { calls++; if (calls === 3) throw new Error('third'); return x - y; }); }
        catch (e) { print(e.message, calls); }
        print(a.length, a.slice().sort().join());
        print([3, 1, 2].sort((x, y) => ({ valueOf() { return x - y; } })).join());
        print([3, 1, 2].sort((x, y) => String(x - y)).join());
        print([3, 1, 2].sort((x, y) => NaN).join());
        print([3, 1, 2].sort((x, y) => x < y).join());
        print([3, 1, 2].sort((x, y) => undefined).join());
        try { [1, 2].sort((x, y) => Symbol()); } catch (e) { print(e.constructor.name); }
        try { [1, 2].sort((x, y) => ({ valueOf() { throw new RangeError('v'); } })); }
        catch (e) { print(e.constructor.name, e.message); }
        try { [1, 2].sort(5); } catch (e) { print(e.constructor.name); }
        function f(x, y) { 'use strict'; return this === undefined ? y - x : 0; }
        print([1, 3, 2].sort(f).join());
        print([1, 3, 2].sort(function (x, y) { return arguments.length * (x - y); }).join());
    "#,
        &[
            "third 3",
            "5 1,2,3,4,5",
            "1,2,3",
            "1,2,3",
            "3,1,2",
            "3,2,1",
            "3,1,2",
            "TypeError",
            "RangeError v",
            "TypeError",
            "3,2,1",
            "1,2,3",
        ],
    );
}

#[test]
fn holes_undefined_and_getters_take_the_steps() {
    check(
        r#"
        const holes = [3, , 1, undefined, , 2];
        holes.sort((x, y) => x - y);
        print(holes.length, JSON.stringify(holes), 4 in holes, 5 in holes);
        const withGetter = [3, 1, 2];
        let reads = 0;
        Object.defineProperty(withGetter, 1, { get() { reads++; return 9; }, configurable: true });
        try { withGetter.sort((x, y) => x - y); } catch (e) { print(e.constructor.name); }
        print(reads, JSON.stringify(Object.getOwnPropertyDescriptor(withGetter, 0)));
        const readOnly = [3, 1, 2];
        Object.defineProperty(readOnly, 0, { writable: false });
        try { readOnly.sort((x, y) => x - y); } catch (e) { print(e.constructor.name); }
        print(readOnly.join());
        const frozen = Object.freeze([2, 1]);
        try { frozen.sort(); } catch (e) { print('frozen', e.constructor.name); }
        try { [1, 2].sort.call(Object.freeze([1, 2])); } catch (e) { print('same', e.constructor.name); }
    "#,
        &[
            "6 [1,2,3,null,null,null] false false",
            "TypeError",
            "1 {\"value\":2,\"writable\":true,\"enumerable\":true,\"configurable\":true}",
            "TypeError",
            "3,1,2",
            "frozen TypeError",
            "same TypeError",
        ],
    );
}

#[test]
fn prototype_indices_and_proxies_take_the_steps() {
    check(
        r#"
        let log = '';
        Object.defineProperty(Array.prototype, 1, {
            get() { log += 'get '; return 7; },
            set(v) { log += 'set ' + v + ' '; },
            configurable: true,
        });
        const a = [3, , 1];
        a.sort((x, y) => x - y);
        print(log);
        print(JSON.stringify(a), log);
        log = '';
        const b = [];
        b.push(5);
        b.push(6);
        print(b.length, Object.keys(b).join(), log);
        delete Array.prototype[1];
        Object.prototype[0] = 'proto';
        const c = [];
        c.push(1);
        print(c.length, c.hasOwnProperty(0), c[0]);
        Object.defineProperty(Object.prototype, 0, { value: 'ro', writable: false, configurable: true });
        try { [].push(1); } catch (e) { print(e.constructor.name); }
        delete Object.prototype[0];
        const traps = [];
        const p = new Proxy([3, 1, 2], {
            get(t, k, r) { traps.push('get ' + String(k)); return Reflect.get(t, k, r); },
            has(t, k) { traps.push('has ' + String(k)); return Reflect.has(t, k); },
            set(t, k, v, r) { traps.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
        });
        Array.prototype.sort.call(p, (x, y) => x - y);
        print(traps.join(), JSON.stringify(p));
        traps.length = 0;
        Array.prototype.push.call(p, 4);
        print(traps.join());
        const q = [];
        Object.setPrototypeOf(q, new Proxy([], { set(t, k, v, r) { print('trap', String(k)); return false; } }));
        try { q.push(1); } catch (e) { print(e.constructor.name); }
        print(q.length);
    "#,
        &[
            "get set 3 ",
            "[1,7,7] get set 3 get ",
            "2 0 set 6 ",
            "1 true 1",
            "TypeError",
            "get length,has 0,get 0,has 1,get 1,has 2,get 2,set 0,set 1,set 2 [1,2,3]",
            "get length,set 3,set length",
            "trap 0",
            "TypeError",
            "0",
        ],
    );
}

#[test]
fn comparators_that_mutate_the_array() {
    check(
        r#"
        const a = [4, 3, 2, 1];
        let first = true;
        a.sort((x, y) => { if (first) { first = false; a.length = 0; a.push('x'); } return x - y; });
        print(JSON.stringify(a));
        const b = [4, 3, 2, 1];
        b.sort((x, y) => { b[10] = 'far'; return x - y; });
        print(JSON.stringify(b), b.length);
        const c = [4, 3, 2, 1];
        c.sort((x, y) => { Object.defineProperty(c, 2, { get() { return 'g'; }, set(v) { print('set', v); }, configurable: true }); return x - y; });
        print(c[0], c[1], c[2], c[3]);
        const d = [2, 1];
        try { d.sort((x, y) => { Object.freeze(d); return x - y; }); }
        catch (e) { print(e.constructor.name, d.join()); }
    "#,
        &[
            "[1,2,3,4]",
            "[1,2,3,4,null,null,null,null,null,null,\"far\"] 11",
            "set 3",
            "1 2 g 4",
            "TypeError 2,1",
        ],
    );
}

#[test]
fn array_likes_and_sparse_objects_through_call() {
    check(
        r#"
        const o = { length: 4, 0: 'd', 1: 'b', 3: 'a' };
        Array.prototype.sort.call(o);
        print(JSON.stringify(o));
        const big = { length: 1e6, 5: 3, 999: 1, 70000: 2 };
        Array.prototype.sort.call(big, (x, y) => x - y);
        print(JSON.stringify(big));
        const s = Array.prototype.sort.call('', undefined);
        print(typeof s, s.length);
        const n = { length: '3', 0: 3, 1: 2, 2: 1 };
        Array.prototype.sort.call(n);
        print(n[0], n[1], n[2]);
        const al = { length: 2 };
        Array.prototype.push.call(al, 'x', 'y');
        print(JSON.stringify(al));
        const args = (function () { return arguments; })(3, 1, 2);
        Array.prototype.sort.call(args);
        print(args[0], args[1], args[2]);
        print([3, 1, 2].toSorted((x, y) => y - x).join(), [, 1].toSorted().length);
        const t = [1, 2, 3];
        print(t.push(), t.push(4, 5, 6), t.join());
        const nonExt = [1];
        Object.preventExtensions(nonExt);
        try { nonExt.push(2); } catch (e) { print(e.constructor.name, nonExt.length); }
        const fixed = [1];
        Object.defineProperty(fixed, 'length', { writable: false });
        try { fixed.push(2); } catch (e) { print(e.constructor.name, fixed.length, 1 in fixed); }
    "#,
        &[
            "{\"0\":\"a\",\"1\":\"b\",\"2\":\"d\",\"length\":4}",
            "{\"0\":1,\"1\":2,\"2\":3,\"length\":1000000}",
            "object 0",
            "1 2 3",
            "{\"2\":\"x\",\"3\":\"y\",\"length\":4}",
            "1 2 3",
            "3,2,1 2",
            "3 6 1,2,3,4,5,6",
            "TypeError 1",
            "TypeError 1 false",
        ],
    );
}
