//! The untraced paths of object creation (docs/ARCHITECTURE.md, "Object creation"): an
//! array literal of AssignmentExpressions only, whose elements are evaluated before the
//! Array is made with them and "length" in place, and an arrow function with a String
//! name, made with "length" and "name" in place (OrdinaryFunctionCreate and
//! SetFunctionName at once). Each program runs untraced and traced (the spec's steps) and
//! must print the same, the expected lines; the cases beside each path (holes, spreads,
//! Symbol and computed names, anonymous arrows) take the steps.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use compartments::trace;
use std::sync::Arc;

fn run_once(text: &str) -> Vec<String> {
    let mut engine = Engine::new(EngineOptions {
        test262: true,
        capture_print: true,
        ..EngineOptions::default()
    });
    let source = ScriptSource {
        name: "creation.js".to_string(),
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
fn array_literals_have_their_elements_and_length() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const a = [1, 'two', { three: 3 }];
        print(a.length, d(a, 'length'), d(a, '0'), d(a, '2'));
        print(JSON.stringify(Reflect.ownKeys(a)), JSON.stringify(Object.keys(a)));
        print(Array.isArray(a), Object.getPrototypeOf(a) === Array.prototype,
              Object.isExtensible(a));
        const e = [];
        print(e.length, d(e, 'length'), JSON.stringify(Reflect.ownKeys(e)));
        a.push(4); a[10] = 5; a.x = 6;
        print(a.length, JSON.stringify(Reflect.ownKeys(a)));
        const b = [7, 8];
        Object.defineProperty(b, 'length', { writable: false });
        print(d(b, 'length'), Reflect.set(b, 2, 9), b.length);
        Object.freeze(b);
        print(Object.isFrozen(b), d(b, '0'));
        const c = [1, 2, 3];
        c.length = 1;
        print(c.length, JSON.stringify(c), 1 in c);
        print(JSON.stringify([[1, 2], [3, [4]]]), [0, -0, NaN].length);
    "#,
        &[
            r#"3 {"value":3,"writable":true,"enumerable":false,"configurable":false} {"value":1,"writable":true,"enumerable":true,"configurable":true} {"value":{"three":3},"writable":true,"enumerable":true,"configurable":true}"#,
            r#"["0","1","2","length"] ["0","1","2"]"#,
            "true true true",
            r#"0 {"value":0,"writable":true,"enumerable":false,"configurable":false} ["length"]"#,
            r#"11 ["0","1","2","3","10","length","x"]"#,
            r#"{"value":2,"writable":false,"enumerable":false,"configurable":false} false 2"#,
            r#"true {"value":7,"writable":false,"enumerable":true,"configurable":false}"#,
            "1 [1] false",
            "[[1,2],[3,[4]]] 3",
        ],
    );
}

#[test]
fn array_literal_elements_are_evaluated_in_order_and_defined_not_set() {
    check(
        r#"
        const log = [];
        const v = (x) => { log.push(x); return x; };
        const a = [v(1), v(2), v(3)];
        print(log.join(), a.join());
        // An element throwing: the later ones are not evaluated, no Array escapes.
        log.length = 0;
        let r;
        try { r = [v('a'), (() => { throw new Error('boom'); })(), v('c')]; }
        catch (e) { print(e.message, log.join(), r); }
        // Setters and non-writable properties on Array.prototype are not consulted
        // (CreateDataPropertyOrThrow defines the own property).
        let setterRan = false;
        Object.defineProperty(Array.prototype, '0', {
            set(x) { setterRan = true; }, get() { return 'proto'; }, configurable: true });
        Object.defineProperty(Array.prototype, '1', { value: 'ro', writable: false,
            configurable: true });
        const b = [10, 20];
        print(setterRan, b[0], b[1], b.hasOwnProperty(0), b.hasOwnProperty(1));
        print([].length, [][0], [,][0]);
        delete Array.prototype[0]; delete Array.prototype[1];
        // An element that changes Array.prototype's "length"-related state or the array
        // binding itself: nothing can reach the new Array before it is made.
        let later;
        const c = [(later = 1), later + 1];
        print(c.join());
    "#,
        &[
            "1,2,3 1,2,3",
            "boom a undefined",
            "false 10 20 true true",
            "0 proto proto",
            "1,2",
        ],
    );
}

