// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-module steps 4 and 9-11, sec-LoadImportedModule step 5,
  sec-meta-properties-runtime-semantics-evaluation step 4.c
description: >
  The hooks called are the ones Module captured at construction ([[ImportHook]],
  [[ImportMetaHook]]), called with [[HandlerValue]] as this: after construction the handler's
  importHook and importMetaHook are replaced (and made throwing getters) and nothing changes —
  the original hooks run, once each, and the handler's properties are never read again.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const dep = new Module(new ModuleSource("export default 'dep';"));
const calls = [];
const handler = {
  importHook(specifier) { calls.push("importHook " + specifier); return dep; },
  importMetaHook(meta) { calls.push("importMetaHook"); meta.marker = "original"; },
};
const module = new Module(
  new ModuleSource("import d from './dep'; export const value = d; export const meta = import.meta;"),
  handler
);
Object.defineProperty(handler, "importHook", { get() { throw new Test262Error("read importHook"); } });
Object.defineProperty(handler, "importMetaHook", { get() { throw new Test262Error("read importMetaHook"); } });

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(ns.value, "dep");
  assert.sameValue(ns.meta.marker, "original");
  assert.sameValue(calls.join(), "importHook ./dep,importMetaHook");
});
