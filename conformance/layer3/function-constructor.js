// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-create-evaluators-function (C3.2) step 2; ECMA-262 CreateDynamicFunction (its
  global environment read as the running context's Evaluators' [[GlobalEnv]]),
  OrdinaryFunctionCreate, OrdinaryCallBindThis step 5
description: >
  e.Function, called or constructed (or through a subclass, NewTarget being the subclass),
  creates functions whose global scope is e's Global Environment Record: free names resolve on
  e's global, sloppy assignments to undeclared names create its properties, and a sloppy
  function's undefined this is e's global (our reading of OrdinaryCallBindThis step 5). The
  functions keep e's globals whoever calls them later: the start script, a start built-in
  calling them back (Array.prototype.map, Reflect.apply), another Evaluators' code. So do the
  functions, arrows, classes and generators they create, and the functions e.eval creates. Their
  prototype is Function.prototype (e.Function.prototype), or the subclass's prototype. Syntax
  errors in the parameters or body are the realm's SyntaxError.
flags: [onlyStrict]
features: [Evaluators]
---*/

var where = "start";
const sandbox = { __proto__: globalThis, where: "sandbox" };
const e = new Evaluators({ globalThis: sandbox });

const called = e.Function("return where");
const constructed = new e.Function("return where");
assert.sameValue(called(), "sandbox", "e.Function(...)");
assert.sameValue(constructed(), "sandbox", "new e.Function(...)");
assert.sameValue(Object.getPrototypeOf(constructed), Function.prototype);
assert.sameValue(e.Function("return this")(), sandbox, "a sloppy function's undefined this");
assert.sameValue(e.Function("'use strict'; return this")(), undefined);
e.Function("assignedByFunction = 1")();
assert.sameValue(sandbox.assignedByFunction, 1, "a sloppy assignment creates a property");
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "assignedByFunction"), false);
e.Function("var functionLocal = 1")();
assert.sameValue(Object.prototype.hasOwnProperty.call(sandbox, "functionLocal"), false,
  "a var in the body is local");

class SubFunction extends e.Function {}
const fromSub = new SubFunction("return where");
assert.sameValue(Object.getPrototypeOf(fromSub), SubFunction.prototype, "NewTarget's prototype");
assert.sameValue(fromSub(), "sandbox", "a subclass instance runs in e");

// Made by e's code, called from elsewhere.
const made = e.Function(
  "return {" +
  "  arrow: () => where," +
  "  nested: function () { return where; }," +
  "  method() { return where; }," +
  "  klass: class { get where() { return where; } }," +
  "  generator: function* () { yield where; }," +
  "};"
)();
assert.sameValue(made.arrow(), "sandbox", "an arrow");
assert.sameValue(made.nested(), "sandbox", "a nested function");
assert.sameValue(made.method(), "sandbox", "a method");
assert.sameValue(new made.klass().where, "sandbox", "a class");
assert.sameValue(made.generator().next().value, "sandbox", "a generator");
assert.sameValue([0].map(made.arrow)[0], "sandbox", "called back by Array.prototype.map");
assert.sameValue(Reflect.apply(called, undefined, []), "sandbox", "through Reflect.apply");
const fromEval = e.eval("(function () { return where; })");
assert.sameValue(fromEval(), "sandbox", "a function e.eval made");

const otherThis = { where: "other", called };
const other = new Evaluators({ globalThis: otherThis });
assert.sameValue(other.eval("called()"), "sandbox", "called from another Evaluators' code");
assert.sameValue(other.Function("return where")(), "other");

assert.throws(SyntaxError, () => e.Function("a b", "return 1"), "bad parameters");
assert.throws(SyntaxError, () => new e.Function("return }"), "bad body");
