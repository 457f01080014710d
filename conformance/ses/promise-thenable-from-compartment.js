/*---
spec: ECMA-262 Promise Resolve Functions, NewPromiseResolveThenableJob; 3-evaluator.md (jobs act for their enqueuer)
description: >
  Attack: a compartment hands the start compartment a thenable, so that the start's
  `await` calls the compartment's `then` (in a NewPromiseResolveThenableJob) with the start
  promise's resolving functions. The `then` runs as the compartment's code (its globalThis
  is the compartment's), and what it receives carries no authority: the resolving
  functions' constructor is the tamed %Function%, which throws, and resolving just settles
  the start's promise with the compartment's value.
flags: [onlyStrict, async]
features: [Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const c = new Compartment();
const thenable = c.evaluate(`
  globalThis.seen = [];
  ({
    then(resolve, reject) {
      seen.push(this === globalThis.thenable, typeof resolve, globalThis);
      let constructorThrows = false;
      try { resolve.constructor("return globalThis"); } catch (e) { constructorThrows = e instanceof TypeError; }
      seen.push(constructorThrows);
      resolve("from the compartment");
    },
  });
`);
c.globalThis.thenable = thenable;
asyncTest(async function () {
  const value = await thenable;
  assert.sameValue(value, "from the compartment", "the start got the compartment's value");
  assert.compareArray(c.globalThis.seen, [true, "function", c.globalThis, true],
    "then ran in the compartment; the resolve function gave no evaluator");
});
