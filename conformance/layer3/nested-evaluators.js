// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 2, 6.a-6.b, 9, 12;
  compartments-import-call-evaluators (C3.5) steps 1-2
description: >
  SPEC ISSUE reading (step 2): Evaluators made inside e's code inherit each absent option from
  e, never from the start realm's default Evaluators: new Evaluators({}) made in e.eval has e's
  globalThis, importHook and importMeta ("evaluators#3" with parent "evaluators#2"); given only
  an importMeta, it keeps e's importHook and globalThis; given only a globalThis, it keeps e's
  hook and importMeta. Their import() calls e's hook (inherited) with their own [[ImportMeta]],
  and memoisation is per Evaluators record: each child calls the hook again for a specifier e
  already loaded, and gets the same Module's namespace. A grandchild made in a child's eval
  inherits through the child.
flags: [onlyStrict, async]
features: [ModuleSource, Module, Evaluators]
reading: evaluators-defaults
includes: [asyncHelpers.js, compareArray.js]
---*/

const sandbox = { __proto__: globalThis, where: "sandbox" };
const meta = { name: "meta" };
const otherMeta = { name: "other" };
const module = new Module(new ModuleSource("export const value = 'module';"));
const calls = [];
function importHook(specifier, importMeta) {
  calls.push(specifier + " " + importMeta.name);
  return module;
}
const e = new Evaluators({ globalThis: sandbox, importHook, importMeta: meta });
sandbox.otherMeta = otherMeta;
sandbox.otherGlobal = { __proto__: globalThis, where: "other" };

const child = e.eval("new Evaluators({})");
const withMeta = e.eval("new Evaluators({ importMeta: otherMeta })");
const withGlobal = e.eval("new Evaluators({ globalThis: otherGlobal })");
const grandchild = child.eval("new Evaluators()");

assert.sameValue(child.eval("where"), "sandbox");
assert.sameValue(withMeta.eval("where"), "sandbox");
assert.sameValue(withGlobal.eval("where"), "other");
assert.sameValue(grandchild.eval("this"), sandbox);

asyncTest(async function () {
  const fromE = await e.eval("import('x')");
  const fromChild = await child.eval("import('x')");
  const fromWithMeta = await withMeta.eval("import('x')");
  const fromWithGlobal = await withGlobal.eval("import('x')");
  const fromGrandchild = await grandchild.eval("import('x')");
  await e.eval("import('x')");
  assert.compareArray(calls, ["x meta", "x meta", "x other", "x meta", "x meta"],
    "one hook call per Evaluators record, with its importMeta");
  for (const ns of [fromChild, fromWithMeta, fromWithGlobal, fromGrandchild]) {
    assert.sameValue(ns, fromE, "the same Module's namespace");
  }
  assert.sameValue(fromE.value, "module");
});
