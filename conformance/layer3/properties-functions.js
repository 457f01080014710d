// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-create-evaluators-function (C3.2) steps 1-5
description: >
  The functions of an Evaluators object (CreateEvaluatorsFunction): built-in functions of the
  realm (their prototype is Function.prototype) with the "length" and "name" of %eval%,
  %Function% and %Module% — 1 and "eval", 1 and "Function", 2 and "Module" — as own properties
  in that order (CreateBuiltinFunction), then, for Function and Module, a "prototype" property
  (step 3, 4): the realm's Function.prototype and Module.prototype themselves, non-writable,
  non-enumerable, non-configurable. So instances of e.Function and e.Module are instances of
  Function and Module, and the shared prototypes' constructor properties are still %Function%
  and %Module%. e.eval is not a constructor and has no prototype; e.Module needs new (TypeError
  otherwise); e.Function called without new creates a function as Function does.
flags: [onlyStrict]
includes: [propertyHelper.js, compareArray.js, isConstructor.js]
features: [Reflect.construct, ModuleSource, Module, Evaluators]
---*/

const e = new Evaluators();
const expected = { eval: [1, []], Function: [1, ["prototype"]], Module: [2, ["prototype"]] };
for (const [name, [length, extra]] of Object.entries(expected)) {
  const f = e[name];
  assert.sameValue(Object.getPrototypeOf(f), Function.prototype, name + " [[Prototype]]");
  assert.compareArray(Reflect.ownKeys(f), ["length", "name", ...extra], name + " own keys");
  verifyProperty(f, "length", {
    value: length, writable: false, enumerable: false, configurable: true,
  }, { restore: true });
  verifyProperty(f, "name", {
    value: name, writable: false, enumerable: false, configurable: true,
  }, { restore: true });
}

verifyProperty(e.Function, "prototype", {
  value: Function.prototype, writable: false, enumerable: false, configurable: false,
});
verifyProperty(e.Module, "prototype", {
  value: Module.prototype, writable: false, enumerable: false, configurable: false,
});
assert.sameValue(Function.prototype.constructor, Function, "the shared prototype's constructor");
assert.sameValue(Module.prototype.constructor, Module);

assert.sameValue(isConstructor(e.eval), false, "eval is not a constructor");
assert.throws(TypeError, () => new e.eval("1"));
assert.sameValue(isConstructor(e.Function), true);
assert.sameValue(isConstructor(e.Module), true);

const called = e.Function("a", "b", "return a + b");
const constructed = new e.Function("a", "b", "return a * b");
assert.sameValue(called(2, 3), 5, "Function without new");
assert.sameValue(constructed(2, 3), 6, "Function with new");
assert(called instanceof Function, "instanceof the shared Function");
assert.sameValue(Object.getPrototypeOf(called), Function.prototype);

const source = new ModuleSource("export default 1;");
assert.throws(TypeError, () => e.Module(source), "Module without new");
const module = new e.Module(source);
assert(module instanceof Module, "instanceof the shared Module");
assert.sameValue(Object.getPrototypeOf(module), Module.prototype);
assert.sameValue(module.source, source, "the layer 0 accessor works on it");
