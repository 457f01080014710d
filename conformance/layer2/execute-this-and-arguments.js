// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface" (execute), "Design"; compartments-virtual-execute-module
  (C2.4) steps 3-7; compartments-virtual-create (C2.2) steps 11-12; 0-module-and-module-source.emu,
  import.meta with importMetaHook
description: >
  execute is called once, with this the virtual module source (C2.4 step 7, [[VirtualSource]]),
  and exactly two arguments: the Module Imports Namespace and an options object (step 3: an
  ordinary object with %Object.prototype%, its properties created in the order import,
  importMeta, globalThis, each a writable, enumerable, configurable data property). import is
  there only when needsImport was truthy at construction (step 4; ToBoolean, step 11: 1 yes, 0
  and "" no), importMeta only when needsImportMeta was truthy (step 5). globalThis is always
  the realm's global object (step 6). importMeta is the module's import.meta object (step 5.a):
  it has a null [[Prototype]], it is the very object the handler's importMetaHook received (one
  call, before execute), and two Modules of one source get two objects. With no importMetaHook
  importMeta is an empty object. A throwing importMetaHook rejects the import with its error and
  execute is not called.
flags: [module, async]
features: [Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

const calls = [];
function sourceWith(flags) {
  const source = {
    ...flags,
    execute(...args) {
      calls.push({ source, self: this, args });
    },
  };
  return source;
}

asyncTest(async function () {
  for (const [flags, keys] of [
    [{}, ["globalThis"]],
    [{ needsImport: 1 }, ["import", "globalThis"]],
    [{ needsImport: 0, needsImportMeta: "" }, ["globalThis"]],
    [{ needsImportMeta: true }, ["importMeta", "globalThis"]],
    [{ needsImport: "yes", needsImportMeta: {} }, ["import", "importMeta", "globalThis"]],
  ]) {
    calls.length = 0;
    const metas = [];
    const source = sourceWith(flags);
    const module = new Module(source, { importMetaHook(meta) { metas.push(meta); meta.url = "virtual:x"; } });
    const ns = await import(module);
    const label = JSON.stringify(flags);
    assert.sameValue(calls.length, 1, label + ": called once");
    const { self, args } = calls[0];
    assert.sameValue(self, source, label + ": this is the source");
    assert.sameValue(args.length, 2, label + ": two arguments");
    const [imports, options] = args;
    assert.sameValue(Object.getPrototypeOf(imports), null, label + ": the imports namespace");
    assert.notSameValue(imports, ns, label + ": not the exports namespace");
    assert.sameValue(Object.getPrototypeOf(options), Object.prototype, label + ": options");
    assert.compareArray(Reflect.ownKeys(options), keys, label + ": options keys");
    for (const key of keys) {
      const desc = Object.getOwnPropertyDescriptor(options, key);
      assert(desc.writable && desc.enumerable && desc.configurable, label + ": " + key + " is a data property");
    }
    assert.sameValue(options.globalThis, globalThis, label + ": globalThis");
    if (keys.includes("import")) {
      assert.sameValue(typeof options.import, "function", label + ": import is a function");
      assert.sameValue(options.import.length, 1, label + ": import.length");
    }
    if (keys.includes("importMeta")) {
      assert.compareArray(metas, [options.importMeta], label + ": the object importMetaHook received, once");
      assert.sameValue(Object.getPrototypeOf(options.importMeta), null, label + ": import.meta's prototype");
      assert.sameValue(options.importMeta.url, "virtual:x");
    } else {
      assert.sameValue(metas.length, 0, label + ": importMetaHook not called");
    }
  }

  // Two Modules of one source: two import.meta objects.
  calls.length = 0;
  const shared = sourceWith({ needsImportMeta: true });
  await import(new Module(shared));
  await import(new Module(shared));
  assert.notSameValue(calls[0].args[1].importMeta, calls[1].args[1].importMeta, "one import.meta per Module");
  assert.compareArray(Reflect.ownKeys(calls[0].args[1].importMeta), [], "no hook: an empty object");

  // A throwing importMetaHook: execute is not called and the import rejects with its error.
  calls.length = 0;
  const error = new Test262Error("importMetaHook");
  const failing = new Module(sourceWith({ needsImportMeta: true }), { importMetaHook() { throw error; } });
  let caught;
  try { await import(failing); } catch (e) { caught = e; }
  assert.sameValue(caught, error, "rejects with the hook's error");
  assert.sameValue(calls.length, 0, "execute not called");
});
