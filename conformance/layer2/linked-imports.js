// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Design" ({ import, from }, { import, as, from }, { importAllFrom,
  as }); compartments-virtual-initialize-environment (C2.3) steps 5.a, 5.b.i-iii, 5.c.i, 5.c.iv.1,
  5.d; compartments-imports-namespace-get (C2.5.1)
description: >
  The three importing shapes linked and observed through the Module Imports Namespace:
  { import: "a", from } binds the local name a to the dependency's export a (C2.3 step 5.c.iv.1,
  an import binding), { import: "b", as: "c", from } binds c to its export b (the import name
  b is not a declared name of the namespace), { importAllFrom, as: "ns" } binds ns to the
  dependency's module namespace (step 5.b), the very object import() gives. Import bindings are
  live (C2.5.1 step 3 reads the environment): after the dependency changes its binding,
  imports.a reads the new value. One importHook call for the one specifier; the dependency
  evaluates before execute is called.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
includes: [asyncHelpers.js, compareArray.js]
---*/

const dep = new Module(new ModuleSource(
  "export let a = 'a0'; export const b = 'b'; export function bump() { a = 'a1'; } globalThis.depRan = true;"
));
const calls = [];
let seen;
const virtual = new Module({
  bindings: [
    { import: "a", from: "./dep" },
    { import: "b", as: "c", from: "./dep" },
    { importAllFrom: "./dep", as: "ns" },
  ],
  execute(imports) {
    seen = {
      depRan: globalThis.depRan,
      keys: Reflect.ownKeys(imports),
      a: imports.a,
      c: imports.c,
      b: imports.b,
      hasB: "b" in imports,
      ns: imports.ns,
    };
    imports.ns.bump();
    seen.aAfter = imports.a;
  },
}, {
  importHook(specifier) {
    calls.push(specifier);
    return dep;
  },
});

asyncTest(async function () {
  await import(virtual);
  assert.sameValue(seen.depRan, true, "the dependency evaluated first");
  assert.compareArray(seen.keys, ["a", "c", "ns"]);
  assert.sameValue(seen.a, "a0");
  assert.sameValue(seen.c, "b", "import b as c");
  assert.sameValue(seen.b, undefined, "the import name is not a local name");
  assert.sameValue(seen.hasB, false);
  assert.sameValue(seen.ns, await import(dep), "importAllFrom binds the dependency's namespace");
  assert.sameValue(seen.aAfter, "a1", "live");
  assert.compareArray(calls, ["./dep"], "one hook call per specifier");
});
