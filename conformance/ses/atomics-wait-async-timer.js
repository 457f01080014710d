/*---
spec: ECMA-262 Atomics.waitAsync, DoWait (step 6 - the buffer must be a SharedArrayBuffer), HostEnqueueTimeoutJob; ses lockdown.md ("Timing side-channels" - no host scheduling primitive in compartments), README.md ("Hosts must avoid exposing SharedArrayBuffer to guests"); ses permits (SharedArrayBuffer suppressed); informal C4.1 step 16
description: >
  Attack: make a clock in a compartment, which has no Date.now(): `Atomics.waitAsync` on an
  Int32Array over a SharedArrayBuffer with a timeout is a host timer (HostEnqueueTimeoutJob),
  so counting 1 ms timeouts while code runs measures its duration; `Atomics.wait` with a
  timeout sleeps. Both need a SharedArrayBuffer. After lockdown a compartment has none
  (SES suppresses it as unsafe), so both throw a TypeError on the buffers a compartment
  can make; Atomics stays, frozen and shared, and its other operations work on the
  compartment's own TypedArrays. The start compartment keeps SharedArrayBuffer; a
  compartment given one gets what it was given.
flags: [onlyStrict]
includes: [compareArray.js]
features: [Compartment, lockdown, Atomics.waitAsync, SharedArrayBuffer]
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("typeof SharedArrayBuffer"), "undefined", "no SharedArrayBuffer");
for (const attack of [
  "Atomics.waitAsync(new Int32Array(4), 0, 0, 1)",
  "Atomics.waitAsync(new Int32Array(new ArrayBuffer(16, { maxByteLength: 32 })), 0, 0, 1)",
  "Atomics.wait(new Int32Array(4), 0, 0, 1)",
  "Atomics.waitAsync(new BigInt64Array(2), 0, 0n, 1)",
  "new (Object.getPrototypeOf(Int8Array.prototype).constructor)(4)",
  "Atomics.waitAsync = () => ({ async: true })",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.compareArray(c.evaluate(`
  const i32 = new Int32Array(4);
  [Atomics.add(i32, 0, 5), Atomics.compareExchange(i32, 0, 5, 7), Atomics.load(i32, 0),
    Atomics.notify(i32, 0, 1), Object.isFrozen(Atomics), Atomics === globalThis.Atomics]
`), [0, 5, 7, 0, true, true], "the other Atomics operations work on the compartment's own arrays");
assert.sameValue(c.globalThis.Atomics, Atomics, "the shared, frozen Atomics");
assert.sameValue(typeof SharedArrayBuffer, "function", "the start compartment keeps SharedArrayBuffer");
