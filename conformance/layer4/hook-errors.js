// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-import-hook (C4.4) steps 2, 5; compartments-load (C4.3) steps 5-7, 10;
  compartments-compartment-import (C4.8) step 5; compartments-compartment-import-now (C4.10)
  step 2; compartments-compartment-load-now (C4.11) step 5; ECMA-262 FinishLoadingImportedModule
description: >
  No hook failure hangs or half-registers a module. resolveHook: a throw, or a result that is not
  a String (a number, undefined, a String object — our reading: no ToString), fails the
  referrer's import (a TypeError for a non-string, naming the hook and the specifier); the
  loadHook is not called for it. loadHook: a throw (synchronous), a rejected promise, a promise
  of undefined, undefined itself, a non-object, or an object that is no descriptor. import and
  load reject with the error (the thrown value itself, or a TypeError for a bad result); importNow
  and loadNow throw it synchronously — for the root or for a dependency, in which case the
  importer's body never runs. Failures are not memoised: once the hook behaves, the next
  attempt calls it again and succeeds. A failing importNow or loadNow keeps nothing it loaded
  (the importer is loaded again next time); import and load keep the modules whose own load
  succeeded (the importer is memoised, unevaluated, as a host keeps a module whose dependency
  failed), and a later import, after repair, loads the missing dependency and runs both once.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-hook-results, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const ran = [];
const thrown = new RangeError('thrown');
const rejected = new URIError('rejected');
const resolveFailures = {
  throws: () => { throw thrown; },
  number: () => 1,
  undefined: () => undefined,
  stringObject: () => new String('dep'),
};
const loadFailures = {
  throws: () => { throw thrown; },
  rejects: () => Promise.reject(rejected),
  resolvesUndefined: () => Promise.resolve(undefined),
  undefined: () => undefined,
  number: () => 7,
  empty: () => ({}),
};
function expect(name) {
  return name === 'throws' ? thrown : name === 'rejects' ? rejected : TypeError;
}
function check(error, name, label) {
  const expected = expect(name);
  if (typeof expected === 'function') {
    assert(error instanceof expected, label + ': a TypeError, not ' + error);
  } else {
    assert.sameValue(error, expected, label + ': the very error');
  }
}
async function rejection(promise) {
  try { await promise; } catch (e) { return e; }
  throw new Test262Error('did not reject');
}
function thrownBy(f) {
  try { f(); } catch (e) { return e; }
  throw new Test262Error('did not throw');
}

asyncTest(async function () {
  for (const name of Object.keys(resolveFailures)) {
    let broken = true;
    const loads = [];
    const c = new Compartment({
      globals: { ran },
      resolveHook: (specifier, referrer) => (broken ? resolveFailures[name]() : specifier),
      loadHook(specifier) {
        loads.push(specifier);
        return { source: new ModuleSource(specifier === 'importer' ? `import 'dep'; ran.push('importer');` : ``) };
      },
    });
    check(thrownBy(() => c.importNow('importer')), name, 'resolveHook ' + name + ' importNow');
    check(thrownBy(() => c.loadNow('importer')), name, 'resolveHook ' + name + ' loadNow');
    assert.compareArray(loads, ['importer', 'importer'], 'importNow and loadNow keep nothing: the importer is loaded again');
    check(await rejection(c.import('importer')), name, 'resolveHook ' + name + ' import');
    check(await rejection(c.load('importer')), name, 'resolveHook ' + name + ' load');
    check(thrownBy(() => c.importNow('importer')), name, 'resolveHook ' + name + ' importNow after import');
    assert.compareArray(loads, ['importer', 'importer', 'importer'], 'import keeps the importer it loaded; no loadHook call for the unresolved import');
    broken = false;
    await c.import('importer');
    assert.compareArray(ran, ['importer'], 'repaired: the importer runs once');
    ran.length = 0;
  }

  for (const name of Object.keys(loadFailures)) {
    let broken = true;
    const calls = [];
    const c = new Compartment({
      globals: { ran },
      resolveHook: (s) => s,
      loadHook(specifier) {
        calls.push(specifier);
        if (specifier === 'importer') return { source: new ModuleSource(`import 'dep'; ran.push('importer');`) };
        return broken ? loadFailures[name]() : { source: new ModuleSource(`ran.push('dep');`) };
      },
    });
    check(await rejection(c.import('dep')), name, 'loadHook ' + name + ' import');
    check(await rejection(c.load('dep')), name, 'loadHook ' + name + ' load');
    check(await rejection(c.import('importer')), name, 'loadHook ' + name + ' import of the importer');
    if (name !== 'rejects' && name !== 'resolvesUndefined') {
      check(thrownBy(() => c.importNow('dep')), name, 'loadHook ' + name + ' importNow');
      check(thrownBy(() => c.loadNow('dep')), name, 'loadHook ' + name + ' loadNow');
      check(thrownBy(() => c.importNow('importer')), name, 'loadHook ' + name + ' importNow of the importer');
    }
    assert.compareArray(ran, [], 'nothing ran');
    broken = false;
    c.importNow('importer');
    assert.compareArray(ran, ['dep', 'importer'], 'repaired: both run once');
    ran.length = 0;
  }
});
