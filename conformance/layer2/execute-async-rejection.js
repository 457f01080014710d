// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-virtual-execute-module (C2.4) step 8.b; ECMA-262 AsyncModuleExecutionRejected,
  InnerModuleEvaluation ([[EvaluationError]])
description: >
  An async execute whose promise rejects makes its module's evaluation fail: the JavaScript
  importer's body does not run, import() of the importer rejects with the very error, and so
  does import() of the virtual module itself and a second import() of the importer (the
  [[EvaluationError]] is kept, execute is not called again). A sibling of the failing module that
  already started (its execute was called before the rejection) still completes, and a module
  that does not depend on the failed one still imports.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.order = [];
const error = new Test262Error("async execute rejects");
let runs = 0;
const modules = {};
modules["./fails"] = new Module({
  async execute() {
    runs++;
    order.push("fails start");
    await 0;
    throw error;
  },
});
modules["./sibling"] = new Module({
  async execute() {
    order.push("sibling start");
    await 0;
    await 0;
    order.push("sibling end");
  },
});
const importer = new Module(
  new ModuleSource("import './fails'; import './sibling'; order.push('importer');"),
  { importHook: (specifier) => modules[specifier] }
);

asyncTest(async function () {
  for (const module of [importer, modules["./fails"], importer]) {
    let caught;
    try { await import(module); } catch (e) { caught = e; }
    assert.sameValue(caught, error, "rejects with the error");
  }
  assert.sameValue(runs, 1, "execute ran once");
  await import(modules["./sibling"]);
  assert.compareArray(order, ["fails start", "sibling start", "sibling end"], "the importer never ran");
});
