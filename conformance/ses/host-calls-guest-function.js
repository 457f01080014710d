/*---
spec: 3-evaluator.md, informal C3.1 step 2 (the running execution context's Evaluators); ECMA-262 PrepareForOrdinaryCall
description: >
  When the host calls a function the compartment defined (a callback, a method it
  exported), the function's code runs with the compartment's Evaluators — those of the
  function, not of its caller: `new Evaluators({})`, `eval`, `Function` and sloppy `this`
  inside it give the compartment's global although the start compartment made the call,
  directly, through Reflect.apply, Array.prototype.map or a promise reaction.
flags: [onlyStrict, async]
features: [Evaluators, Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const c = new Compartment();
const guest = c.evaluate(`
  (function () {
    return [new Evaluators({}).eval("globalThis"), eval("globalThis"), Function("return this")()]
      .every(g => g === globalThis);
  })
`);
asyncTest(async function () {
  assert.compareArray([guest(), Reflect.apply(guest, undefined, []), [0].map(guest)[0],
    await Promise.resolve().then(guest)], [true, true, true, true],
    "the guest's code runs with the guest's Evaluators");
});
