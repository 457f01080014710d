/*---
spec: ses lockdown.md ("Function constructors"); ECMA-262 Reflect.construct, Reflect.apply
description: >
  Attack through Reflect: `Reflect.construct` and `Reflect.apply` of the tamed constructors
  throw a TypeError; `Reflect.construct(Function, [body], newTarget)` with a tamed
  constructor or a proxy as newTarget still runs the compartment's own Function (which
  evaluates in the compartment: newTarget only chooses the prototype); a Proxy whose apply
  or construct trap forwards to the tamed constructor throws too.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
for (const kind of ["function () {}", "function* () {}", "async function () {}", "async function* () {}"]) {
  assert.throws(TypeError, () => c.evaluate(`Reflect.construct((${kind}).constructor, ["return 1"])`),
    `Reflect.construct of the constructor of ${kind}`);
  assert.throws(TypeError, () => c.evaluate(`Reflect.apply((${kind}).constructor, undefined, ["return 1"])`),
    `Reflect.apply of the constructor of ${kind}`);
}
assert.throws(TypeError, () => c.evaluate(
  "new Proxy((function () {}).constructor, {})('return globalThis')"), "a transparent proxy: call");
assert.throws(TypeError, () => c.evaluate(
  "new (new Proxy((function () {}).constructor, {}))('return globalThis')"), "a transparent proxy: construct");
const result = c.evaluate(`
  const tamed = (function () {}).constructor;
  const f = Reflect.construct(Function, ["return globalThis"], tamed);
  const g = Reflect.construct(Function, ["return globalThis"], new Proxy(Function, {}));
  [f() === globalThis, g() === globalThis, Object.getPrototypeOf(f) === Function.prototype];
`);
assert.compareArray(result, [true, true, true],
  "the compartment's Function with another newTarget still evaluates in the compartment");
