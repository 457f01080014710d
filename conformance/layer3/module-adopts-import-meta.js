// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-module-constructor-evaluators (C3.3) steps 3, 5;
  compartments-import-meta-evaluators (C3.4) steps 1-1.b; 0-module-and-module-source.emu,
  sec-LoadImportedModule step 5 and the ImportMeta evaluation step 4; 3-evaluator.md, "Module
  execution contexts will in turn use the [[ImportHook]] and [[ImportMeta]] from their Module
  constructor"
description: >
  When e has an importMeta and the handler has no importMetaHook, a Module made by e.Module has
  e's importMeta object itself as its import.meta (C3.4: the same object every time and in every
  such Module, the host adding nothing to it and no importMetaHook event), a virtual module's
  execute receives it as options.importMeta, and its importHook — e's adopted one, or the
  handler's own — is called with a second argument, that object (our reading: the module's
  [[ImportMeta]], whichever hook). A handler with an importMetaHook keeps layer 0's behaviour: a
  fresh import.meta (null prototype, filled by the hook), and the hook called with the specifier
  only. Without an importMeta on e, import.meta is layer 0's fresh empty object and the hook
  gets one argument. SPEC ISSUE reading: "the corresponding importHook or importMeta options"
  are the handler's importHook and importMetaHook.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source, Evaluators]
reading: evaluators-module-adopts
includes: [asyncHelpers.js, compareArray.js]
---*/

const meta = { url: "evaluators:meta" };
const metaPrototype = Object.getPrototypeOf(meta);
const dep = new Module(new ModuleSource("export const value = 'dep';"));
const calls = [];
function hook(label) {
  return function (specifier, importMeta) {
    calls.push([label, arguments.length, specifier, importMeta === meta]);
    return dep;
  };
}
const e = new Evaluators({ importHook: hook("e"), importMeta: meta });
const source = new ModuleSource(
  "import 'dep'; export const first = import.meta; export const second = import.meta;");

const adopted = new e.Module(source);
const adoptedToo = new e.Module(source, {});
const ownHook = new e.Module(source, { importHook: hook("own") });
const withMetaHook = new e.Module(source, {
  importMetaHook(importMeta) {
    importMeta.filled = true;
  },
});
let virtualMeta;
const virtual = new e.Module({
  bindings: [{ import: "value", from: "dep" }],
  needsImportMeta: true,
  execute(imports, options) {
    virtualMeta = options.importMeta;
  },
});
const plain = new Evaluators({ importHook: hook("plain") });
const noMeta = new plain.Module(source);

asyncTest(async function () {
  const a = await import(adopted);
  assert.sameValue(a.first, meta, "import.meta is e's importMeta");
  assert.sameValue(a.second, meta, "every time");
  assert.compareArray(Object.keys(meta), ["url"], "the host adds nothing");
  assert.sameValue(Object.getPrototypeOf(meta), metaPrototype);
  assert.sameValue((await import(adoptedToo)).first, meta, "with a handler without hooks");
  assert.sameValue((await import(ownHook)).first, meta, "with the handler's own importHook");

  const m = await import(withMetaHook);
  assert.notSameValue(m.first, meta, "an importMetaHook: layer 0's own object");
  assert.sameValue(m.first, m.second);
  assert.sameValue(Object.getPrototypeOf(m.first), null);
  assert.sameValue(m.first.filled, true);

  await import(virtual);
  assert.sameValue(virtualMeta, meta, "a virtual module's execute gets it too");

  const n = await import(noMeta);
  assert.notSameValue(n.first, meta);
  assert.compareArray(Object.keys(n.first), [], "e without importMeta: layer 0's empty object");

  assert.compareArray(calls.map(String), [
    "e,2,dep,true",
    "e,2,dep,true",
    "own,2,dep,true",
    "e,1,dep,false",
    "e,2,dep,true",
    "plain,1,dep,false",
  ]);
});
