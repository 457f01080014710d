// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface" (import), "Design" ("a dynamic import function bound
  to the module instance only if the virtual module source has a truthy needsImport property");
  compartments-virtual-execute-module (C2.4) steps 4.a.i-4.a.v; 0-module-and-module-source.emu,
  sec-LoadImportedModule steps 1-3, 5-6, sec-FinishLoadingImportedModule; ECMA-262
  ContinueDynamicImport
description: >
  The import function execute receives loads through the Module's importHook exactly as its
  static imports do (C2.4 step 4.a.iv: LoadImportedModule with the module as referrer): a
  specifier the bindings already loaded is memoised (no hook call; the namespace is the one the
  static binding sees), a new one calls the hook once however often it is imported, and the
  promise settles with the evaluated module's namespace. The specifier goes through ToString
  (step 4.a.ii); a throwing toString rejects the promise with its error without a hook call
  (step 4.a.iii). A throwing hook rejects with the hook's error, is not memoised (the next call
  calls the hook again). The function keeps working after execute has returned; its this
  value does not matter.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

const calls = [];
let attempts = 0;
const hookError = new Test262Error("the importHook throws");
const modules = {
  "./dep": new Module(new ModuleSource("export const d = 'dep';")),
  "./other": new Module(new ModuleSource("globalThis.otherRuns = (globalThis.otherRuns || 0) + 1; export const o = 'other';")),
};
let dynamicImport;
let depFromBindings;
const virtual = new Module({
  bindings: [{ importAllFrom: "./dep", as: "dep" }],
  needsImport: true,
  execute(imports, options) {
    depFromBindings = imports.dep;
    dynamicImport = options.import;
  },
}, {
  importHook(specifier) {
    calls.push(specifier);
    if (specifier === "./bad") {
      attempts++;
      throw hookError;
    }
    return modules[specifier];
  },
});

asyncTest(async function () {
  await import(virtual);
  assert.compareArray(calls, ["./dep"]);

  const dep = await dynamicImport("./dep");
  assert.sameValue(dep, depFromBindings, "memoised: the static binding's namespace");
  assert.compareArray(calls, ["./dep"], "no hook call for a loaded specifier");

  const [o1, o2] = await Promise.all([dynamicImport("./other"), dynamicImport.call({}, "./other")]);
  assert.sameValue(o1, o2);
  assert.sameValue(o1.o, "other");
  assert.sameValue(globalThis.otherRuns, 1);
  const o3 = await dynamicImport({ toString() { return "./other"; } });
  assert.sameValue(o3, o1, "ToString of the specifier");
  assert.compareArray(calls, ["./dep", "./other"], "one hook call for ./other");

  const toStringError = new Test262Error("toString");
  let caught;
  try { await dynamicImport({ toString() { throw toStringError; } }); } catch (e) { caught = e; }
  assert.sameValue(caught, toStringError, "ToString's error");

  for (const attempt of [1, 2]) {
    caught = undefined;
    try { await dynamicImport("./bad"); } catch (e) { caught = e; }
    assert.sameValue(caught, hookError, "the hook's error, attempt " + attempt);
  }
  assert.sameValue(attempts, 2, "a failed load is not memoised");
  assert.compareArray(calls, ["./dep", "./other", "./bad", "./bad"]);
});
