// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (interface Compartment); compartments-compartment-globalthis
  (C4.2) step 1, compartments-compartment-evaluate (C4.7) step 1,
  compartments-compartment-import (C4.8) step 1, compartments-compartment-import-now (C4.10)
  step 1, compartments-compartment-load-now (C4.11) step 1
description: >
  The shape of the constructor and prototype, as ECMA-262 shapes built-in classes (our reading:
  the proposal gives a TypeScript interface only): Compartment is a function of length 0 named
  "Compartment" with a non-writable prototype; %Compartment.prototype% has the globalThis
  accessor (getter "get globalThis", no setter), the methods evaluate, import, load, importNow
  and loadNow of length 1, constructor, and @@toStringTag "Compartment" — each non-enumerable.
  Every method and the getter brand-check their this value (RequireInternalSlot) and throw a
  TypeError for a non-Compartment, even an object inheriting from %Compartment.prototype%;
  import and load throw rather than reject (step 1 precedes the promise of step 2).
flags: [onlyStrict]
features: [ModuleSource, Module, Compartment]
reading: compartment-interface
includes: [propertyHelper.js]
---*/

verifyProperty(Compartment, "length", { value: 0, writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Compartment, "name", { value: "Compartment", writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Compartment, "prototype", { writable: false, enumerable: false, configurable: false }, { restore: true });
verifyProperty(Compartment.prototype, "constructor", { value: Compartment, writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Compartment.prototype, Symbol.toStringTag, { value: "Compartment", writable: false, enumerable: false, configurable: true }, { restore: true });

var accessor = Object.getOwnPropertyDescriptor(Compartment.prototype, "globalThis");
assert.sameValue(typeof accessor.get, "function", "globalThis getter");
assert.sameValue(accessor.set, undefined, "no setter");
assert.sameValue(accessor.enumerable, false, "globalThis not enumerable");
assert.sameValue(accessor.configurable, true, "globalThis configurable");
assert.sameValue(accessor.get.name, "get globalThis", "getter name");

var methods = ["evaluate", "import", "load", "importNow", "loadNow"];
methods.forEach(function (name) {
  verifyProperty(Compartment.prototype, name, { writable: true, enumerable: false, configurable: true }, { restore: true });
  var method = Compartment.prototype[name];
  verifyProperty(method, "length", { value: 1, writable: false, enumerable: false, configurable: true }, { restore: true });
  verifyProperty(method, "name", { value: name, writable: false, enumerable: false, configurable: true }, { restore: true });
  assert.throws(TypeError, function () { new method("x"); }, name + " is not a constructor");
});

var impostor = Object.create(Compartment.prototype);
var nonCompartments = [undefined, null, 1, "x", {}, impostor, new Module(new ModuleSource(""))];
nonCompartments.forEach(function (value) {
  assert.throws(TypeError, function () { accessor.get.call(value); }, "get globalThis on " + String(value));
  methods.forEach(function (name) {
    assert.throws(TypeError, function () { Compartment.prototype[name].call(value, "x"); }, name + " on " + String(value));
  });
});
assert.sameValue(Object.prototype.toString.call(impostor), "[object Compartment]", "the tag is only a tag");
