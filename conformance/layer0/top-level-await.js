// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-createmodulerecord ([[HasTLA]] from the source record),
  sec-LoadImportedModule; ECMA-262 InnerModuleEvaluation, ExecuteAsyncModule,
  AsyncModuleExecutionFulfilled
description: >
  Top-level await in hooked modules: the root imports an async dependency (it awaits, so its
  [[HasTLA]], copied from the ModuleSource record by CreateModuleRecord, is true) and a sync one;
  the root's body waits for the async dependency ([[PendingAsyncDependencies]] 1 in the log),
  then awaits itself, including a dynamic import through its hook. The evaluation order is async
  dependency start, sync dependency, async dependency end, root; import(root) fulfils after the
  root's own await. A dependency whose top-level await rejects rejects the root's import().
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.order = [];
const modules = {
  "./async": new Module(new ModuleSource("order.push('async start'); await null; order.push('async end'); export default 'A';")),
  "./sync": new Module(new ModuleSource("order.push('sync'); export default 'S';")),
  "./late": new Module(new ModuleSource("order.push('late'); export default 'L';")),
};
const root = new Module(
  new ModuleSource(
    "import a from './async'; import s from './sync';" +
    "order.push('root ' + a + s); const late = await import('./late');" +
    "order.push('root end ' + late.default); export default a + s + late.default;"
  ),
  { importHook: (specifier) => modules[specifier] }
);
const rejecting = new Module(
  new ModuleSource("import './bad'; globalThis.rejectingRan = true;"),
  { importHook: () => new Module(new ModuleSource("await null; throw new RangeError('tla');")) }
);

asyncTest(async function () {
  const ns = await import(root);
  assert.sameValue(ns.default, "ASL");
  assert.compareArray(globalThis.order, ["async start", "sync", "async end", "root AS", "late", "root end L"]);
  await assert.throwsAsync(RangeError, () => import(rejecting));
  assert.sameValue(globalThis.rejectingRan, undefined);
});
