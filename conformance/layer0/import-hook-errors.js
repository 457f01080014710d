// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-LoadImportedModule steps 6, 8 and 11
  (rejectedClosure)
description: >
  A failing importHook never hangs an import: the import() promise rejects with the very error.
  Step 6: the hook throws (the completion goes straight to FinishLoadingImportedModule). Step 8:
  PromiseResolve is abrupt (a promise whose "constructor" getter throws). rejectedClosure (step
  11): the hook returns a rejected promise, a thenable that calls back with a rejection or whose
  then throws. Each is checked for a static import (through LoadRequestedModules) and for a
  dynamic import() inside the hooked module (through ContinueDynamicImport). The importing module
  is not evaluated when its static dependency fails.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

globalThis.evaluated = [];
function failures(error) {
  const badPromise = Promise.resolve(1);
  Object.defineProperty(badPromise, "constructor", { get() { throw error; } });
  return {
    "throws": () => { throw error; },
    "constructor getter": () => badPromise,
    "rejected promise": () => Promise.reject(error),
    "thenable rejects": () => ({ then(resolve, reject) { reject(error); } }),
    "then throws": () => ({ then() { throw error; } }),
  };
}

asyncTest(async function () {
  const names = Object.keys(failures(null));
  for (const name of names) {
    const error = new Error(name);
    const hook = failures(error)[name];
    const staticImporter = new Module(
      new ModuleSource("import './dep'; evaluated.push('static');"),
      { importHook: hook }
    );
    let caught;
    try { await import(staticImporter); } catch (e) { caught = e; }
    assert.sameValue(caught, error, "static import: " + name);

    const dynamicImporter = new Module(
      new ModuleSource("export const p = import('./dep');"),
      { importHook: hook }
    );
    const ns = await import(dynamicImporter);
    caught = undefined;
    try { await ns.p; } catch (e) { caught = e; }
    assert.sameValue(caught, error, "dynamic import: " + name);
  }
  assert.sameValue(globalThis.evaluated.length, 0, "no static importer was evaluated");
});
