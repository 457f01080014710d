/*---
spec: ses lockdown.md ("errorTaming"); ses NEWS.md 0.2.0 (Error.captureStackTrace and Error.prototype.stack suppressed as confinement breaches)
description: >
  Attack through stack traces: read another compartment's call stack (names, sources,
  paths) from `error.stack`, install Error.prepareStackTrace or Error.captureStackTrace, or
  raise Error.stackTraceLimit. Errors have no `stack` (own or inherited) here, the V8
  stack API does not exist, and the frozen Error constructor takes none of it.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-error-taming
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate(`
  let thrown;
  try { null.x; } catch (e) { thrown = e; }
  [ "stack" in thrown, "stack" in new Error("m"), typeof Error.captureStackTrace,
    typeof Error.prepareStackTrace, typeof Error.stackTraceLimit,
    Object.getOwnPropertyNames(thrown).join() ]
`), [false, false, "undefined", "undefined", "undefined", "message"], "no stacks, no stack API");
for (const attack of [
  "Error.prepareStackTrace = (e, frames) => frames",
  "Error.captureStackTrace = () => {}",
  "Error.stackTraceLimit = Infinity",
  "Object.defineProperty(Error.prototype, 'stack', { get() { return 'pwned'; } })",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
