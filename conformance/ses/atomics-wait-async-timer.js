/*---
spec: ECMA-262 Atomics.waitAsync, DoWait (step 30.a - EnqueueAtomicsWaitAsyncTimeoutJob, HostEnqueueTimeoutJob); ses lockdown.md ("Timing side-channels" - no host scheduling primitive in compartments); informal C4.1 step 16, S4 ses-taming step 10; docs/spec-issues.md ("Globals compartments get after lockdown")
description: >
  Attack: make a clock in a compartment, which has no Date.now(): `Atomics.waitAsync` with
  a finite timeout on an Int32Array over a SharedArrayBuffer is a host timer (a timeout job
  enqueued after real time), so counting 1 ms timeouts while code runs measures its
  duration. After lockdown a compartment has the shared, frozen SharedArrayBuffer (with no
  agents it has no second thread, so a SharedArrayBuffer is no timer), and its `Atomics` is
  %SharedAtomics%, whose `waitAsync` throws a TypeError wherever a timeout job would be
  enqueued — whatever the timeout's type or the array's — and from Evaluators the
  compartment makes. The waits that need no timer work: a value that differs, a zero
  timeout, no timeout (woken by notify). %SharedAtomics% is frozen and is not the start
  compartment's Atomics, which keeps its timers; no route leads from one to the other.
flags: [onlyStrict, async]
includes: [asyncHelpers.js, compareArray.js]
features: [Compartment, lockdown, Atomics.waitAsync, SharedArrayBuffer, BigInt]
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.globalThis.SharedArrayBuffer, SharedArrayBuffer, "the shared SharedArrayBuffer");
assert.sameValue(Object.isFrozen(SharedArrayBuffer.prototype), true, "frozen");
assert.notSameValue(c.globalThis.Atomics, Atomics, "not the start compartment's Atomics");
c.evaluate("globalThis.i32 = new Int32Array(new SharedArrayBuffer(16))");
for (const attack of [
  "Atomics.waitAsync(i32, 0, 0, 1)",
  "Atomics.waitAsync(i32, 1, 0, 1e9)",
  "Atomics.waitAsync(i32, 0, 0, { valueOf() { return 1; } })",
  "Atomics.waitAsync(i32, 0, 0, Number.MAX_VALUE)",
  "Atomics.waitAsync(new BigInt64Array(new SharedArrayBuffer(16)), 0, 0n, 1)",
  "Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(16, { maxByteLength: 32 })), 0, 0, 1)",
  "Atomics.waitAsync.call(undefined, i32, 0, 0, 1)",
  "Reflect.apply(Atomics.waitAsync, Atomics, [i32, 0, 0, 1])",
  "new Evaluators({}).eval('Atomics.waitAsync(i32, 0, 0, 1)')",
  "new Compartment({ globals: { i32 } }).evaluate('Atomics.waitAsync(i32, 0, 0, 1)')",
  "Atomics.waitAsync = () => ({ async: true })",
  "Object.defineProperty(Atomics, 'waitAsync', { value: 1 })",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.sameValue(c.evaluate("typeof new Evaluators({ globalThis: {} }).eval('typeof Atomics')"),
  "string", "Evaluators with a global of their own");
assert.sameValue(new (c.globalThis.Evaluators)({ globalThis: {} }).eval("typeof Atomics"), "undefined",
  "have no Atomics at all unless given one");
assert.compareArray(c.evaluate(`
  const a = Atomics.waitAsync(i32, 0, 1, 10);
  const b = Atomics.waitAsync(i32, 0, 0, 0);
  const n = Atomics.waitAsync(i32, 0, 0, -Infinity);
  [a.async, a.value, b.async, b.value, n.value, Atomics.add(i32, 0, 5), Atomics.load(i32, 0),
    Object.isFrozen(Atomics), Atomics.waitAsync.name, Atomics.waitAsync.length,
    Atomics[Symbol.toStringTag]]
`), [false, "not-equal", false, "timed-out", "timed-out", 0, 5, true, "waitAsync", 4, "Atomics"],
  "the waits that need no timer, and the other operations");
asyncTest(async function () {
  const woken = c.evaluate(`
    const w = Atomics.waitAsync(i32, 1, 0);
    [w.async, Atomics.notify(i32, 1, 1), w.value];
  `);
  assert.compareArray(woken.slice(0, 2), [true, 1], "a wait without timeout, woken by notify");
  assert.sameValue(await woken[2], "ok", "resolved by notify, not by time");
  const timer = Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  assert.sameValue(timer.async, true, "the start compartment keeps its timers");
  assert.sameValue(await timer.value, "timed-out", "which fire");
});
