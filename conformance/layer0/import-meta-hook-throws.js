// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-meta-properties-runtime-semantics-evaluation step 4.c.iii
description: >
  A throwing importMetaHook: step 4.c.iii (Perform ? Call(importMetaHook, handler, « importMeta »))
  throws out of the import.meta expression, before step 4.d sets [[ImportMeta]]. So the next
  evaluation of import.meta finds [[ImportMeta]] still empty and starts over: a new null-prototype
  object (not the one the failed call received) and another hook call. Once a call returns, its
  object is kept. An import.meta at the top level of the body makes the module's evaluation throw:
  import(instance) rejects with the hook's error.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const seen = [];
let failuresLeft = 2;
const module = new Module(
  new ModuleSource("export function meta() { return import.meta; }"),
  {
    importMetaHook(meta) {
      seen.push(meta);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new RangeError("importMetaHook fails");
      }
    },
  }
);
const error = new Error("at the top level");
const topLevel = new Module(
  new ModuleSource("import.meta; globalThis.afterMeta = true;"),
  { importMetaHook() { throw error; } }
);

asyncTest(async function () {
  const ns = await import(module);
  assert.throws(RangeError, ns.meta, "first evaluation");
  assert.throws(RangeError, ns.meta, "second evaluation: the hook is called again");
  const meta = ns.meta();
  assert.sameValue(seen.length, 3, "three calls");
  assert.notSameValue(seen[0], seen[1], "a fresh object each time");
  assert.notSameValue(seen[1], seen[2]);
  assert.sameValue(meta, seen[2], "the object of the call that returned");
  assert.sameValue(ns.meta(), meta, "kept from then on");
  assert.sameValue(seen.length, 3);

  let caught;
  try { await import(topLevel); } catch (e) { caught = e; }
  assert.sameValue(caught, error);
  assert.sameValue(globalThis.afterMeta, undefined);
});
