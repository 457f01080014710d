// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface" ("execute may return a promise, indicating that the
  module uses the equivalent of top-level-await"); compartments-virtual-execute-module (C2.4)
  step 8; ECMA-262 InnerModuleEvaluation, ExecuteAsyncModule, AsyncModuleExecutionFulfilled
description: >
  An async execute is awaited as top-level await. A JavaScript root R imports, in order, the
  virtual A (async: it awaits a promise the test releases), the virtual B (a plain execute),
  the JavaScript C and the virtual D, which imports A's export x. Evaluation is DFS post-order:
  A's execute starts, B's and C's bodies run at once (no pending dependency), D waits for A
  ([[PendingAsyncDependencies]] 1), R waits for A, B and D. When A's promise fulfils, D's
  execute runs (seeing the x A assigned after its await), then R's body, then the import()
  promise settles. The log shows the evaluating-async statuses with [[AsyncEvaluationOrder]]
  and the ExecuteAsyncModule promises.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.order = [];
let release;
const gate = new Promise((resolve) => { release = resolve; });
const modules = {};
const handler = { importHook: (specifier) => modules[specifier] };
modules["./a"] = new Module({
  bindings: [{ export: "x" }],
  async execute(imports) {
    order.push("A start");
    await gate;
    imports.x = "x from A";
    order.push("A end");
  },
});
modules["./b"] = new Module({ execute() { order.push("B"); } });
modules["./c"] = new Module(new ModuleSource("order.push('C');"));
modules["./d"] = new Module({
  bindings: [{ import: "x", from: "./a" }],
  execute(imports) { order.push("D saw " + imports.x); },
}, handler);
const root = new Module(
  new ModuleSource("import './a'; import './b'; import './c'; import './d'; order.push('R');"),
  handler
);

asyncTest(async function () {
  const done = import(root).then(() => order.push("import settled"));
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
  assert.compareArray(order, ["A start", "B", "C"], "before A's promise is released");
  release();
  await done;
  assert.compareArray(order, ["A start", "B", "C", "A end", "D saw x from A", "R", "import settled"]);
});
