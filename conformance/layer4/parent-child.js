// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ({ source: string }: "the compartment in which this compartment
  was constructed"); compartments-compartment-constructor (C4.1) steps 13, 15, 17;
  compartments-load (C4.3) step 4; compartments-import-hook (C4.4) step 2
description: >
  Our reading of "the compartment in which this compartment was constructed": the parent is the
  compartment whose Compartment constructor was called — the global Compartment's is the start
  compartment; c.globalThis.Compartment (also as Compartment inside c.evaluate, and whatever the
  NewTarget) makes children of c. A child without loadHook loads each specifier as
  { source: specifier } from its parent (the parent's loadHook is called, the parent memoises the
  module, the child instantiates it anew); a child without resolveHook resolves as its parent does
  (the parent's resolveHook is called, on behalf of the parent: the hook event names the parent),
  recursively: a grandchild without hooks resolves with its grandparent's resolveHook and loads
  through its parent, which loads through its own parent. Each instance runs in its own
  compartment's global.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-defaults
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const parent = new Compartment({
  globals: { who: 'parent' },
  resolveHook(specifier, referrer) { log.push(`parent resolveHook(${specifier}, ${referrer})`); return 'p:' + specifier; },
  loadHook(specifier) {
    log.push(`parent loadHook(${specifier})`);
    return {
      source: new ModuleSource(specifier === 'p:main'
        ? `import { leaf } from 'leaf'; export const who = globalThis.who; export { leaf };`
        : `export const leaf = globalThis.who;`),
    };
  },
});
const Child = parent.globalThis.Compartment;

asyncTest(async function () {
  const child = new Child({ globals: { who: 'child' } });
  const viaEvaluate = parent.evaluate(`new Compartment({ globals: { who: 'evaluated' } })`);
  const viaReflect = Reflect.construct(Child, [{ globals: { who: 'reflected' } }], Compartment);
  assert.sameValue(Object.getPrototypeOf(viaReflect), Compartment.prototype);

  const main = await child.import('p:main');
  assert.sameValue(main.who, 'child', "the child's instance runs in the child's global");
  assert.sameValue(main.leaf, 'child');
  assert.compareArray(log, [
    'parent loadHook(p:main)',
    'parent resolveHook(leaf, p:main)',
    'parent loadHook(p:leaf)',
  ], "the parent's hooks, for the child");

  log.length = 0;
  assert.sameValue((await viaEvaluate.import('p:main')).who, 'evaluated', 'made inside parent.evaluate: a child of parent');
  assert.sameValue((await viaReflect.import('p:main')).leaf, 'reflected', 'Reflect.construct with another NewTarget: a child of parent');
  assert.compareArray(log, ['parent resolveHook(leaf, p:main)', 'parent resolveHook(leaf, p:main)'], "served from the parent's memo");

  log.length = 0;
  const grandchild = new child.globalThis.Compartment({ globals: { who: 'grandchild' } });
  const grand = grandchild.importNow('p:main');
  assert.sameValue(grand.who, 'grandchild');
  assert.sameValue(grand.leaf, 'grandchild');
  assert.notSameValue(grand, main);
  assert.compareArray(log, ['parent resolveHook(leaf, p:main)'], "the grandparent's resolveHook; the child's memo serves the sources");

  const inParent = parent.importNow('p:main');
  assert.sameValue(inParent.who, 'parent', "the parent's own instance, created when the child asked");
});
