// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (globals: "Globals to copy onto this compartment's unique
  globalThis", "with the semantics of Object.assign"); compartments-compartment-constructor
  (C4.1) step 18
description: >
  Step 18 is Object.assign(global, globals): the own enumerable properties of globals, string
  and symbol keys in [[OwnPropertyKeys]] order, each read with [[Get]] (a getter is called once,
  with globals as this, and its value is copied, not the accessor) and written with [[Set]] on the
  global — so a global named like a shared intrinsic replaces it on this global only (the start
  global's Array is untouched), an own "__proto__" property goes through the inherited
  Object.prototype.__proto__ setter and changes the global's prototype instead of defining a
  property, and a non-writable shared global (undefined, NaN, Infinity) makes the constructor
  throw a TypeError (Set with throw true; step 18 runs after the Compartment Record exists, so
  the log shows those three compartments, #4-#6, too). Non-enumerable and inherited properties are not
  copied; later changes to the globals object are not seen (a copy), nor do changes on the
  global reach globals. Each copied property is a plain data property (writable, enumerable,
  configurable), whatever its attributes on globals.
flags: [onlyStrict]
features: [Compartment, harden]
reading: compartment-globals
includes: [compareArray.js, propertyHelper.js]
---*/

var sym = Symbol("tag");
var calls = [];
var globals = Object.create({ inherited: 1 });
Object.defineProperty(globals, "hidden", { value: 1, enumerable: false });
Object.defineProperty(globals, "readOnly", { value: "ro", enumerable: true, writable: false, configurable: false });
Object.defineProperty(globals, "computed", {
  enumerable: true,
  get: function () { calls.push(this === globals); return "from getter"; },
});
globals[sym] = "symbol";
globals.Array = "not Array";
var c = new Compartment({ globals: globals });
var g = c.globalThis;
assert.compareArray(calls, [true], "the getter is called once, with globals as this");
assert.compareArray(Reflect.ownKeys(g).slice(-4), ["harden", "readOnly", "computed", sym],
  "new keys after Compartment and harden, in globals' [[OwnPropertyKeys]] order; Array keeps its place");
verifyProperty(g, "computed", { value: "from getter", writable: true, enumerable: true, configurable: true }, { restore: true });
verifyProperty(g, "readOnly", { value: "ro", writable: true, enumerable: true, configurable: true }, { restore: true });
assert.sameValue(g[sym], "symbol", "symbol keys are copied");
assert.sameValue(g.Array, "not Array", "a shared intrinsic is replaced by [[Set]]");
verifyProperty(g, "Array", { writable: true, enumerable: false, configurable: true }, { restore: true });
assert.sameValue(typeof Array, "function", "only on this global");
assert.sameValue(c.evaluate("Array"), "not Array", "code in the compartment sees the replacement");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "hidden"), false, "non-enumerable not copied");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "inherited"), false, "inherited not copied");

globals.late = 1;
assert.sameValue("late" in g, false, "later changes to globals are not seen");
g.fresh = 1;
assert.sameValue("fresh" in globals, false, "nor do changes on the global reach globals");

var proto = { viaSetter: true };
var withProto = JSON.parse('{"__proto__": null, "x": 1}');
Object.defineProperty(withProto, "__proto__", { value: proto, enumerable: true, writable: true, configurable: true });
var p = new Compartment({ globals: withProto }).globalThis;
assert.sameValue(Object.getPrototypeOf(p), proto, "an own __proto__ global calls the inherited setter");
assert.sameValue(Object.prototype.hasOwnProperty.call(p, "__proto__"), false, "no own __proto__ property");
assert.sameValue(p.x, 1, "the other globals are copied");
assert.sameValue(p.viaSetter, true, "inherited from the new prototype");

["undefined", "NaN", "Infinity"].forEach(function (name) {
  var bag = {};
  bag[name] = 0;
  assert.throws(TypeError, function () { new Compartment({ globals: bag }); }, name + " is not writable");
});
var order = [];
var ordered = {};
Object.defineProperty(ordered, "b", { enumerable: true, get: function () { order.push("b"); return 1; } });
Object.defineProperty(ordered, "1", { enumerable: true, get: function () { order.push("1"); return 1; } });
Object.defineProperty(ordered, "a", { enumerable: true, get: function () { order.push("a"); return 1; } });
new Compartment({ globals: ordered });
assert.compareArray(order, ["1", "b", "a"], "[[OwnPropertyKeys]] order: integer keys first");
