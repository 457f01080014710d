// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-imports-namespace-get (C2.5.1) step 3, -getownproperty (C2.5.3) step 2;
  compartments-virtual-initialize-environment (C2.3) step 5.c.iv.1; ECMA-262 GetBindingValue of
  an import binding (9.1.1.5.1), InnerModuleEvaluation
description: >
  A cycle: a JavaScript module J imports the virtual module V, and V imports J's let binding x.
  V is evaluated first (DFS post-order), while x is still uninitialised: reading imports.x
  throws a ReferenceError (C2.5.1 step 3: GetBindingValue of an uninitialised binding), and so
  do [[GetOwnProperty]] (C2.5.3 step 2 reads the value) and Object.keys; "x" in imports is true
  (it is declared) without reading. After an await inside execute, x is still uninitialised (J
  waits for V, whose execute is asynchronous). V's local export is initialised (undefined) and
  J reads the value execute assigned.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

const seen = [];
function attempt(what, f) {
  try { f(); seen.push(what + " read"); } catch (e) { seen.push(what + " " + e.constructor.name); }
}
const v = new Module({
  bindings: [{ import: "x", from: "./j" }, { export: "fromV" }],
  async execute(imports) {
    attempt("get", () => imports.x);
    attempt("getOwnPropertyDescriptor", () => Object.getOwnPropertyDescriptor(imports, "x"));
    attempt("keys", () => Object.keys(imports));
    seen.push("has " + ("x" in imports));
    imports.fromV = "v";
    await 0;
    attempt("after await", () => imports.x);
  },
}, { importHook: () => j });
const j = new Module(
  new ModuleSource("import { fromV } from './v'; export let x = 'x'; export const sawV = fromV;"),
  { importHook: () => v }
);

asyncTest(async function () {
  const ns = await import(j);
  assert.compareArray(seen, [
    "get ReferenceError",
    "getOwnPropertyDescriptor ReferenceError",
    "keys ReferenceError",
    "has true",
    "after await ReferenceError",
  ]);
  assert.sameValue(ns.sawV, "v");
  assert.sameValue(ns.x, "x");
});
