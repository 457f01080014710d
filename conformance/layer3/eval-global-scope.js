// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 7.b-7.c; ECMA-262 PerformEval (with
  evalRealm.[[GlobalEnv]] read as the running context's Evaluators' [[GlobalEnv]]),
  EvalDeclarationInstantiation, CreateGlobalVarBinding, CreateGlobalFunctionBinding, PutValue
  step 3.c (GetGlobalObject), OrdinaryCallBindThis step 5
description: >
  e.eval(source) is an indirect eval in e's Global Environment Record, whose object record and
  [[GlobalThisValue]] are the globalThis option: free names resolve on it and its prototype
  chain (a name it inherits from the start global, such as "globalThis" itself, is the start
  global's property); var and function declarations become its own properties, enumerable,
  writable and configurable (D is true for eval code), and never the start global's; `this` at
  the top level is it; a sloppy assignment to an undeclared name creates its own property
  (PutValue, GetGlobalObject is e's), shadowing an inherited one without changing the prototype;
  reading an undeclared name is a ReferenceError and typeof gives "undefined". let, const and
  class declarations are per evaluation (the eval's own declarative environment): the next
  e.eval does not see them. Strict eval code keeps its vars. Our reading of OrdinaryCallBindThis
  step 5: a sloppy function made by e.eval and called with an undefined this gets e's global
  this value, wherever it is called from.
flags: [onlyStrict]
features: [Evaluators]
includes: [propertyHelper.js]
---*/

const base = { inherited: "base" };
const sandbox = Object.create(base);
sandbox.own = "own";
const e = new Evaluators({ globalThis: sandbox });

assert.sameValue(e.eval("this"), sandbox, "this at the top level");
assert.sameValue(e.eval("own"), "own", "an own property");
assert.sameValue(e.eval("inherited"), "base", "an inherited property");
assert.sameValue(e.eval("typeof undeclared"), "undefined");
assert.throws(ReferenceError, () => e.eval("undeclared"));
assert.sameValue(e.eval("typeof globalThis"), "undefined", "globalThis is only a property");
assert.sameValue(e.eval("typeof Array"), "undefined", "no start-global names without inheriting");

e.eval("var declared = 'var'; function declaredFunction() { return this; }");
verifyProperty(sandbox, "declared", {
  value: "var", writable: true, enumerable: true, configurable: true,
}, { restore: true });
verifyProperty(sandbox, "declaredFunction", {
  writable: true, enumerable: true, configurable: true,
}, { restore: true });
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "declared"), false);
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "declaredFunction"), false);
assert.sameValue(e.eval("declared"), "var", "visible to the next eval");

const sloppyThis = sandbox.declaredFunction;
assert.sameValue(sloppyThis(), sandbox, "a sloppy function's undefined this is e's global");
assert.sameValue(sloppyThis.call(undefined), sandbox);
assert.sameValue(e.eval("'use strict'; (function () { return this; })()"), undefined);

e.eval("assigned = 1; inherited = 'shadowed';");
assert.sameValue(sandbox.assigned, 1, "a sloppy assignment creates a property");
assert.sameValue(Object.prototype.hasOwnProperty.call(globalThis, "assigned"), false);
assert.sameValue(sandbox.inherited, "shadowed");
assert.sameValue(Object.prototype.hasOwnProperty.call(sandbox, "inherited"), true);
assert.sameValue(base.inherited, "base", "the prototype is unchanged");
assert.throws(ReferenceError, () => e.eval("'use strict'; notDeclaredStrict = 1;"));

assert.sameValue(e.eval("let lexical = 1; const constant = 2; class Klass {} lexical + constant"), 3);
assert.sameValue(e.eval("typeof lexical + typeof constant + typeof Klass"),
  "undefinedundefinedundefined", "let, const and class are per evaluation");
assert.sameValue(Object.prototype.hasOwnProperty.call(sandbox, "lexical"), false);
e.eval("let lexical = 'again';");

e.eval("'use strict'; var strictVar = 1;");
assert.sameValue(Object.prototype.hasOwnProperty.call(sandbox, "strictVar"), false,
  "strict eval code keeps its vars");

const inheriting = new Evaluators({ globalThis: { __proto__: globalThis } });
assert.sameValue(inheriting.eval("globalThis"), globalThis,
  "globalThis inherited from the start global is the start global");
assert.notSameValue(inheriting.eval("this"), globalThis, "this is the given object");