#[test]
fn array_literals_with_holes_or_spreads_take_the_steps() {
    check(
        r#"
        const a = [1, , 3];
        print(a.length, 1 in a, JSON.stringify(Reflect.ownKeys(a)));
        const b = [, ,];
        print(b.length, JSON.stringify(Reflect.ownKeys(b)));
        const c = [0, ...[1, 2], ...'ab', 5];
        print(c.length, c.join());
        const d = [...[]];
        print(d.length, JSON.stringify(Reflect.ownKeys(d)));
    "#,
        &[
            r#"3 false ["0","2","length"]"#,
            r#"2 ["length"]"#,
            "6 0,1,2,a,b,5",
            r#"0 ["length"]"#,
        ],
    );
}

#[test]
fn array_literals_take_the_prototype_of_the_current_realm() {
    check(
        r#"
        const other = $262.createRealm().global;
        const make = other.eval('(function (x) { return [x, [x]]; })');
        const a = make(1);
        print(Object.getPrototypeOf(a) === other.Array.prototype,
              Object.getPrototypeOf(a[1]) === other.Array.prototype,
              Object.getPrototypeOf(a) === Array.prototype);
        // An element calling into another realm: the literal's Array is still this
        // realm's.
        const b = [make(2), 3];
        print(Object.getPrototypeOf(b) === Array.prototype,
              Object.getPrototypeOf(b[0]) === other.Array.prototype);
    "#,
        &["true true false", "true true"],
    );
}

#[test]
fn arrows_have_length_then_name() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const f = (a, b, c = 1, ...r) => a;
        print(f.name, f.length, d(f, 'name'), d(f, 'length'));
        print(JSON.stringify(Reflect.ownKeys(f)), Object.isExtensible(f),
              Object.getPrototypeOf(f) === Function.prototype);
        let g;
        g = () => 1;
        const o = { m: () => 2, ['comp' + 'uted']: () => 3, 7: () => 4,
                    [Symbol('sym')]: () => 5, [Symbol()]: () => 6 };
        const syms = Object.getOwnPropertySymbols(o);
        print(g.name, o.m.name, o.computed.name, o[7].name, o[syms[0]].name,
              JSON.stringify(o[syms[1]].name));
        const anon = [() => 0][0];
        print(JSON.stringify(anon.name), d(anon, 'name'), JSON.stringify(Reflect.ownKeys(anon)));
        const { h = () => 0 } = {};
        print(h.name, JSON.stringify(Reflect.ownKeys(h)));
        const async1 = async (x) => x;
        print(async1.name, async1.length, JSON.stringify(Reflect.ownKeys(async1)));
        Object.defineProperty(f, 'name', { value: 'renamed' });
        delete f.length;
        print(f.name, f.length, JSON.stringify(Reflect.ownKeys(f)));
        const frozen = Object.freeze(() => 0);
        print(Object.isFrozen(frozen), d(frozen, 'name'));
        print('prototype' in f, (() => { try { new g(); } catch (e) { return e.constructor.name; } })());
    "#,
        &[
            r#"f 2 {"value":"f","writable":false,"enumerable":false,"configurable":true} {"value":2,"writable":false,"enumerable":false,"configurable":true}"#,
            r#"["length","name"] true true"#,
            r#"g m computed 7 [sym] """#,
            r#""" {"value":"","writable":false,"enumerable":false,"configurable":true} ["length","name"]"#,
            r#"h ["length","name"]"#,
            r#"async1 1 ["length","name"]"#,
            r#"renamed 0 ["name"]"#,
            r#"true {"value":"","writable":false,"enumerable":false,"configurable":false}"#,
            "false TypeError",
        ],
    );
}

