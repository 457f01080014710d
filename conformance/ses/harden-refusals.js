/*---
spec: ses reference.md (harden); informal S1 ses-harden step 3.a
description: >
  Attack on harden with objects that refuse to be frozen: a proxy whose preventExtensions
  trap returns false, a revoked proxy, a proxy whose defineProperty trap returns false.
  harden throws a TypeError for each (never reports success for an object left mutable),
  and none of them is marked hardened (hardening a holder of the object throws again).
flags: [onlyStrict]
features: [lockdown, harden]
---*/
lockdown();
const refuses = new Proxy({}, { preventExtensions() { return false; } });
assert.throws(TypeError, () => harden(refuses), "preventExtensions returns false");
assert.throws(TypeError, () => harden({ refuses }), "still not hardened");
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
assert.throws(TypeError, () => harden(revoked), "a revoked proxy");
const noDefine = new Proxy({ x: 1 }, { defineProperty() { return false; } });
assert.throws(TypeError, () => harden(noDefine), "defineProperty returns false");
assert.sameValue(Object.isFrozen(noDefine), false, "and it is indeed not frozen");
