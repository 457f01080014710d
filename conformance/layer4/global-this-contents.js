// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (globalThis: "initially has only shared intrinsics, followed by
  compartment-specific eval, Function, Module, and Compartment, followed by any properties
  transferred from the globals constructor option"); compartments-compartment-constructor (C4.1)
  steps 11, 16-17; compartments-compartment-globalthis (C4.2)
description: >
  C4.2: the getter returns the same object on every call, a different one for each compartment.
  Step 11: an ordinary extensible object whose prototype is %Object.prototype%. Step 16: every
  ECMA-262 global value property, function and constructor the start global has (Infinity, NaN,
  undefined, parseInt, Array, Promise, ModuleSource, Evaluators, ...) is there, the very same
  object (c.globalThis.Array === Array), with the start global's attributes (writable,
  non-enumerable, configurable; Infinity, NaN and undefined neither writable nor configurable),
  and globalThis is the compartment's own global. Our reading of "shared intrinsics": the start
  global's host additions (print, console, $262, the test262 harness's assert and Test262Error)
  are not there. Step 17: eval, Function, Module and Compartment are the compartment's own,
  distinct from the start realm's and from another compartment's, with the same attributes, and
  they come after the shared intrinsics in [[OwnPropertyKeys]] order, followed by SES's shared
  harden (our reading: every compartment has it; it works after lockdown), the globals option's
  properties last.
flags: [onlyStrict]
features: [ModuleSource, Module, Evaluators, Compartment, harden]
reading: compartment-globals
includes: [compareArray.js, propertyHelper.js]
---*/

var c = new Compartment({ globals: { zeta: 1, alpha: 2 } });
var g = c.globalThis;
assert.sameValue(c.globalThis, g, "the same object every time");
var other = new Compartment().globalThis;
assert.notSameValue(other, g, "a different object per compartment");
assert.notSameValue(g, globalThis, "not the start global");
assert.sameValue(Object.getPrototypeOf(g), Object.prototype, "prototype %Object.prototype%");
assert.sameValue(Object.isExtensible(g), true, "extensible");
assert.sameValue(Object.prototype.toString.call(g), "[object Object]", "an ordinary object");

var own = ["eval", "Function", "Module", "Compartment"];
var keys = Reflect.ownKeys(g);
assert.compareArray(keys.slice(-7), own.concat(["harden", "zeta", "alpha"]),
  "own evaluators, SES's harden, then the globals");
verifyProperty(g, "harden", { writable: true, enumerable: false, configurable: true }, { restore: true });
assert.sameValue(g.harden, other.harden, "harden is shared by every compartment");
assert.sameValue(keys[0], "globalThis", "globalThis first");
verifyProperty(g, "globalThis", { value: g, writable: true, enumerable: false, configurable: true }, { restore: true });
["Infinity", "NaN", "undefined"].forEach(function (name) {
  verifyProperty(g, name, { value: globalThis[name], writable: false, enumerable: false, configurable: false }, { restore: true });
});

var shared = keys.filter(function (k) {
  return k !== "globalThis" && own.indexOf(k) < 0 && k !== "harden" && k !== "zeta" && k !== "alpha";
});
shared.forEach(function (name) {
  var start = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.notSameValue(start, undefined, name + " is a global of the start realm too");
  var mine = Object.getOwnPropertyDescriptor(g, name);
  assert(Object.is(mine.value, start.value), name + " is the very same value");
  assert.sameValue(mine.writable, start.writable, name + " writable");
  assert.sameValue(mine.enumerable, start.enumerable, name + " enumerable");
  assert.sameValue(mine.configurable, start.configurable, name + " configurable");
});

var ecma262 = [
  "Infinity", "NaN", "undefined", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
  "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "AggregateError", "Array",
  "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "DataView", "Date",
  "Error", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array", "Function",
  "Int8Array", "Int16Array", "Int32Array", "Iterator", "Map", "Number", "Object", "Promise",
  "Proxy", "RangeError", "ReferenceError", "RegExp", "Set", "SharedArrayBuffer", "String",
  "Symbol", "SyntaxError", "TypeError", "Uint8Array", "Uint8ClampedArray", "Uint16Array",
  "Uint32Array", "URIError", "WeakMap", "WeakRef", "WeakSet", "Atomics", "JSON", "Math",
  "Reflect", "ModuleSource", "Module", "Evaluators", "Compartment",
];
ecma262.forEach(function (name) {
  assert.sameValue(Object.prototype.hasOwnProperty.call(g, name),
    Object.prototype.hasOwnProperty.call(globalThis, name),
    name + " is on the compartment's global exactly when it is on the start global");
});
["print", "console", "$262", "$DONE", "assert", "Test262Error", "verifyProperty", "compareArray"].forEach(function (name) {
  assert.sameValue(Object.prototype.hasOwnProperty.call(g, name), false, name + " is not shared");
});
assert.sameValue(g.Array, Array, "the same Array");
assert.sameValue(g.ModuleSource, ModuleSource, "the same ModuleSource");
assert.sameValue(g.Evaluators, Evaluators, "the same Evaluators");

own.forEach(function (name) {
  verifyProperty(g, name, { writable: true, enumerable: false, configurable: true }, { restore: true });
  assert.sameValue(typeof g[name], "function", name + " is a function");
  assert.notSameValue(g[name], globalThis[name], name + " is the compartment's own");
  assert.notSameValue(g[name], other[name], name + " differs between compartments");
});
assert.sameValue(g.Function.prototype, Function.prototype, "the compartment's Function shares %Function.prototype%");
assert.sameValue(g.Module.prototype, Module.prototype, "the compartment's Module shares %Module.prototype%");
assert.sameValue(g.Compartment.prototype, Compartment.prototype, "the compartment's Compartment shares %Compartment.prototype%");
assert.sameValue(g.eval("this"), g, "its eval evaluates in its global");
assert.sameValue(g.Function("return this")(), g, "its Function too");
