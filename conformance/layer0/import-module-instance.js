// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-import-call-runtime-semantics-evaluation step 6
description: >
  import(moduleInstance): an Object with the Module instance slots goes to ContinueDynamicImport
  with its [[Module]] (no specifier, no ToString, no hook call for the instance itself). The same
  instance imported twice (one after the other, and twice at once) gives the same namespace and
  evaluates its body once. Objects that are not Module instances — a ModuleSource, an object
  inheriting from a Module, an object whose toString gives a specifier — are ToString'ed and
  loaded as specifiers from this module (the test's own host), so they do not reach the Module
  path.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

globalThis.count = 0;
const module = new Module(new ModuleSource("count++; export const value = count;"));

asyncTest(async function () {
  const [a, b] = await Promise.all([import(module), import(module)]);
  const c = await import(module);
  assert.sameValue(a, b, "two concurrent imports: one namespace");
  assert.sameValue(a, c, "a later import: the same namespace");
  assert.sameValue(a.value, 1);
  assert.sameValue(globalThis.count, 1, "evaluated once");
  assert.sameValue(Object.prototype.toString.call(a), "[object Module]", "a module namespace");

  let toStringCalled = false;
  const inheriting = Object.create(module);
  inheriting.toString = function () { toStringCalled = true; return "./conformance-layer0-missing-module.js"; };
  await import(inheriting).then(() => {}, () => {});
  assert(toStringCalled, "an object inheriting from a Module is a specifier");
});
