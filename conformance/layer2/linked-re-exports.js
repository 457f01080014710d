// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Design" ({ export, from }, { export, as, from }, { exportAllFrom },
  { exportAllFrom, as }); compartments-module-info-from-bindings (C2.1) steps 5.h-5.k, 7.a.ii;
  compartments-virtual-initialize-environment (C2.3) steps 1.a-1.b, 6.a; ECMA-262 ResolveExport,
  GetExportedNames
description: >
  The re-exporting shapes bypass the Module Imports Namespace: { export: "a", from } re-exports
  the dependency's a, { export: "a", as: "b", from } re-exports it as b, { exportAllFrom }
  re-exports every name but default (an indirect star export: e, not default), and
  { exportAllFrom, as: "all" } re-exports the dependency's namespace as all (the object
  import() gives, C2.1 step 5.k). None of them is a name of the imports namespace (its keys are
  only c and ns). A local export of an imported name re-exports it (C2.1 step 7.a.ii, as
  ParseModule rewrites it): { import: "c", from } with { export: "c", as: "d" } exports the
  dependency's c as d, live; { importAllFrom, as: "ns" } with { export: "ns" } exports its
  namespace. A JavaScript importer sees the same bindings, live.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

const dep = new Module(new ModuleSource(
  "export let a = 'a'; export let c = 'c'; export const e = 'e'; export default 'dep default';" +
  "export function bump() { a = 'a!'; c = 'c!'; }"
));
let keys;
const virtual = new Module({
  bindings: [
    { export: "a", from: "./dep" },
    { export: "a", as: "b", from: "./dep" },
    { exportAllFrom: "./dep" },
    { exportAllFrom: "./dep", as: "all" },
    { import: "c", from: "./dep" },
    { export: "c", as: "d" },
    { importAllFrom: "./dep", as: "ns" },
    { export: "ns" },
  ],
  execute(imports) { keys = Reflect.ownKeys(imports); },
}, { importHook: () => dep });
const importer = new Module(
  new ModuleSource("import { b, d } from './v'; export function read() { return [b, d]; }"),
  { importHook: () => virtual }
);

asyncTest(async function () {
  const { read } = await import(importer);
  const ns = await import(virtual);
  const depNs = await import(dep);
  assert.compareArray(keys, ["c", "ns"], "the imports namespace has the imports only");
  assert.compareArray(Object.keys(ns), ["a", "all", "b", "bump", "c", "d", "e", "ns"]);
  assert.sameValue(ns.default, undefined, "export * leaves default out");
  assert.sameValue(ns.a, "a");
  assert.sameValue(ns.b, "a");
  assert.sameValue(ns.d, "c");
  assert.sameValue(ns.all, depNs);
  assert.sameValue(ns.ns, depNs);
  assert.compareArray(read(), ["a", "c"]);
  depNs.bump();
  assert.compareArray(read(), ["a!", "c!"], "live through the importer");
  assert.sameValue(ns.b, "a!");
  assert.sameValue(ns.d, "c!");
});
