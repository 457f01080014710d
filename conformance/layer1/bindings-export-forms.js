// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design"; compartments-static-analysis-bindings (C1.1) steps 2.b.i-2.b.vii
description: >
  The export declarations beyond the proposal's examples, with our readings (README,
  "Compartments"; src/spec/compartments/static_analysis.rs, "Decisions"):
  export const a = 1, b = 2 (and var, let, destructuring) is one { export } per BoundNames
  element in order (step 2.b.v.1); export function / class / async function / generator
  declarations are { export: name }; export default function f() {} and export default class C
  {} bind the local name, so they are { export: "f", as: "default" } like export { f as
  default } (step 2.b.vi); an anonymous default function or class and export default
  expression bind only *default*, written { export: "default" } (step 2.b.vii); export { a as a } is no
  rename; export {} and export {} from 'm' contribute nothing; re-exporting an import is two
  bindings, the import and a local export of its local name (bindings reflect the text, not
  ParseModule's rewritten entries). String export names are in bindings-string-names.js.
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings]
reading: bindings-forms
---*/

const cases = [
  ["export const a = 1, b = 2;", '[{"export":"a"},{"export":"b"}]'],
  ["export var v; export let l1, l2;", '[{"export":"v"},{"export":"l1"},{"export":"l2"}]'],
  ["export const { a, b: [c, ...d], e = 1, ...f } = {};",
   '[{"export":"a"},{"export":"c"},{"export":"d"},{"export":"e"},{"export":"f"}]'],
  ["export function f() {} export class C {} export async function g() {} export function* h() {}",
   '[{"export":"f"},{"export":"C"},{"export":"g"},{"export":"h"}]'],
  ["export default function f() {}", '[{"export":"f","as":"default"}]'],
  ["export default class C {}", '[{"export":"C","as":"default"}]'],
  ["export default async function* f() {}", '[{"export":"f","as":"default"}]'],
  ["function f() {} export { f as default };", '[{"export":"f","as":"default"}]'],
  ["export default function () {}", '[{"export":"default"}]'],
  ["export default class {}", '[{"export":"default"}]'],
  ["export default 1 + 1;", '[{"export":"default"}]'],
  ["export default (function f() {});", '[{"export":"default"}]'],
  ["let a; export { a as a };", '[{"export":"a"}]'],
  ["export { a as a } from 'm';", '[{"export":"a","from":"m"}]'],
  ["export {}; export {} from 'm';", "[]"],
  ["import { a } from 'm'; export { a };", '[{"import":"a","from":"m"},{"export":"a"}]'],
  ["import { a as b } from 'm'; export { b as c };", '[{"import":"a","as":"b","from":"m"},{"export":"b","as":"c"}]'],
  ["import * as ns from 'm'; export { ns };", '[{"importAllFrom":"m","as":"ns"},{"export":"ns"}]'],
  ["export * from 'm'; export * from 'm';", '[{"exportAllFrom":"m"},{"exportAllFrom":"m"}]'],
];

for (const [text, expected] of cases) {
  assert.sameValue(JSON.stringify(new ModuleSource(text).bindings), expected, text);
}
