// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-evaluators-constructor (C3.1) steps 3-4, 6, 7.a, 9-10, 12-13
description: >
  options that is neither undefined nor an Object is a TypeError (step 4), before any option is
  read. An option is absent only when its value is undefined (steps 6, 9, 12); any other value
  is checked at once, before the next option is read: globalThis must be an Object (step 7.a),
  importHook callable (step 10: a class constructor is callable, so accepted), importMeta an
  Object (step 13: a function is one). null is not absent: it is a TypeError for each option. No
  Evaluators record is created for a construction that throws (only the accepted constructions
  have an "evaluators" event in the log).
flags: [onlyStrict]
features: [Evaluators]
includes: [compareArray.js]
---*/

for (const options of [null, 0, 1, "", "options", true, false, Symbol("options"), 1n]) {
  assert.throws(TypeError, () => new Evaluators(options), "options " + String(options));
}

const reads = [];
function reading(values) {
  reads.length = 0;
  const options = {};
  for (const key of ["globalThis", "importHook", "importMeta"]) {
    Object.defineProperty(options, key, {
      get() {
        reads.push(key);
        return values[key];
      },
    });
  }
  return options;
}

for (const value of [null, 0, "global", true, Symbol("global"), 1n]) {
  assert.throws(TypeError, () => new Evaluators(reading({ globalThis: value })),
    "globalThis " + String(value));
  assert.compareArray(reads, ["globalThis"], "importHook is not read after a bad globalThis");
}

for (const value of [null, 0, "hook", true, {}, [], Symbol("hook"), new Proxy({}, {})]) {
  assert.throws(TypeError, () => new Evaluators(reading({ importHook: value })),
    "importHook " + String(typeof value));
  assert.compareArray(reads, ["globalThis", "importHook"],
    "importMeta is not read after a bad importHook");
}

for (const value of [null, 0, "meta", true, Symbol("meta"), 1n]) {
  assert.throws(TypeError, () => new Evaluators(reading({ importMeta: value })),
    "importMeta " + String(value));
  assert.compareArray(reads, ["globalThis", "importHook", "importMeta"]);
}

// Accepted: explicit undefined is absent; a class and a callable Proxy are callable; a
// function is an Object.
new Evaluators({ globalThis: undefined, importHook: undefined, importMeta: undefined });
new Evaluators({ importHook: class {} });
new Evaluators({ importHook: new Proxy(function () {}, {}) });
new Evaluators({ globalThis: function () {}, importMeta: function () {} });
new Evaluators({ globalThis: [], importMeta: [] });
