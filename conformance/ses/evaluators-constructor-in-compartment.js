/*---
spec: 3-evaluator.md, informal C3.1 steps 2 and 6 (absent options come from the Evaluators the constructor runs with), C3.2 and C4.1 step 17 (after lockdown a compartment has its own Evaluators)
description: >
  Attack: `new Evaluators({})` (and `Reflect.construct(Evaluators, [{}])`, a subclass, a
  bound Reflect.construct) inside a compartment, hoping for evaluators of the start
  compartment. After lockdown the compartment's `Evaluators` is its own and takes absent
  options from the compartment's Evaluators, so its eval, Function and Module evaluate in
  the compartment's global; `new Evaluators({ globalThis: o })` evaluates against o, which
  holds nothing of the start.
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const e1 = new Evaluators({});
  const e2 = Reflect.construct(Evaluators, [{}]);
  class Sub extends Evaluators {}
  const e3 = new Sub({});
  const e4 = Reflect.construct.bind(undefined, Evaluators, [{}])();
  [e1, e2, e3, e4].map(e => e.eval("globalThis") === globalThis && e.Function("return globalThis")() === globalThis);
`);
assert.compareArray(result, [true, true, true, true], "all evaluate in the compartment");
const fresh = c.evaluate("const o = {}; const e = new Evaluators({ globalThis: o }); [o, e.eval('typeof print + typeof lockdown + typeof $262')]");
assert.sameValue(fresh[1], "undefinedundefinedundefined", "a given global holds nothing of the start");
assert.sameValue(c.evaluate("new Evaluators({}).eval('this')"), c.globalThis, "this is the compartment's global");
