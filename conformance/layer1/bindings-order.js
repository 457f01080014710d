// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design" ("in their order of appearance"); compartments-static-analysis-bindings
  (C1.1) step 2
description: >
  Bindings are in order of appearance (C1.1 step 2: each ModuleItem in source order, each
  specifier in order): imports and exports interleaved stay interleaved — an export before the
  import it re-exports, hoisted function declarations, and a default export in the middle keep
  their textual place; nothing is grouped by kind or sorted by name or specifier.
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings]
---*/

const text = [
  "export { z };",
  "export * from 'b';",
  "import { z, y as w } from 'a';",
  "export default function f() {}",
  "export const c = 1;",
  "import * as ns from 'c';",
  "export { q as r } from 'a';",
  "import d from 'd';",
  "export * as e from 'e';",
  "export function g() {}",
].join("\n");

const expected = [
  '{"export":"z"}',
  '{"exportAllFrom":"b"}',
  '{"import":"z","from":"a"}',
  '{"import":"y","as":"w","from":"a"}',
  '{"export":"f","as":"default"}',
  '{"export":"c"}',
  '{"importAllFrom":"c","as":"ns"}',
  '{"export":"q","as":"r","from":"a"}',
  '{"import":"default","as":"d","from":"d"}',
  '{"exportAllFrom":"e","as":"e"}',
  '{"export":"g"}',
];

assert.sameValue(JSON.stringify(new ModuleSource(text).bindings), "[" + expected.join(",") + "]");
