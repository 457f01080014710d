// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design"; compartments-static-analysis-bindings (C1.1) steps
  2.a.iii.4.c, 2.a.iii.4.d, 2.a.iii.3, 2.b.i, 2.b.ii, 2.b.iii.1.b, 2.b.iii.1.c, 2.b.iv.1.b,
  2.b.iv.1.c; compartments-modulesource-bindings (C1.2) steps 5.a-5.b
description: >
  Each of the nine binding shapes from the declaration that makes it: the eight examples of
  1-static-analysis.md ({ import, from } twice for import { a, b }) and { export, as } for a
  local export with a rename (export { x as a }), the shape 2-virtual-module-source.md lists
  and 1-static-analysis.md omits (our reading: a local rename needs it). Each Binding is an
  ordinary object whose own properties are exactly the shape's keys, in the shape's order
  (import/export/importAllFrom/exportAllFrom, then as, then from: C1.2 step 5.b), all Strings,
  enumerable, writable and configurable data properties (CreateDataPropertyOrThrow), with
  %Object.prototype% as [[Prototype]] (step 5.a).
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings]
reading: bindings-forms
includes: [propertyHelper.js]
---*/

const cases = [
  ["import { a } from 'a.js';", '[{"import":"a","from":"a.js"}]'],
  ["import { a, b } from 'ab.js';", '[{"import":"a","from":"ab.js"},{"import":"b","from":"ab.js"}]'],
  ["import { a as x } from 'a.js';", '[{"import":"a","as":"x","from":"a.js"}]'],
  ["let x; export { x };", '[{"export":"x"}]'],
  ["let x; export { x as a };", '[{"export":"x","as":"a"}]'],
  ["export { x } from 'x.js';", '[{"export":"x","from":"x.js"}]'],
  ["export { x as a } from 'x.js';", '[{"export":"x","as":"a","from":"x.js"}]'],
  ["import * as x from 'x.js';", '[{"importAllFrom":"x.js","as":"x"}]'],
  ["export * from 'x.js';", '[{"exportAllFrom":"x.js"}]'],
  ["export * as x from 'x.js';", '[{"exportAllFrom":"x.js","as":"x"}]'],
];

for (const [text, expected] of cases) {
  const bindings = new ModuleSource(text).bindings;
  assert(Array.isArray(bindings), text + ": an Array");
  assert.sameValue(JSON.stringify(bindings), expected, text);
  for (const binding of bindings) {
    assert.sameValue(Object.getPrototypeOf(binding), Object.prototype, text + ": [[Prototype]]");
    assert(Object.isExtensible(binding), text + ": extensible");
    for (const key of Object.keys(binding)) {
      verifyProperty(binding, key, { writable: true, enumerable: true, configurable: true }, { restore: true });
      assert.sameValue(typeof binding[key], "string", text + ": " + key);
    }
    assert.sameValue(Object.getOwnPropertySymbols(binding).length, 0, text + ": no symbols");
  }
}
