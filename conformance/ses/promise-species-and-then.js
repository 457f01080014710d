/*---
spec: ses lockdown.md; ECMA-262 SpeciesConstructor, Promise.prototype.then, PromiseResolve
description: >
  Attack on promises shared by compartments: replace Promise.prototype.then or
  Promise[Symbol.species] (so that another compartment's `await` or `then` runs attacker
  code), or make Promise.prototype thenable-hijacking by defining `then` on Object.prototype.
  All fail with a TypeError; a victim compartment's promise chain and `await` behave as
  before; an attacker's subclass affects only the attacker's promises.
flags: [onlyStrict, async]
features: [Compartment, lockdown]
includes: [asyncHelpers.js]
---*/
lockdown();
const attacker = new Compartment();
for (const attack of [
  "Promise.prototype.then = function () { return 'pwned'; }",
  "Object.defineProperty(Promise, Symbol.species, { value: function () {} })",
  "Object.prototype.then = function (resolve) { resolve('pwned'); }",
  "Promise.prototype.constructor = function () {}",
]) {
  assert.throws(TypeError, () => attacker.evaluate(attack), attack);
}
attacker.evaluate(`
  globalThis.Evil = class extends Promise { then(f, r) { return super.then(() => f("evil"), r); } };
  globalThis.evil = Evil.resolve(1);
`);
const victim = new Compartment();
asyncTest(async function () {
  const value = await victim.evaluate(`
    (async () => {
      const x = await Promise.resolve(1).then(v => v + 1);
      const y = await ({}.then === undefined ? 40 : 0);
      return x + y;
    })();
  `);
  assert.sameValue(value, 42, "the victim's promises are intact");
  assert.sameValue(await attacker.globalThis.evil, "evil", "the subclass only changes the attacker's own promise");
});