#[test]
fn arrays_from_lists_have_their_elements_and_length() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const k = Object.keys({ a: 1, b: 2 });
        print(k.length, d(k, 'length'), d(k, '1'), JSON.stringify(Reflect.ownKeys(k)));
        const e = Object.entries({ x: 1 });
        print(Array.isArray(e[0]), e[0].length, JSON.stringify(Reflect.ownKeys(e[0])));
        const r = Reflect.ownKeys({});
        print(r.length, d(r, 'length'), Object.getPrototypeOf(r) === Array.prototype);
        const m = /(a)(b)?/.exec('ab');
        print(m.length, m[1], m[2], m.index, JSON.stringify(Object.keys(m)));
        const [first, ...rest] = [1, 2, 3];
        print(first, rest.length, d(rest, 'length'), JSON.stringify(Reflect.ownKeys(rest)));
        const other = $262.createRealm().global;
        const ok = other.Object.keys({ q: 1 });
        print(Object.getPrototypeOf(ok) === other.Array.prototype);
    "#,
        &[
            r#"2 {"value":2,"writable":true,"enumerable":false,"configurable":false} {"value":"b","writable":true,"enumerable":true,"configurable":true} ["0","1","length"]"#,
            r#"true 2 ["0","1","length"]"#,
            r#"0 {"value":0,"writable":true,"enumerable":false,"configurable":false} true"#,
            r#"3 a b 0 ["0","1","2","index","input","groups"]"#,
            r#"1 2 {"value":2,"writable":true,"enumerable":false,"configurable":false} ["0","1","length"]"#,
            "true",
        ],
    );
}

/// Objects with a single own property (an Array's "length", an object with one property;
/// how such a property is stored is the first thing a layout change touches): adding,
/// replacing, redefining and deleting keep one property per key, insertion order and the
/// attributes, and a second property comes after the first.
#[test]
fn objects_with_a_single_property_keep_it_as_any_other() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const keys = (o) => JSON.stringify(Reflect.ownKeys(o).map(String));
        const o = {};
        o.a = 1;
        print(o.a, keys(o), d(o, 'a'));
        o.a = 2;
        Object.defineProperty(o, 'a', { enumerable: false });
        print(o.a, keys(o), d(o, 'a'), JSON.stringify(o));
        o.b = 3;
        print(keys(o), o.a + o.b);
        delete o.a;
        print(keys(o), 'a' in o);
        delete o.b;
        print(keys(o), Object.keys(o).length);
        o.c = 4;
        o.d = 5;
        print(keys(o));
        const one = { x: 1 };
        delete one.x;
        print(keys(one), one.x);
        one.y = 2;
        print(keys(one), d(one, 'y'));
        const s = Symbol('s');
        const sym = { [s]: 1 };
        print(keys(sym), sym[s], Object.getOwnPropertySymbols(sym).length);
        const acc = {};
        Object.defineProperty(acc, 'g', { get() { return 7; }, configurable: true });
        print(acc.g, d(acc, 'g').includes('"configurable":true'), keys(acc));
        Object.defineProperty(acc, 'g', { value: 8 });
        print(acc.g, d(acc, 'g'));
        const proto = { p: 'inherited' };
        const child = Object.create(proto);
        print(child.p, keys(child), Object.hasOwn(child, 'p'));
        child.p = 'own';
        print(child.p, proto.p, keys(child));
        const frozen = Object.freeze({ f: 1 });
        frozen.f = 2;
        print(frozen.f, Object.isFrozen(frozen), Reflect.set(frozen, 'f', 3),
              Reflect.deleteProperty(frozen, 'f'), Reflect.defineProperty(frozen, 'g', { value: 1 }));
        const big = {};
        for (let i = 0; i < 12; i++) big['k' + i] = i;
        print(Object.keys(big).join(), big.k0 + big.k11);
        const n = Object.create(null);
        n[1] = 'one';
        n.z = 'z';
        print(keys(n));
        for (const k in { only: 1 }) print('for-in', k);
    "#,
        &[
            r#"1 ["a"] {"value":1,"writable":true,"enumerable":true,"configurable":true}"#,
            r#"2 ["a"] {"value":2,"writable":true,"enumerable":false,"configurable":true} {}"#,
            r#"["a","b"] 5"#,
            r#"["b"] false"#,
            "[] 0",
            r#"["c","d"]"#,
            "[] undefined",
            r#"["y"] {"value":2,"writable":true,"enumerable":true,"configurable":true}"#,
            r#"["Symbol(s)"] 1 1"#,
            r#"7 true ["g"]"#,
            r#"8 {"value":8,"writable":false,"enumerable":false,"configurable":true}"#,
            r#"inherited [] false"#,
            r#"own inherited ["p"]"#,
            "1 true false false false",
            "k0,k1,k2,k3,k4,k5,k6,k7,k8,k9,k10,k11 11",
            r#"["1","z"]"#,
            "for-in only",
        ],
    );
}

