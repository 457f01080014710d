// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ({ namespace: string, compartment }: "an alias to an existing
  module instance given the full specifier of the module in a different compartment ... by
  default, this compartment"), "Virtualized web compartment" ({ instance: response.url }),
  "Inter-compartment linkage" ({ instance, compartment }); compartments-interpret-descriptor
  (C4.5) steps 4-5, 8-9
description: >
  C4.5 step 9: { namespace: string, compartment } is the very module instance the other
  compartment has (or loads, through its own memo, modules and loadHook) for that full
  specifier: the same namespace object, live bindings, evaluated once, in the other
  compartment's global. Without compartment the alias is to this compartment's own module for
  that string (the web example's redirect). The alias is memoised under this compartment's full
  specifier. Our reading (SPEC ISSUE, step 5): { instance: string, compartment } is the same form
  as the text's examples use it; namespace wins when both are there. A load the other compartment
  has to wait for is waited for (memo "loading" for a concurrent request); its failure rejects
  the alias, not memoised. Step 9.a: a compartment that is not a Compartment (an object, null) is
  a TypeError; step 9.b: an alias of itself (no compartment, or this compartment, with the same
  string) is a TypeError.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-descriptors
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
let otherFails = true;
const other = new Compartment({
  globals: { who: 'other' },
  resolveHook: (s) => s,
  async loadHook(specifier) {
    log.push(`other loadHook(${specifier})`);
    if (specifier === 'flaky' && otherFails) {
      otherFails = false;
      throw new EvalError('other cannot load it');
    }
    return {
      source: new ModuleSource(`export let value = 0; export function set(v) { value = v; } export const who = globalThis.who; globalThis.runs = (globalThis.runs || 0) + 1; export const runs = globalThis.runs;`),
    };
  },
});
const c = new Compartment({
  globals: { who: 'c' },
  resolveHook: (s) => s,
  modules: {
    alias: { namespace: 'real', compartment: other },
    instance: { instance: 'real', compartment: other },
    both: { namespace: 'real', instance: 'elsewhere', compartment: other },
    redirect: { namespace: 'canonical' },
    canonical: { source: new ModuleSource(`export const canonical = globalThis.who;`) },
    chained: { namespace: 'alias' },
    flaky: { namespace: 'flaky', compartment: other },
    importer: { source: new ModuleSource(`import { value, set } from 'alias'; export function read() { return value; } export { set };`) },
    self: { namespace: 'self' },
    selfExplicit: { namespace: 'selfExplicit', compartment: null },
    notCompartment: { namespace: 'real', compartment: {} },
  },
});

asyncTest(async function () {
  const [alias, instance] = await Promise.all([c.import('alias'), c.import('instance')]);
  const real = await other.import('real');
  assert.sameValue(alias, real, "the other compartment's very namespace");
  assert.sameValue(instance, real, '{ instance, compartment } is the same form');
  assert.sameValue(real.who, 'other', "evaluated in the other compartment's global");
  assert.sameValue(real.runs, 1, 'once');
  assert.sameValue(c.importNow('both'), real, 'namespace wins over instance');
  assert.compareArray(log, ['other loadHook(real)'], "one load, by the other compartment's loadHook");

  const importer = c.importNow('importer');
  real.set(42);
  assert.sameValue(importer.read(), 42, 'a live binding across compartments');
  assert.sameValue(alias.value, 42);

  assert.sameValue(c.importNow('redirect'), c.importNow('canonical'), 'without compartment: this compartment');
  assert.sameValue(c.importNow('redirect').canonical, 'c');
  assert.sameValue(c.importNow('chained'), real, 'an alias of an alias');

  log.length = 0;
  await assert.throwsAsync(EvalError, () => c.import('flaky'), "the other compartment's error");
  assert.sameValue((await c.import('flaky')).who, 'other', 'not memoised: the second try loads');
  assert.compareArray(log, ['other loadHook(flaky)', 'other loadHook(flaky)']);

  assert.throws(TypeError, () => c.importNow('self'), 'an alias of itself');
  assert.throws(TypeError, () => c.importNow('selfExplicit'), 'compartment null is not a Compartment');
  assert.throws(TypeError, () => c.importNow('notCompartment'), 'compartment must be a Compartment');
  const selfish = new Compartment({ loadHook: (s) => ({ namespace: s, compartment: selfHolder.c }) });
  const selfHolder = { c: selfish };
  assert.throws(TypeError, () => selfish.importNow('x'), 'this compartment given explicitly, same string');
});
