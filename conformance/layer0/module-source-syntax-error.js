// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-modulesource (ModuleSource ( sourceText ))
description: >
  ModuleSource steps 3-4: the text is parsed with the Module goal (ParseText(sourceText, Module));
  a List of errors throws a SyntaxError. Module-goal rules apply (strict mode, duplicate exports,
  unresolvable local exports, 'await' as an identifier, HTML-like comments, top-level return),
  and the SyntaxError comes after step 2 has read NewTarget.prototype.
flags: [onlyStrict]
features: [ModuleSource]
---*/

var bad = [
  "var",
  "with (a) {}",
  "export let a; export let a;",
  "export { missing };",
  "var await;",
  "<!-- comment",
  "return 1;",
  "delete x;",
  "import { a } from 'x'; var a;",
  "export default 1; export default 2;",
  "new.target",
  "super.x",
];
bad.forEach(function (text) {
  assert.throws(SyntaxError, function () { new ModuleSource(text); }, JSON.stringify(text));
});

// Valid Module-goal texts: top-level await, import.meta, import and export forms.
[
  "",
  "await 1;",
  "import.meta;",
  "import a, * as ns from 'a'; export { a, ns };",
  "export * from 'b'; export * as c from 'c'; export { d as default } from 'd';",
  "export default function () {}",
  "import('e');",
].forEach(function (text) {
  new ModuleSource(text);
});

var log = [];
var newTarget = function () {}.bind();
Object.defineProperty(newTarget, "prototype", {
  get: function () { log.push("get prototype"); return ModuleSource.prototype; }
});
assert.throws(SyntaxError, function () { Reflect.construct(ModuleSource, ["var"], newTarget); });
assert.sameValue(log.join(), "get prototype", "step 2 runs before the parse (step 3)");
