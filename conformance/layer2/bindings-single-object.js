// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Examples" (JSON: bindings = { export: 'default' }; Pass-through
  module sources: bindings: { exportAllFrom: 'real.js', as: 'real' }); compartments-virtual-create
  (C2.2) steps 2, 4, 5
description: >
  The Interface types bindings as an Array, but the proposal's own JSON and pass-through
  examples write a single Binding object. Our reading (README, "Compartments"): a bindings
  value that is an object and not an Array (IsArray false, step 4) is a list of that one
  binding; an Array (IsArray true, also through a Proxy, and an Array subclass) is read as an
  array-like (step 5); undefined is no bindings (step 2). So an array-like object that is not
  an Array is one binding — with none of the six keys, an unknown shape (TypeError) — and a
  Proxy of an array is a list.
flags: [module, async]
features: [Module, virtual-module-source]
reading: single-binding-object
includes: [asyncHelpers.js, compareArray.js]
---*/

class Bindings extends Array {}

asyncTest(async function () {
  const single = new Module({ bindings: { export: "default" }, execute(imports) { imports.default = 42; } });
  assert.sameValue((await import(single)).default, 42, "a single binding object");

  const proxied = new Module({
    bindings: new Proxy([{ export: "a" }, { export: "b" }], {}),
    execute(imports) { imports.a = 1; imports.b = 2; },
  });
  assert.compareArray(Object.keys(await import(proxied)), ["a", "b"], "a Proxy of an Array is a list");

  const sub = Bindings.of({ export: "c" });
  const subclassed = new Module({ bindings: sub, execute(imports) { imports.c = 3; } });
  assert.sameValue((await import(subclassed)).c, 3, "an Array subclass is a list");

  const none = new Module({});
  assert.compareArray(Object.keys(await import(none)), [], "no bindings");

  assert.throws(TypeError, () => new Module({ bindings: { length: 1, 0: { export: "x" } } }),
    "an array-like that is not an Array is one (shapeless) binding");
});
