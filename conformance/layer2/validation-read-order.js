// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-virtual-create (C2.2) steps 1, 4, 5, 7.b, 9, 11, 12; 0-module-and-module-source.emu,
  sec-module steps 2-6
description: >
  Our reading (README, "Compartments"): a virtual module source is read once, when the Module is
  constructed, in this order — Get bindings (step 1); IsArray, then "length" and each index
  (step 5, CreateListFromArrayLike); for each binding object, Get of "import", "as", "from",
  "export", "importAllFrom", "exportAllFrom" in that order, all six whatever the shape (step
  7.b); then execute (step 9), needsImport (step 11), needsImportMeta (step 12) — and only then
  the handler's importHook and importMetaHook (sec-module steps 4-6). An error from a getter
  stops there (later properties are not read). Changing the source afterwards (bindings,
  execute, the needs flags) changes nothing: the Module links and runs with what was read,
  and import() reads nothing more from the source.
flags: [module, async]
features: [ModuleSource, Module, module-source-bindings, virtual-module-source]
reading: virtual-source-read-once
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
function logged(name, target) {
  return new Proxy(target, {
    get(t, key, receiver) {
      log.push(name + "." + String(key));
      return Reflect.get(t, key, receiver);
    },
  });
}

const dep = new Module(new ModuleSource("export const a = 'a';"));
let calls = 0;
const target = {
  bindings: logged("bindings", [logged("b0", { import: "a", from: "./dep" }), logged("b1", { export: "x" })]),
  execute(imports, options) {
    calls++;
    imports.x = imports.a + Object.keys(options).join();
  },
  needsImport: false,
  needsImportMeta: true,
};
const source = logged("source", target);
const handler = logged("handler", { importHook: () => dep, importMetaHook() {} });
const module = new Module(source, handler);

assert.compareArray(log, [
  "source.bindings",
  "bindings.length", "bindings.0", "bindings.1",
  "b0.import", "b0.as", "b0.from", "b0.export", "b0.importAllFrom", "b0.exportAllFrom",
  "b1.import", "b1.as", "b1.from", "b1.export", "b1.importAllFrom", "b1.exportAllFrom",
  "source.execute", "source.needsImport", "source.needsImportMeta",
  "handler.importHook", "handler.importMetaHook",
]);

const errorLog = [];
const boom = new Test262Error("execute getter");
const failing = {
  get bindings() { errorLog.push("bindings"); return []; },
  get execute() { errorLog.push("execute"); throw boom; },
  get needsImport() { errorLog.push("needsImport"); return true; },
};
assert.throws(Test262Error, () => new Module(failing));
assert.compareArray(errorLog, ["bindings", "execute"], "stops at the throwing getter");

asyncTest(async function () {
  log.length = 0;
  target.bindings = [{ export: "other" }];
  target.execute = function () { throw new Test262Error("the new execute ran"); };
  target.needsImport = true;
  target.needsImportMeta = false;
  const ns = await import(module);
  assert.compareArray(Object.keys(ns), ["x"], "the bindings read at construction");
  assert.sameValue(ns.x, "aimportMeta,globalThis", "the execute and needs flags read at construction");
  assert.sameValue(calls, 1);
  assert.compareArray(log, [], "nothing read from the source or the handler during import()");
});
