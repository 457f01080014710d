// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (constructor(options?)); compartments-compartment-constructor
  (C4.1) steps 1, 10, 15, 19-20
description: >
  Step 1: called without new, Compartment throws a TypeError before reading its options (no
  getter runs, no compartment event in the log). Step 10: the instance's prototype is
  NewTarget.prototype (Reflect.construct, a subclass), or %Compartment.prototype% of the
  constructor's realm when that is not an object (OrdinaryCreateFromConstructor). Step 15:
  every compartment's own Compartment constructor (on its globalThis) shares
  %Compartment.prototype%. Each successful construction logs one compartment event with new
  Evaluators and, as parent, the compartment its constructor belongs to: the start compartment
  (compartment#1) for the global Compartment, compartment#2 for c.globalThis.Compartment.
flags: [onlyStrict]
features: [Compartment]
---*/

var touched = false;
var options = {
  get globals() { touched = true; return undefined; },
};
assert.throws(TypeError, function () { Compartment(options); }, "Compartment(options)");
assert.throws(TypeError, function () { Compartment.call({}, options); }, "Compartment.call");
assert.throws(TypeError, function () { Reflect.apply(Compartment, undefined, []); }, "Reflect.apply");
assert.sameValue(touched, false, "the options are not read");

var c = new Compartment();
assert.sameValue(Object.getPrototypeOf(c), Compartment.prototype, "new Compartment()");
assert.sameValue(Object.prototype.toString.call(c), "[object Compartment]", "@@toStringTag");

function NewTarget() {}
NewTarget.prototype = { marker: true };
var viaReflect = Reflect.construct(Compartment, [], NewTarget);
assert.sameValue(Object.getPrototypeOf(viaReflect), NewTarget.prototype, "NewTarget.prototype");
assert.sameValue(typeof viaReflect.globalThis, "undefined", "no accessor on that prototype");
assert.sameValue(
  typeof Object.getOwnPropertyDescriptor(Compartment.prototype, "globalThis").get.call(viaReflect),
  "object",
  "yet it is a Compartment: the brand check passes"
);

NewTarget.prototype = 1;
var fallback = Reflect.construct(Compartment, [], NewTarget);
assert.sameValue(Object.getPrototypeOf(fallback), Compartment.prototype, "a non-object prototype falls back");

class Sub extends Compartment {
  constructor() { super({ globals: { sub: true } }); }
  extra() { return this.globalThis.sub; }
}
var sub = new Sub();
assert.sameValue(Object.getPrototypeOf(sub), Sub.prototype, "subclass prototype");
assert.sameValue(sub.extra(), true, "subclass instance has its compartment");
assert.sameValue(sub.evaluate("sub"), true, "and evaluates in it");

var Inner = c.globalThis.Compartment;
assert.notSameValue(Inner, Compartment, "a compartment's own constructor");
assert.sameValue(Inner.prototype, Compartment.prototype, "shares %Compartment.prototype%");
assert.sameValue(Object.getPrototypeOf(new Inner()), Compartment.prototype, "its instances too");
assert.throws(TypeError, function () { Inner(); }, "it also requires new");
