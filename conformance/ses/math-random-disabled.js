/*---
spec: ses guide.md and lockdown.md ("mathTaming"); ses NEWS.md 0.18.8 (shared Math whose random throws); informal S4 ses-taming step 5
description: >
  Attack: draw randomness in a compartment (non-determinism, and a channel through a shared
  generator's state) with Math.random, or find the start's Math. Compartments share a frozen
  Math whose random throws a TypeError; its other functions are the start's; the start
  keeps its own Math with a working random.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-date-math
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("Math.random()"), "Math.random throws");
assert.throws(TypeError, () => c.evaluate("Math.random = () => 0.5"), "the shared Math is frozen");
assert.throws(TypeError, () => c.evaluate("Math.note = 1"), "and takes no notes");
assert.notSameValue(c.globalThis.Math, Math, "not the start's Math");
assert.sameValue(c.globalThis.Math.max, Math.max, "the other functions are shared");
assert.sameValue(c.evaluate("Object.getPrototypeOf(Math) === Object.prototype"), true, "nothing above it");
assert.sameValue(typeof Math.random(), "number", "the start's Math.random works");
const b = new Compartment();
assert.sameValue(b.globalThis.Math, c.globalThis.Math, "one shared Math");
