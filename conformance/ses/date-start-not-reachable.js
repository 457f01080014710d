/*---
spec: ses lockdown.md ("dateTaming", "mathTaming"); informal S4 ses-taming steps 2-5
description: >
  Attack: find the start compartment's working Date (%InitialDate%) from a compartment —
  through Date.prototype.constructor, a date's `constructor`, the shared Date's prototype
  chain. Compartments share a tamed Date: the shared %Date.prototype%'s constructor is the
  tamed Date, so even the start compartment's dates lead to it; the start compartment keeps
  its own working Date and Date.now() (it is the trusted one).
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-date-math
---*/
lockdown();
const c = new Compartment();
const shared = c.globalThis.Date;
assert.notSameValue(shared, Date, "the start keeps its own Date");
assert.sameValue(shared.prototype, Date.prototype, "sharing %Date.prototype%");
assert.sameValue(Date.prototype.constructor, shared, "whose constructor is the tamed Date");
assert.sameValue(new Date(0).constructor, shared, "a start date's constructor is the tamed Date too");
assert.sameValue(c.evaluate("new Date(0).constructor === Date && Date.prototype.constructor === Date"), true,
  "in the compartment, every route gives the tamed Date");
assert.sameValue(c.evaluate("Object.getPrototypeOf(Date) === Function.prototype"), true, "nothing above it");
assert.sameValue(typeof Date.now(), "number", "the start's clock works");
assert.sameValue(typeof new Date().getTime(), "number", "new Date() works in the start");
assert.sameValue(shared.parse, Date.parse, "the pure functions are shared");
