// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ({ source: string, importMeta? }: "Use a module source from the
  compartment in which this compartment was constructed ... loading induces the parent
  compartment to load the module, but does not induce the parent compartment to load the
  module's transitive dependencies. This compartment then resolves the shallow dependencies
  according to its own resolveHook"); compartments-interpret-descriptor (C4.5) steps 3, 7;
  compartments-load (C4.3) step 1
description: >
  C4.5 step 7: { source: string } makes the parent compartment (the one whose Compartment
  constructor made this one) load that string — through its memo, modules and loadHook, that
  module only: the parent's resolveHook is not called for its imports and none of its
  dependencies is loaded in the parent — and this compartment instantiates the same source anew
  under its own full specifier, runs it in its own global, resolves its imports with its own
  resolveHook and loads them its own way; the descriptor's importMeta is copied onto the new
  instance's import.meta. Each such load of the same parent string makes a separate instance
  (one per full specifier in this compartment), and the parent's module, if imported there, is
  yet another instance. An asynchronous parent load (the parent's loadHook returns a promise) is
  waited for; the parent memoises its module (instantiated there, not evaluated until the parent
  imports it: a memo hit in compartment#2 then). A failing parent load rejects this load with
  the parent's error, not memoised in either compartment.
flags: [module, async]
features: [ModuleSource, Compartment]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
let parentFails = true;
const parent = new Compartment({
  globals: { who: 'parent' },
  resolveHook(specifier, referrer) {
    log.push(`parent resolveHook(${specifier}, ${referrer})`);
    return specifier;
  },
  async loadHook(specifier) {
    log.push(`parent loadHook(${specifier})`);
    if (specifier === 'failing' && parentFails) {
      parentFails = false;
      throw new EvalError('parent cannot load it');
    }
    if (specifier === 'leaf') return { source: new ModuleSource(`export const leaf = 'parent leaf';`) };
    return {
      source: new ModuleSource(`import { leaf } from 'leaf'; export const who = globalThis.who; export { leaf }; export const meta = import.meta;`),
    };
  },
});
const Child = parent.globalThis.Compartment;
const child = new Child({
  globals: { who: 'child' },
  resolveHook(specifier, referrer) {
    log.push(`child resolveHook(${specifier}, ${referrer})`);
    return 'child-' + specifier;
  },
  modules: {
    main: { source: 'shared', importMeta: { url: 'child://main' } },
    again: { source: 'shared' },
    failing: { source: 'failing' },
    'child-leaf': { source: new ModuleSource(`export const leaf = 'child leaf';`) },
  },
});

asyncTest(async function () {
  const main = await child.import('main');
  assert.sameValue(main.who, 'child', "run in the child's global");
  assert.sameValue(main.leaf, 'child leaf', "its import resolved and loaded by the child");
  assert.sameValue(main.meta.url, 'child://main', "the descriptor's importMeta");
  assert.compareArray(log, [
    'parent loadHook(shared)',
    'child resolveHook(leaf, main)',
  ], 'the parent loaded only that module');

  log.length = 0;
  const again = await child.import('again');
  assert.notSameValue(again, main, 'another full specifier, another instance');
  assert.sameValue(again.meta.url, undefined, 'no importMeta: an empty import.meta');
  assert.compareArray(log, ['child resolveHook(leaf, again)'], "the parent's memo had it: no loadHook call");

  log.length = 0;
  const inParent = await parent.import('shared');
  assert.notSameValue(inParent, main, "the parent's own instance");
  assert.sameValue(inParent.who, 'parent');
  assert.sameValue(inParent.leaf, 'parent leaf');
  assert.compareArray(log, ['parent resolveHook(leaf, shared)', 'parent loadHook(leaf)'], 'the parent loads its dependencies only now');

  log.length = 0;
  await assert.throwsAsync(EvalError, () => child.import('failing'), "the parent's error");
  const recovered = await child.import('failing');
  assert.sameValue(recovered.who, 'child', 'not memoised: loaded on the second try');
  assert.compareArray(log, [
    'parent loadHook(failing)',
    'parent loadHook(failing)',
    'child resolveHook(leaf, failing)',
  ]);
});
