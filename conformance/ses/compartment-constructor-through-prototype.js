/*---
spec: ses permits (%CompartmentPrototype%.constructor is %InertCompartment%); XS lockdown (Compartment.prototype.constructor tamed); informal S4 ses-taming step 8
description: >
  Attack: reach the start compartment's own `Compartment` through the shared
  %Compartment.prototype% (`Compartment.prototype.constructor`, the `constructor` any
  compartment inherits, a subclass of it) and make a child of the start compartment: a
  child without loadHook loads its parent's source, so the start compartment's host
  loader would read any file for the sandbox. After lockdown the constructor reached
  through the prototype is inert: calling, constructing or extending it throws a
  TypeError, and no compartment is made whose parent is the start compartment (every
  `compartment` event after the sandbox's names the sandbox, compartment#2, as parent: the
  children the attacks make with the sandbox's own `Compartment` on the way). `instanceof`
  still works through the inert constructor's `prototype`.
flags: [onlyStrict]
includes: [compareArray.js]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
for (const attack of [
  "new Compartment.prototype.constructor()",
  "new (Object.getPrototypeOf(new Compartment()).constructor)()",
  "new (new Compartment().constructor)()",
  "Reflect.construct(Compartment.prototype.constructor, [{}])",
  "Compartment.prototype.constructor({})",
  "class Sub extends Compartment.prototype.constructor {} new Sub()",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.compareArray(c.evaluate(`
  const inert = Compartment.prototype.constructor;
  [inert === Compartment, inert.name, inert.length, inert.prototype === Compartment.prototype,
    Object.isFrozen(inert), new Compartment() instanceof inert]
`), [false, "Compartment", 0, true, true, true], "an inert, frozen constructor; instanceof works");
assert.notSameValue(Compartment.prototype.constructor, Compartment,
  "the start compartment keeps its Compartment as a global only");
