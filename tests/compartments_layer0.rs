//! Compartments layer 0 (`0-module-and-module-source.emu`) end to end: ModuleSource, Module,
//! `import(module)`, the importHook and importMetaHook, and the SPEC ISSUE readings listed
//! in docs/spec-issues.md. Expected outputs are derived by hand from the algorithms (the
//! comment on each test says which steps decide it).

mod engine_module;

use engine_module::{printed, run};

#[test]
fn import_of_a_module_loads_its_dependencies_through_the_import_hook() {
    // CreateModuleRecord makes the record ~new~ (SPEC ISSUE: the text says ~unlinked~, which
    // InnerModuleLoading step 2 would skip), so LoadRequestedModules asks the importHook for
    // './dep.js' (LoadImportedModule step 5) before linking.
    let out = printed(
        "const dep = new Module(new ModuleSource('export const x = 41;'));
         const m = new Module(new ModuleSource(\"import { x } from './dep.js'; export const y = x + 1;\"), {
           importHook(specifier) { print('hook', specifier); return dep; },
         });
         const ns = await import(m);
         print(ns.y);",
    );
    assert_eq!(out, ["hook ./dep.js", "42"]);
}

#[test]
fn the_import_hook_is_called_once_per_specifier() {
    // A static import and two dynamic imports of './d.js' from one module: LoadImportedModule
    // step 1 finds the [[LoadedModules]] record the first load made, so the hook runs once;
    // the hook's `this` is the handler (step 5).
    let out = printed(
        "const d = new Module(new ModuleSource('export default 7;'));
         const handler = {
           calls: 0,
           importHook(s) { this.calls++; print('this is handler', this === handler); return d; },
         };
         const m = new Module(new ModuleSource(
           \"import v from './d.js'; const a = await import('./d.js'); const b = await import('./d.js'); export const same = a === b && a.default === v;\"
         ), handler);
         const ns = await import(m);
         print(ns.same, handler.calls);",
    );
    assert_eq!(out, ["this is handler true", "true 1"]);
}

#[test]
fn an_import_hook_must_resolve_to_a_module() {
    // LoadImportedModule: a throw (step 6), a rejection (rejectedClosure, step 11) and a
    // value that is not a Module instance (fulfilledClosure step 9.c: TypeError) each
    // reject the import() promise — none hangs.
    let out = printed(
        "const src = new ModuleSource(\"import './x.js';\");
         const hooks = [
           () => { throw new RangeError('thrown'); },
           () => Promise.reject(new EvalError('rejected')),
           () => ({}),
           () => new ModuleSource(''),
         ];
         for (const importHook of hooks) {
           try { await import(new Module(src, { importHook })); print('resolved'); }
           catch (e) { print(e.constructor.name); }
         }",
    );
    assert_eq!(out, ["RangeError", "EvalError", "TypeError", "TypeError"]);
}

#[test]
fn import_of_a_module_instance() {
    // EvaluateImportCall step 8: an object with a [[Module]] slot is imported as that
    // record, without ToString; the same instance gives the same namespace (GetModuleNamespace
    // of one record), a second Module over the same source is a second record.
    let out = printed(
        "const src = new ModuleSource('globalThis.runs = (globalThis.runs ?? 0) + 1; export {};');
         const m = new Module(src);
         const a = await import(m), b = await import(m);
         const c = await import(new Module(src));
         print(a === b, a === c, globalThis.runs);",
    );
    assert_eq!(out, ["true false 2"]);
}

#[test]
fn import_of_a_module_instance_keeps_its_phase_and_options() {
    // EvaluateImportCall steps 8, 9 and 14 (SPEC ISSUE, the merge of layer 0 with source
    // phase imports, import defer and import attributes): the instance stands for the
    // specifier only. import.source(m) fulfils with m.source (the record's [[ModuleSource]]
    // is the ModuleSource it was made from: ContinueDynamicImport step 3.c); import.defer(m)
    // gives a deferred namespace that has not evaluated the module (no ToString: the host is
    // never asked for "[object Module]"); import(m, 42) rejects at step 12.a before the
    // module is touched; a virtual module source has no source phase (step 3.b: SyntaxError).
    let out = printed(
        "const src = new ModuleSource('globalThis.ran = (globalThis.ran ?? 0) + 1; export const x = 1;');
         const m = new Module(src);
         print((await import.source(m)) === src, m.source === src);
         const deferred = await import.defer(m);
         print(globalThis.ran ?? 0, deferred.x, globalThis.ran);
         try { await import(new Module(src), 42); print('fulfilled'); }
         catch (e) { print(e.constructor.name, globalThis.ran); }
         try { await import.source(new Module({ bindings: [] })); print('fulfilled'); }
         catch (e) { print(e.constructor.name); }",
    );
    assert_eq!(out, ["true true", "0 1 1", "TypeError 1", "SyntaxError"]);
}

