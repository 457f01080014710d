/*---
spec: ses lockdown.md ("Function constructors", "evalTaming"); informal S4 ses-taming step 1
description: >
  After lockdown the start compartment keeps its own `Function` and `eval` (evalTaming
  safe-eval, the default): they evaluate in the start global. But the start's `Function` is
  no longer reachable through prototypes, so a compartment handed any start object still
  reaches only tamed constructors; and a compartment's own `Function` is a different,
  frozen function that evaluates in the compartment's global.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
assert.sameValue(Function("return globalThis")(), globalThis, "the start's Function still works");
assert.sameValue((0, eval)("globalThis"), globalThis, "the start's eval still works");
assert.notSameValue(Function.prototype.constructor, Function, "not reachable through the prototype");
const c = new Compartment();
const own = c.globalThis.Function;
assert.notSameValue(own, Function, "the compartment has its own Function");
assert(Object.isFrozen(own), "frozen after lockdown");
assert.sameValue(Object.getPrototypeOf(own), Function.prototype, "sharing %Function.prototype%");
assert.sameValue(own("return globalThis")(), c.globalThis, "evaluating in the compartment");
assert.sameValue(own.prototype, Function.prototype, "its prototype property is %Function.prototype%");
