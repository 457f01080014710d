/*---
spec: 4-compartment.md (evaluate, whose let, const and class do not persist between calls); informal C4.7 (PerformEval with strictCaller true, direct false)
description: >
  Attack: communicate between compartments (or between evaluations) through the global
  lexical scope. `evaluate` runs strict indirect-eval code: its let, const, class, var and
  function declarations live in a fresh environment and vanish after the call, in the same
  compartment and in any other. Only properties put on a compartment's own globalThis
  persist, and only there.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: compartment-evaluate
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.sameValue(a.evaluate(`
  let l = 1; const k = 2; class C {} var v = 3; function f() {}
  typeof l + typeof k + typeof C + typeof v + typeof f`), "numbernumberfunctionnumberfunction",
  "visible inside the evaluation");
assert.sameValue(a.evaluate("typeof l + typeof k + typeof C + typeof v + typeof f"),
  "undefinedundefinedundefinedundefinedundefined", "gone for the next evaluation");
assert.sameValue(b.evaluate("typeof l + typeof k + typeof C + typeof v + typeof f"),
  "undefinedundefinedundefinedundefinedundefined", "never in another compartment");
a.evaluate("globalThis.onA = 1");
assert.sameValue(a.evaluate("onA"), 1, "a property of a's globalThis persists in a");
assert.sameValue(b.evaluate("typeof onA"), "undefined", "but not in b");
assert.throws(ReferenceError, () => b.evaluate("onA"), "reading it in b throws");
assert.sameValue("onA" in globalThis, false, "nor in the start compartment");
