// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  3-evaluator.md, "Design" ("The name eval must be bound to the
  [[Context]].[[Evaluators]].[[Eval]] for the eval special form to be interpreted as direct
  eval"); ECMA-262 13.3.6.1 (CallExpression evaluation) step 6.a, PerformEval
description: >
  A call eval(...) is a direct eval iff the callee is the running execution context's
  Evaluators' [[Eval]] (our reading, docs/spec-issues.md "which [[Eval]] makes a direct eval").
  In e's code, `eval` is just a name looked up on e's global: without threading, a global that
  inherits from the start global finds the start %eval%, which is not e's [[Eval]], so the call
  is indirect — and, %eval% being bound to the realm's default Evaluators, it evaluates in the
  start global scope (`this` is the start global, its var lands there: what lockdown later
  tames). After localThis.eval = e.eval, the same code performs direct evals, in e's code
  (e.eval, and functions made by e.Function), as the proposal's example says: typeof of a local
  is "number", and a var of a top-level direct eval lands on e's global. e.eval called under the
  name eval from start code, and another Evaluators' eval threaded into e's global, are
  indirect: each evaluates in its own Evaluators' global scope.
flags: [onlyStrict]
features: [Evaluators]
reading: evaluators-direct-eval
---*/

const localThis = { __proto__: globalThis, where: "local" };
var where = "start";
const e = new Evaluators({ globalThis: localThis });
const probe = "(function () { var l = 1; return eval('typeof l'); })()";

assert.sameValue(e.eval(probe), "undefined", "not threaded: the start %eval%, indirect");
assert.sameValue(e.eval("eval('this')"), globalThis, "the start %eval% runs in the start global");
assert.sameValue(e.eval("eval('where')"), "start");
e.eval("eval('var leaked = 1')");
assert.sameValue(globalThis.leaked, 1, "its var lands on the start global");
assert.sameValue(Object.prototype.hasOwnProperty.call(localThis, "leaked"), false);

localThis.eval = e.eval;
assert.sameValue(e.eval(probe), "number", "threaded: a direct eval");
assert.sameValue(e.eval("(function () { var where = 'inner'; return eval('where'); })()"), "inner");
assert.sameValue(new e.Function("var l = 1; return eval('typeof l');")(), "number",
  "direct eval in e.Function code");
e.eval("eval('var local = 42'); var sawIt = typeof local === 'number';");
assert.sameValue(localThis.local, 42, "a top-level direct eval's var lands on e's global");
assert.sameValue(localThis.sawIt, true);
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "local"), false);

// e.eval called under the name eval from start code (sloppy, to bind the name eval) is
// indirect, in e's global scope.
const fromStart = Function("e", "var eval = e.eval; var where = 'start local'; return eval('where');");
assert.sameValue(fromStart(e), "local");

// Another Evaluators' eval under the name eval in e's code: indirect, in its global scope.
const otherThis = { where: "other" };
const other = new Evaluators({ globalThis: otherThis });
localThis.eval = other.eval;
assert.sameValue(e.eval("(function () { var where = 'inner'; return eval('where'); })()"), "other");
assert.sameValue(e.eval("eval('this')"), otherThis);
