// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 15-17, 20-23; 3-evaluator.md, "Interfaces";
  ECMA-262 clause 18 (ECMAScript Standard Built-in Objects)
description: >
  The global Evaluators: a writable, non-enumerable, configurable property of the global object,
  a constructor with length 1 and name "Evaluators" (both non-writable, non-enumerable,
  configurable), whose prototype property (non-writable, non-enumerable, non-configurable) is
  %Evaluators.prototype%: an ordinary object inheriting from Object.prototype with only
  constructor and, our reading, [Symbol.toStringTag] "Evaluators" (non-writable, non-enumerable,
  configurable), so Object.prototype.toString gives "[object Evaluators]". An Evaluators object
  has exactly three own properties, in this order, our reading of the interface: eval, Function
  and Module, enumerable, writable and configurable data properties (CreateDataPropertyOrThrow,
  steps 20-22), so Object.assign copies them. Each construction makes new functions (steps
  15-17), distinct from another Evaluators' and from the realm's %eval%, %Function% and
  %Module%.
flags: [onlyStrict]
features: [Evaluators]
reading: evaluators-interface
includes: [propertyHelper.js, compareArray.js]
---*/

verifyProperty(globalThis, "Evaluators", {
  writable: true, enumerable: false, configurable: true,
}, { restore: true });
verifyProperty(Evaluators, "length", {
  value: 1, writable: false, enumerable: false, configurable: true,
}, { restore: true });
verifyProperty(Evaluators, "name", {
  value: "Evaluators", writable: false, enumerable: false, configurable: true,
}, { restore: true });
verifyProperty(Evaluators, "prototype", {
  writable: false, enumerable: false, configurable: false,
});
assert.sameValue(Object.getPrototypeOf(Evaluators), Function.prototype);

const prototype = Evaluators.prototype;
assert.sameValue(Object.getPrototypeOf(prototype), Object.prototype);
assert.compareArray(Reflect.ownKeys(prototype), ["constructor", Symbol.toStringTag]);
verifyProperty(prototype, "constructor", {
  value: Evaluators, writable: true, enumerable: false, configurable: true,
}, { restore: true });
verifyProperty(prototype, Symbol.toStringTag, {
  value: "Evaluators", writable: false, enumerable: false, configurable: true,
}, { restore: true });
assert.sameValue(Object.prototype.toString.call(prototype), "[object Evaluators]");

const e = new Evaluators();
const other = new Evaluators();
assert.sameValue(Object.getPrototypeOf(e), prototype);
assert.sameValue(Object.prototype.toString.call(e), "[object Evaluators]");
assert.sameValue(Object.isExtensible(e), true);
assert.compareArray(Reflect.ownKeys(e), ["eval", "Function", "Module"]);
for (const name of ["eval", "Function", "Module"]) {
  verifyProperty(e, name, {
    writable: true, enumerable: true, configurable: true,
  }, { restore: true });
  assert.sameValue(typeof e[name], "function", name);
  assert.notSameValue(e[name], other[name], name + " is new per Evaluators");
  assert.notSameValue(e[name], globalThis[name], name + " is not the realm's");
}
const copy = Object.assign({}, e);
assert.compareArray(Object.keys(copy), ["eval", "Function", "Module"]);
assert.sameValue(copy.eval, e.eval);

// The properties are plain data: replacing them changes nothing about the Evaluators.
const { eval: ownEval } = e;
e.eval = null;
delete e.Function;
assert.sameValue(ownEval("1 + 1"), 2);
assert.compareArray(Reflect.ownKeys(e), ["eval", "Module"]);
