// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ({ record, importMeta? }: "If the source utters import.meta, the
  compartment will construct an importMeta object with a null prototype. If the module
  descriptor has an importMeta property, the compartment will copy the own properties of the
  descriptor's importMeta over the compartment's importMeta using [[Set]]"; virtual sources:
  "If the virtual module source has a true needsImportMeta property, the compartment will
  construct an importMeta by the same process"); compartments-instantiate (C4.6) step 4
description: >
  Step 4: only a source that needs import.meta (its needsImportMeta: import.meta in the source
  text, or a virtual source's needsImportMeta) gets one, made at instantiation: a fresh
  null-prototype object per module instance (two instances of one source and one importMeta
  object have two import.meta objects), onto which the importMeta's own enumerable properties —
  string and symbol keys, our reading of "own properties" as Object.assign's — are copied with
  [[Set]] (a getter runs once, at instantiation, not at evaluation; an own "__proto__" becomes a
  plain property, as the object has no prototype; non-enumerable and inherited ones are not
  copied). Later changes to the importMeta object are not seen. A source that does not need
  import.meta gets none: the importMeta getters never run. A virtual source's execute receives
  the object as its importMeta option, and import.meta is writable by the module.
flags: [module, async]
features: [ModuleSource, virtual-module-source, Compartment]
reading: compartment-import-meta
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const sym = Symbol.for('meta');
const importMeta = Object.create({ inherited: true });
importMeta.url = 'https://example.com/m.js';
Object.defineProperty(importMeta, 'computed', { enumerable: true, get() { log.push('computed getter'); return 'computed'; } });
Object.defineProperty(importMeta, 'hidden', { enumerable: false, value: 'hidden' });
Object.defineProperty(importMeta, '__proto__', { enumerable: true, value: 'plain', writable: true, configurable: true });
importMeta[sym] = 'symbol';
const unused = { get url() { log.push('unused getter'); return 'x'; } };
const source = new ModuleSource(`export const meta = import.meta; import.meta.written = true; export function read() { return import.meta; }`);
let virtualMeta;
const c = new Compartment({
  modules: {
    a: { source, importMeta },
    b: { source, importMeta },
    plain: { source: new ModuleSource(`export const meta = import.meta;`) },
    noMeta: { source: new ModuleSource(`export const x = 1;`), importMeta: unused },
    virtual: {
      source: { bindings: [], needsImportMeta: true, execute(env, options) { virtualMeta = options.importMeta; } },
      importMeta: { url: 'virtual' },
    },
    virtualNoMeta: { source: { bindings: [], execute(env, options) { virtualMeta = options.importMeta; } }, importMeta: unused },
  },
});

asyncTest(async function () {
  const a = c.importNow('a');
  assert.compareArray(log, ['computed getter'], 'the getter ran at instantiation');
  importMeta.url = 'changed';
  const b = await c.import('b');
  const meta = a.meta;
  assert.sameValue(Object.getPrototypeOf(meta), null, 'null prototype');
  assert.compareArray(Reflect.ownKeys(meta), ['url', 'computed', '__proto__', 'written', sym], 'copied keys and the module\'s own (strings before symbols)');
  assert.sameValue(meta.url, 'https://example.com/m.js');
  assert.sameValue(meta.computed, 'computed');
  assert.sameValue(meta.__proto__, 'plain', 'a plain property on a null-prototype object');
  assert.sameValue(meta[sym], 'symbol', 'symbol keys are copied');
  assert.sameValue(meta.written, true, 'import.meta is writable by the module');
  assert.sameValue(a.read(), meta, 'one object per instance');
  assert.notSameValue(b.meta, meta, 'another instance, another object');
  assert.sameValue(b.meta.url, 'changed', "b's was made when b was loaded, after the change");
  assert.sameValue(a.meta.url, 'https://example.com/m.js', "a's does not follow later changes");

  const plain = c.importNow('plain').meta;
  assert.sameValue(Object.getPrototypeOf(plain), null);
  assert.compareArray(Reflect.ownKeys(plain), [], 'no importMeta: an empty object');

  log.length = 0;
  c.importNow('noMeta');
  assert.compareArray(log, [], 'no import.meta needed: the importMeta is not read');

  await c.import('virtual');
  assert.sameValue(Object.getPrototypeOf(virtualMeta), null, 'a virtual source that needs import.meta');
  assert.sameValue(virtualMeta.url, 'virtual');
  virtualMeta = 'not called';
  await c.import('virtualNoMeta');
  assert.sameValue(virtualMeta, undefined, 'no needsImportMeta: no importMeta option');
  assert.compareArray(log, [], 'and its importMeta not read');
});
