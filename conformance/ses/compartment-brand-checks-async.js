/*---
spec: 4-compartment.md (Compartment.prototype.import, load); informal C4.8-C4.9 step 1
description: >
  The asynchronous methods with look-alike receivers: Compartment.prototype.import and load
  called on a plain object, a Proxy of a compartment, or Compartment.prototype throw a
  TypeError synchronously (step 1 runs before any promise is made): no load happens in any
  compartment and the host is never asked.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
for (const receiver of ["({})", "new Proxy(new Compartment(), {})", "Compartment.prototype"]) {
  for (const method of ["import", "load"]) {
    assert.throws(TypeError, () => c.evaluate(`Compartment.prototype.${method}.call(${receiver}, "ses/harden-transitive.js")`),
      `${method} on ${receiver}`);
  }
}
