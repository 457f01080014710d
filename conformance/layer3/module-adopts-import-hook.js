// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-module-constructor-evaluators (C3.3) steps 1-2, 4;
  0-module-and-module-source.emu, sec-module steps 3-7, sec-LoadImportedModule step 5;
  3-evaluator.md, "The new Module constructor will adopt its evaluator's [[ImportHook]] ... if
  called without the corresponding importHook ... option"
description: >
  new e.Module(source, handler) makes a Module (instanceof Module, a "status … to new" event as
  layer 0) whose code runs with e's global object, whose static imports are loaded through e's
  importHook when the handler has none (no handler, {}, or an importHook of undefined) — called
  with the handler as this (undefined without one) and, e having no importMeta, exactly the
  specifier, as layer 0 calls a Module's hook; the "hook" events name the module — and through
  the handler's own importHook when it has one. The handler is read as in layer 0 (Get
  importHook, then importMetaHook; nothing else: our reading of "the corresponding importHook or
  importMeta options", which adds no handler option). The realm's %Module% (the default
  Evaluators, which have no importHook) still makes Modules without one: their imports go to the
  host (what the host does with the specifier is host-defined: the test asks for one no host
  resolves and checks the "load-request" and the rejection, as layer0/import-hook-absent-host.js
  does). A Module made by e.Module called from another Evaluators' code is still e's.
flags: [module, async]
features: [ModuleSource, Module, Evaluators]
reading: evaluators-module-adopts
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.where = "start";
const sandbox = { __proto__: globalThis, where: "sandbox" };
const dep = new Module(new ModuleSource("export const value = 'dep';"));
const calls = [];
const e = new Evaluators({
  globalThis: sandbox,
  importHook(specifier) {
    calls.push({ by: "e", thisValue: this, count: arguments.length, specifier });
    return dep;
  },
});
const source = new ModuleSource("import { value } from 'dep'; export const seen = value + ' ' + where;");

const read = [];
const logged = new Proxy({}, {
  get(target, key, receiver) {
    read.push(String(key));
    return Reflect.get(target, key, receiver);
  },
  has(target, key) {
    read.push("has " + String(key));
    return Reflect.has(target, key);
  },
});
const ownHandler = {
  importHook(specifier) {
    calls.push({ by: "own", thisValue: this, count: arguments.length, specifier });
    return dep;
  },
};
const emptyHandler = {};
const undefinedHookHandler = { importHook: undefined };
const other = new Evaluators({ globalThis: { e, source } });

const modules = {
  none: new e.Module(source),
  empty: new e.Module(source, emptyHandler),
  undefinedHook: new e.Module(source, undefinedHookHandler),
  proxied: new e.Module(source, logged),
  own: new e.Module(source, ownHandler),
  fromOther: other.eval("new e.Module(source)"),
};
assert.compareArray(read, ["importHook", "importMetaHook"], "the handler is read as in layer 0");
for (const [name, module] of Object.entries(modules)) {
  assert(module instanceof Module, name + " instanceof Module");
}
const hostOnly = new Module(new ModuleSource("import './conformance-layer3-no-such-module.js';"));

asyncTest(async function () {
  for (const [name, module] of Object.entries(modules)) {
    const ns = await import(module);
    assert.sameValue(ns.seen, "dep sandbox", name + ": runs with e's global");
  }
  assert.compareArray(calls.map((call) => call.by), ["e", "e", "e", "e", "own", "e"]);
  const expectedThis = [undefined, emptyHandler, undefinedHookHandler, logged, ownHandler, undefined];
  calls.forEach((call, i) => {
    assert.sameValue(call.thisValue === expectedThis[i], true, "call " + i + ": this is the handler");
    assert.sameValue(call.count, 1, "call " + i + ": only the specifier (e has no importMeta)");
    assert.sameValue(call.specifier, "dep");
  });
  let rejected = false;
  try {
    await import(hostOnly);
  } catch (error) {
    rejected = true;
  }
  assert(rejected, "%Module% without a handler: the host is asked (and finds no such module)");
  assert.sameValue(calls.length, 6, "no hook called for it");
});
