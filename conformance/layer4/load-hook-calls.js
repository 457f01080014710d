// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (loadHook: "If loading or importing a module misses the
  compartment's memo and the modules table, the compartment calls the asynchronous loadHook"),
  "User Code" (the sketch's #descriptor memo of eventual descriptors, its eventualDescriptocr
  read as eventualDescriptor); compartments-load (C4.3) steps 1, 5-11
description: >
  The loadHook is called with this undefined and exactly one argument, the full specifier, and
  at most once per full specifier while its load is in flight or after it succeeded, as the user
  code sketch memoises eventual descriptors: import, load and a module's own import of one
  specifier, started in the same turn while the hook's promise is pending, share one call (memo
  events with state "loading", then every waiter settles with the one module); after success the
  memo holds the module ("loaded"). A hook that returns a promise is awaited (step 9-10: the
  descriptor is interpreted when it fulfils, one job or more later); one that returns a
  descriptor is used at once (step 7). A rejected load is removed from the memo (step 10): the
  next request calls the hook again. A specifier the modules option lists never reaches the
  loadHook (step 3 comes before step 5).
flags: [module, async]
features: [ModuleSource, Compartment]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
let fail = true;
const c = new Compartment({
  resolveHook: (specifier) => specifier,
  modules: { listed: { source: new ModuleSource(`export const listed = true;`) } },
  loadHook(fullSpecifier) {
    log.push(`loadHook(${fullSpecifier}) this=${this} args=${arguments.length}`);
    if (fullSpecifier === 'flaky' && fail) {
      fail = false;
      return Promise.reject(new RangeError('flaky'));
    }
    return Promise.resolve({
      source: new ModuleSource(fullSpecifier === 'app'
        ? `import { shared } from 'shared'; import { listed } from 'listed'; export { shared, listed };`
        : `export const shared = ${JSON.stringify(fullSpecifier)};`),
    });
  },
});

asyncTest(async function () {
  const first = c.import('shared');
  const second = c.load('shared');
  const app = c.import('app');
  const third = c.import('shared');
  log.push('same turn');
  const [ns1, loaded, appNs, ns3] = await Promise.all([first, second, app, third]);
  assert.sameValue(loaded, undefined, 'load resolves undefined');
  assert.sameValue(ns1, ns3, 'one module');
  assert.sameValue(appNs.shared, 'shared', "the app's import got it too");
  assert.sameValue(appNs.listed, true, 'from the modules option');
  assert.sameValue(c.importNow('shared'), ns1, 'then memoised');
  assert.compareArray(log, [
    'loadHook(shared) this=undefined args=1',
    'loadHook(app) this=undefined args=1',
    'same turn',
  ]);

  log.length = 0;
  await assert.throwsAsync(RangeError, () => c.import('flaky'), 'the rejection');
  const flaky = await c.import('flaky');
  assert.sameValue(flaky.shared, 'flaky', 'the second call succeeds');
  assert.compareArray(log, ['loadHook(flaky) this=undefined args=1', 'loadHook(flaky) this=undefined args=1']);
});
