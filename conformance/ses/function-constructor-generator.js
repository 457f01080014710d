/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1
description: >
  Attack: reach %GeneratorFunction% through a generator function (declaration, expression,
  method, from the compartment's Function-made code) — `g.constructor`,
  `Object.getPrototypeOf(g).constructor`, `g.prototype.__proto__` is not a way back — and
  make `function* () { yield globalThis }` in the start compartment's global. After lockdown
  the constructor of %GeneratorFunction.prototype% is tamed: calling or constructing it
  throws a TypeError.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const routes = [
  "(function* () {}).constructor",
  "Object.getPrototypeOf(function* () {}).constructor",
  "({ *m() {} }).m.constructor",
  "(class { static *s() {} }).s.constructor",
  "eval('(function* () {})').constructor",
];
for (const route of routes) {
  assert.throws(TypeError, () => c.evaluate(`(${route})("yield globalThis")`),
    `calling ${route}`);
  assert.throws(TypeError, () => c.evaluate(`new (${route})("yield globalThis")`),
    `constructing ${route}`);
}
assert.sameValue(c.evaluate("(function* () {}).constructor === Function.prototype.constructor"),
  false, "a tamed constructor of its own kind");
assert.sameValue(c.evaluate("(function* () {}).constructor.prototype === Object.getPrototypeOf(function* () {})"),
  true, "whose prototype is %GeneratorFunction.prototype%");
