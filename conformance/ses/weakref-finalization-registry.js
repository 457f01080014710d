/*---
spec: ECMA-262 WeakRef and FinalizationRegistry objects (9.10 - an implementation may collect a target, never must); informal C4.1 steps 16-17, S4 ses-taming step 9; docs/spec-issues.md ("Globals compartments get after lockdown")
description: >
  Attack through garbage collection: two compartments that share nothing can talk through
  the collector — the sender allocates (or not) between the receiver's turns, and the
  receiver watches whether a WeakRef to an object of its own was emptied, or a
  FinalizationRegistry called back (a working one-bit-per-turn channel with the shared
  constructors). After lockdown each compartment has its own WeakRef and
  FinalizationRegistry, whose instances hold their targets strongly and so never empty and
  never call back: the receiver reads the same thing whatever the sender does, while the
  start compartment's own WeakRef and registry, under the same collection, did see their
  targets go (the control). The constructors share the frozen prototypes, whose
  `constructor` is inert: a WeakRef or registry the start hands a compartment does not lead
  back to the start's constructors. Replacing deref, register or unregister, or adding a
  property as a channel, throws a TypeError; a registry the start gives can unregister only
  with the token.
flags: [onlyStrict, async]
features: [Compartment, lockdown, WeakRef, FinalizationRegistry, Atomics.waitAsync, SharedArrayBuffer]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const receiver = new Compartment();
const sender = new Compartment();
assert.compareArray(receiver.evaluate(`[typeof WeakRef, typeof FinalizationRegistry, typeof $262,
  typeof gc, WeakRef.name, WeakRef.length, FinalizationRegistry.name, FinalizationRegistry.length,
  Object.isFrozen(WeakRef), Object.isFrozen(FinalizationRegistry)]`),
  ["function", "function", "undefined", "undefined", "WeakRef", 1, "FinalizationRegistry", 1, true, true],
  "a compartment's own, frozen constructors; no gc");
for (const name of ["WeakRef", "FinalizationRegistry"]) {
  const own = receiver.globalThis[name];
  assert.notSameValue(own, globalThis[name], name + ": not the start compartment's");
  assert.notSameValue(own, sender.globalThis[name], name + ": not another compartment's");
  assert.sameValue(own.prototype, globalThis[name].prototype, name + ": the shared prototype");
  assert.throws(TypeError, () => new own.prototype.constructor({}), name + ": whose constructor is inert");
}
const probe = receiver.evaluate(`
  let cleaned = 0;
  const registry = new FinalizationRegistry(() => { cleaned += 1; });
  const refs = [];
  ({
    arm() {
      const mine = {};
      refs.push(new WeakRef(mine));
      registry.register(mine, "mine");
      registry.register({}, "garbage");
    },
    read() { return [refs.filter((r) => r.deref() === undefined).length, cleaned]; },
  });
`);
const send = sender.evaluate(`(bit) => {
  if (bit) { let junk = []; for (let i = 0; i < 20000; i += 1) junk.push({ i }); junk = null; }
}`);
let controlCleaned = 0;
const control = new FinalizationRegistry(() => { controlCleaned += 1; });
const controlRefs = [];
// A sleep with the start compartment's Atomics: its timeout job runs once the job queue is
// empty, after any cleanup job the collection made due.
const sleep = () => Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2).value;
asyncTest(async function () {
  for (const bit of [1, 0, 1, 1, 0, 1, 0, 0]) {
    probe.arm();
    controlRefs.push(new WeakRef({}));
    control.register({}, "garbage");
    await sleep(); // a new job: the targets are no longer kept alive (ClearKeptObjects)
    send(bit);
    $262.gc();
    await sleep();
  }
  assert.compareArray(probe.read(), [0, 0], "the receiver's WeakRefs never emptied, its registry never called back");
  assert.sameValue(controlRefs.filter((r) => r.deref() === undefined).length, 8,
    "the start compartment's WeakRefs, under the same collections, emptied");
  assert.sameValue(controlCleaned, 8, "and its registry called back");
  const target = {};
  const token = {};
  const registry = new FinalizationRegistry(() => {});
  registry.register(target, "held", token);
  const given = new Compartment({ globals: { ref: new WeakRef(target), registry, target } });
  for (const attack of [
    "new ref.constructor({})",
    "new (Object.getPrototypeOf(ref).constructor)({})",
    "Reflect.construct(registry.constructor, [() => {}])",
    "ref.constructor.prototype.constructor({})",
    "Object.getPrototypeOf(ref).deref = function () { return 'spy'; }",
    "Object.getPrototypeOf(registry).register = function () {}",
    "Object.getPrototypeOf(registry).unregister = function () { return true; }",
    "ref.constructor.note = 'hello'",
    "WeakRef.note = 'hello'",
    "FinalizationRegistry.prototype = {}",
    "Object.setPrototypeOf(Object.getPrototypeOf(registry), null)",
  ]) {
    assert.throws(TypeError, () => given.evaluate(attack), attack);
  }
  assert.compareArray(given.evaluate(`[ref.deref() === target, registry.unregister({}),
    ref instanceof WeakRef, registry instanceof FinalizationRegistry,
    new WeakRef(target) instanceof ref.constructor]`), [true, false, true, true, true],
    "the given WeakRef works on its target; no unregistering without the token; one prototype");
  assert.sameValue(registry.unregister(token), true, "the start can, with its token");
});
