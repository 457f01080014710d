// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  3-evaluator.md, "Design" ("All references to %eval% must now refer to the
  [[Realm]].[[Evaluators]].[[Eval]]"); compartments-create-evaluators-function (C3.2) step 3
description: >
  Our reading (docs/spec-issues.md): the realm's shared %Function%, %GeneratorFunction%,
  %AsyncFunction% and %AsyncGeneratorFunction% — reachable from any Evaluators' code through the
  constructor property of a function's prototype chain, since e.Function.prototype is the shared
  Function.prototype — are bound to the realm's default Evaluators: a function they create has
  the start global as its global scope even when e's code calls them (as the start %eval%,
  reached by name through an inheriting global, evaluates in the start global:
  eval-direct-and-indirect.js). Only e.Function, and the function syntax of e's code, create
  functions in e. (This is the hole lockdown later tames, by replacing those constructor
  properties; layer 3 alone does not close it.)
flags: [onlyStrict, async]
features: [Evaluators]
reading: evaluators-shared-constructors
includes: [asyncHelpers.js]
---*/

var where = "start";
const sandbox = { __proto__: globalThis, where: "sandbox" };
const e = new Evaluators({ globalThis: sandbox });

assert.sameValue(e.eval("(function () {}).constructor"), Function, "%Function% through the prototype chain");
assert.sameValue(e.eval("(function () {}).constructor('return where')()"), "start",
  "%Function% called by e's code evaluates in the start global");
assert.sameValue(e.eval("new ((function () {}).constructor)('return this')()"), globalThis);
assert.sameValue(e.eval("Function('return where')()"), "start",
  "the start global's Function, inherited by name");
assert.sameValue(e.Function("return (function () {}).constructor('return where')()")(), "start",
  "from e.Function code too");
assert.sameValue(e.Function("return where")(), "sandbox", "e.Function itself evaluates in e");
assert.sameValue(e.eval("(function () {}).constructor === Function.prototype.constructor"), true);

const GeneratorFunction = e.eval("(function* () {}).constructor");
assert.sameValue(GeneratorFunction, Object.getPrototypeOf(function* () {}).constructor);
assert.sameValue(e.eval("(function* () {}).constructor('yield where')().next().value"), "start",
  "%GeneratorFunction%");

asyncTest(async function () {
  assert.sameValue(await e.eval("(async function () {}).constructor('return where')()"), "start",
    "%AsyncFunction%");
  const asyncGenerator = e.eval("(async function* () {}).constructor('yield where')()");
  assert.sameValue((await asyncGenerator.next()).value, "start", "%AsyncGeneratorFunction%");
  assert.sameValue(await e.eval("(async function () { return where; })()"), "sandbox",
    "an async function e's code declares runs in e");
});
