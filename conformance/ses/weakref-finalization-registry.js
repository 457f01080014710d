/*---
spec: ECMA-262 WeakRef and FinalizationRegistry objects; ses lockdown.md (harden every intrinsic)
description: >
  Attack through the shared WeakRef and FinalizationRegistry: replace
  WeakRef.prototype.deref or FinalizationRegistry.prototype.register / unregister (to spy on
  or break other compartments' weak references and cleanups), or add properties to their
  constructors as a channel. All are frozen: the attempts throw a TypeError. A registry made
  by one compartment is that compartment's; another compartment given the registry can
  unregister only with the token (an object it must be given), and the host's $262.gc is not
  in any compartment.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
for (const attack of [
  "WeakRef.prototype.deref = function () { return 'spy'; }",
  "FinalizationRegistry.prototype.register = function () {}",
  "FinalizationRegistry.prototype.unregister = function () { return true; }",
  "WeakRef.note = 'hello'",
  "Object.setPrototypeOf(FinalizationRegistry.prototype, null)",
]) {
  assert.throws(TypeError, () => a.evaluate(attack), attack);
}
const registry = a.evaluate(`
  globalThis.token = {};
  globalThis.registry = new FinalizationRegistry(() => {});
  registry.register({}, "held", token);
  registry;
`);
const b = new Compartment({ globals: { registry } });
assert.compareArray(b.evaluate(`[registry.unregister({}), typeof $262, typeof gc]`), [false, "undefined", "undefined"],
  "b cannot unregister without the token; no gc");
assert.sameValue(a.evaluate("registry.unregister(token)"), true, "a can, with its token");
assert.sameValue(b.evaluate("const o = {}; new WeakRef(o).deref() === o"), true, "WeakRef works as specified");
