// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-LoadImportedModule steps 6, 8, 9.c, 11;
  sec-FinishLoadingImportedModule; compartments-module-info-from-bindings (C2.1) step 5.b (a
  binding's specifier is a [[RequestedModules]] entry); ECMA-262 InnerModuleLoading,
  ContinueModuleLoading
description: >
  A failing importHook never hangs a virtual module's import: for each importing shape
  ({ import, from }, { importAllFrom, as }, { export, from }, { exportAllFrom }) and each kind of
  failure — the hook throws (step 6), returns a rejected promise or a thenable that rejects
  (step 11), returns something that is not a Module (step 9.c, TypeError), returns a promise
  whose "constructor" getter throws (step 8) — import() of the virtual module rejects with the
  error, and its execute is not called. So does import() of a JavaScript module that imports the
  failing virtual module (its own hook succeeds); its body does not run.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js]
---*/

globalThis.ran = [];
const shapes = [
  { import: "a", from: "./missing" },
  { importAllFrom: "./missing", as: "ns" },
  { export: "a", from: "./missing" },
  { exportAllFrom: "./missing" },
];
function failures(error) {
  const badPromise = Promise.resolve(1);
  Object.defineProperty(badPromise, "constructor", { get() { throw error; } });
  return {
    "throws": () => { throw error; },
    "rejected promise": () => Promise.reject(error),
    "thenable rejects": () => ({ then(resolve, reject) { reject(error); } }),
    "constructor getter": () => badPromise,
    "not a Module": () => ({}),
  };
}

asyncTest(async function () {
  for (const shape of shapes) {
    for (const name of Object.keys(failures(null))) {
      const error = new Test262Error(name);
      const label = JSON.stringify(shape) + " " + name;
      const virtual = new Module(
        { bindings: [shape], execute() { ran.push("execute " + label); } },
        { importHook: failures(error)[name] }
      );
      let caught;
      try { await import(virtual); } catch (e) { caught = e; }
      if (name === "not a Module") {
        assert(caught instanceof TypeError, label + ": a TypeError");
      } else {
        assert.sameValue(caught, error, label);
      }
      const importer = new Module(new ModuleSource("import './v'; ran.push('importer');"), { importHook: () => virtual });
      let caught2;
      try { await import(importer); } catch (e) { caught2 = e; }
      if (name === "not a Module") {
        assert(caught2 instanceof TypeError, label + ": through a JavaScript importer (a new load, a new TypeError)");
      } else {
        assert.sameValue(caught2, caught, label + ": through a JavaScript importer");
      }
    }
  }
  assert.sameValue(ran.length, 0, "no execute and no importer body ran");
});
