// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-virtual-execute-module (C2.4) step 8; ECMA-262 InnerModuleLinking,
  InnerModuleEvaluation (strongly connected components, [[CycleRoot]]), ExecuteAsyncModule,
  AsyncModuleExecutionFulfilled, GatherAvailableAncestors
description: >
  A cycle between a virtual module V and a JavaScript module J, both asynchronous. J imports
  V's v; V imports J's namespace (importAllFrom, safe to hold before J runs) and has an async
  execute. import(J): J is the cycle root (DFS index 0), V is linked and evaluated inside J's
  component (its DFSAncestorIndex becomes 0); V runs first (post-order), sets v, awaits, then
  J's body (which has top-level await) runs with V's value, and J's namespace is the one V
  holds. After the cycle is evaluated, import(V) settles with V's namespace at once, without
  running anything again.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.order = [];
let held;
const v = new Module({
  bindings: [{ importAllFrom: "./j", as: "jns" }, { export: "v" }],
  async execute(imports) {
    held = imports.jns;
    imports.v = "v";
    order.push("V start");
    await 0;
    order.push("V end");
  },
}, { importHook: () => j });
const j = new Module(
  new ModuleSource("import { v } from './v'; order.push('J saw ' + v); await 0; order.push('J end'); export const jx = 'j';"),
  { importHook: () => v }
);

asyncTest(async function () {
  const ns = await import(j);
  assert.compareArray(order, ["V start", "V end", "J saw v", "J end"]);
  assert.sameValue(held, ns, "V holds J's namespace");
  assert.sameValue(held.jx, "j");
  const vns = await import(v);
  assert.sameValue(vns.v, "v");
  assert.sameValue(order.length, 4, "nothing ran again");
});
