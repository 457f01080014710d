// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-interpret-descriptor (C4.5) steps 1-10; compartments-instantiate (C4.6) step 4.b
description: >
  Our reading of the order (the proposal gives the descriptor forms as a TypeScript union):
  InterpretDescriptor reads, with [[Get]] and once each, record, source, namespace and instance
  (steps 2-5), then only what the chosen form needs: specifier then importMeta for a record or
  source object (step 6), importMeta for a source string (step 7), compartment for a namespace
  string (step 9), nothing more for a namespace object, whose own enumerable properties are then
  read as EnumerableOwnProperties does (ownKeys, then getOwnPropertyDescriptor and get per key).
  No has check is made. The importMeta object's own enumerable properties are read by Instantiate
  (ownKeys, getOwnPropertyDescriptor, get per key) only when the source needs import.meta. An
  abrupt completion of any read fails the load (importNow throws it), and no later property is
  read; an importMeta getter is not called when the source does not need import.meta.
flags: [onlyStrict]
features: [ModuleSource, Compartment]
reading: [compartment-descriptors, compartment-sync-load-hook]
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
var other = new Compartment({ modules: { o: { source: new ModuleSource("export default 'o'") } } });
var parent = new Compartment({ modules: { p: { source: new ModuleSource("export default 'p'") } } });
var descriptors = {
  record: function () { return spy("d", { record: new ModuleSource("export default import.meta.u"), specifier: "recordCanonical", importMeta: spy("meta", { u: 1 }) }); },
  source: function () { return spy("d", { source: new ModuleSource("export default 2"), importMeta: spy("meta", { u: 1 }) }); },
  sourceString: function () { return spy("d", { source: "p", importMeta: spy("meta", { u: 1 }) }); },
  namespaceString: function () { return spy("d", { namespace: "o", compartment: other }); },
  instance: function () { return spy("d", { instance: "o", compartment: other }); },
  namespaceObject: function () { return spy("d", { namespace: spy("object", { x: 1 }) }); },
};
var expected = {
  record: ["d.get record", "d.get source", "d.get namespace", "d.get instance", "d.get specifier", "d.get importMeta",
    "meta.ownKeys", "meta.getOwnPropertyDescriptor u", "meta.get u"],
  source: ["d.get record", "d.get source", "d.get namespace", "d.get instance", "d.get specifier", "d.get importMeta"],
  sourceString: ["d.get record", "d.get source", "d.get namespace", "d.get instance", "d.get importMeta"],
  namespaceString: ["d.get record", "d.get source", "d.get namespace", "d.get instance", "d.get compartment"],
  instance: ["d.get record", "d.get source", "d.get namespace", "d.get instance", "d.get compartment"],
  namespaceObject: ["d.get record", "d.get source", "d.get namespace", "d.get instance",
    "object.ownKeys", "object.getOwnPropertyDescriptor x", "object.get x"],
};
var c = new parent.globalThis.Compartment({ loadHook: function (specifier) { return descriptors[specifier](); } });
Object.keys(descriptors).forEach(function (form) {
  log.length = 0;
  c.importNow(form);
  assert.compareArray(log, expected[form], form);
});

["record", "source", "namespace", "instance", "specifier", "importMeta"].forEach(function (failing, i) {
  var reads = [];
  var target = { source: new ModuleSource("export default import.meta") };
  var throwing = new Proxy(target, {
    get: function (t, k, r) {
      reads.push(k);
      if (k === failing) throw new Test262Error(failing);
      return Reflect.get(t, k, r);
    },
  });
  var failingCompartment = new Compartment({ loadHook: function () { return throwing; } });
  assert.throws(Test262Error, function () { failingCompartment.importNow("x"); }, failing + " throws");
  assert.compareArray(reads, ["record", "source", "namespace", "instance", "specifier", "importMeta"].slice(0, i + 1), "reads up to " + failing);
});
var throwingMeta = {};
Object.defineProperty(throwingMeta, "u", { enumerable: true, get: function () { throw new Test262Error("importMeta.u"); } });
var metaCompartment = new Compartment({ loadHook: function () { return { source: new ModuleSource("import.meta"), importMeta: throwingMeta }; } });
assert.throws(Test262Error, function () { metaCompartment.importNow("x"); }, "an importMeta getter throws");
var unused = new Compartment({ loadHook: function () { return { source: new ModuleSource("export {}"), importMeta: throwingMeta }; } });
unused.importNow("x");
