// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 2, 6.a-6.b; ECMA-262 BuiltinCallOrConstruct
  step 8 (the callee context's Evaluators)
description: >
  SPEC ISSUE reading (step 2): the parent of new Evaluators is the running execution context's
  Evaluators, and a built-in function without Evaluators of its own (%Evaluators%,
  Reflect.construct, Reflect.apply, Function.prototype.call, Array.prototype.map) runs with its
  caller's. So code running in a sandbox's Evaluators cannot get the start global back by making
  Evaluators without a globalThis: new Evaluators({}), new Evaluators(),
  Reflect.construct(Evaluators, [{}]), a call from e.Function code, from a callback that
  Array.prototype.map calls, through Reflect.apply or Function.prototype.call, and Evaluators
  reached as Evaluators.prototype.constructor, and a function the sandbox made, called later by
  the start script, all give Evaluators whose global is the sandbox (each "evaluators" event has
  parent evaluators#2, the sandbox's, and "sharesGlobalEnvironment":true). So does a promise job
  the sandbox's code enqueued (our reading: a job runs with the Evaluators of the code that
  enqueued it, when they are of the job's realm) calling Reflect.construct(Evaluators, ...)
  through a bound function. The same constructions from the start script give the start global
  (parent evaluators#1), including a job the start script enqueued on a promise the sandbox
  made.
flags: [onlyStrict, async]
features: [Evaluators]
reading: [evaluators-defaults, evaluators-builtins]
includes: [asyncHelpers.js]
---*/

var where = "start";
const sandbox = { __proto__: globalThis, where: "sandbox" };
const e = new Evaluators({ globalThis: sandbox });

const made = {
  "new Evaluators({})": e.eval("new Evaluators({})"),
  "new Evaluators()": e.eval("new Evaluators()"),
  "Reflect.construct": e.eval("Reflect.construct(Evaluators, [{}])"),
  "e.Function": e.Function("return new Evaluators({})")(),
  "Array.prototype.map": e.eval("[0].map(() => new Evaluators({}))[0]"),
  "Reflect.apply": e.eval("Reflect.apply(function () { return new Evaluators({}); }, undefined, [])"),
  "Function.prototype.call": e.eval("(function () { return new Evaluators(); }).call()"),
  "Evaluators.prototype.constructor": e.eval("new Evaluators.prototype.constructor({})"),
};
for (const [how, child] of Object.entries(made)) {
  assert.sameValue(child.eval("where"), "sandbox", how + ": free names on the sandbox");
  assert.sameValue(child.eval("this"), sandbox, how + ": this is the sandbox");
  child.eval("var declared = '" + how + "';");
  assert.sameValue(sandbox.declared, how, how + ": var declarations on the sandbox");
}
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "declared"), false,
  "nothing declared on the start global");

// A function made by the sandbox keeps the sandbox as its caller context even when the
// start script calls it.
const makeChild = e.eval("(function () { return new Evaluators({}); })");
assert.sameValue(makeChild().eval("where"), "sandbox", "a sandbox function called from the start");

// The start script's constructions get the start global.
assert.sameValue(new Evaluators({}).eval("where"), "start");
assert.sameValue(Reflect.construct(Evaluators, [{}]).eval("this"), globalThis);

asyncTest(async function () {
  const fromSandboxJob = await e.eval(
    "Promise.resolve([{}]).then(Reflect.construct.bind(undefined, Evaluators))");
  assert.sameValue(fromSandboxJob.eval("where"), "sandbox", "a job the sandbox enqueued");
  const sandboxPromise = e.eval("Promise.resolve([{}])");
  const fromStartJob = await sandboxPromise.then(Reflect.construct.bind(undefined, Evaluators));
  assert.sameValue(fromStartJob.eval("where"), "start", "a job the start script enqueued");
});