/// An Array's "length" (its only property besides the elements, made first): other
/// properties after it, "length" made read-only, truncated, frozen; Arrays made by a
/// literal, by ArrayCreate and by CreateArrayFromList alike.
#[test]
fn an_arrays_length_beside_other_properties() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const keys = (o) => JSON.stringify(Reflect.ownKeys(o));
        for (const a of [[1, 2], new Array(2), Array.of(1, 2), [1, , 2]]) {
          a.x = 'x';
          a[5] = 5;
          print(a.length, keys(a), d(a, 'length'), a.x);
          Object.defineProperty(a, 'length', { value: 3 });
          print(a.length, keys(a), 5 in a);
          Object.defineProperty(a, 'length', { writable: false });
          print(d(a, 'length'), Reflect.set(a, 'length', 1), Reflect.set(a, 7, 7), a.length);
          print(delete a.length, Reflect.defineProperty(a, 'length', { value: 4 }));
        }
        const b = [];
        print(delete b.length, b.length, keys(b), d(b, 'length'));
        b.length = 3;
        print(b.length, keys(b));
        b.push(1);
        print(b.length, keys(b));
        Object.defineProperty(b, 'length', { value: 0, writable: false });
        print(b.length, keys(b), d(b, 'length'));
        let threw = 'no';
        try { b.push(1); } catch (e) { threw = e.constructor.name; }
        print(threw, b.length);
        const c = Object.freeze([1]);
        print(Object.isFrozen(c), d(c, 'length'), Reflect.set(c, 'length', 0));
        const e = [];
        print(Object.isSealed(Object.seal(e)), d(e, 'length'), keys(e));
    "#,
        &[
            r#"6 ["0","1","5","length","x"] {"value":6,"writable":true,"enumerable":false,"configurable":false} x"#,
            r#"3 ["0","1","length","x"] false"#,
            r#"{"value":3,"writable":false,"enumerable":false,"configurable":false} false false 3"#,
            "false false",
            r#"6 ["5","length","x"] {"value":6,"writable":true,"enumerable":false,"configurable":false} x"#,
            r#"3 ["length","x"] false"#,
            r#"{"value":3,"writable":false,"enumerable":false,"configurable":false} false false 3"#,
            "false false",
            r#"6 ["0","1","5","length","x"] {"value":6,"writable":true,"enumerable":false,"configurable":false} x"#,
            r#"3 ["0","1","length","x"] false"#,
            r#"{"value":3,"writable":false,"enumerable":false,"configurable":false} false false 3"#,
            "false false",
            r#"6 ["0","2","5","length","x"] {"value":6,"writable":true,"enumerable":false,"configurable":false} x"#,
            r#"3 ["0","2","length","x"] false"#,
            r#"{"value":3,"writable":false,"enumerable":false,"configurable":false} false false 3"#,
            "false false",
            r#"false 0 ["length"] {"value":0,"writable":true,"enumerable":false,"configurable":false}"#,
            r#"3 ["length"]"#,
            r#"4 ["3","length"]"#,
            r#"0 ["length"] {"value":0,"writable":false,"enumerable":false,"configurable":false}"#,
            "TypeError 0",
            r#"true {"value":1,"writable":false,"enumerable":false,"configurable":false} false"#,
            r#"true {"value":0,"writable":true,"enumerable":false,"configurable":false} ["length"]"#,
        ],
    );
}

