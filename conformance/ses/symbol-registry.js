/*---
spec: ECMA-262 Symbol.for, Symbol.keyFor, CanBeHeldWeakly; ses guide.md (shared intrinsics)
description: >
  The global symbol registry is shared by every compartment (Symbol.for("k") is the same
  symbol in each, and in the start compartment), but it carries no authority and no
  channel: a registered symbol is a primitive (no properties to write), Symbol.for always
  returns a symbol so no compartment can tell whether another registered a key, registered
  symbols cannot be WeakMap keys, WeakSet members or (in the start compartment, the only
  one with WeakRef after lockdown) WeakRef targets, and the frozen Symbol and
  Symbol.prototype cannot be changed to observe or intercept registrations.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
a.evaluate("globalThis.mine = Symbol.for('a-wrote-this')");
assert.sameValue(b.evaluate("Symbol.for('a-wrote-this')"), a.globalThis.mine, "the registry is shared");
assert.sameValue(Symbol.for("a-wrote-this"), a.globalThis.mine, "with the start compartment too");
assert.sameValue(b.evaluate("Symbol.keyFor(Symbol.for('never-registered'))"), "never-registered",
  "Symbol.for creates on demand: registration is not observable");
for (const attack of [
  "Symbol.for = () => Symbol('spy')",
  "Symbol.keyFor = () => 'spy'",
  "Symbol.prototype.description = 'spy'",
  "Object.defineProperty(Symbol.prototype, 'note', { value: 1 })",
  "Symbol.for('k').note = 1",
]) {
  assert.throws(TypeError, () => a.evaluate(attack), attack);
}
assert.compareArray(b.evaluate(`[
  (() => { try { new WeakMap().set(Symbol.for("k"), 1); return "held"; } catch (e) { return e.constructor.name; } })(),
  (() => { try { new WeakSet().add(Symbol.for("k")); return "held"; } catch (e) { return e.constructor.name; } })(),
  Object.isFrozen(Symbol) && Object.isFrozen(Symbol.prototype)]`),
  ["TypeError", "TypeError", true], "registered symbols cannot be held weakly; Symbol is frozen");
// Compartments have no WeakRef after lockdown (weakref-finalization-registry.js); the
// start compartment's cannot hold a registered symbol either.
assert.throws(TypeError, () => new WeakRef(Symbol.for("k")), "nor be a WeakRef target");
