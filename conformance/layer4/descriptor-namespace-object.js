// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ({ namespace: ModuleExportsNamespace }: "an alias to an existing
  module instance given a module exports namespace object"; { namespace: ^ModuleExportsNamespace }:
  "an emulation of a module exports namespace, using a frozen snapshot of the own properties of
  the given object ... does not reflect any future changes"); compartments-interpret-descriptor
  (C4.5) step 10
description: >
  Step 10.a: a module namespace exotic object stands for its module — the host's, another
  compartment's or a Module's: importing the specifier gives that very namespace, importers get
  live bindings, and the module is not evaluated again. Step 10.b, our reading of "snapshot": any other
  object becomes a module whose exports are the object's own enumerable string-keyed properties,
  in EnumerableOwnProperties order, with the values read once at load time (a getter runs once,
  then); non-enumerable and symbol-keyed properties are not exports; later changes to the object
  (new values, new properties) are not seen, and the exports cannot be written from outside
  (a module namespace). Each is memoised: a second import gives the same namespace without
  reading the object again. The snapshot's log entry is a virtual module whose execute sets the
  exports (kind "namespace snapshot").
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-descriptors
includes: [asyncHelpers.js, compareArray.js]
---*/

import * as hostNamespace from './default-dep_FIXTURE.js';

const log = [];
const object = {
  b: 'b',
  a: 'a',
  get computed() { log.push('getter'); return 'computed'; },
};
Object.defineProperty(object, 'hidden', { value: 'hidden', enumerable: false });
object[Symbol.for('symbol')] = 'symbol';
const otherCompartment = new Compartment({ modules: { m: { source: new ModuleSource(`export let live = 1; export function bump() { live += 1; }`) } } });
const otherNamespace = otherCompartment.importNow('m');
const c = new Compartment({
  resolveHook: (s) => s,
  modules: {
    host: { namespace: hostNamespace },
    other: { namespace: otherNamespace },
    snapshot: { namespace: object },
    importer: { source: new ModuleSource(`import { live } from 'other'; export function read() { return live; }`) },
  },
});

asyncTest(async function () {
  assert.sameValue(await c.import('host'), hostNamespace, "the host's module namespace");
  assert.sameValue(c.importNow('other'), otherNamespace, "another compartment's module namespace");
  const importer = c.importNow('importer');
  otherNamespace.bump();
  assert.sameValue(importer.read(), 2, 'live bindings');

  const snapshot = c.importNow('snapshot');
  assert.compareArray(log, ['getter'], 'the getter runs once, at load time');
  assert.compareArray(Object.keys(snapshot), ['a', 'b', 'computed'], 'own enumerable string keys (sorted, as namespaces are)');
  assert.sameValue(snapshot.computed, 'computed');
  assert.sameValue(snapshot[Symbol.toStringTag], 'Module', 'a module namespace');
  object.a = 'changed';
  object.added = 'added';
  assert.sameValue(snapshot.a, 'a', 'later changes are not seen');
  assert.sameValue('added' in snapshot, false, 'nor new properties');
  assert.throws(TypeError, () => { snapshot.a = 'x'; }, 'exports are not writable from outside');
  assert.sameValue(await c.import('snapshot'), snapshot, 'memoised');
  assert.compareArray(log, ['getter'], 'not read again');
});
