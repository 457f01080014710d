// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-LoadImportedModule steps 2-3, sec-FinishLoadingImportedModule steps 2-5
description: >
  Two import() calls of the same specifier from one module while its importHook's promise is
  still pending: the first appends a [[LoadingModules]] record (step 3) and calls the hook; the
  second finds that record (step 2) and only adds its PromiseCapability to [[LoadStates]] — the
  hook runs once. When the hook's promise fulfils, FinishLoadingImportedModule continues both
  waiting states, in the order they were added: both import() promises settle with the same
  namespace, first the first.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

let release;
let calls = 0;
const dep = new Module(new ModuleSource("export default 'dep';"));
globalThis.order = [];
const module = new Module(
  new ModuleSource(
    "const p1 = import('./dep').then((ns) => { order.push('first'); return ns; });" +
    "const p2 = import('./dep').then((ns) => { order.push('second'); return ns; });" +
    "export { p1, p2 };"
  ),
  {
    importHook(specifier) {
      calls++;
      return new Promise((resolve) => { release = () => resolve(dep); });
    },
  }
);

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(calls, 1, "one hook call for the two concurrent imports");
  release();
  const [a, b] = await Promise.all([ns.p1, ns.p2]);
  assert.sameValue(a, b, "the same namespace");
  assert.sameValue(a.default, "dep");
  assert.compareArray(globalThis.order, ["first", "second"]);
  assert.sameValue(calls, 1);
});
