// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-module steps 2-3 and 8 ("Reusing ModuleSource"),
  sec-createmodulerecord
description: >
  One ModuleSource shared by Modules in different graphs: each Module has its own record, handler
  and hooks, so the same import specifier resolves differently per instance (one handler maps
  './config' to a "dev" Module, the other to "prod"), each instance's import.meta comes from its
  own importMetaHook, and .source of each is the shared ModuleSource. A Module can also import a
  Module over its own source (a different record): no cycle, two evaluations.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const source = new ModuleSource("import config from './config'; export default config + ' ' + import.meta.name;");
function handler(name) {
  return {
    importHook: () => new Module(new ModuleSource("export default '" + name + "';")),
    importMetaHook(meta) { meta.name = name; },
  };
}
const dev = new Module(source, handler("dev"));
const prod = new Module(source, handler("prod"));
assert.sameValue(dev.source, source);
assert.sameValue(prod.source, source);

globalThis.runs = 0;
const selfSource = new ModuleSource("runs++; export const depth = globalThis.runs; export const inner = (await import('./again')).depth;");
const outer = new Module(selfSource, {
  importHook: () => new Module(new ModuleSource("runs++; export const depth = globalThis.runs;")),
});

asyncTest(async function () {
  assert.sameValue((await import(dev)).default, "dev dev");
  assert.sameValue((await import(prod)).default, "prod prod");
  const ns = await import(outer);
  assert.sameValue(ns.depth, 1);
  assert.sameValue(ns.inner, 2);
});
