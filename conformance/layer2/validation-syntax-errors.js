// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-virtual-create (C2.2) step 8; ECMA-262 16.2.1.1 (Static Semantics: Early Errors
  of Module: duplicate ExportedNames, duplicate LexicallyDeclaredNames,
  IsStringWellFormedUnicode)
description: >
  After the shapes (step 7), step 8 checks the list as module text's early errors would, with a
  SyntaxError: two bindings exporting one name ({ export } / { export, from } export their
  export, { export, as } / { export, as, from } / { exportAllFrom, as } their as), including the
  name "default"; two bindings importing into one local name (import of { import, from }, as of
  { import, as, from } and { importAllFrom, as }); a name (import, export, as) with a lone
  surrogate. Accepted: two { exportAllFrom } of one specifier (they export no name of their
  own), exporting an imported name (a re-export), one local exported under two names, the same
  import name under two local names, the same name imported and exported under another, and a
  lone surrogate in a specifier. Shape errors come first: a list with a duplicate export and
  then a bad shape throws the TypeError of step 7.c; a duplicate comes before a non-callable
  execute (step 8 before step 10).
flags: [onlyStrict]
features: [Module, virtual-module-source]
reading: virtual-source-read-once
---*/

const duplicates = [
  [{ export: "a" }, { export: "a" }],
  [{ export: "x", as: "a" }, { export: "a" }],
  [{ export: "a", from: "m" }, { exportAllFrom: "n", as: "a" }],
  [{ export: "x", as: "a", from: "m" }, { export: "y", as: "a" }],
  [{ export: "f", as: "default" }, { export: "default" }],
  [{ import: "a", from: "m" }, { import: "a", from: "n" }],
  [{ import: "x", as: "a", from: "m" }, { importAllFrom: "n", as: "a" }],
  [{ importAllFrom: "m", as: "a" }, { import: "a", from: "m" }],
  [{ export: "\uD800" }],
  [{ import: "a\uDC00", from: "m" }],
  [{ import: "a", as: "\uDBFF", from: "m" }],
];
for (const bindings of duplicates) {
  assert.throws(SyntaxError, () => new Module({ bindings }), JSON.stringify(bindings));
}

const accepted = [
  [{ exportAllFrom: "m" }, { exportAllFrom: "m" }],
  [{ import: "a", from: "m" }, { export: "a" }],
  [{ export: "a" }, { export: "a", as: "b" }],
  [{ import: "a", from: "m" }, { import: "a", as: "b", from: "m" }],
  [{ import: "a", from: "m" }, { export: "b", as: "a" }],
  [{ exportAllFrom: "\uD800" }, { import: "a", from: "\uDC00" }],
];
for (const bindings of accepted) {
  new Module({ bindings });
}

assert.throws(TypeError, () => new Module({ bindings: [{ export: "a" }, { export: "a" }, { as: "x" }] }),
  "step 7.c before step 8");
assert.throws(SyntaxError, () => new Module({ bindings: [{ export: "a" }, { export: "a" }], execute: 1 }),
  "step 8 before step 10");
