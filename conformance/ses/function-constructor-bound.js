/*---
spec: ses lockdown.md ("Function constructors"); ECMA-262 BoundFunctionCreate
description: >
  Attack through bound functions: bind the tamed constructor (`Function.prototype.bind.call`,
  `.bind(null, "return globalThis")`) and call or construct the bound function; take the
  `constructor` of a bound function (it inherits from %Function.prototype%). Every route
  ends in the tamed constructor and throws a TypeError. Binding the compartment's own
  `Function` keeps evaluating in the compartment.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate(
  "(function () {}).constructor.bind(null, 'return globalThis')()"), "bound call");
assert.throws(TypeError, () => c.evaluate(
  "new ((function () {}).constructor.bind(null, 'return globalThis'))()"), "bound construct");
assert.throws(TypeError, () => c.evaluate(
  "Function.prototype.bind.call((async function () {}).constructor, null, 'return 1')()"),
  "bind.call on the tamed AsyncFunction");
assert.throws(TypeError, () => c.evaluate(
  "(function () {}).bind(null).constructor('return globalThis')"),
  "a bound function's constructor");
assert.throws(TypeError, () => c.evaluate(
  "Function.bind().constructor('return globalThis')"),
  "the constructor of a bound Function");
assert.sameValue(c.evaluate("Function.bind(null, 'return globalThis')()() === globalThis"), true,
  "the compartment's Function, bound, evaluates in the compartment");
