// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 5, 7.a-7.c; ECMA-262 Proxy [[HasProperty]] /
  [[GetOwnPropertyDescriptor]] step 3 (ValidateNonRevokedProxy), Object Environment Record
  GetBindingValue, CanDeclareGlobalVar, CanDeclareGlobalFunction, CreateGlobalVarBinding
description: >
  Globals that misbehave are JavaScript errors, never crashes, and only when used. A revoked
  Proxy is an Object, so new Evaluators accepts it as globalThis (construction reads only the
  options); using it — resolving a name (HasProperty), declaring a var (HasOwnProperty) — throws
  the proxy's TypeError, while code that touches no global (a literal, `this`, a let) still
  runs. A global whose getter throws: reading that name (even with typeof, since the reference
  resolves) throws the getter's error, other names are fine. A non-extensible global: a new var
  or function declaration is a TypeError (CanDeclareGlobalVar / CanDeclareGlobalFunction false)
  before any of the code runs, an existing writable property can still be declared again and
  assigned; a frozen global rejects even that (CanDeclareGlobalFunction is false for a
  non-configurable, non-writable property), and a sloppy assignment to it fails silently.
flags: [onlyStrict]
features: [Evaluators]
---*/

const { proxy, revoke } = Proxy.revocable({ x: 1 }, {});
revoke();
const revoked = new Evaluators({ globalThis: proxy });
assert.sameValue(revoked.eval("1 + 1"), 2, "no global touched");
assert.sameValue(revoked.eval("this"), proxy);
assert.sameValue(revoked.eval("let l = 3; l"), 3, "a let is not the global's");
assert.throws(TypeError, () => revoked.eval("x"), "HasProperty on a revoked proxy");
assert.throws(TypeError, () => revoked.eval("typeof x"));
assert.throws(TypeError, () => revoked.eval("var y;"), "CanDeclareGlobalVar");
assert.throws(TypeError, () => revoked.Function("return x")());

const boom = new Test262Error("getter");
const throwing = new Evaluators({
  globalThis: {
    get bad() {
      throw boom;
    },
    good: "good",
  },
});
let thrown;
try {
  throwing.eval("bad");
} catch (error) {
  thrown = error;
}
assert.sameValue(thrown, boom, "the getter's error");
thrown = undefined;
try {
  throwing.eval("typeof bad");
} catch (error) {
  thrown = error;
}
assert.sameValue(thrown, boom, "typeof reads a resolved reference");
assert.sameValue(throwing.eval("good"), "good");

const sealedGlobal = Object.preventExtensions({ existing: 1 });
const sealed = new Evaluators({ globalThis: sealedGlobal });
assert.throws(TypeError, () => sealed.eval("var fresh = 1;"), "a new var");
assert.throws(TypeError, () => sealed.eval("function fresh() {}"), "a new function");
assert.throws(TypeError, () => sealed.eval("existing = 2; var late;"),
  "checked before any code runs");
assert.sameValue(sealedGlobal.existing, 1, "nothing ran");
sealed.eval("var existing = 3;");
assert.sameValue(sealedGlobal.existing, 3, "an existing property can be declared again");

const frozenGlobal = Object.freeze({ constant: 1 });
const frozen = new Evaluators({ globalThis: frozenGlobal });
assert.throws(TypeError, () => frozen.eval("function constant() {}"), "CanDeclareGlobalFunction");
frozen.eval("constant = 2;");
assert.sameValue(frozenGlobal.constant, 1, "a sloppy assignment fails silently");
assert.throws(TypeError, () => frozen.eval("'use strict'; constant = 2;"));
