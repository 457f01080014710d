// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) step 7.c; ECMA-262 PerformEval,
  EvalDeclarationInstantiation, CanDeclareGlobalFunction, CanDeclareGlobalVar,
  CreateGlobalFunctionBinding, CreateGlobalVarBinding, Global Environment Record HasBinding /
  GetBindingValue / SetMutableBinding, Object Environment Record HasBinding / GetBindingValue /
  SetMutableBinding / CreateMutableBinding / InitializeBinding, GetIdentifierReference, PutValue
description: >
  A Proxy as globalThis: constructing the Evaluators touches it not at all (NewGlobalEnvironment
  only stores it), and every later access to e's globals is one of the proxy's traps, in the
  order ECMA-262's algorithms give (the expected lists are written from those algorithms, not
  from a run). For e.eval("var v = 1; function f() {} let l = 3; v; typeof u; w = 2;") — an
  indirect eval, so EvalDeclarationInstantiation with varEnv e's Global Environment Record: the
  function check first (step 8, in reverse declaration order: CanDeclareGlobalFunction "f",
  getOwnPropertyDescriptor then isExtensible), then the var check (step 10, CanDeclareGlobalVar
  "v": HasOwnProperty, then IsExtensible); no trap for the let (it lives in the eval's
  declarative environment) nor for HasLexicalDeclaration; then CreateGlobalFunctionBinding "f"
  (getOwnPropertyDescriptor, defineProperty, set) and CreateGlobalVarBinding "v"
  (getOwnPropertyDescriptor, isExtensible, defineProperty, then InitializeBinding =
  SetMutableBinding: has, set). Evaluation: `var v = 1` resolves v (has) and sets it
  (SetMutableBinding: has, set); `v` resolves it (has) and reads it (GetBindingValue: has, get);
  `typeof u` only resolves (has); `w = 2` resolves (has) and, unresolvable in sloppy code,
  PutValue sets it on the global object (set). A for loop over a var adds the UpdateExpression's
  resolve, GetValue and PutValue (i++: has; has, get; has, set). (No block-level function
  declarations: Annex B.3.2.3 is normative-optional and this host does not implement it, so they
  would add no trap here.) A function made by e.Function reading v and w: has, has, get for
  each. The traps forward to the target without the receiver, so no trap is nested in another.
flags: [onlyStrict]
features: [Evaluators]
includes: [compareArray.js]
---*/

const log = [];
const target = Object.create(null);
const traps = ["has", "get", "set", "getOwnPropertyDescriptor", "defineProperty", "isExtensible",
  "deleteProperty", "ownKeys", "getPrototypeOf", "setPrototypeOf", "preventExtensions"];
const handler = {};
for (const trap of traps) {
  handler[trap] = function (t, key, value) {
    log.push(typeof key === "string" ? trap + " " + key : trap);
    if (trap === "get") return Reflect.get(t, key);
    if (trap === "set") return Reflect.set(t, key, value);
    return Reflect[trap](...arguments);
  };
}
const proxy = new Proxy(target, handler);
const e = new Evaluators({ globalThis: proxy });
assert.compareArray(log, [], "construction touches nothing");

assert.sameValue(e.eval("var v = 1; function f() {} let l = 3; v; typeof u; w = 2;"), 2);
assert.compareArray(log, [
  // EvalDeclarationInstantiation: the checks.
  "getOwnPropertyDescriptor f", "isExtensible",
  "getOwnPropertyDescriptor v", "isExtensible",
  // CreateGlobalFunctionBinding(f).
  "getOwnPropertyDescriptor f", "defineProperty f", "set f",
  // CreateGlobalVarBinding(v).
  "getOwnPropertyDescriptor v", "isExtensible", "defineProperty v", "has v", "set v",
  // var v = 1;
  "has v", "has v", "set v",
  // v;
  "has v", "has v", "get v",
  // typeof u;
  "has u",
  // w = 2;
  "has w", "set w",
]);
assert.sameValue(target.v, 1);
assert.sameValue(typeof target.f, "function");
assert.sameValue(target.w, 2);
assert.sameValue("l" in target, false);

log.length = 0;
e.eval("for (var i = 0; i < 1; i++) {}");
assert.compareArray(log, [
  // CanDeclareGlobalVar(i), then CreateGlobalVarBinding(i).
  "getOwnPropertyDescriptor i", "isExtensible",
  "getOwnPropertyDescriptor i", "isExtensible", "defineProperty i", "has i", "set i",
  // var i = 0;
  "has i", "has i", "set i",
  // i < 1;
  "has i", "has i", "get i",
  // i++: resolve, GetValue (has, get), PutValue (SetMutableBinding: has, set).
  "has i", "has i", "get i", "has i", "set i",
  // i < 1;
  "has i", "has i", "get i",
]);

log.length = 0;
assert.sameValue(e.Function("return v + w")(), 3);
assert.compareArray(log, ["has v", "has v", "get v", "has w", "has w", "get w"]);

log.length = 0;
assert.sameValue(e.eval("this"), proxy, "this is the proxy itself");
assert.compareArray(log, [], "`this` needs no trap");
