// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-import-call-evaluators (C3.5) steps 1-2;
  compartments-module-constructor-evaluators (C3.3) steps 1-4; ECMA-262 EvaluateImportCall steps
  1-2, PerformEval (the eval's ScriptOrModule is its caller's)
description: >
  When the Evaluators are not the referrer of import(). Without an importHook anywhere (e made
  by the start module inherits the default Evaluators' undefined hook), import() in e.eval code
  is the host's as before: the referrer is the ScriptOrModule of the code that called e.eval
  (this test module: "load-request" with "referrer":"layer3/import-call-referrer.js", resolved
  relative to it), host modules are memoised per that referrer (the test's own import() of the
  same file gets the same namespace without a second load-request), and the host module runs in
  the default Evaluators (it does not see e's globals). With an importHook, module code of a
  Module whose Evaluators are e is not a script context (step 2's exception): its import() calls
  the Module's own hook — the handler's, or e's importHook adopted by e.Module (a "hook" event
  naming the module, with the handler as this) — memoised per Module, so e's own import() of the
  same specifier calls e's hook again (naming "evaluators#3"). Our reading of C3.5 step 2 (the
  referrer is GetActiveScriptOrModule()): e.eval code called from such a module's code, and a
  function e.Function made there, have that Module as their active ScriptOrModule, so their
  import() is the Module's too (memoised with the module's own).
flags: [module, async]
features: [ModuleSource, Module, Evaluators]
reading: evaluators-script-import
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.where = undefined;
const sandbox = { __proto__: globalThis, where: "sandbox" };
const hostOnly = new Evaluators({ globalThis: sandbox });

const dep = new Module(new ModuleSource("export const value = 'dep';"));
const calls = [];
const withHook = new Evaluators({
  globalThis: sandbox,
  importHook(specifier) {
    calls.push("evaluators " + specifier);
    return dep;
  },
});
const handler = {};
const adopted = new withHook.Module(
  new ModuleSource("export const ns = await import('x'); export const where2 = where;"), handler);
sandbox.withHook = withHook;
const own = new withHook.Module(new ModuleSource(
  "export const ns = await import('x');" +
  "export const viaEval = await withHook.eval(\"import('x')\");" +
  "export const viaFunction = await withHook.Function(\"return import('x')\")();"), {
  importHook(specifier) {
    calls.push("own " + specifier);
    return dep;
  },
});

asyncTest(async function () {
  const fromEval = await hostOnly.eval("import('./host-dep_FIXTURE.js')");
  assert.sameValue(fromEval.seen, "start", "the host module runs in the default Evaluators");
  const fromTest = await import("./host-dep_FIXTURE.js");
  assert.sameValue(fromEval, fromTest, "memoised per the test module");

  const adoptedNs = await import(adopted);
  assert.sameValue(adoptedNs.ns.value, "dep");
  assert.sameValue(adoptedNs.where2, "sandbox", "the module's code runs in e's global");
  const ownNs = await import(own);
  assert.sameValue(ownNs.ns.value, "dep");
  assert.sameValue(ownNs.viaEval, ownNs.ns, "e.eval code called from e's module code");
  assert.sameValue(ownNs.viaFunction, ownNs.ns, "a function e.Function made in e's module code");
  const fromE = await withHook.eval("import('x')");
  assert.sameValue(fromE, adoptedNs.ns, "the same Module's namespace");
  assert.compareArray(calls, ["evaluators x", "own x", "evaluators x"],
    "module code calls its Module's hook; e's eval code calls e's, memoised apart");
});
