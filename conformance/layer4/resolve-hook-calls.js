// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (resolveHook: "synchronously elevate an import specifier ... to
  the corresponding full specifier, given the full specifier of the referring (containing)
  module. The full specifier is the memo key for the module."); compartments-import-hook (C4.4)
  steps 1-3; compartments-load (C4.3) step 1
description: >
  For each import specifier of a module the compartment instantiated, in [[RequestedModules]]
  order (an import and an export-from of one specifier are one request), the compartment calls
  resolveHook(importSpecifier, referrerFullSpecifier) with this undefined and exactly two
  arguments, synchronously while loading the referrer's dependencies, before the loadHook of the
  dependency. A loadHook that returns a descriptor (not a promise) finishes each load
  synchronously, so InnerModuleLoading goes depth first (./a's import of ./b is resolved before
  main's second request); import/load/importNow/loadNow take a full specifier and call no resolveHook for
  it. The string returned is the memo key: two import specifiers resolving to one full specifier
  share one module (one loadHook call, a memo event for the second), and the same import
  specifier in two referrers is resolved once per referrer (the hook sees each referrer). Not
  memoised per (specifier, referrer) across requests that reach the memo: a module already linked
  is not resolved again. A cyclic import calls resolveHook and hits the memo ("loaded") for the
  module being loaded.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-sync-load-hook
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const sources = {
  'full:main': `import { a } from './a'; import './b'; export { a as reA } from './a'; import './again';`,
  'full:./a': `import { b } from './b'; export const a = 'a' + b;`,
  'full:./b': `export const b = 'b'; import './main';`,
  'full:./again': `export {};`,
};
const c = new Compartment({
  resolveHook(importSpecifier, referrer) {
    log.push(`resolve(${importSpecifier}, ${referrer}) this=${this} args=${arguments.length}`);
    return importSpecifier === './main' ? 'full:main' : 'full:' + importSpecifier;
  },
  loadHook(fullSpecifier) {
    log.push(`load(${fullSpecifier})`);
    return { source: new ModuleSource(sources[fullSpecifier]) };
  },
});
const aliasing = new Compartment({
  resolveHook(importSpecifier, referrer) {
    log.push(`resolve(${importSpecifier}, ${referrer})`);
    return 'one';
  },
  loadHook(fullSpecifier) {
    log.push(`load(${fullSpecifier})`);
    return {
      source: new ModuleSource(fullSpecifier === 'root'
        ? `import { x } from 'first'; import { x as y } from 'second'; export const same = x === y;`
        : `export const x = {};`),
    };
  },
});

asyncTest(async function () {
  const ns = await c.import('full:main');
  assert.sameValue(ns.reA, 'ab');
  assert.compareArray(log, [
    'load(full:main)',
    'resolve(./a, full:main) this=undefined args=2',
    'load(full:./a)',
    'resolve(./b, full:./a) this=undefined args=2',
    'load(full:./b)',
    'resolve(./main, full:./b) this=undefined args=2',
    'resolve(./b, full:main) this=undefined args=2',
    'resolve(./again, full:main) this=undefined args=2',
    'load(full:./again)',
  ]);
  log.length = 0;
  assert.sameValue(c.importNow('full:./a').a, 'ab', 'a full specifier: no resolveHook');
  await c.load('full:./b');
  assert.compareArray(log, [], 'nothing resolved or loaded again');

  const root = aliasing.importNow('root');
  assert.sameValue(root.same, true, 'two import specifiers, one full specifier, one module');
  assert.compareArray(log, ['load(root)', 'resolve(first, root)', 'load(one)', 'resolve(second, root)']);
});
