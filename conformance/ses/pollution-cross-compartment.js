/*---
spec: ses guide.md ("shared intrinsics"); 4-compartment.md (each compartment's own globalThis)
description: >
  Attack: one compartment rewrites what it can — its own globalThis (replacing Array, JSON,
  Object, deleting Promise) — hoping to change what another compartment sees. Each
  compartment has its own global object, so the victim still sees the shared, frozen
  intrinsics (the very same objects as the start compartment's), unchanged.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const attacker = new Compartment();
const victim = new Compartment();
attacker.evaluate(`
  globalThis.Array = function () { return "pwned"; };
  globalThis.JSON = { parse() { return "pwned"; } };
  delete globalThis.Promise;
  globalThis.Object = null;
`);
assert.sameValue(attacker.evaluate("typeof Promise"), "undefined", "the attacker changed its own global");
assert.compareArray(victim.evaluate(`[
  Array === [].constructor, JSON.parse("1"), typeof Promise, typeof Object.keys]`),
  [true, 1, "function", "function"], "the victim's global is untouched");
assert.sameValue(victim.globalThis.Array, Array, "the shared %Array%");
assert.sameValue(victim.globalThis.JSON, JSON, "the shared %JSON%");
