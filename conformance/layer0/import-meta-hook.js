// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-meta-properties-runtime-semantics-evaluation step 4
description: >
  import.meta in a Module with an importMetaHook (step 4.c): on the first evaluation of
  import.meta the hook is called with this = [[HandlerValue]] and one argument, a new object
  with a null prototype and no properties (step 4.a), before anything else reads it; its return
  value is ignored; the object (as the hook left it) is [[ImportMeta]] (step 4.d) and every
  later import.meta — in the same or another function of the module — gives it without calling
  the hook (step 5). The hook is lazy: a module that never evaluates import.meta never calls it,
  and one that does only in a function calls it when the function runs.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const calls = [];
const handler = {
  importMetaHook(...args) {
    calls.push(args);
    assert.sameValue(this, handler, "this is the handler");
    const meta = args[0];
    assert.sameValue(Object.getPrototypeOf(meta), null, "null prototype");
    assert.sameValue(Reflect.ownKeys(meta).length, 0, "no properties");
    assert(Object.isExtensible(meta), "extensible");
    meta.url = "virtual:a";
    return { ignored: true };
  },
};
const module = new Module(
  new ModuleSource(
    "export const first = import.meta; export function again() { return import.meta; }"
  ),
  handler
);
const lazyCalls = [];
const lazy = new Module(
  new ModuleSource("export function meta() { return import.meta; }"),
  { importMetaHook(meta) { lazyCalls.push(meta); } }
);
const never = new Module(
  new ModuleSource("export default 1;"),
  { importMetaHook() { throw new Test262Error("never called"); } }
);

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(calls.length, 1, "called once");
  assert.sameValue(calls[0].length, 1, "one argument");
  assert.sameValue(ns.first, calls[0][0], "import.meta is the object the hook received");
  assert.sameValue(ns.first.url, "virtual:a");
  assert.sameValue(ns.first.ignored, undefined, "the hook's return value is ignored");
  assert.sameValue(ns.again(), ns.first, "later evaluations: the same object");
  assert.sameValue(calls.length, 1, "not called again");

  const lazyNs = await import(lazy);
  assert.sameValue(lazyCalls.length, 0, "not called while import.meta is not evaluated");
  const meta = lazyNs.meta();
  assert.sameValue(lazyCalls.length, 1);
  assert.sameValue(meta, lazyCalls[0]);
  assert.sameValue(lazyNs.meta(), meta);

  assert.sameValue((await import(never)).default, 1);
});
