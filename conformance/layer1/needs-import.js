// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface" (needsImport); 1-static-analysis.md, "Design
  Rationales"; get ModuleSource.prototype.needsImport
description: >
  needsImport is true exactly when the text uses a dynamic import form — import(), and with
  those proposals import.source() and import.defer() — anywhere: at top level, in nested
  functions, in code that never runs, inside a class field. Our reading (README, "Compartments";
  src/spec/compartments/static_analysis.rs, "needsImport"): static imports, export ... from,
  import source / import defer declarations do not count — they are linked through the
  Module's importHook, not through the import function needsImport asks execute to receive —
  though 1-static-analysis.md's rationale paragraph counts them. import.meta, the identifier
  "import" in a string or a comment, and a property named import do not count. Always a Boolean.
flags: [onlyStrict]
features: [source-phase-imports, import-defer, ModuleSource, module-source-bindings]
reading: needs-import-dynamic-only---*/

const yes = [
  "import('m');",
  "export async function f() { return import('m'); }",
  "if (false) { () => () => import(x); }",
  "class C { f = import('m'); }",
  "await import.source('m');",
  "import.defer('m');",
  "import { a } from 'm'; import(a);",
];
const no = [
  "",
  "import 'm';",
  "import { a } from 'm';",
  "import * as ns from 'm';",
  "export * from 'm'; export { a } from 'm'; export * as b from 'm';",
  "import source s from 'm';",
  "import defer * as d from 'm';",
  "import.meta;",
  "'import(\"m\")'; // import('m')",
  "const o = { import: 1 }; o.import;",
];

for (const text of yes) {
  assert.sameValue(new ModuleSource(text).needsImport, true, text);
}
for (const text of no) {
  assert.sameValue(new ModuleSource(text).needsImport, false, text);
}
