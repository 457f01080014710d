// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Design" ({ export }, { export, as }); compartments-virtual-initialize-environment
  (C2.3) steps 6.a.i-iii; compartments-imports-namespace-set (C2.5.2); ECMA-262 ResolveExport,
  InitializeEnvironment (of the JavaScript importer)
description: >
  The two local export shapes, observed through the virtual module's namespace and through a
  JavaScript importer (a ModuleSource module whose importHook serves the virtual module):
  { export: "x" } exports the local x as x; { export: "y", as: "z" } exports the local y as z,
  and a second { export: "y", as: "w" } exports the same local as w too (one binding: C2.3 step
  6.a makes it once); { export: "default" } is the default export. Each local starts as
  undefined (step 6.a.ii) and execute assigns it through the imports namespace (C2.5.2). The
  importer sees the values, and sees later assignments (a function execute left behind
  assigns x after evaluation): the bindings are live. The namespace's keys are the export
  names, sorted (z and w are export names, y is not).
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

let setX;
let initial;
const virtual = new Module({
  bindings: [{ export: "x" }, { export: "y", as: "z" }, { export: "y", as: "w" }, { export: "default" }],
  execute(imports) {
    initial = [imports.x, imports.y, imports.default];
    imports.x = "x0";
    imports.y = "y0";
    imports.default = "d0";
    setX = (v) => { imports.x = v; };
  },
});
const importer = new Module(
  new ModuleSource("import d, { x, z, w } from './v'; export const seen = [d, x, z, w]; export function readX() { return x; }"),
  { importHook: () => virtual }
);

asyncTest(async function () {
  const { seen, readX } = await import(importer);
  assert.compareArray(initial, [undefined, undefined, undefined], "initialised to undefined");
  assert.compareArray(seen, ["d0", "x0", "y0", "y0"]);
  const ns = await import(virtual);
  assert.compareArray(Object.keys(ns), ["default", "w", "x", "z"]);
  assert.sameValue(ns.z, "y0");
  setX("x1");
  assert.sameValue(readX(), "x1", "the importer's binding is live");
  assert.sameValue(ns.x, "x1", "the namespace too");
});
