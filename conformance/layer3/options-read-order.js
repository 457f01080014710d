// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-evaluators-constructor (C3.1) steps 3, 5, 8, 11
description: >
  Our reading (the proposal gives only the interface): options is read with [[Get]] only (no
  [[HasProperty]], no [[GetOwnProperty]]), once per option, in the interface's order: globalThis
  (step 5), importHook (step 8), importMeta (step 11). Inherited properties count (options is
  read with Get, so a prototype's globalThis is used), a function is a valid options object, and
  undefined options means all defaults (step 3: nothing to read). A throwing getter stops the
  steps after it: the later options are not read and no Evaluators record is created (no
  "evaluators" event for those attempts). The values are captured: the globals and hooks given
  are the ones used, whatever options becomes afterwards.
flags: [onlyStrict]
features: [Evaluators]
reading: evaluators-interface
includes: [compareArray.js]
---*/

const log = [];
function logged(target) {
  return new Proxy(target, {
    get(t, key, receiver) {
      log.push("get " + String(key));
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      log.push("has " + String(key));
      return Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      log.push("getOwnPropertyDescriptor " + String(key));
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      log.push("ownKeys");
      return Reflect.ownKeys(t);
    },
  });
}

const globals = { marker: "given" };
const meta = {};
function hook() {}
const options = { globalThis: globals, importHook: hook, importMeta: meta };
const e = new Evaluators(logged(options));
assert.compareArray(log, ["get globalThis", "get importHook", "get importMeta"]);
assert.sameValue(e.eval("marker"), "given");

options.globalThis = { marker: "changed" };
assert.sameValue(e.eval("marker"), "given", "options is not read again");

log.length = 0;
new Evaluators(logged({}));
assert.compareArray(log, ["get globalThis", "get importHook", "get importMeta"],
  "absent options are read too");

const inherited = new Evaluators(Object.create({ globalThis: { marker: "inherited" } }));
assert.sameValue(inherited.eval("marker"), "inherited", "an inherited option");

function optionsFunction() {}
optionsFunction.globalThis = { marker: "function" };
assert.sameValue(new Evaluators(optionsFunction).eval("marker"), "function",
  "a function is an options object");

const reads = [];
const boom = new Test262Error("getter");
function throwingAt(name) {
  reads.length = 0;
  const getters = {};
  for (const key of ["globalThis", "importHook", "importMeta"]) {
    Object.defineProperty(getters, key, {
      get() {
        reads.push(key);
        if (key === name) throw boom;
        return undefined;
      },
    });
  }
  let thrown;
  try {
    new Evaluators(getters);
  } catch (error) {
    thrown = error;
  }
  assert.sameValue(thrown, boom, name + ": the getter's error");
  return reads.slice();
}
assert.compareArray(throwingAt("globalThis"), ["globalThis"]);
assert.compareArray(throwingAt("importHook"), ["globalThis", "importHook"]);
assert.compareArray(throwingAt("importMeta"), ["globalThis", "importHook", "importMeta"]);
