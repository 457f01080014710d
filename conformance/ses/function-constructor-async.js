/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1
description: >
  Attack: reach %AsyncFunction% through an async function or async arrow function and make
  `async function () { return globalThis }` in the start compartment's global. After
  lockdown the constructor of %AsyncFunction.prototype% is tamed: calling or constructing it
  throws a TypeError, on every route.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const routes = [
  "(async function () {}).constructor",
  "(async () => {}).constructor",
  "Object.getPrototypeOf(async function () {}).constructor",
  "({ async m() {} }).m.constructor",
  "(class { static async s() {} }).s.constructor",
];
for (const route of routes) {
  assert.throws(TypeError, () => c.evaluate(`(${route})("return globalThis")`),
    `calling ${route}`);
  assert.throws(TypeError, () => c.evaluate(`new (${route})("return globalThis")`),
    `constructing ${route}`);
}
