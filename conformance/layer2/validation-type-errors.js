// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface", "Design"; compartments-virtual-create (C2.2) steps
  3, 7.a, 7.b, 7.c, 10
description: >
  new Module(source) validates a virtual module source before any Module Record exists (no
  status event for a rejected source): a TypeError when bindings is neither undefined nor an
  object (step 3: null, a number, a string, a boolean, a symbol); when an element is not an
  object (step 7.a: a number, null, a string, a hole read as undefined); when the keys present
  are none of the nine shapes (step 7.c: no key, as alone, import without from, import with
  export, importAllFrom without as, exportAllFrom with from, export with from and
  importAllFrom); when a key of a recognised shape is not a String (step 7.c, naming the key:
  a number, null — only undefined is absent, step 7.b —, an object with a toString, which is
  not converted, a symbol); and when execute is neither undefined nor callable (step 10: a
  number, null, a plain object). An undefined field is absent ({ export, as: undefined } is
  { export }) and keys other than the six are ignored: those sources are accepted.
flags: [onlyStrict]
features: [Module, virtual-module-source]
reading: virtual-source-read-once
---*/

function rejects(source, what) {
  assert.throws(TypeError, () => new Module(source), what);
}

for (const bindings of [null, 1, "x", true, Symbol("b")]) {
  rejects({ bindings }, "bindings " + String(bindings));
}
for (const element of [1, null, "export x", undefined]) {
  rejects({ bindings: [{ export: "ok" }, element] }, "element " + String(element));
}
rejects({ bindings: [{ export: "ok" }, , { export: "ok2" }] }, "a hole");

const unknownShapes = [
  {},
  { as: "x" },
  { import: "a" },
  { from: "m" },
  { import: "a", as: "b" },
  { import: "a", export: "b", from: "m" },
  { importAllFrom: "m" },
  { importAllFrom: "m", from: "m", as: "x" },
  { exportAllFrom: "m", from: "m" },
  { export: "a", from: "m", importAllFrom: "m" },
  { exportAllFrom: "m", importAllFrom: "m", as: "x" },
];
for (const binding of unknownShapes) {
  rejects({ bindings: [binding] }, "shape " + JSON.stringify(binding));
}

const notStrings = [
  { import: 1, from: "m" },
  { import: "a", from: null },
  { import: "a", as: { toString() { return "b"; } }, from: "m" },
  { export: Symbol("e") },
  { export: "a", as: 0 },
  { export: "a", from: ["m"] },
  { export: "a", as: false, from: "m" },
  { importAllFrom: new String("m"), as: "x" },
  { exportAllFrom: 1 },
  { exportAllFrom: "m", as: null },
];
for (const binding of notStrings) {
  rejects({ bindings: [binding] }, "not a string " + String(Object.keys(binding)));
}

for (const execute of [1, null, {}, "function () {}"]) {
  rejects({ execute }, "execute " + String(execute));
}

// Accepted: an undefined field is absent; other keys are ignored.
new Module({ bindings: [{ export: "a", as: undefined, import: undefined }] });
new Module({ bindings: [{ export: "b", extra: 1, default: 2 }] });
new Module({ bindings: undefined, execute: undefined });
