// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design"; compartments-static-analysis-bindings (C1.1) steps 2.a.i,
  2.a.iii.1-2.a.iii.4
description: >
  The import declarations beyond the proposal's examples, with our readings (README,
  "Compartments"; src/spec/compartments/static_analysis.rs, "Decisions"): a default import is
  { import: "default", as: local, from } (step 2.a.iii.2); a clause with a default and a
  namespace import, or a default and named imports, gives the default first, then the namespace
  or the names in order (steps 2.a.iii.2-4); a rename to the same name (import { a as a }) is no
  rename: { import, from } (step 2.a.iii.4.c); import 'm', import {} from 'm' and import attributes bind nothing and
  contribute nothing (step 2.a.i; attributes are not reflected); a specifier is the
  FromClause's String value, unresolved. String import names are in
  bindings-string-names.js. Every Binding lists its keys in the shape's order.
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings]
reading: bindings-forms
---*/

const cases = [
  ["import x from 'm';", '[{"import":"default","as":"x","from":"m"}]'],
  ["import x, * as ns from 'm';", '[{"import":"default","as":"x","from":"m"},{"importAllFrom":"m","as":"ns"}]'],
  ["import x, { y, z as w, default as d } from 'm';",
   '[{"import":"default","as":"x","from":"m"},{"import":"y","from":"m"},{"import":"z","as":"w","from":"m"},{"import":"default","as":"d","from":"m"}]'],
  ["import { a as a } from 'm';", '[{"import":"a","from":"m"}]'],
  ["import 'm';", "[]"],
  ["import {} from 'm';", "[]"],
  ["import 'm' with { type: 'json' };", "[]"],
  ["import j from './m.json' with { type: 'json' };", '[{"import":"default","as":"j","from":"./m.json"}]'],
  ["import { a } from '../../x/./y.js?q#h';", '[{"import":"a","from":"../../x/./y.js?q#h"}]'],
  ["import { a } from 'm'; import { b } from 'm';", '[{"import":"a","from":"m"},{"import":"b","from":"m"}]'],
];

for (const [text, expected] of cases) {
  assert.sameValue(JSON.stringify(new ModuleSource(text).bindings), expected, text);
}
