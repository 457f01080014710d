// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-LoadImportedModule steps 5-13 (fulfilledClosure 9.b)
description: >
  Each kind of importHook result that resolves to a Module instance loads it: a Module returned
  directly (step 7, PromiseResolve wraps it), a promise of a Module, a thenable whose then calls
  back with a Module (PromiseResolve adopts it through a NewPromiseResolveThenableJob), an async
  function's result, and a Module subclass instance; fulfilledClosure step 9.b then uses its
  [[Module]]. The hook's result is never awaited as a namespace: the Module's own body runs
  once, when the importer is evaluated.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

globalThis.evaluated = [];
function leaf(name) {
  return new Module(new ModuleSource("evaluated.push('" + name + "'); export default '" + name + "';"));
}
class Sub extends Module {}
const results = {
  direct: () => leaf("direct"),
  promise: () => Promise.resolve(leaf("promise")),
  thenable: () => ({ then(resolve) { resolve(leaf("thenable")); } }),
  async: async () => leaf("async"),
  subclass: () => new Sub(new ModuleSource("evaluated.push('subclass'); export default 'subclass';")),
};
const module = new Module(
  new ModuleSource(
    "import a from 'direct'; import b from 'promise'; import c from 'thenable';" +
    "import d from 'async'; import e from 'subclass'; export default [a, b, c, d, e].join();"
  ),
  { importHook: (specifier) => results[specifier]() }
);

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(ns.default, "direct,promise,thenable,async,subclass");
  assert.sameValue(globalThis.evaluated.join(), "direct,promise,thenable,async,subclass");
});