/// Closures and Arrays made alike share their list of "length" (and "name") until one of
/// them changes it (`OtherList::Shared`): each change — a redefinition, a deletion and
/// re-addition, a new property, freezing, an Array's length set or pushed — is seen by that
/// object alone, before and after, and objects made later start from the spec's
/// properties again. Closures of one code with different names (a computed key) or of
/// different codes with one name and different lengths keep their own names and lengths.
#[test]
fn objects_made_alike_share_their_properties_until_one_changes() {
    check(
        r#"
        const d = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
        const keys = (o) => JSON.stringify(Reflect.ownKeys(o));
        const fs = [], as = [];
        for (let i = 0; i < 6; i++) {
          const f = (p, q) => p;
          const a = [i, i + 1];
          fs.push(f); as.push(a);
        }
        Object.defineProperty(fs[0], 'name', { value: 'renamed' });
        delete fs[1].length; fs[1].length = 9;
        Object.defineProperty(fs[1], 'length', { value: 7, configurable: true });
        fs[2].extra = 1;
        Object.freeze(fs[3]);
        delete fs[4].name;
        for (const f of fs) print(f.name, f.length, keys(f), Object.isFrozen(f));
        print(d(fs[5], 'name'), d(fs[5], 'length'), d(fs[1], 'length'));
        as[0].length = 5; as[1].push(9); as[2].x = 1;
        Object.defineProperty(as[3], 'length', { writable: false });
        Object.freeze(as[4]);
        for (const a of as) print(a.length, keys(a), d(a, 'length'));
        const later = (p, q) => p, laterArray = [1, 2];
        print(later.name, later.length, keys(later), d(later, 'name'), laterArray.length,
              d(laterArray, 'length'));
        const named = [];
        for (const k of ['a', 'b', 'a', 'c']) named.push({ [k]: (x) => x }[k]);
        print(named.map((f) => f.name + f.length).join());
        const same = [];
        same.push((() => { const g = () => 0; return g; })());
        same.push((() => { const g = (a, b, c) => 0; return g; })());
        same.push((() => { const g = (a) => 0; return g; })());
        print(same.map((f) => f.name + f.length).join());
        const many = [];
        for (let i = 0; i < 200; i++) {
          many.push(eval('(() => { const g' + i + ' = (' + Array.from({ length: i % 5 }, (_, j) => 'p' + j).join() + ') => 0; return g' + i + '; })()'));
        }
        print(many.every((f, i) => f.name === 'g' + i && f.length === i % 5 &&
                                   keys(f) === '["length","name"]'));
        const c = [new Array(3), new Array(3), Array(0), []];
        c[0].length = 1; c[2].push(1, 2);
        print(c.map((a) => a.length + keys(a)).join(' '));
        const m = [1, 2, 3].map((x) => x), m2 = [4, 5, 6].map((x) => x);
        m.pop();
        print(m.length, m2.length, d(m2, 'length'));
    "#,
        &[
            r#"renamed 2 ["length","name"] false"#,
            r#"f 7 ["name","length"] false"#,
            r#"f 2 ["length","name","extra"] false"#,
            r#"f 2 ["length","name"] true"#,
            r#" 2 ["length"] false"#,
            r#"f 2 ["length","name"] false"#,
            r#"{"value":"f","writable":false,"enumerable":false,"configurable":true} {"value":2,"writable":false,"enumerable":false,"configurable":true} {"value":7,"writable":false,"enumerable":false,"configurable":true}"#,
            r#"5 ["0","1","length"] {"value":5,"writable":true,"enumerable":false,"configurable":false}"#,
            r#"3 ["0","1","2","length"] {"value":3,"writable":true,"enumerable":false,"configurable":false}"#,
            r#"2 ["0","1","length","x"] {"value":2,"writable":true,"enumerable":false,"configurable":false}"#,
            r#"2 ["0","1","length"] {"value":2,"writable":false,"enumerable":false,"configurable":false}"#,
            r#"2 ["0","1","length"] {"value":2,"writable":false,"enumerable":false,"configurable":false}"#,
            r#"2 ["0","1","length"] {"value":2,"writable":true,"enumerable":false,"configurable":false}"#,
            r#"later 2 ["length","name"] {"value":"later","writable":false,"enumerable":false,"configurable":true} 2 {"value":2,"writable":true,"enumerable":false,"configurable":false}"#,
            "a1,b1,a1,c1",
            "g0,g3,g1",
            "true",
            r#"1["length"] 3["length"] 2["0","1","length"] 0["length"]"#,
            r#"2 3 {"value":3,"writable":true,"enumerable":false,"configurable":false}"#,
        ],
    );
}
