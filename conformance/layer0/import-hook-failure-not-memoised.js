// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-FinishLoadingImportedModule steps 1-4,
  sec-LoadImportedModule steps 1-3
description: >
  A failed load is not memoised: FinishLoadingImportedModule only appends to [[LoadedModules]]
  for a normal completion (step 1) and removes the [[LoadingModules]] record either way (step
  4), so a later import() of the same specifier from the same module calls the importHook
  again; once it succeeds, the result is memoised (later imports do not call it).
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const dep = new Module(new ModuleSource("export default 'dep';"));
let calls = 0;
const module = new Module(
  new ModuleSource("export function load() { return import('./dep'); }"),
  {
    importHook(specifier) {
      calls++;
      if (calls === 1) throw new RangeError("first attempt");
      if (calls === 2) return Promise.reject(new EvalError("second attempt"));
      return dep;
    },
  }
);

asyncTest(async function () {
  const { load } = await import(module);
  await assert.throwsAsync(RangeError, load, "first: the hook throws");
  await assert.throwsAsync(EvalError, load, "second: the hook rejects");
  const ns = await load();
  assert.sameValue(ns.default, "dep", "third: loaded");
  assert.sameValue(await load(), ns, "fourth: memoised");
  assert.sameValue(calls, 3);
});
