// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-static-analysis-bindings (C1.1) steps 2.a.ii, 2.a.ii.1, 2.a.iii.3; source phase
  imports; import defer
description: >
  The proposal predates source phase imports and import defer; our readings (README,
  "Compartments"; src/spec/compartments/static_analysis.rs, "Import phases"):
  import defer * as ns from 'm' is { importAllFrom: "m", as: "ns" } (step 2.a.iii.3: its binding
  is m's namespace; only when m evaluates differs, which bindings do not express);
  import source x from 'm' contributes no binding (step 2.a.ii.1: x is m's module source object,
  which no shape describes), so import source x from 'm'; export { x } reflects only the local
  export { export: "x" }. Dynamic import forms (import(), import.source(), import.defer()) are
  expressions, not declarations, and contribute nothing.
flags: [onlyStrict]
features: [source-phase-imports, import-defer, ModuleSource, module-source-bindings]
reading: bindings-phases---*/

const cases = [
  ["import defer * as ns from 'm';", '[{"importAllFrom":"m","as":"ns"}]'],
  ["import source x from 'm';", "[]"],
  ["import source x from 'm'; export { x };", '[{"export":"x"}]'],
  ["import source x from 'm'; import { y } from 'm';", '[{"import":"y","from":"m"}]'],
  ["import('m'); import.source('m'); import.defer('m');", "[]"],
];

for (const [text, expected] of cases) {
  assert.sameValue(JSON.stringify(new ModuleSource(text).bindings), expected, text);
}
