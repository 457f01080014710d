/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1; ECMA-262 ClassDefinitionEvaluation
description: >
  Attack through classes: a class's `constructor` property (`A.constructor`), a class that
  extends a tamed function constructor (its `super(...)` runs the tamed constructor, which
  throws a TypeError), and a class that extends the compartment's own `Function` (allowed:
  the code it makes evaluates in the compartment's global, never the start's).
  `A.prototype.constructor` is the class itself, not an evaluator.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("class A {} A.constructor('return globalThis')"),
  "A.constructor is the tamed Function constructor");
assert.throws(TypeError, () => c.evaluate(`
  class G extends (function* () {}).constructor {}
  new G("yield globalThis");
`), "extending the tamed GeneratorFunction: super() throws");
assert.throws(TypeError, () => c.evaluate(`
  class F extends (function () {}).constructor {}
  new F("return globalThis");
`), "extending the tamed Function: super() throws");
assert.throws(TypeError, () => c.evaluate(`
  class AF extends (async function () {}).constructor { constructor() { super("return globalThis"); } }
  new AF();
`), "extending the tamed AsyncFunction with an explicit super call");
const result = c.evaluate(`
  class Own extends Function {}
  const f = new Own("return globalThis");
  [f() === globalThis, f instanceof Own, Own.prototype.constructor === Own];
`);
assert.compareArray(result, [true, true, true],
  "extending the compartment's Function evaluates in the compartment");
assert.notSameValue(c.evaluate("class Own extends Function {} new Own('return globalThis')()"),
  globalThis, "not the start global");
