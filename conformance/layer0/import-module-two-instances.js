// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-module step 3 (CreateModuleRecord),
  sec-import-call-runtime-semantics-evaluation step 6
description: >
  Two Module instances over one ModuleSource are two Source Text Module Records (CreateModuleRecord
  runs in each constructor call): importing each evaluates the body once per instance, with its
  own environment (top-level state is not shared) and its own namespace; each calls its own
  handler's hook for the same specifier.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

globalThis.runs = 0;
const calls = [];
const source = new ModuleSource("import dep from 'dep'; runs++; let local = 0; export function bump() { return ++local; } export { dep };");
const dep1 = new Module(new ModuleSource("export default 'one';"));
const dep2 = new Module(new ModuleSource("export default 'two';"));
const m1 = new Module(source, { importHook(s) { calls.push("h1 " + s); return dep1; } });
const m2 = new Module(source, { importHook(s) { calls.push("h2 " + s); return dep2; } });
assert.notSameValue(m1, m2);
assert.sameValue(m1.source, m2.source);

asyncTest(async function () {
  const ns1 = await import(m1);
  const ns2 = await import(m2);
  assert.notSameValue(ns1, ns2, "two namespaces");
  assert.sameValue(globalThis.runs, 2, "the body ran once per instance");
  assert.sameValue(ns1.bump(), 1);
  assert.sameValue(ns1.bump(), 2);
  assert.sameValue(ns2.bump(), 1, "separate module environments");
  assert.sameValue(ns1.dep, "one");
  assert.sameValue(ns2.dep, "two");
  assert.compareArray(calls, ["h1 dep", "h2 dep"]);
});
