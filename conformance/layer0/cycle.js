// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-LoadImportedModule, "Can cycles be represented?";
  ECMA-262 InnerModuleLoading, InnerModuleLinking, InnerModuleEvaluation
description: >
  A cycle between Module instances through their hooks: A imports B and B imports A, each hook
  returning the other instance. Loading visits each record once (InnerModuleLoading skips a
  visited record: B's hook call for './a' returns A, already in [[Visited]]), each hook runs once,
  B evaluates before A (DFS post-order), both share one strongly connected component (A is the
  cycle root: B's DFSAncestorIndex becomes A's in the log), live bindings work both ways, and
  importing B afterwards gives its namespace with no further hook calls or evaluation.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.order = [];
const calls = [];
const a = new Module(
  new ModuleSource("import { b, readA } from './b'; export const a = 'a'; order.push('a saw ' + b + ' and ' + readA());"),
  { importHook(s) { calls.push("A " + s); return bModule; } }
);
const bModule = new Module(
  new ModuleSource("import { a } from './a'; export const b = 'b'; export function readA() { return a; } order.push('b');"),
  { importHook(s) { calls.push("B " + s); return a; } }
);

asyncTest(async function () {
  const nsA = await import(a);
  assert.sameValue(nsA.a, "a");
  assert.compareArray(globalThis.order, ["b", "a saw b and a"]);
  assert.compareArray(calls, ["A ./b", "B ./a"]);
  const nsB = await import(bModule);
  assert.sameValue(nsB.readA(), "a");
  assert.compareArray(calls, ["A ./b", "B ./a"], "no more hook calls");
  assert.sameValue(globalThis.order.length, 2, "nothing evaluated again");
});
