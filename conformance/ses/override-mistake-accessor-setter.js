/*---
spec: ses lockdown.md ("overrideTaming"); informal S5 ses-override-taming (the accessor's setter)
description: >
  Attack on the override-enabling accessors themselves: take the setter of
  Object.prototype.toString's accessor and call it with an intrinsic as the receiver
  (Object.prototype itself, or another frozen intrinsic such as Array.prototype), hoping it
  defines the property where assignment could not. On the intrinsic that owns it the setter
  throws a TypeError; on another frozen object it cannot define a property and throws a
  TypeError; on an ordinary object it defines an own data property (what assignment does).
  The getter returns the original function.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-override-taming
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Object.prototype, "toString").set.call(Object.prototype, () => "pwned")`),
  "on its own intrinsic");
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Object.prototype, "toString").set.call(Array.prototype, () => "pwned")`),
  "on another frozen intrinsic");
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Function.prototype, "call").set.call(Function.prototype, () => "pwned")`),
  "Function.prototype.call's setter on Function.prototype");
assert.compareArray(c.evaluate(`
  const { get, set } = Object.getOwnPropertyDescriptor(Object.prototype, "toString");
  const o = {};
  set.call(o, () => "own");
  [String(o), Object.getOwnPropertyNames(o).join(), get.call(o) === get.call(Object.prototype),
   get.call(1).call([]), [].toString === Array.prototype.toString];
`), ["own", "toString", true, "[object Array]", true], "an ordinary receiver gets an own property");
assert.sameValue(Array.prototype.toString.call([1, 2]), "1,2", "Array.prototype.toString unchanged");
