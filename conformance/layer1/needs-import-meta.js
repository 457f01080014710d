// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design" (needsImportMeta) and "Design Rationales"; get
  ModuleSource.prototype.needsImportMeta
description: >
  needsImportMeta is true exactly when the text contains import.meta syntax anywhere — top
  level, nested functions and arrow functions, code that never runs, a class field, an
  import.meta property access — whether or not it is evaluated; false otherwise, including for
  dynamic import(), static imports, "import.meta" in strings, comments and template text, and a
  property named meta. Always a Boolean. The value describes the text: two ModuleSources of the
  same text agree, and the getter does not evaluate anything.
flags: [onlyStrict]
features: [ModuleSource, module-source-bindings]
---*/

const yes = [
  "import.meta;",
  "export const url = import.meta.url;",
  "function f() { return () => import.meta; }",
  "if (false) import.meta.x = 1;",
  "class C { m = import.meta; }",
];
const no = [
  "",
  "import('m');",
  "import { meta } from 'm'; meta;",
  "'import.meta'; // import.meta",
  "`import.meta`; /* import.meta */",
  "const o = { meta: 1 }; o.meta;",
];

for (const text of yes) {
  assert.sameValue(new ModuleSource(text).needsImportMeta, true, text);
}
for (const text of no) {
  assert.sameValue(new ModuleSource(text).needsImportMeta, false, text);
}
