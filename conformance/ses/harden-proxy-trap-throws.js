/*---
spec: ses reference.md (harden); informal S1 ses-harden (step 4 marks objects hardened only after step 3 froze all of them)
description: >
  Attack: make harden stop half-way with a proxy whose ownKeys trap throws, hoping that
  objects harden reached before the failure are then considered hardened (so a later harden
  skips them) while something they lead to stays mutable. harden throws the trap's error;
  what it froze stays frozen but nothing is marked hardened: hardening an object it reached
  walks it again (its traps are called again), and after a successful harden nothing is
  walked twice.
flags: [onlyStrict]
features: [lockdown, harden]
includes: [compareArray.js]
---*/
lockdown();
const log = [];
const logging = new Proxy({}, {
  preventExtensions(t) { log.push("preventExtensions"); return Reflect.preventExtensions(t); },
  ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
});
const throwing = new Proxy({}, { ownKeys() { throw new RangeError("trap threw"); } });
const holder = { logging, throwing, after: {} };
assert.throws(RangeError, () => harden(holder), "harden throws the trap's error");
assert.compareArray(log, ["preventExtensions", "ownKeys", "ownKeys"], "logging was reached and frozen");
assert(Object.isFrozen(holder), "what was frozen stays frozen");
assert.sameValue(Object.isFrozen(holder.after), false, "what came after was not reached");
log.length = 0;
harden(logging);
assert.compareArray(log, ["preventExtensions", "ownKeys", "ownKeys"],
  "logging was not marked hardened: a new harden walks it again");
log.length = 0;
harden(logging);
assert.compareArray(log, [], "now it is");
assert.throws(RangeError, () => harden(holder), "holder still is not");
