// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-compartment-constructor (C4.1) steps 4-10, 18
description: >
  Our reading of the order (the proposal lists the options as a TypeScript type only): each
  option is read once with [[Get]], in the order globals, resolveHook, modules, loadHook, then
  the legacy names importHook, moduleMapHook, importNowHook, loadNowHook, globalLexicals,
  __shimTransforms__ (step 8); then the modules object's own enumerable properties as
  EnumerableOwnProperties(key+value) reads them — [[OwnPropertyKeys]], then
  [[GetOwnProperty]] and [[Get]] per string key, none for symbols and no [[Get]] for a
  non-enumerable key (step 9); then NewTarget's "prototype" (step 10); then globals as
  Object.assign reads a source — [[OwnPropertyKeys]], then [[GetOwnProperty]] and [[Get]] per
  enumerable key, symbols included (step 18). The descriptors themselves are not read by the
  constructor (no trap of a descriptor proxy runs). An abrupt completion at any of these reads
  propagates and stops the construction: no later read happens, and no compartment is made —
  except for a throwing globals getter, read at step 18 after the Compartment Record of step 13
  exists: the log shows its compartment event (compartment#3), though no object is returned.
flags: [onlyStrict]
features: [Compartment]
reading: compartment-options
includes: [compareArray.js]
---*/

var log = [];
function spy(name, target) {
  return new Proxy(target, {
    get: function (t, k, r) { log.push(name + ".get " + String(k)); return Reflect.get(t, k, r); },
    has: function (t, k) { log.push(name + ".has " + String(k)); return Reflect.has(t, k); },
    ownKeys: function (t) { log.push(name + ".ownKeys"); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor: function (t, k) {
      log.push(name + ".getOwnPropertyDescriptor " + String(k));
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
  });
}
var sym = Symbol("s");
var modulesTarget = { a: spy("descriptorA", { source: "a" }), b: spy("descriptorB", { source: "b" }) };
Object.defineProperty(modulesTarget, "hidden", { value: {}, enumerable: false });
modulesTarget[sym] = {};
var globalsTarget = { g: 1 };
Object.defineProperty(globalsTarget, "hiddenGlobal", { value: 2, enumerable: false });
globalsTarget[sym] = 3;
var options = spy("options", {
  globals: spy("globals", globalsTarget),
  modules: spy("modules", modulesTarget),
  resolveHook: function () {},
  loadHook: function () {},
});
var NewTarget = spy("NewTarget", function () {});
var c = Reflect.construct(Compartment, [options], NewTarget);

assert.compareArray(log, [
  "options.get globals",
  "options.get resolveHook",
  "options.get modules",
  "options.get loadHook",
  "options.get importHook",
  "options.get moduleMapHook",
  "options.get importNowHook",
  "options.get loadNowHook",
  "options.get globalLexicals",
  "options.get __shimTransforms__",
  "modules.ownKeys",
  "modules.getOwnPropertyDescriptor a",
  "modules.get a",
  "modules.getOwnPropertyDescriptor b",
  "modules.get b",
  "modules.getOwnPropertyDescriptor hidden",
  "NewTarget.get prototype",
  "globals.ownKeys",
  "globals.getOwnPropertyDescriptor g",
  "globals.get g",
  "globals.getOwnPropertyDescriptor hiddenGlobal",
  "globals.getOwnPropertyDescriptor Symbol(s)",
  "globals.get Symbol(s)",
]);
var g = Object.getOwnPropertyDescriptor(Compartment.prototype, "globalThis").get.call(c);
assert.sameValue(g.g, 1, "enumerable global copied");
assert.sameValue(g[sym], 3, "symbol-keyed global copied");
assert.sameValue(Object.prototype.hasOwnProperty.call(g, "hiddenGlobal"), false, "non-enumerable global not copied");

// An abrupt completion at each read stops the construction there.
var reads = [
  "globals", "resolveHook", "modules", "loadHook", "importHook", "moduleMapHook",
  "importNowHook", "loadNowHook", "globalLexicals", "__shimTransforms__",
];
reads.forEach(function (failing, i) {
  var seen = [];
  var bag = {};
  reads.forEach(function (name) {
    Object.defineProperty(bag, name, {
      get: function () {
        seen.push(name);
        if (name === failing) throw new Test262Error(name);
        return undefined;
      },
    });
  });
  assert.throws(Test262Error, function () { new Compartment(bag); }, failing + " getter throws");
  assert.compareArray(seen, reads.slice(0, i + 1), "reads up to " + failing);
});
var throwingModules = new Proxy({}, { ownKeys: function () { throw new Test262Error("ownKeys"); } });
assert.throws(Test262Error, function () { new Compartment({ modules: throwingModules }); }, "modules ownKeys throws");
var throwingDescriptor = {};
Object.defineProperty(throwingDescriptor, "x", { enumerable: true, get: function () { throw new Test262Error("x"); } });
assert.throws(Test262Error, function () { new Compartment({ modules: throwingDescriptor }); }, "a modules getter throws");
var throwingPrototype = new Proxy(function () {}, { get: function (t, k) { if (k === "prototype") throw new Test262Error("prototype"); return t[k]; } });
var globalsRead = false;
assert.throws(Test262Error, function () {
  Reflect.construct(Compartment, [{ globals: { get x() { globalsRead = true; } } }], throwingPrototype);
}, "NewTarget.prototype throws");
assert.sameValue(globalsRead, false, "globals are copied after NewTarget.prototype is read");
var throwingGlobal = {};
Object.defineProperty(throwingGlobal, "x", { enumerable: true, get: function () { throw new Test262Error("global x"); } });
assert.throws(Test262Error, function () { new Compartment({ globals: throwingGlobal }); }, "a globals getter throws");
