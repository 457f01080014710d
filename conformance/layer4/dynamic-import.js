// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (resolveHook "given the full specifier of the referring
  (containing) module"); compartments-import-hook (C4.4); compartments-import-hook-function
  (C4.12); compartments-compartment-constructor (C4.1) step 14; 3-evaluator.md (script contexts
  use their Evaluators' [[ImportHook]])
description: >
  import() in a module the compartment instantiated resolves through the compartment's
  resolveHook with that module's full specifier as referrer (its specifier field if it has one),
  then loads through the compartment's memo (the same namespace as compartment.import). Our
  reading of C4.12 for script contexts: import() in code run by compartment.evaluate — and in its
  Function and indirect eval code — goes through the compartment's Evaluators import hook
  (an importHook event of evaluators#N with the specifier and undefined), which calls
  resolveHook(specifier, undefined): scripts have no referrer; layer 3 memoises that hook's
  result per Evaluators and specifier, so the Function and indirect eval imports of 'dep' reuse
  the first one's (a load-result with no hook call). A Module made by the compartment's
  own Module constructor without an importHook adopts that hook. A compartment without
  resolveHook resolves as its parent (here the start compartment: the host). Failures reject the
  import() promise. The start realm's import() is untouched by compartments.
flags: [module, async]
features: [ModuleSource, Module, Compartment]
reading: compartment-script-import
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook(specifier, referrer) {
    log.push(`resolveHook(${specifier}, ${referrer})`);
    if (specifier === 'bad') throw new RangeError('cannot resolve');
    return 'full:' + specifier;
  },
  modules: {
    'full:main': { source: new ModuleSource(`export const load = (s) => import(s);`), specifier: 'full:canonical-main' },
    'full:dep': { source: new ModuleSource(`export const dep = 'dep';`) },
  },
});

asyncTest(async function () {
  const main = c.importNow('full:main');
  const dep = await main.load('dep');
  assert.sameValue(dep.dep, 'dep');
  assert.sameValue(dep, c.importNow('full:dep'), "through the compartment's memo");
  assert.sameValue(await main.load('dep'), dep, 'memoised');
  await assert.throwsAsync(RangeError, () => main.load('bad'), "resolveHook's error rejects");
  assert.compareArray(log, [
    'resolveHook(dep, full:canonical-main)',
    'resolveHook(bad, full:canonical-main)',
  ], "the module's specifier is the referrer; a second import() of 'dep' by the same module is memoised");

  log.length = 0;
  assert.sameValue(await c.evaluate(`import('dep')`), dep, 'import() in evaluate');
  assert.sameValue(await c.evaluate(`Function("return import('dep2'.slice(0, 3))")()`), dep, 'in Function code');
  assert.sameValue(await c.evaluate(`(0, eval)("import('./dep'.slice(2))")`), dep, 'in indirect eval code');
  const viaModule = await c.evaluate(`import(new Module(new ModuleSource("export { dep } from 'dep';")))`);
  assert.sameValue(viaModule.dep, 'dep', "a Module of the compartment's Module constructor adopts its import hook");
  await assert.throwsAsync(RangeError, () => c.evaluate(`import('bad')`), 'a failure rejects');
  assert.compareArray(log, [
    'resolveHook(dep, undefined)',
    'resolveHook(dep, undefined)',
    'resolveHook(bad, undefined)',
  ], 'scripts resolve with no referrer; the Function and eval imports reuse the first (layer 3 memo), the Module asks anew');

  const plain = new Compartment();
  const host = await plain.evaluate(`import('./layer4/default-dep_FIXTURE.js')`);
  assert.sameValue(host.dep, 'dep', 'no resolveHook: the host resolves, the compartment instantiates its own');
  assert.notSameValue(host, await import('./default-dep_FIXTURE.js'), "the start realm's import() gives the host's own module");
});
