/*---
spec: 4-compartment.md (globalThis of a compartment); informal C4.1 step 17; ECMA-262 OrdinaryCallBindThis
description: >
  The compartment's own `Function` makes sloppy functions whose `this` is undefined when
  called bare; OrdinaryCallBindThis then takes the global `this` — which must be the
  compartment's globalThis (the function's Evaluators), not the realm's start global —
  whether called directly, through Function.prototype.call, Reflect.apply, as an
  Array.prototype.map callback or a promise job. Two compartments' Functions are distinct.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
const result = a.evaluate(`
  const getThis = Function("return this");
  [getThis() === globalThis, getThis.call(undefined) === globalThis,
   Reflect.apply(getThis, null, []) === globalThis, [0].map(getThis)[0] === globalThis,
   Function("return globalThis")() === globalThis];
`);
assert.compareArray(result, [true, true, true, true, true], "this and globalThis are the compartment's");
assert.notSameValue(a.evaluate("Function('return this')()"), globalThis, "never the start global");
assert.notSameValue(a.globalThis.Function, b.globalThis.Function, "one Function per compartment");
assert.sameValue(b.evaluate("Function('return this')()"), b.globalThis, "b's is b's");
