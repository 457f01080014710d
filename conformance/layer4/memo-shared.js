// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ("If a host supports both importNow and import, they must share
  a memo of full specifiers ... importNow and loadNow followed by import or load must not
  accidentally reexecute the underlying module or produce different namespaces"; load "does not
  execute any modules"); compartments-load (C4.3) step 1; compartments-compartment-import (C4.8);
  compartments-compartment-import-now (C4.10); compartments-compartment-load-now (C4.11)
description: >
  One memo of full specifiers serves import, load, importNow, loadNow and the imports of the
  compartment's modules: whichever comes first instantiates the module, every later one gets the
  same Module Record (a memo event, no hook call), so a module runs at most once per compartment
  and every way of asking gives the same namespace. load and loadNow load the whole graph and
  evaluate nothing (the bodies run only at the first import or importNow); load resolves with
  undefined, loadNow returns undefined. A module first loaded as another's dependency is served
  from the memo to importNow and import. Each compartment has its own memo.
flags: [module, async]
features: [ModuleSource, Compartment]
includes: [asyncHelpers.js, compareArray.js]
---*/

const runs = [];
const hooks = [];
const sources = {
  a: `import 'b'; runs.push('a');`,
  b: `runs.push('b'); export const b = 'b';`,
  c: `import { b } from 'b'; runs.push('c'); export { b };`,
  d: `runs.push('d');`,
};
function make() {
  return new Compartment({
    globals: { runs },
    resolveHook: (s) => s,
    loadHook(s) {
      hooks.push(s);
      return { source: new ModuleSource(sources[s]) };
    },
  });
}

asyncTest(async function () {
  const c = make();
  assert.sameValue(await c.load('a'), undefined, 'load resolves undefined');
  assert.sameValue(c.loadNow('c'), undefined, 'loadNow returns undefined');
  assert.compareArray(runs, [], 'nothing evaluated by load or loadNow');
  assert.compareArray(hooks, ['a', 'b', 'c'], 'each loaded once');

  const nsB = c.importNow('b');
  assert.compareArray(runs, ['b'], 'importNow evaluates b only');
  const nsA = await c.import('a');
  assert.compareArray(runs, ['b', 'a'], 'import evaluates a; b is not run again');
  assert.sameValue(await c.import('b'), nsB, 'import after importNow');
  assert.sameValue(c.importNow('a'), nsA, 'importNow after import');
  const nsC = await c.import('c');
  assert.sameValue(nsC.b, 'b');
  assert.compareArray(runs, ['b', 'a', 'c']);
  await c.load('c');
  c.loadNow('a');
  assert.compareArray(hooks, ['a', 'b', 'c'], 'no hook call after the first loads');

  const d1 = c.importNow('d');
  const d2 = await c.import('d');
  c.loadNow('d');
  await c.load('d');
  assert.sameValue(d1, d2);
  assert.compareArray(runs, ['b', 'a', 'c', 'd'], 'd ran once');

  runs.length = 0;
  hooks.length = 0;
  const other = make();
  const otherB = other.importNow('b');
  assert.notSameValue(otherB, nsB, 'another compartment, its own memo');
  assert.compareArray(runs, ['b']);
  assert.compareArray(hooks, ['b']);
});
