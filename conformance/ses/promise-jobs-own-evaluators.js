/*---
spec: 3-evaluator.md, informal C3.1 step 2, C3.2 and C4.1 step 17 (after lockdown a compartment has its own Evaluators); ECMA-262 HostEnqueuePromiseJob (a job runs with the Evaluators of the code that enqueued it)
description: >
  Attack: have a promise job construct the compartment's `Evaluators` (a bound
  Reflect.construct as a reaction), hoping that the job, run from the host's loop, acts
  for the start compartment. Here the compartment itself settles the promise, so the
  reaction job is enqueued by the compartment's code and runs with its Evaluators; and
  the compartment's `Evaluators` is its own anyway (evaluators-promise-settled-by-host.js
  has the host settle it): the Evaluators made are the compartment's, in each of two
  compartments.
flags: [onlyStrict, async]
features: [Evaluators, Compartment, lockdown]
includes: [asyncHelpers.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
const source = `
  Promise.resolve([{}])
    .then(Reflect.construct.bind(undefined, Evaluators))
    .then(e => e.eval("globalThis"));
`;
asyncTest(async function () {
  assert.sameValue(await a.evaluate(source), a.globalThis, "a's job made a's Evaluators");
  assert.sameValue(await b.evaluate(source), b.globalThis, "b's job made b's Evaluators");
});
