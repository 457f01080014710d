// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design" (the host depends on the Module Source Record, not on the
  ModuleSource instance); compartments-modulesource-bindings (C1.2) steps 3-6
description: >
  Our reading (README, "Compartments"): bindings is a new Array of new Binding objects on each
  read (C1.2 steps 4-6 run per call; no cache). Two reads are different arrays with different
  but equal elements; mutating a returned array or its Bindings (pushing, deleting, renaming a
  from, freezing) changes neither a later read nor how a Module made from the source links:
  the Module links through [[ModuleSource]] (the importHook is asked for the text's specifier,
  the imported name is the text's), as 1-static-analysis.md requires.
flags: [module, async]
features: [ModuleSource, Module, module-source-bindings]
reading: bindings-fresh-array
includes: [asyncHelpers.js, compareArray.js]
---*/

const source = new ModuleSource("import { a } from './dep'; export { a as b };");
const first = source.bindings;
const second = source.bindings;
assert.notSameValue(first, second, "a new array on each read");
assert.notSameValue(first[0], second[0], "new Binding objects on each read");
assert.sameValue(JSON.stringify(first), JSON.stringify(second), "equal contents");

first[0].from = "./elsewhere";
first[0].import = "zzz";
first.push({ exportAllFrom: "./more" });
delete first[1];
Object.freeze(second);
assert.sameValue(
  JSON.stringify(source.bindings),
  '[{"import":"a","from":"./dep"},{"export":"a","as":"b"}]',
  "a later read is unaffected"
);

const specifiers = [];
const dep = new Module(new ModuleSource("export const a = 'dep a';"));
const module = new Module(source, {
  importHook(specifier) {
    specifiers.push(specifier);
    return dep;
  },
});

asyncTest(async function () {
  const ns = await import(module);
  assert.compareArray(specifiers, ["./dep"], "linking used the text's specifier");
  assert.sameValue(ns.b, "dep a", "and the text's names");
  assert.compareArray(Object.keys(ns), ["b"]);
});
