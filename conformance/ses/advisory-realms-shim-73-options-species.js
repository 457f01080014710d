/*---
spec: realms-shim issue 73 ("transforms rely upon Array-ness of user-supplied argument", https://github.com/Agoric/realms-shim/issues/73); informal C4.1 steps 3-9 (options read with Get)
description: >
  The realms-shim combined a guest-supplied array option with its own using `concat`, so a
  guest Array subclass with a Symbol.species (on the shared Array, or its own) ran code
  inside the shim's machinery and got hold of its objects. Here the shared Array's
  Symbol.species cannot be redefined (frozen), and the Compartment constructor reads a
  guest's options and modules object with plain [[Get]] / EnumerableOwnProperties in the
  guest's own code: the guest's getters, species and proxy traps see only the names they
  are asked for, and nothing of the host's.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: compartment-options
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("Object.defineProperty(Array, Symbol.species, { get() { return Object; } })"),
  "the shared Array's species is fixed");
const seen = c.evaluate(`
  const seen = [];
  class BadArray extends Array { static get [Symbol.species]() { seen.push("species"); return Object; } }
  const modules = new Proxy(new BadArray(), {
    ownKeys(t) { seen.push("ownKeys"); return Reflect.ownKeys(t); },
    get(t, k, r) { seen.push(typeof k === "string" ? "get:" + k : "get:symbol"); return Reflect.get(t, k, r); },
  });
  const options = new Proxy({ modules }, {
    get(t, k, r) { seen.push("options:" + String(k)); return Reflect.get(t, k, r); },
  });
  new Compartment(options);
  seen;
`);
assert.compareArray(seen, ["options:globals", "options:resolveHook", "options:modules", "options:loadHook",
  "options:importHook", "options:moduleMapHook", "options:importNowHook", "options:loadNowHook",
  "options:globalLexicals", "options:__shimTransforms__", "ownKeys"],
  "plain reads of option names, one ownKeys of modules; no species");
