// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (evaluate(source: string): "Evaluates a program using this
  compartment's associated evaluators"; "a const or let binding from one evaluation" does not
  persist); compartments-compartment-evaluate (C4.7) steps 2-3; ECMA-262 PerformEval
description: >
  Step 2: a source that is not a String (a String object, a number, undefined) is a TypeError,
  the source not converted. Step 3, our reading (SPEC ISSUE in docs/spec-issues.md; SES and XS
  do the same): the source runs as strict indirect eval code in the compartment's global
  environment — this and globalThis are the compartment's global; var and function declarations
  stay in the eval's own variable environment (strict eval) and do not become globals; let and
  const do not persist from one call to the next; assigning an undeclared name is a
  ReferenceError, with a SyntaxError; the completion value is returned. Names resolve through
  the compartment's global only (print is not there; a globals property is). Errors are the
  shared intrinsics' (instanceof TypeError holds in the start realm). eval, Function and direct
  eval inside are the compartment's (Function code is sloppy: its this is the compartment's
  global; an indirect eval's var does become a global of the compartment, not of the start
  realm). The compartment's global properties written by one evaluate are seen by the next.
flags: [onlyStrict]
features: [Compartment]
reading: compartment-evaluate
---*/

var c = new Compartment({ globals: { given: "given" } });
var g = c.globalThis;

[new String("1"), 1, undefined, null, {}, Symbol("s")].forEach(function (value) {
  assert.throws(TypeError, function () { c.evaluate(value); }, "source " + typeof value);
});
var converted = false;
assert.throws(TypeError, function () { c.evaluate({ toString: function () { converted = true; return "1"; } }); });
assert.sameValue(converted, false, "the source is not converted");

assert.sameValue(c.evaluate("this"), g, "this is the compartment's global");
assert.sameValue(c.evaluate("globalThis"), g, "globalThis is the compartment's global");
assert.sameValue(c.evaluate("1; 2; if (true) { 'completion' }"), "completion", "the completion value");
assert.sameValue(c.evaluate(""), undefined, "an empty source");
assert.sameValue(c.evaluate("given"), "given", "globals are in scope");
assert.sameValue(c.evaluate("typeof print"), "undefined", "start-realm host globals are not");
assert.sameValue(c.evaluate("typeof assert"), "undefined", "nor start-realm scripts' globals");

assert.sameValue(c.evaluate("var v = 1; function f() {} v + typeof f"), "1function", "declarations inside");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "v"), false, "var does not leak (strict eval)");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "f"), false, "function does not leak");
assert.sameValue(c.evaluate("let l = 1; const k = 2; l + k"), 3, "let and const inside");
assert.sameValue(c.evaluate("typeof l + typeof k"), "undefinedundefined", "do not persist");
assert.sameValue(c.evaluate("(function () { return this; })()"), undefined, "strict code");

var caught;
try { c.evaluate("undeclared = 1"); } catch (e) { caught = e; }
assert(caught instanceof ReferenceError, "assigning an undeclared name is a ReferenceError");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "undeclared"), false, "no global created");
assert.throws(SyntaxError, function () { c.evaluate("with ({}) {}"); }, "with is a SyntaxError");
assert.throws(SyntaxError, function () { c.evaluate("var eval = 1"); }, "strict early errors");
assert.throws(TypeError, function () { c.evaluate("null.x"); }, "runtime TypeError is the shared TypeError");
assert.throws(RangeError, function () { c.evaluate("new Array(-1)"); });

assert.sameValue(c.evaluate("globalThis.written = 'w'; written"), "w", "a global property written");
assert.sameValue(g.written, "w", "is the compartment's");
assert.sameValue(c.evaluate("written"), "w", "and seen by the next evaluate");
assert.sameValue(typeof written, "undefined", "not the start realm's");

assert.sameValue(c.evaluate("eval") , g.eval, "eval is the compartment's");
assert.sameValue(c.evaluate("Function"), g.Function, "Function is the compartment's");
assert.sameValue(c.evaluate("eval('this')"), g, "direct eval inside");
assert.sameValue(c.evaluate("Function('return this')()"), g, "Function code is sloppy, this is the global");
assert.sameValue(c.evaluate("(0, eval)('var indirect = 1'); typeof indirect"), "number", "an indirect eval's var");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "indirect"), true, "is a global of the compartment");
assert.sameValue(typeof indirect, "undefined", "not of the start realm");
assert.sameValue(c.evaluate("new Compartment().globalThis.Compartment !== Compartment"), true, "Compartment is its own");
assert.sameValue(new Compartment().evaluate("typeof given"), "undefined", "another compartment's globals are separate");
