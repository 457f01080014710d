/*---
spec: ses guide.md and lockdown.md ("dateTaming"); ses NEWS.md 0.18.8 (compartments share a Date whose clock throws); informal S4 ses-taming steps 2-4
description: >
  Attack: read the clock in a compartment (a timing side channel and a source of
  non-determinism) with Date.now(), `new Date()`, `Date()` (with or without arguments),
  Reflect.construct(Date, []), or a subclass whose constructor calls `super()`. All throw a
  TypeError. Dates of a given time still work (`new Date(0)`, Date.UTC, Date.parse).
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-date-math
---*/
lockdown();
const c = new Compartment();
for (const attack of [
  "Date.now()",
  "new Date()",
  "Date()",
  "Date(0)",
  "Reflect.construct(Date, [])",
  "class D extends Date { constructor() { super(); } } new D()",
  "Date.prototype.constructor.now()",
  "new Date(0).constructor.now()",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.sameValue(c.evaluate("new Date(0).getTime()"), 0, "a given time works");
assert.sameValue(c.evaluate("Date.UTC(1970, 0, 1)"), 0, "Date.UTC works");
assert.sameValue(c.evaluate("Date.parse('1970-01-01T00:00:00Z')"), 0, "Date.parse works");
