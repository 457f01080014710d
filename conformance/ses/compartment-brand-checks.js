/*---
spec: 4-compartment.md (Compartment.prototype methods); informal C4.2, C4.7-C4.11 step 1 (RequireInternalSlot(this, [[Compartment]]))
description: >
  Attack with look-alike receivers: call Compartment.prototype's evaluate, import, load,
  importNow, loadNow and the globalThis getter on objects that are not compartments — a
  plain object, a Proxy of a real compartment, Compartment.prototype, a Compartment
  constructor, an Evaluators object — hoping to evaluate in, or get the global of, a
  compartment (or the start compartment, which has no Compartment object) the caller was
  not given. Each throws a TypeError: only a real Compartment instance works, and only for
  its own compartment.
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const receivers = {
  "a plain object": "({})",
  "a proxy of a compartment": "new Proxy(new Compartment(), {})",
  "Compartment.prototype": "Compartment.prototype",
  "the Compartment constructor": "Compartment",
  "an Evaluators object": "new Evaluators({})",
  "a compartment's globalThis": "new Compartment().globalThis",
};
for (const [what, receiver] of Object.entries(receivers)) {
  for (const method of ["evaluate", "importNow", "loadNow"]) {
    assert.throws(TypeError, () => c.evaluate(`Compartment.prototype.${method}.call(${receiver}, "globalThis")`),
      `${method} on ${what}`);
  }
  assert.throws(TypeError, () => c.evaluate(
    `Object.getOwnPropertyDescriptor(Compartment.prototype, "globalThis").get.call(${receiver})`),
    `the globalThis getter on ${what}`);
}
assert.sameValue(c.evaluate(`
  const own = new Compartment();
  Compartment.prototype.evaluate.call(own, "globalThis") === own.globalThis`), true,
  "a real compartment, for itself");
