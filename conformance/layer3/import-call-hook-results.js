// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-import-call-evaluators (C3.5) step 2.b; 0-module-and-module-source.emu,
  sec-LoadImportedModule steps 5-13, sec-FinishLoadingImportedModule steps 1-2
description: >
  What an Evaluators' importHook returns, for import() in e.eval code (the referrer is e), as
  layer 0 has it for a Module's hook: a Module instance, a promise for one, or a thenable for
  one load it; anything else — an object, a ModuleSource, a promise for a number — rejects the
  import with a TypeError (step 9.c); a throwing hook rejects it with the thrown error, the
  "load-result" right after the "hook" event (step 6), as does a class constructor given as
  importHook (callable, so accepted at construction, but Call throws a TypeError); a rejected
  promise rejects it with the rejection reason. Failures are not memoised: the next import() of
  the same specifier calls the hook again, and succeeds when the hook then does.
flags: [onlyStrict, async]
features: [ModuleSource, Module, Evaluators]
includes: [asyncHelpers.js, compareArray.js]
---*/

const dep = new Module(new ModuleSource("export const value = 'dep';"));
let flakyCalls = 0;
const results = {
  module: () => dep,
  promise: () => Promise.resolve(dep),
  thenable: () => ({ then(resolve) { resolve(dep); } }),
  object: () => ({}),
  source: () => new ModuleSource("export const value = 'source';"),
  number: () => Promise.resolve(42),
  throws: () => { throw new RangeError("thrown"); },
  rejects: () => Promise.reject(new EvalError("rejected")),
  flaky: () => {
    flakyCalls++;
    if (flakyCalls === 1) throw new URIError("first call");
    return dep;
  },
};
const e = new Evaluators({ importHook: (specifier) => results[specifier]() });

asyncTest(async function () {
  for (const specifier of ["module", "promise", "thenable"]) {
    const ns = await e.eval("import('" + specifier + "')");
    assert.sameValue(ns.value, "dep", specifier);
  }
  for (const specifier of ["object", "source", "number"]) {
    await assert.throwsAsync(TypeError, () => e.eval("import('" + specifier + "')"), specifier);
  }
  await assert.throwsAsync(RangeError, () => e.eval("import('throws')"), "the hook's error");
  await assert.throwsAsync(EvalError, () => e.eval("import('rejects')"), "the rejection reason");

  await assert.throwsAsync(URIError, () => e.eval("import('flaky')"), "first call");
  const ns = await e.eval("import('flaky')");
  assert.sameValue(ns.value, "dep", "the failure was not memoised");
  assert.sameValue(flakyCalls, 2);
  await e.eval("import('flaky')");
  assert.sameValue(flakyCalls, 2, "the success is");

  const classHook = new Evaluators({ importHook: class {} });
  await assert.throwsAsync(TypeError, () => classHook.eval("import('x')"), "a class as importHook");
});
