// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-LoadImportedModule steps 1-3,
  sec-FinishLoadingImportedModule steps 1-5
description: >
  Memoisation per (referrer, specifier): a module that imports "./d" statically, again through a
  second static import, and twice through import() calls its importHook once (LoadImportedModule
  step 1 finds the [[LoadedModules]] record FinishLoadingImportedModule step 1.b appended; the
  dynamic imports get the same namespace as the static one). Memoisation is per referrer: two
  Modules importing the same specifier each call their own hook, even when they share the handler
  and the hook returns the same Module; and a Module reached twice in the graph (from the root
  and from a sibling) is loaded once: its own hook runs once for its one specifier.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

const calls = [];
const shared = new Module(new ModuleSource("export const id = 'shared';"));
const handler = {
  importHook(specifier) {
    calls.push(specifier);
    return modules[specifier];
  },
};
const modules = {
  "./d": new Module(new ModuleSource("import './s'; export const id = 'd';"), handler),
  "./e": new Module(new ModuleSource("import './s'; import './d'; export const id = 'e';"), handler),
  "./s": shared,
};
const root = new Module(
  new ModuleSource(
    "import * as d1 from './d'; import { id } from './d'; import './e';" +
    "const d2 = await import('./d'); const d3 = await import('./d');" +
    "export const same = d1 === d2 && d2 === d3 && id === 'd';"
  ),
  handler
);

asyncTest(async function () {
  const ns = await import(root);
  assert.sameValue(ns.same, true, "one namespace for './d'");
  // root: './d', './e' (once each, despite the repeated and dynamic imports);
  // d: './s'; e: './s' and './d' (its own hook calls, not memoised across referrers).
  assert.compareArray(calls, ["./d", "./e", "./s", "./s", "./d"]);
});
