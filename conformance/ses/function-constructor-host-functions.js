/*---
spec: ses lockdown.md ("Function constructors"); guide.md ("Compartments")
description: >
  Attack on endowments: functions of the start compartment (an ordinary, an arrow, a
  generator, an async function and a class given as globals) share %Function.prototype% and
  its kin, so their `constructor` (and `Object.getPrototypeOf(f).constructor`) is a tamed
  constructor that throws: holding a start function gives no evaluator of the start
  compartment.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const endowments = {
  plain: function () { return 1; },
  arrow: () => 2,
  generator: function* () {},
  asyncFunction: async function () {},
  asyncGenerator: async function* () {},
  klass: class {},
};
const c = new Compartment({ globals: endowments });
for (const name of Object.keys(endowments)) {
  assert.throws(TypeError, () => c.evaluate(`${name}.constructor("return globalThis")`),
    `${name}.constructor`);
  assert.throws(TypeError, () => c.evaluate(`Object.getPrototypeOf(${name}).constructor("return globalThis")`),
    `Object.getPrototypeOf(${name}).constructor`);
}
assert.throws(TypeError, () => c.evaluate("plain.constructor.constructor('return globalThis')"),
  "constructor of the constructor");
