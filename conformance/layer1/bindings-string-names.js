// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design"; compartments-static-analysis-bindings (C1.1) steps 2.a.iii.4,
  2.b.ii, 2.b.iii.1, 2.b.iv.1
description: >
  String module export names (ECMA-262's ModuleExportName as a StringLiteral) keep their String
  value in bindings, spaces and all, the empty string included: import { 'a' as a, 'b c' as d,
  '' as e } lists "a" (no rename: the same name), "b c" and ""; export { x as 'a b', x as '' }
  and export { 'a b' as c, 'd' } from 'm' and export * as 'a b' from 'm' list the String
  names. Split from bindings-import-forms.js and bindings-export-forms.js so that engines
  without arbitrary module namespace names run those.
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings, arbitrary-module-namespace-names]
reading: bindings-forms
---*/

const cases = [
  ["import { 'a' as a, 'b c' as d, '' as e } from 'm';",
   '[{"import":"a","from":"m"},{"import":"b c","as":"d","from":"m"},{"import":"","as":"e","from":"m"}]'],
  ["let x; export { x as 'a b', x as '' };", '[{"export":"x","as":"a b"},{"export":"x","as":""}]'],
  ["export { 'a b' as c, 'd' } from 'm';", '[{"export":"a b","as":"c","from":"m"},{"export":"d","from":"m"}]'],
  ["export * as 'a b' from 'm';", '[{"exportAllFrom":"m","as":"a b"}]'],
];

for (const [text, expected] of cases) {
  assert.sameValue(JSON.stringify(new ModuleSource(text).bindings), expected, text);
}
