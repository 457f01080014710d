// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-compartment-import (C4.8) steps 2-6; compartments-compartment-import-now (C4.10)
  step 2; compartments-compartment-load-now (C4.11)
description: >
  import, load, importNow and loadNow convert their argument with ToString (an object's toString
  is called once, a number becomes its string) and use the result as the full specifier, with no
  resolveHook call. import and load return a new %Promise% every call (even for a memoised module)
  and reject it, rather than throw, when ToString throws (a Symbol, a throwing toString: C4.8 step
  3, IfAbruptRejectPromise), with no loadHook call; importNow and loadNow throw that error
  synchronously. Called with no argument, the specifier is "undefined".
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-sync-load-hook
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const c = new Compartment({
  resolveHook(specifier) { log.push('resolveHook ' + specifier); return specifier; },
  loadHook(specifier) {
    log.push('loadHook ' + specifier);
    return { source: new ModuleSource(`export const specifier = ${JSON.stringify(specifier)};`) };
  },
});

asyncTest(async function () {
  let conversions = 0;
  const key = { toString() { conversions += 1; return 'object key'; } };
  assert.sameValue((await c.import(key)).specifier, 'object key');
  assert.sameValue(conversions, 1, 'toString called once');
  assert.sameValue(c.importNow(42).specifier, '42');
  assert.sameValue(c.importNow().specifier, 'undefined');
  await c.load(null);
  c.loadNow(true);
  assert.compareArray(log, ['loadHook object key', 'loadHook 42', 'loadHook undefined', 'loadHook null', 'loadHook true'],
    'full specifiers: no resolveHook');

  const p1 = c.import('42');
  const p2 = c.import('42');
  assert(p1 instanceof Promise, 'a %Promise%');
  assert.notSameValue(p1, p2, 'a new promise every call');
  assert.sameValue(await p1, await p2, 'for the same namespace');

  log.length = 0;
  const throwing = { toString() { throw new RangeError('toString'); } };
  for (const method of ['import', 'load']) {
    let result;
    try {
      result = c[method](Symbol('s'));
    } catch (e) {
      throw new Test262Error(method + ' threw instead of rejecting');
    }
    await assert.throwsAsync(TypeError, () => result, method + '(Symbol) rejects');
    await assert.throwsAsync(RangeError, () => c[method](throwing), method + ' rejects with the toString error');
  }
  for (const method of ['importNow', 'loadNow']) {
    assert.throws(TypeError, () => c[method](Symbol('s')), method + '(Symbol) throws');
    assert.throws(RangeError, () => c[method](throwing), method + ' throws the toString error');
  }
  assert.compareArray(log, [], 'no hook was called');
});
