/*---
spec: ses reference.md (harden); informal S1 ses-harden steps 2-4
description: >
  harden(proxy) is not a way to run attacker code unseen nor to skip objects: it goes
  through the proxy's traps, in the order S1 gives — preventExtensions and ownKeys and
  getOwnPropertyDescriptor / defineProperty for each key (SetIntegrityLevel frozen), then
  getPrototypeOf, ownKeys and getOwnPropertyDescriptor (the traversal) — freezing the target
  and everything it reaches. A second harden of the proxy calls no trap: it is marked
  hardened.
flags: [onlyStrict]
features: [lockdown, harden]
includes: [compareArray.js]
---*/
lockdown();
const log = [];
const handler = {};
for (const trap of ["getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions",
  "getOwnPropertyDescriptor", "defineProperty", "has", "get", "set", "deleteProperty", "ownKeys"]) {
  handler[trap] = (...args) => {
    log.push(typeof args[1] === "string" ? `${trap}:${args[1]}` : trap);
    return Reflect[trap](...args);
  };
}
const target = { a: { deep: true } };
const proxy = new Proxy(target, handler);
assert.sameValue(harden(proxy), proxy, "harden returns its argument");
assert.compareArray(log, ["preventExtensions", "ownKeys", "getOwnPropertyDescriptor:a", "defineProperty:a",
  "getPrototypeOf", "ownKeys", "getOwnPropertyDescriptor:a"], "the traps, in order");
assert(Object.isFrozen(target) && Object.isFrozen(target.a), "target and what it reaches are frozen");
log.length = 0;
harden(proxy);
harden({ again: proxy });
assert.compareArray(log, [], "a hardened proxy is not walked again");
