// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Multiple-instantiation" ("new Compartment().import(...)" five times: "five
  instances of the example module and its transitive dependencies", "reusing the host's
  compartment and module source memos"); compartments-load (C4.3) steps 1-2, 4;
  compartments-import-hook (C4.4) steps 1-4; compartments-interpret-descriptor (C4.5) step 7
description: >
  Our reading (SPEC ISSUE, C4.3 step 4): a compartment without loadHook loads a specifier that is
  not in its modules as the descriptor { source: fullSpecifier }: its parent loads that module
  (the start compartment through the host, with the realm as referrer: a load-request from
  "realm"), and the compartment instantiates the same source anew in its own global — once per
  compartment and full specifier (memoised). A compartment without resolveHook resolves as its
  parent, and the start compartment as the host (./ joined to the referrer's full specifier), so
  the fixture's import of ./default-dep_FIXTURE.js is ./layer4/default-dep_FIXTURE.js in each
  compartment. The text's example, with three compartments: three instances of both modules,
  each run with its compartment's globals, none of them the host's module, whose own evaluation
  (by import() here, later) is untouched and runs with the start global. The start compartment's
  memo serves the second and third compartments (memo events in compartment#1, no new
  load-request). import.meta of such an instance is the compartment's (a null-prototype object,
  no properties). A missing module rejects with the host's error, not memoised. A grandchild
  without hooks loads through its parent (memo hit in compartment#2) and instantiates once more.
flags: [module, async]
features: [Compartment]
reading: compartment-defaults
includes: [asyncHelpers.js, compareArray.js]
---*/

const main = './layer4/default-main_FIXTURE.js';
const dep = './layer4/default-dep_FIXTURE.js';
asyncTest(async function () {
  const namespaces = [];
  for (let i = 0; i < 3; i += 1) {
    const c = new Compartment({ globals: { who: 'compartment ' + i } });
    const ns = await c.import(main);
    assert.sameValue(ns.who, 'compartment ' + i, 'ran with its compartment global');
    assert.sameValue(ns.depNamespace.depWho, 'compartment ' + i, 'so did its dependency');
    assert.sameValue(ns.main, 'main+dep');
    assert.sameValue(await c.import(main), ns, 'memoised in the compartment');
    assert.sameValue(c.importNow(dep), ns.depNamespace, 'the dependency resolved to ' + dep);
    assert.sameValue(Object.getPrototypeOf(ns.meta), null, 'import.meta has a null prototype');
    assert.compareArray(Reflect.ownKeys(ns.meta), [], 'and no properties');
    namespaces.push(ns);
  }
  assert.notSameValue(namespaces[0], namespaces[1], 'separate instances');
  assert.notSameValue(namespaces[0].depNamespace, namespaces[1].depNamespace, 'of the dependency too');
  namespaces[0].depNamespace.increment();
  assert.sameValue(namespaces[0].depNamespace.counter, 1, 'state is per instance');
  assert.sameValue(namespaces[1].depNamespace.counter, 0, 'state is per instance');

  const host = await import('./default-main_FIXTURE.js');
  assert.sameValue(host.who, undefined, "the host's module ran with the start global");
  assert.sameValue(host.depNamespace.counter, 0, "the host's dependency is its own");
  assert.notSameValue(host, namespaces[0]);

  const c = new Compartment();
  let error;
  try { await c.import('./layer4/missing_FIXTURE.js'); } catch (e) { error = e; }
  assert(error instanceof TypeError, "the host's error: " + error);
  let again;
  try { await c.import('./layer4/missing_FIXTURE.js'); } catch (e) { again = e; }
  assert.notSameValue(again, error, 'a failed load is not memoised: a second load-request');

  const parent = new Compartment({ globals: { who: 'parent' } });
  const parentNs = parent.importNow(main);
  const grandchild = new parent.globalThis.Compartment({ globals: { who: 'grandchild' } });
  const grandNs = await grandchild.import(main);
  assert.sameValue(grandNs.who, 'grandchild', 'a new instance in the grandchild');
  assert.notSameValue(grandNs, parentNs);
  assert.notSameValue(grandNs.depNamespace, parentNs.depNamespace);
});
