// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-interpret-descriptor (C4.5) step 9; compartments-load (C4.3)
description: >
  Aliases that form a cycle — { a: { namespace: 'b' }, b: { namespace: 'a' } } in one
  compartment's modules (followed synchronously: C4.3's guard sees the same load twice), or two
  compartments whose async loadHooks alias each other's 'x' (each waits for the other's load in
  progress: C4.5's alias check follows the chain of loads each waits for) — fail with a
  TypeError naming the cycle (no module can ever be found): never an abort, never a hang. Found
  by this suite (the first was a Rust stack overflow, the second an import that never settled).
flags: [module, async]
features: [Compartment]
includes: [asyncHelpers.js]
---*/

asyncTest(async function () {
  const c = new Compartment({ modules: { a: { namespace: 'b' }, b: { namespace: 'a' } } });
  assert.throws(TypeError, () => c.importNow('a'), 'importNow: an alias cycle');
  await assert.throwsAsync(TypeError, () => c.import('a'), 'import: an alias cycle');
  const holder = {};
  const c1 = new Compartment({ loadHook: async (s) => ({ namespace: s, compartment: holder.c2 }) });
  holder.c2 = new Compartment({ loadHook: async (s) => ({ namespace: s, compartment: c1 }) });
  await assert.throwsAsync(TypeError, () => c1.import('x'), 'an asynchronous alias cycle across compartments');
});
