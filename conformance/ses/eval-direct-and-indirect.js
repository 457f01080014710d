/*---
spec: 4-compartment.md (evaluate); informal C4.7; C3.1 (Evaluators' eval)
description: >
  Attack with the compartment's `eval`: direct eval (at the top of `evaluate` and inside a
  function), indirect eval (`(0, eval)`, `globalThis.eval`), `eval("this")` and
  `eval("globalThis")` all evaluate in the compartment's global, never the start's; `var`
  and function declarations of strict eval code stay local; the compartment's `eval` is its
  own frozen function, distinct from the start's.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  function inner() { return eval("globalThis"); }
  [eval("globalThis") === globalThis, (0, eval)("globalThis") === globalThis,
   globalThis.eval("globalThis") === globalThis, inner() === globalThis,
   eval("this") === globalThis, (0, eval)("this") === globalThis];
`);
assert.compareArray(result, [true, true, true, true, true, true], "every eval is the compartment's");
assert.notSameValue(c.evaluate("eval('globalThis')"), globalThis, "not the start global");
c.evaluate("eval('var declared = 1; function fdecl() {}')");
assert.sameValue(c.evaluate("typeof declared + typeof fdecl"), "undefinedundefined",
  "strict eval code keeps its declarations");
assert.sameValue("declared" in globalThis, false, "nothing reached the start global");
assert.notSameValue(c.globalThis.eval, eval, "the compartment's own eval");
assert(Object.isFrozen(c.globalThis.eval), "frozen");