#[test]
fn hooks_are_read_once_when_the_module_is_constructed() {
    // Module step 4: GetMethod reads importHook and importMetaHook once; replacing them on
    // the handler later changes nothing.
    let out = printed(
        "let reads = [];
         const handler = {
           get importHook() { reads.push('importHook'); return () => new Module(new ModuleSource('export const v = 1;')); },
           get importMetaHook() { reads.push('importMetaHook'); return meta => { meta.tag = 'first'; }; },
         };
         const m = new Module(new ModuleSource(\"import { v } from 'x'; export const tag = import.meta.tag + v;\"), handler);
         Object.defineProperty(handler, 'importHook', { value: () => { throw 1; } });
         print(JSON.stringify(reads));
         print((await import(m)).tag);",
    );
    assert_eq!(out, ["[\"importHook\",\"importMetaHook\"]", "first1"]);
}

#[test]
fn import_meta_hook_fills_import_meta_once() {
    // ImportMeta evaluation step 4.c: the hook gets the new null-prototype object, with the
    // handler as this; step 5 returns the same object afterwards.
    let out = printed(
        "const handler = { importMetaHook(meta) { print(Object.getPrototypeOf(meta) === null, this === handler); meta.n = (meta.n ?? 0) + 1; } };
         const m = new Module(new ModuleSource('export const same = import.meta === import.meta; export const n = import.meta.n;'), handler);
         const ns = await import(m);
         print(ns.same, ns.n);",
    );
    assert_eq!(out, ["true true", "true 1"]);
}

#[test]
fn module_sources_are_shared_and_instances_are_branded() {
    // Module.prototype.source returns [[ModuleSourceInstance]]; ModuleSource is a subclass
    // of %AbstractModuleSource%; the constructors require `new` and well-typed arguments.
    let out = printed(
        "const src = new ModuleSource('export {};');
         const m1 = new Module(src), m2 = new Module(src, undefined);
         print(m1.source === src, m2.source === src);
         print(Object.prototype.toString.call(src), Object.prototype.toString.call(m1));
         print(Object.getPrototypeOf(ModuleSource.prototype) === Object.getPrototypeOf(Object.getPrototypeOf(src)));
         const errors = [];
         for (const f of [() => ModuleSource(''), () => Module(src), () => new Module(src, 1),
                          () => new Module(src, { importHook: 1 }), () => new Module(42),
                          () => Object.getOwnPropertyDescriptor(Module.prototype, 'source').get.call({})]) {
           try { f(); errors.push('none'); } catch (e) { errors.push(e.constructor.name); }
         }
         print(errors.join());
         try { new ModuleSource('export let a; export let a;'); } catch (e) { print(e.constructor.name); }
         print(new ModuleSource(42) instanceof ModuleSource);",
    );
    assert_eq!(
        out,
        [
            "true true",
            "[object ModuleSource] [object Module]",
            "true",
            "TypeError,TypeError,TypeError,TypeError,TypeError,TypeError",
            "SyntaxError",
            "true",
        ]
    );
}

#[test]
fn import_source_of_a_host_module_gives_a_module_source() {
    // With a host that gives Source Text Module Records a ModuleSource (the CLI's), `import
    // source` binds it (InitializeEnvironment 7.c) without evaluating 'lib', and a Module
    // made from it runs the same text as a new instance.
    let out = run(&[
        (
            "main",
            "import source lib from 'lib';
             print(lib instanceof ModuleSource, globalThis.libRuns ?? 0);
             const ns = await import(new Module(lib));
             print(ns.answer, globalThis.libRuns);",
        ),
        (
            "lib",
            "globalThis.libRuns = (globalThis.libRuns ?? 0) + 1; export const answer = 42;",
        ),
    ])
    .expect("runs");
    assert_eq!(out, ["true 0", "42 1"]);
}
