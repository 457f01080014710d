/*---
spec: 3-evaluator.md, informal C3.1 step 2 (built-ins without Evaluators act for their caller), C3.2 and C4.1 step 17 (after lockdown a compartment has its own Evaluators)
description: >
  Attack: have a built-in construct the compartment's `Evaluators` on its behalf — as the
  callback of Array.prototype.map, through Function.prototype.call and apply, through a
  Proxy's construct trap, or as an iterator helper's mapper — so that "the caller" would be
  a built-in. After lockdown a compartment's `Evaluators` is its own, bound to the
  compartment (and built-ins without Evaluators of their own act for their caller anyway),
  so every route gives Evaluators of the compartment.
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown, iterator-helpers]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const make = Reflect.construct.bind(undefined, Evaluators, [{}], Evaluators);
  const viaMap = [0].map(make)[0];
  const viaCall = Function.prototype.call.call(make, undefined);
  const viaApply = Reflect.apply(make, undefined, []);
  const viaProxy = new (new Proxy(Evaluators, {}))({});
  const viaHelper = [0].values().map(make).next().value;
  [viaMap, viaCall, viaApply, viaProxy, viaHelper].map(e => e.eval("globalThis") === globalThis);
`);
assert.compareArray(result, [true, true, true, true, true], "Evaluators of the compartment on every route");
