// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-create-evaluators-function (C3.2) step 1; 3-evaluator.md, "Design" ("All other
  references to [[Context]].[[Realm]] must be replaced with
  [[Context]].[[Evaluators]].[[Realm]], particularly to address the intrinsics of the realm")
  and "Domain Specific Languages"
description: >
  Evaluators share their realm's intrinsics: whatever the global object, code evaluated by
  e.eval and e.Function creates objects from the realm's %Array.prototype%, %Object.prototype%,
  %Function.prototype%, %RegExp.prototype%, %Promise.prototype%, %AsyncFunction.prototype%,
  %String.prototype% (a sloppy this boxed) and %TypeError.prototype% (a runtime error), so
  Object.getPrototypeOf(e.eval("[]")) === Array.prototype even when the global object has a null
  prototype and no "Array" property. With a global that inherits from the start global, the
  names resolve to the same constructors, so instanceof works across the two (e.eval("[]")
  instanceof Array, inside and outside), and errors — a JSON.parse failure, a parse error of the
  eval source — are the start global's SyntaxError.
flags: [onlyStrict]
features: [Evaluators]
---*/

const bare = new Evaluators({ globalThis: Object.create(null) });
const checks = [
  ["[]", Array.prototype],
  ["({})", Object.prototype],
  ["(function () {})", Function.prototype],
  ["(() => {})", Function.prototype],
  ["/x/", RegExp.prototype],
  ["(async function () {})()", Promise.prototype],
  ["(function* () {})().next", Function.prototype],
  ["(async function () {})", Object.getPrototypeOf(async function () {})],
  ["(class {})", Function.prototype],
  ["(function () { return this; }).call('s')", String.prototype],
];
for (const [source, prototype] of checks) {
  assert.sameValue(Object.getPrototypeOf(bare.eval(source)), prototype, source);
}
assert.sameValue(bare.eval("typeof Array"), "undefined");
let error;
try {
  bare.eval("null.x");
} catch (caught) {
  error = caught;
}
assert.sameValue(Object.getPrototypeOf(error), TypeError.prototype, "a TypeError of the realm");
assert.sameValue(Object.getPrototypeOf(bare.Function("return []")()), Array.prototype);

const inheriting = new Evaluators({ globalThis: { __proto__: globalThis } });
assert(inheriting.eval("[]") instanceof Array, "[] instanceof Array");
assert.sameValue(inheriting.eval("[] instanceof Array"), true, "inside the evaluators too");
assert.sameValue(inheriting.eval("Array"), Array, "the same constructor");
assert.sameValue(inheriting.eval("Array.isArray([])"), true);
assert.throws(SyntaxError, () => inheriting.eval("JSON.parse('{')"));
assert.throws(SyntaxError, () => inheriting.eval("("), "a parse error is the realm's SyntaxError");
