/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1
description: >
  Attack: reach %AsyncGeneratorFunction% through an async generator function (expression,
  method, static method) and make `async function* () { yield globalThis }` in the start
  compartment's global. After lockdown the constructor of
  %AsyncGeneratorFunction.prototype% is tamed: calling or constructing it throws a TypeError.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const routes = [
  "(async function* () {}).constructor",
  "Object.getPrototypeOf(async function* () {}).constructor",
  "({ async *m() {} }).m.constructor",
  "(class { static async *s() {} }).s.constructor",
];
for (const route of routes) {
  assert.throws(TypeError, () => c.evaluate(`(${route})("yield globalThis")`),
    `calling ${route}`);
  assert.throws(TypeError, () => c.evaluate(`new (${route})("yield globalThis")`),
    `constructing ${route}`);
}
