// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Thenable Module Hazard" ("We have chosen to embrace this hazard since it
  would be worse to have dynamic import and compartment import behave differently ... with
  compartment.importNow, a program can mitigate this hazard"); compartments-compartment-import
  (C4.8) step 5; compartments-compartment-import-now (C4.10) step 7
description: >
  The text's thenable.js. C4.8 step 5: compartment.import resolves its promise with the namespace
  as import() does, so a namespace exporting then is adopted as a thenable: the promise settles
  with 42, what then passed to resolve, one job after the namespace (a
  NewPromiseResolveThenableJob calls then with this the namespace). import() of the same module
  from code inside the compartment behaves the same. The text's mitigation: after load (which
  evaluates nothing and resolves with undefined, never adopting the namespace), importNow returns
  the namespace itself, with its then function, and the module's then is not called by importNow.
flags: [module, async]
features: [ModuleSource, Compartment]
includes: [asyncHelpers.js, compareArray.js]
---*/

const calls = [];
const compartment = new Compartment({
  globals: { calls },
  resolveHook: (specifier, referrer) => specifier,
  loadHook: (specifier) => ({
    source: new ModuleSource(`
      export function then(resolve) {
        calls.push(Object.prototype.toString.call(this));
        resolve(42);
      }
    `),
  }),
});

asyncTest(async function () {
  await compartment.load('./thenable.js');
  const thenableNamespace = compartment.importNow('./thenable.js');
  assert.sameValue(typeof thenableNamespace.then, 'function', 'importNow gives the namespace');
  assert.sameValue(thenableNamespace[Symbol.toStringTag], 'Module');
  assert.compareArray(calls, [], 'then was not called');

  const x = await compartment.import('./thenable.js');
  assert.sameValue(x, 42, 'import adopts the thenable namespace');
  assert.compareArray(calls, ['[object Module]'], 'then called once, on the namespace');

  const y = await compartment.evaluate(`import('./thenable.js')`);
  assert.sameValue(y, 42, 'as import() in the compartment does');
  assert.sameValue(compartment.importNow('./thenable.js'), thenableNamespace, 'still one module');
});
