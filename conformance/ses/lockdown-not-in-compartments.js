/*---
spec: ses lockdown.md ("lockdown ... may only be called once"); ses error-codes SES_ALREADY_LOCKED_DOWN; informal S2 ses-lockdown step 1
description: >
  Attack: call lockdown from a compartment — to change options (overrideTaming severe,
  __hardenTaming__ unsafe making harden a no-op, evalTaming) after the host chose them.
  Compartments have no lockdown; a compartment given the start's lockdown gets a TypeError
  (already locked down) and the realm keeps its options: harden still freezes.
flags: [onlyStrict]
features: [Compartment, lockdown, harden]
reading: compartment-globals
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("typeof lockdown"), "undefined", "no lockdown in a compartment");
const given = new Compartment({ globals: { lockdown } });
assert.throws(TypeError, () => given.evaluate("lockdown({ __hardenTaming__: 'unsafe' })"), "already locked down");
assert.throws(TypeError, () => lockdown(), "for the start compartment too");
assert(Object.isFrozen(given.evaluate("harden({ still: 'hardens' })")), "harden still works");
