// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Design" (Module Imports Namespace); compartments-imports-namespace-get
  (C2.5.1), -set (C2.5.2), -getownproperty (C2.5.3), -defineownproperty (C2.5.4);
  compartments-virtual-initialize-environment (C2.3) steps 5.d, 6.a.iii, 7
description: >
  The Module Imports Namespace as an object, from inside execute (strict code): [[Prototype]]
  null and immutable (setPrototypeOf to another object fails, to null succeeds), not
  extensible (preventExtensions succeeds), sealed but not frozen. Its own keys are the declared
  names, imports first, then local exports (C2.3 steps 5 and 6, each in declaration order),
  no symbols; an export name that is not a local name (n of { export: "m", as: "n" }) is not
  a key. [[GetOwnProperty]] of a declared name is a data property { value, writable: true,
  enumerable: true, configurable: false } (C2.5.3), undefined otherwise. [[Get]] of any other key
  is undefined (C2.5.1 step 1); [[HasProperty]] is true for declared names only. [[Set]]
  (C2.5.2): a local export is assigned; an import (read only) or an undeclared name returns
  false — a TypeError in strict code. [[DefineOwnProperty]] (C2.5.4): false for an undeclared
  name, for configurable true, enumerable false, writable false or an accessor; true for a
  same-value or field-less descriptor; a new value assigns a local export and fails for an
  import. [[Delete]]: false for a declared name, true otherwise.
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
reading: imports-namespace
includes: [asyncHelpers.js, compareArray.js]
---*/

const dep = new Module(new ModuleSource("export const a = 'a';"));
const results = [];
function check(condition, what) {
  results.push((condition ? "ok " : "FAIL ") + what);
}
function throwsType(f, what) {
  try { f(); check(false, what + " (did not throw)"); } catch (e) { check(e instanceof TypeError, what); }
}

const virtual = new Module({
  bindings: [{ export: "l" }, { import: "a", from: "./dep" }, { export: "m", as: "n" }],
  execute(imports) {
    check(Object.getPrototypeOf(imports) === null, "prototype null");
    check(Reflect.setPrototypeOf(imports, {}) === false, "setPrototypeOf another object fails");
    check(Reflect.setPrototypeOf(imports, null) === true, "setPrototypeOf null");
    check(Object.isExtensible(imports) === false, "not extensible");
    check(Reflect.preventExtensions(imports) === true, "preventExtensions");
    check(Object.isSealed(imports) === true, "sealed");
    check(Object.isFrozen(imports) === false, "not frozen");
    check(JSON.stringify(Reflect.ownKeys(imports)) === '["a","l","m"]', "own keys " + JSON.stringify(Reflect.ownKeys(imports)));
    check(JSON.stringify(Object.getOwnPropertyDescriptor(imports, "a")) ===
      '{"value":"a","writable":true,"enumerable":true,"configurable":false}', "descriptor of an import");
    check(JSON.stringify(Object.getOwnPropertyDescriptor(imports, "l")) ===
      '{"writable":true,"enumerable":true,"configurable":false}', "descriptor of a local export (value undefined)");
    check(Object.getOwnPropertyDescriptor(imports, "l").hasOwnProperty("value"), "with a value field");
    check(Object.getOwnPropertyDescriptor(imports, "n") === undefined, "an export name is not a key");
    check(Object.getOwnPropertyDescriptor(imports, Symbol.toStringTag) === undefined, "no @@toStringTag");
    check(imports.zz === undefined && imports[Symbol.iterator] === undefined, "get of other keys");
    check("a" in imports && "l" in imports && "m" in imports, "has declared");
    check(!("n" in imports) && !("toString" in imports), "has nothing else");

    imports.l = 1;
    check(imports.l === 1, "set a local export");
    check(Reflect.set(imports, "m", 2) === true && imports.m === 2, "Reflect.set a local export");
    throwsType(() => { imports.a = 1; }, "set an import throws");
    check(Reflect.set(imports, "a", "a") === false, "Reflect.set an import (same value) is false");
    throwsType(() => { imports.n = 1; }, "set an undeclared name throws");
    check(imports.a === "a", "the import unchanged");

    check(Reflect.defineProperty(imports, "l", { value: 3 }) === true && imports.l === 3, "define a new value");
    check(Reflect.defineProperty(imports, "l", { value: 4, writable: true, enumerable: true, configurable: false }) === true && imports.l === 4, "define with the full descriptor");
    check(Reflect.defineProperty(imports, "l", {}) === true, "define with no fields");
    check(Reflect.defineProperty(imports, "l", { configurable: true }) === false, "configurable true");
    check(Reflect.defineProperty(imports, "l", { enumerable: false }) === false, "enumerable false");
    check(Reflect.defineProperty(imports, "l", { writable: false }) === false, "writable false");
    check(Reflect.defineProperty(imports, "l", { get() {} }) === false, "accessor");
    check(imports.l === 4, "unchanged by the failures");
    check(Reflect.defineProperty(imports, "a", { value: "a" }) === true, "an import, same value");
    check(Reflect.defineProperty(imports, "a", { value: "b" }) === false, "an import, new value");
    check(Reflect.defineProperty(imports, "q", { value: 1 }) === false, "a new property");
    throwsType(() => Object.defineProperty(imports, "q", { value: 1 }), "Object.defineProperty of a new property throws");
    throwsType(() => Object.freeze(imports), "freeze throws");

    check(Reflect.deleteProperty(imports, "a") === false, "delete an import");
    check(Reflect.deleteProperty(imports, "l") === false, "delete a local export");
    check(Reflect.deleteProperty(imports, "zz") === true, "delete an undeclared name");
    throwsType(() => { delete imports.l; }, "strict delete throws");
    check(imports.l === 4, "still there");
  },
}, { importHook: () => dep });

asyncTest(async function () {
  const ns = await import(virtual);
  assert.compareArray(results.filter((r) => !r.startsWith("ok ")), [], results.join("; "));
  assert.sameValue(results.length, 40, "every check ran");
  assert.sameValue(ns.n, 2, "m exported as n");
});
