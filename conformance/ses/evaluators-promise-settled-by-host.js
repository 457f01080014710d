/*---
spec: 3-evaluator.md, informal C3.1 step 2 and C3.2 (CreateEvaluatorsFunction(evaluators, Evaluators)); informal C4.1 step 17 (after lockdown a compartment has its own Evaluators); ses README.md ("a function passed between compartments does not carry access to its compartment's globals")
description: >
  Attack: a compartment registers a bound `Reflect.construct(Evaluators, ...)` as the
  reaction of a promise that the start compartment settles (here by calling the promise's
  resolve function, which the compartment handed it as a callback). The reaction job is
  enqueued by the start compartment's code, so a constructor that takes its absent
  options from its caller — the shared %Evaluators% — would make Evaluators of the start
  global for the sandbox. After lockdown the compartment's `Evaluators` is its own and
  takes them from the compartment whoever calls it: every route (a reaction of a promise
  the host resolves or rejects, a resolve function the host calls through a promise of
  its own) gives the compartment's global, and each `evaluators` event names the
  compartment's Evaluators (evaluators#2) as parent, never the start's (evaluators#1).
flags: [onlyStrict, async]
includes: [asyncHelpers.js, compareArray.js]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const callbacks = c.evaluate(`
  const make = Reflect.construct.bind(undefined, Evaluators);
  const leak = (e) => e.eval("globalThis");
  let resolve, reject;
  const fulfilled = new Promise((r) => { resolve = r; }).then(make).then(leak);
  const rejected = new Promise((_, r) => { reject = r; }).then(undefined, make).then(leak);
  let viaHost;
  const adopted = new Promise((r) => { viaHost = r; }).then(make).then(leak);
  ({ resolve, reject, viaHost, results: Promise.all([fulfilled, rejected, adopted]) });
`);
asyncTest(async function () {
  callbacks.resolve([{}]);
  callbacks.reject([{}]);
  Promise.resolve([{}]).then(callbacks.viaHost);
  const globals = await callbacks.results;
  assert.compareArray(globals.map((g) => g === c.globalThis), [true, true, true],
    "every Evaluators made is the compartment's");
  assert.compareArray(globals.map((g) => g === globalThis), [false, false, false],
    "none is the start compartment's");
});
