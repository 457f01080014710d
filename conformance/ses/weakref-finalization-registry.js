/*---
spec: ECMA-262 WeakRef and FinalizationRegistry objects; ses permits (WeakRef and FinalizationRegistry are not among the globals of compartments); informal C4.1 step 16, S4 ses-taming step 9
description: >
  Attack through garbage collection: two compartments that share nothing can talk through
  the collector — the sender allocates (or not) between the receiver's turns, and the
  receiver watches whether a WeakRef to an object of its own was emptied, or a
  FinalizationRegistry called back (a working one-bit-per-turn channel before this fix).
  After lockdown compartments have neither WeakRef nor FinalizationRegistry (SES gives them
  to the start compartment only), and a WeakRef or registry the start hands a compartment
  does not lead back to the constructors (`constructor` is inert) — it observes only the
  target it was given. Their prototypes are frozen: replacing deref, register or
  unregister, or adding a property as a channel, throws a TypeError. A registry made by
  the start and given to a compartment can unregister only with the token, and the host's
  $262.gc is in no compartment.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
assert.compareArray(a.evaluate("[typeof WeakRef, typeof FinalizationRegistry, typeof $262, typeof gc]"),
  ["undefined", "undefined", "undefined", "undefined"], "no weak references, no gc");
const target = {};
const token = {};
const registry = new FinalizationRegistry(() => {});
registry.register(target, "held", token);
const b = new Compartment({ globals: { ref: new WeakRef(target), registry, target } });
for (const attack of [
  "new ref.constructor({})",
  "new (Object.getPrototypeOf(ref).constructor)({})",
  "Reflect.construct(registry.constructor, [() => {}])",
  "ref.constructor.prototype.constructor({})",
  "Object.getPrototypeOf(ref).deref = function () { return 'spy'; }",
  "Object.getPrototypeOf(registry).register = function () {}",
  "Object.getPrototypeOf(registry).unregister = function () { return true; }",
  "ref.constructor.note = 'hello'",
  "Object.setPrototypeOf(Object.getPrototypeOf(registry), null)",
]) {
  assert.throws(TypeError, () => b.evaluate(attack), attack);
}
assert.compareArray(b.evaluate(`[ref.deref() === target, registry.unregister({}),
  ref instanceof ref.constructor, Object.isFrozen(ref.constructor)]`), [true, false, true, true],
  "the given WeakRef works on its target; no unregistering without the token; inert, frozen constructors");
assert.sameValue(registry.unregister(token), true, "the start can, with its token");
assert.sameValue(new WeakRef(target).deref(), target, "the start compartment keeps WeakRef");
