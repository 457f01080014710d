// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-interpret-descriptor (C4.5) steps 1, 6-11; compartments-instantiate (C4.6)
  step 1; compartments-load (C4.3) steps 5-7, 10
description: >
  Every malformed descriptor is a TypeError, whether the loadHook returns it, resolves its promise
  with it, or the modules option holds it, and whether import (a rejection), importNow (a throw)
  or a module's import (the importer's load rejects, its body never runs) asks for it: not an
  object (undefined, null, a number, a string — step 1); no record, source, namespace or instance
  (step 11); a record that is a primitive, a namespace that is neither a string nor an object
  (step 11, our reading: record wins whenever it is not undefined); a source that is neither an
  object nor a string (our reading); an importMeta that is neither undefined nor an object (our
  reading); a compartment that is not a Compartment (step 9.a); an alias of itself (step 9.b). Our
  reading of step 7: a loadHook's result is a descriptor unless it is a promise (IsPromise), so a
  thenable is a malformed descriptor (its then is not called), not awaited (the promise case
  skips it: an async loadHook would adopt it and never settle). None of these is
  memoised: asking again interprets the descriptor again.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-descriptors, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const ran = [];
let thenCalled = false;
const malformed = {
  undefined: undefined,
  null: null,
  number: 42,
  string: 'source',
  empty: {},
  recordNumber: { record: 1 },
  recordString: { record: 'x' },
  recordNull: { record: null, source: new ModuleSource('') },
  namespaceNumber: { namespace: 1 },
  namespaceNull: { namespace: null },
  instanceNumber: { instance: true },
  sourceNumber: { source: 1 },
  sourceNull: { source: null },
  importMetaNumber: { source: new ModuleSource('import.meta'), importMeta: 1 },
  importMetaString: { source: 'x', importMeta: 'meta' },
  compartmentObject: { namespace: 'x', compartment: {} },
  compartmentNull: { namespace: 'x', compartment: null },
  self: { namespace: 'self' },
  thenable: { then() { thenCalled = true; } },
};
const names = Object.keys(malformed);
const viaLoadHook = new Compartment({ resolveHook: (s) => s, loadHook: (s) => malformed[s] });
const viaPromise = new Compartment({ resolveHook: (s) => s, loadHook: async (s) => malformed[s] });
const viaModules = new Compartment({ resolveHook: (s) => s, modules: malformed });

asyncTest(async function () {
  for (const compartment of [viaLoadHook, viaPromise, viaModules]) {
    for (const name of names) {
      // An async function adopts a thenable it returns: that one would never settle.
      if (compartment === viaPromise && name === 'thenable') continue;
      if (compartment !== viaPromise) {
        assert.throws(TypeError, () => compartment.importNow(name), 'importNow ' + name);
        assert.throws(TypeError, () => compartment.loadNow(name), 'loadNow ' + name);
      }
      await assert.throwsAsync(TypeError, () => compartment.import(name), 'import ' + name);
      await assert.throwsAsync(TypeError, () => compartment.load(name), 'load ' + name);
    }
  }
  const importer = new Compartment({
    globals: { ran },
    resolveHook: (s) => s,
    loadHook(s) {
      return s === 'importer' ? { source: new ModuleSource(`import 'empty'; ran.push('importer');`) } : malformed[s];
    },
  });
  await assert.throwsAsync(TypeError, () => importer.import('importer'), "an importer's load fails");
  assert.throws(TypeError, () => importer.importNow('importer'), 'synchronously too');
  assert.compareArray(ran, [], 'its body never ran');
  assert.sameValue(thenCalled, false, "a thenable's then is not called");
});
