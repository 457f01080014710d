/*---
spec: ses reference.md ("harden ... only after lockdown"); ses NEWS.md 0.14.0
description: >
  harden before lockdown would freeze objects whose prototypes (the intrinsics) are still
  mutable, giving a false sense of safety; it throws a TypeError and freezes nothing.
  After lockdown the same function works.
flags: [onlyStrict]
features: [lockdown, harden]
reading: ses-harden-before-lockdown
---*/
const early = { x: {} };
assert.throws(TypeError, () => harden(early), "harden before lockdown");
assert.sameValue(Object.isFrozen(early), false, "nothing frozen");
lockdown();
harden(early);
assert(Object.isFrozen(early) && Object.isFrozen(early.x), "works after lockdown");
