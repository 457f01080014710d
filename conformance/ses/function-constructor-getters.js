/*---
spec: ses lockdown.md ("overrideTaming"); informal S5 ses-override-taming
description: >
  Attack through getters that return constructors: with overrideTaming moderate,
  %Function.prototype%.constructor is an accessor; calling its getter on any receiver,
  looking it up with `__lookupGetter__`, or through a compartment object's own getter that
  returns `this.constructor` of a function gives the tamed constructor, which throws; the
  accessor's setter with the intrinsic as receiver throws instead of replacing it.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const tamed = (function () {}).constructor;
  const desc = Object.getOwnPropertyDescriptor(Function.prototype, "constructor");
  const viaLookup = Function.prototype.__lookupGetter__("constructor");
  const o = { get ctor() { return (() => 0).constructor; } };
  [typeof desc.get, desc.get.call(1) === tamed, desc.get.call(Function.prototype) === tamed,
   viaLookup === desc.get, o.ctor === tamed];
`);
assert.compareArray(result, ["function", true, true, true, true],
  "every getter route gives the tamed constructor");
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Function.prototype, "constructor").get.call(null)("return globalThis")
`), "the getter's result throws when called");
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Function.prototype, "constructor").set.call(Function.prototype, Function)
`), "the setter refuses to replace the intrinsic's constructor");
assert.throws(TypeError, () => c.evaluate("Function.prototype.constructor = Function"),
  "assignment on the intrinsic throws");
assert.sameValue(c.evaluate("(function () {}).constructor === Function"), false, "unchanged");
