// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (ModuleDescriptor: { record: ModuleSource, ... } "a reusable
  record of the compiled source", { source: VirtualModuleSource, ... }); compartments-interpret-descriptor
  (C4.5) steps 2-6; compartments-instantiate (C4.6) steps 1-3
description: >
  C4.5 step 6: a descriptor whose record is not undefined, or whose source is an object, is
  instantiated anew in the compartment (C4.6): a ModuleSource through its [[ModuleSource]]
  (CreateModuleRecord), any other object as a layer 2 virtual module source
  (CreateVirtualModuleRecord) — our reading: record and source both take either kind, and
  record wins when both are present (a source string beside it is ignored). One ModuleSource
  given for two specifiers, or to two compartments, makes separate instances (reusable: state is
  per instance). The module runs in the compartment (its global, its own eval) and its imports,
  a virtual source's binding specifiers included, are resolved and loaded by the compartment.
  A virtual source that layer 2 rejects (duplicate export: SyntaxError; bindings not an
  object: TypeError) rejects the load with that error, which is not memoised.
flags: [module, async]
features: [ModuleSource, virtual-module-source, Compartment]
reading: compartment-descriptors
includes: [asyncHelpers.js, compareArray.js]
---*/

const counter = new ModuleSource(`export let count = 0; export function bump() { count += 1; } export const who = globalThis.who; export const ownEval = eval === globalThis.eval;`);
const virtual = {
  bindings: [{ import: 'count', from: 'counterA' }, { export: 'doubled' }],
  execute(env) { env.doubled = env.count * 2 + 1; },
};
let duplicates = 0;
const c = new Compartment({
  globals: { who: 'c' },
  resolveHook: (specifier) => specifier,
  modules: {
    counterA: { record: counter },
    counterB: { source: counter },
    both: { record: new ModuleSource(`export const from = 'record';`), source: new ModuleSource(`export const from = 'source';`) },
    recordAndString: { record: new ModuleSource(`export const from = 'record';`), source: 'ignored' },
    virtualSource: { source: virtual },
    virtualRecord: { record: virtual },
    bad: { source: { bindings: [{ export: 'x' }, { export: 'x' }] } },
    badBindings: { source: { bindings: 1 } },
  },
});

asyncTest(async function () {
  const a = await c.import('counterA');
  const b = await c.import('counterB');
  assert.notSameValue(a, b, 'one ModuleSource, two specifiers, two instances');
  a.bump();
  assert.sameValue(a.count, 1);
  assert.sameValue(b.count, 0, 'separate state');
  assert.sameValue(a.who, 'c', "the compartment's global");
  assert.sameValue(a.ownEval, true, "the compartment's eval");
  assert.sameValue(c.importNow('both').from, 'record', 'record wins');
  assert.sameValue(c.importNow('recordAndString').from, 'record', 'a source string beside record is ignored');

  const v = await c.import('virtualSource');
  assert.sameValue(v.doubled, 3, 'a virtual source; its import of counterA is the compartment module');
  const r = await c.import('virtualRecord');
  assert.sameValue(r.doubled, 3, 'a virtual source as record');
  assert.notSameValue(r, v, 'separate instances');
  assert.compareArray(Object.keys(v), ['doubled']);

  const other = new Compartment({ resolveHook: (s) => s, modules: { counterA: { source: counter } }, globals: { who: 'other' } });
  const otherA = other.importNow('counterA');
  assert.notSameValue(otherA, a, 'another compartment, another instance');
  assert.sameValue(otherA.count, 0);
  assert.sameValue(otherA.who, 'other');

  await assert.throwsAsync(SyntaxError, () => c.import('bad'), 'layer 2 rejects duplicate exports');
  await assert.throwsAsync(SyntaxError, () => c.import('bad'), 'not memoised: the same error again');
  assert.throws(TypeError, () => c.importNow('badBindings'), 'bindings must be an object');
});
