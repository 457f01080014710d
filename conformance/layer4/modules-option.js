// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (modules: "If the compartment does not have a module on hand, it
  will first consult the modules object for a descriptor of the needed module");
  compartments-compartment-constructor (C4.1) step 9; compartments-load (C4.3) steps 1, 3;
  compartments-interpret-descriptor (C4.5)
description: >
  Step 9 reads the modules object's own enumerable string-keyed properties once, at
  construction: properties added, deleted or replaced on it later change nothing, and
  non-enumerable or symbol-keyed ones are not descriptors (the load falls through to the
  loadHook). C4.3 step 3 consults those descriptors after the memo and before the loadHook, for
  import, importNow and the modules' own imports alike. Our reading: a descriptor value is kept
  as is and interpreted only when its specifier is first loaded (C4.5 then reads its properties:
  a getter on it runs at load time, and a change to the descriptor object before that is seen);
  a value that is not an object is a TypeError at load time, not at construction; once loaded
  the module is memoised, so the descriptor is not interpreted again. Two compartments given the
  same modules object instantiate the same ModuleSource separately.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-descriptors, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const lazy = {
  get source() {
    log.push('lazy source read');
    return new ModuleSource(`export const lazy = 'lazy';`);
  },
};
const mutable = { source: new ModuleSource(`export const which = 'before';`) };
const modules = {
  app: { source: new ModuleSource(`import { lazy } from 'lazy'; export { lazy }; export const count = (globalThis.count = (globalThis.count || 0) + 1);`) },
  lazy,
  mutable,
  replaced: { source: new ModuleSource(`export const replaced = 'original';`) },
  deleted: { source: new ModuleSource(`export const deleted = 'kept';`) },
  notAnObject: 42,
};
Object.defineProperty(modules, 'hidden', { value: { source: new ModuleSource(`export const hidden = true;`) }, enumerable: false });
modules[Symbol.for('symbol')] = { source: new ModuleSource(`export const symbol = true;`) };
const loadHook = (specifier) => {
  log.push(`loadHook(${specifier})`);
  return { source: new ModuleSource(`export const fromLoadHook = ${JSON.stringify(specifier)};`) };
};
const c = new Compartment({ resolveHook: (s) => s, modules, loadHook });
assert.compareArray(log, [], 'no descriptor is read at construction');

modules.replaced = { source: new ModuleSource(`export const replaced = 'replacement';`) };
delete modules.deleted;
modules.added = { source: new ModuleSource(`export const added = true;`) };
mutable.source = new ModuleSource(`export const which = 'after';`);

asyncTest(async function () {
  const app = await c.import('app');
  assert.sameValue(app.lazy, 'lazy', "the app's import comes from modules");
  assert.compareArray(log, ['lazy source read'], 'the descriptor is read when loaded');
  assert.sameValue(c.importNow('lazy').lazy, 'lazy');
  assert.sameValue(c.importNow('app'), app, 'memoised');
  assert.compareArray(log, ['lazy source read'], 'and not read again');
  assert.sameValue(c.importNow('replaced').replaced, 'original', 'the value read at construction');
  assert.sameValue(c.importNow('deleted').deleted, 'kept', 'deleting later changes nothing');
  assert.sameValue(c.importNow('mutable').which, 'after', 'the descriptor object itself is read at load time');
  assert.throws(TypeError, () => c.importNow('notAnObject'), 'not an object: a TypeError when loaded');
  log.length = 0;
  assert.sameValue(c.importNow('added').fromLoadHook, 'added', 'added later: the loadHook');
  assert.sameValue(c.importNow('hidden').fromLoadHook, 'hidden', 'non-enumerable: the loadHook');
  assert.sameValue(c.importNow('Symbol(symbol)').fromLoadHook, 'Symbol(symbol)', 'symbols are not specifiers');
  assert.compareArray(log, ['loadHook(added)', 'loadHook(hidden)', 'loadHook(Symbol(symbol))']);

  const other = new Compartment({ resolveHook: (s) => s, modules });
  const otherApp = await other.import('app');
  assert.notSameValue(otherApp, app, 'another instance');
  assert.sameValue(otherApp.count, 1, 'run in its own global');
  assert.sameValue(app.count, 1);
});
