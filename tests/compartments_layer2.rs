//! Compartments layer 2 (`2-virtual-module-source.md`): virtual module sources end to end —
//! binding validation, the Module Imports Namespace, `execute`'s arguments and `this`, async
//! `execute` awaited as top-level await, cycles, and the proposal's JSON and pass-through
//! examples. Expected outputs are derived by hand from our informal algorithms
//! (spec-steps/compartments-virtual-*.yaml), cited per test.

mod engine_module;

use engine_module::{printed, run};

#[test]
fn the_proposals_json_and_pass_through_examples() {
    // JSON: bindings is one Binding object (our reading: a list of one); execute sets the
    // local export `default` through the imports namespace (C2.5.2). Pass-through: an
    // exportAllFrom-as binding re-exports the dependency's namespace (ResolveExport ~all~).
    let out = run(&[
        (
            "main",
            "import * as direct from 'real';
             class JsonModuleSource {
               bindings = { export: 'default' };
               #object;
               constructor(text) { this.#object = JSON.parse(text); }
               execute(imports) { imports.default = JSON.parse(JSON.stringify(this.#object)); }
             }
             const { default: { meaning } } = await import(new Module(new JsonModuleSource('{\"meaning\": 42}')));
             const real = new Module(new ModuleSource('export const r = 1;'));
             const pass = new Module({ bindings: { exportAllFrom: 'real', as: 'real' } }, { importHook: () => real });
             const { real: indirect } = await import(pass);
             print(meaning, indirect === await import(real));",
        ),
        ("real", "export const r = 0;"),
    ])
    .expect("runs");
    assert_eq!(out, ["42 true"]);
}

#[test]
fn execute_gets_the_imports_namespace_and_only_the_options_asked_for() {
    // C2.4 steps 3-7: `this` is the virtual source; `import` only with needsImport,
    // `importMeta` only with needsImportMeta, `globalThis` always.
    let out = printed(
        "const seen = [];
         for (const flags of [{}, { needsImport: true }, { needsImportMeta: 1 }]) {
           const source = { ...flags, execute(ns, options) {
             seen.push([this === source, Object.keys(options).join('+'), options.globalThis === globalThis].join(' '));
           } };
           await import(new Module(source, { importMetaHook(m) { m.ok = true; } }));
         }
         print(seen.join(' | '));",
    );
    assert_eq!(
        out,
        ["true globalThis true | true import+globalThis true | true importMeta+globalThis true"]
    );
}

#[test]
fn the_imports_namespace_is_live_and_limited_to_declared_names() {
    // C2.3: imports are read-only views of the dependency's bindings (live), local exports
    // are assignable; undeclared names read undefined and cannot be set.
    let out = printed(
        "const dep = new Module(new ModuleSource('export let n = 1; export function bump() { n++; }'));
         const v = new Module({
           bindings: [{ import: 'n', from: 'd' }, { import: 'bump', from: 'd' }, { importAllFrom: 'd', as: 'all' }, { export: 'out' }],
           execute(ns) {
             const before = ns.n; ns.bump();
             print(Reflect.ownKeys(ns).join(), before, ns.n, ns.all.n);
             print(Reflect.set(ns, 'n', 9), Reflect.set(ns, 'other', 1), ns.other, Object.isExtensible(ns), Object.getPrototypeOf(ns));
             ns.out = ns.n * 10;
           },
         }, { importHook: () => dep });
         const { out } = await import(v);
         print(out);",
    );
    assert_eq!(
        out,
        [
            "n,bump,all,out 1 2 2",
            "false false undefined false null",
            "20"
        ]
    );
}

#[test]
fn an_async_execute_is_awaited_like_top_level_await() {
    // [[HasTLA]] is true when execute exists: the importer runs after the promise execute
    // returned settles (ExecuteAsyncModule, AsyncModuleExecutionFulfilled), and a rejection
    // rejects the import.
    let out = printed(
        "const log = [];
         const slow = new Module({
           bindings: [{ export: 'v' }],
           async execute(ns) { log.push('slow start'); await null; await null; ns.v = 'ready'; log.push('slow end'); },
         });
         const main = new Module(new ModuleSource(\"import { v } from 'slow'; globalThis.seen = v;\"), { importHook: () => slow });
         await import(main);
         log.push('seen ' + globalThis.seen);
         try { await import(new Module({ async execute() { throw new URIError('bad'); } })); }
         catch (e) { log.push(e.constructor.name); }
         print(log.join(', '));",
    );
    assert_eq!(out, ["slow start, slow end, seen ready, URIError"]);
}

#[test]
fn a_cycle_between_virtual_and_source_modules() {
    // a (source) imports b (virtual) imports a: InnerModuleEvaluation runs b's execute first
    // (it is deeper in the DFS), where a's export is still in its TDZ; a then runs.
    let out = printed(
        "let a, b;
         const hooks = { importHook: s => (s === 'a' ? a : b) };
         a = new Module(new ModuleSource(\"import { fromB } from 'b'; export const fromA = 'A'; print('a runs', fromB);\"), hooks);
         b = new Module({
           bindings: [{ import: 'fromA', from: 'a' }, { export: 'fromB' }],
           execute(ns) {
             let tdz;
             try { ns.fromA; tdz = 'readable'; } catch (e) { tdz = e.constructor.name; }
             print('b runs', tdz);
             ns.fromB = 'B';
           },
         }, hooks);
         await import(a);",
    );
    assert_eq!(out, ["b runs ReferenceError", "a runs B"]);
}

#[test]
fn bindings_are_validated_before_anything_runs() {
    // C2.2 step 7-8: a wrong shape or type is a TypeError, a duplicate export a SyntaxError,
    // all thrown by the Module constructor; execute must be callable.
    let out = printed(
        "const cases = [
           { bindings: [{ import: 'x' }] },
           { bindings: [{ export: 1 }] },
           { bindings: [{ export: 'a' }, { export: 'b', as: 'a' }] },
           { bindings: [{ import: 'a', from: 'm' }, { importAllFrom: 'n', as: 'a' }] },
           { bindings: 'nope' },
           { bindings: [null] },
           { execute: 'nope' },
         ];
         print(cases.map(source => {
           try { new Module(source); return 'ok'; } catch (e) { return e.constructor.name; }
         }).join());
         let reads = 0;
         new Module({ get bindings() { reads++; return []; } });
         print(reads);",
    );
    assert_eq!(
        out,
        [
            "TypeError,TypeError,SyntaxError,SyntaxError,TypeError,TypeError,TypeError",
            "1"
        ]
    );
}

#[test]
fn module_source_bindings_reflect_the_text() {
    // Layer 1 (C1.1, C1.2): the bindings in source order, a fresh array each read.
    let out = printed(
        "const s = new ModuleSource(\"import a, { b as c } from 'x'; import * as ns from 'y'; export { c as d }; export * from 'z'; export * as w from 'z'; export { e } from 'x'; export const f = 1; const m = import.meta; import('q');\");
         print(JSON.stringify(s.bindings));
         print(s.bindings === s.bindings, s.needsImport, s.needsImportMeta, new ModuleSource('').needsImportMeta);",
    );
    assert_eq!(
        out,
        [
            r#"[{"import":"default","as":"a","from":"x"},{"import":"b","as":"c","from":"x"},{"importAllFrom":"y","as":"ns"},{"export":"c","as":"d"},{"exportAllFrom":"z"},{"exportAllFrom":"z","as":"w"},{"export":"e","from":"x"},{"export":"f"}]"#,
            "false true true false",
        ]
    );
}
