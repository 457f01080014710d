//! ECMAScript functions made from the same code share one record of their slots but
//! [[Environment]] (docs/ARCHITECTURE.md, "Object creation": `FunctionSlots`) while their
//! realm, Evaluators, ScriptOrModule, PrivateEnvironment and source are the same, and a
//! function gets a record of its own before any of its slots is set after its creation
//! (MakeMethod, MakeClassConstructor, a derived [[ConstructorKind]], a class field
//! initializer's name, a class's fields). None of it may be observable: each program runs
//! untraced and traced and must print the expected lines.

mod engine_module;

#[path = "common/script_runs.rs"]
mod script_runs;

/// Runs `text` untraced and traced; both must print `expected`.
fn check(text: &str, expected: &[&str]) {
    script_runs::check_untraced_and_traced("slots.js", text, expected);
}

#[test]
fn closures_of_one_code_keep_their_own_environments() {
    check(
        r#"
        const fs = [1, 2, 3].map((i) => () => i);
        print(fs[0](), fs[1](), fs[2](), fs[0] === fs[1]);
        function counter() { let n = 0; return function next() { return ++n; }; }
        const a = counter(), b = counter();
        a(); a();
        print(a(), b(), a.name, b.length, a.prototype === b.prototype);
        "#,
        &["1 2 3 false", "3 1 next 0 false"],
    );
}

#[test]
fn methods_of_one_code_keep_their_own_home_objects() {
    // MakeMethod sets [[HomeObject]] on each method made: a method shares no slot record
    // with another made from the same code.
    check(
        r#"
        const make = (p) => Object.setPrototypeOf({ m() { return super.who; } }, p);
        const x = make({ who: 'x' }), y = make({ who: 'y' });
        print(x.m(), y.m(), x.m === y.m);
        const plain = () => { const f = function () { return 1; }; return f; };
        print(plain()(), make({ who: 'z' }).m());
        "#,
        &["x y false", "1 z"],
    );
}

#[test]
fn classes_of_one_code_keep_their_own_kinds_and_private_names() {
    // MakeClassConstructor, a derived [[ConstructorKind]] and each class evaluation's
    // PrivateEnvironment: two classes of the same code are distinct classes, an arrow made
    // in one's static field reads that class's private names only.
    check(
        r#"
        function make(Base) {
          return class extends Base {
            #x = 1;
            static read = (o) => o.#x;
            constructor() { super(); this.k = 2; }
          };
        }
        const A = make(Object), B = make(Object);
        print(A.read(new A()), B.read(new B()), new A().k);
        try { A.read(new B()); print('read'); } catch (e) { print(e.constructor.name); }
        try { A(); print('called'); } catch (e) { print(e.constructor.name); }
        const f = function () { return 'f'; };
        print(f(), typeof new f());
        function base() { return class { constructor() { this.v = 3; } }; }
        const C = base(), D = base();
        print(new C().v, new D().v, C === D);
        try { C(); print('called'); } catch (e) { print(e.constructor.name); }
        "#,
        &[
            "1 1 2",
            "TypeError",
            "TypeError",
            "f object",
            "3 3 false",
            "TypeError",
        ],
    );
}

#[test]
fn class_field_initializers_of_one_code_keep_their_own_names() {
    // [[ClassFieldInitializerName]] is set on each initializer function made: the
    // anonymous function a field's initializer evaluates is named after that class's key.
    check(
        r#"
        function make(k) { return class { [k] = function () {}; static s = () => k; }; }
        const A = make('p'), B = make('q');
        print(new A().p.name, new B().q.name, new A().p.name, A.s(), B.s());
        "#,
        &["p q p p q"],
    );
}

#[test]
fn functions_of_one_module_source_keep_their_own_module() {
    // Two Module instances of one ModuleSource share its code: the arrow each makes keeps
    // its own [[ScriptOrModule]], whose import.meta it reads when called.
    let out = engine_module::printed(
        "const src = new ModuleSource('export const meta = () => import.meta.n;');
         const m1 = new Module(src, { importMetaHook(meta) { meta.n = 1; } });
         const m2 = new Module(src, { importMetaHook(meta) { meta.n = 2; } });
         const a = await import(m1), b = await import(m2);
         print(a.meta(), b.meta(), a.meta === b.meta);",
    );
    assert_eq!(out, ["1 2 false"]);
}

#[test]
fn arrows_of_one_code_keep_their_names_prototypes_and_properties() {
    // An arrow function made again from the same code takes the last one's slots,
    // prototype and shared "length" and "name" list only with the same name: computed
    // keys give each its own name; an async arrow keeps %AsyncFunction.prototype%; a
    // change to one closure's "name" is its own.
    check(
        r#"
        const mk = (k) => ({ [k]: (a, b) => k });
        const a = mk('x'), b = mk('y'), c = mk('x');
        print(a.x.name, b.y.name, c.x.name, a.x(), b.y(), c.x(), a.x.length, a.x === c.x);
        const anon = [];
        for (let i = 0; i < 3; i++) anon.push([() => i][0]);
        print(anon.map((f) => f.name === '' && f()).join());
        Object.defineProperty(anon[0], 'name', { value: 'changed' });
        print(anon[0].name, anon[1].name === '', anon[2].name === '');
        const asy = [];
        for (let i = 0; i < 2; i++) { const g = async () => i; asy.push(g); }
        print(Object.getPrototypeOf(asy[0]) === Object.getPrototypeOf(async () => {}),
              Object.getPrototypeOf(asy[1]) === Object.getPrototypeOf(async () => {}),
              asy[1].name, asy[0] === asy[1]);
        "#,
        &[
            "x y x x y x 2 false",
            "0,1,2",
            "changed true true",
            "true true g false",
        ],
    );
}
