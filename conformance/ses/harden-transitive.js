/*---
spec: ses reference.md (harden); informal S1 ses-harden
description: >
  What harden promises, which compartments rely on to share objects safely: it freezes
  the object, its prototype chain, its properties' values and its accessors' getter and
  setter functions (without calling them), transitively; it is the same shared function in
  every compartment, so an object hardened by one is hardened for all, and a compartment
  cannot then change it (assignments throw in strict code).
flags: [onlyStrict]
features: [Compartment, lockdown, harden]
reading: compartment-globals
---*/
lockdown();
let getterCalls = 0;
const proto = { inherited: {} };
const o = Object.create(proto);
o.value = { nested: [1, { deeper: true }] };
Object.defineProperty(o, "accessor", { get() { getterCalls++; return {}; }, set(v) {}, enumerable: true });
harden(o);
assert.sameValue(getterCalls, 0, "getters are not called");
for (const [what, x] of Object.entries({ o, proto, inherited: proto.inherited, value: o.value,
  nested: o.value.nested, deeper: o.value.nested[1],
  getter: Object.getOwnPropertyDescriptor(o, "accessor").get,
  setter: Object.getOwnPropertyDescriptor(o, "accessor").set })) {
  assert(Object.isFrozen(x), `${what} is frozen`);
}
const c = new Compartment({ globals: { o } });
assert.sameValue(c.globalThis.harden, harden, "the shared harden");
assert.throws(TypeError, () => c.evaluate("o.value.nested.push(2)"), "no push");
assert.throws(TypeError, () => c.evaluate("o.value.nested[1].deeper = false"), "no assignment");
assert.throws(TypeError, () => c.evaluate("Object.getPrototypeOf(o).inherited.x = 1"), "no note on the prototype");
const fromC = c.evaluate("harden({ made: 'in c' })");
assert(Object.isFrozen(fromC), "hardened by a compartment, frozen for the start");
