// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (importNow/loadNow: "On hosts where these functions cannot
  succeed synchronously, they must throw an error without the side effect of initializing any
  additional modules"); compartments-compartment-load-now (C4.11) steps 2-5;
  compartments-load (C4.3) steps 1.b, 8; compartments-interpret-descriptor (C4.5) steps 7, 9
description: >
  C4.11: when anything in the graph would have to wait — a loadHook returning a promise (even an
  already resolved one, for the root or a dependency three levels down), a load in flight from an
  earlier import (memo "loading"), a { source: string } whose parent's load is asynchronous, an
  alias to another compartment's asynchronous load — importNow and loadNow throw a TypeError
  whose message names the specifier that would wait, and no module is evaluated. Our reading of
  "without the side effect": every memo the attempt touched is restored, in this compartment and
  in others (the parent's, the aliased one's): a module the attempt loaded synchronously on the
  way is not kept — after the conditions change, a later importNow instantiates it afresh (a new
  loadHook call, a new module) — while the loadHook calls made during the attempt did happen (the
  hook's promise is dropped, not memoised). A later asynchronous import of the same graph works
  and does not see the failed attempt.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-import-now, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
let asynchronous = new Set(['deep']);
const sources = {
  root: `import 'middle'; log.push('root ran');`,
  middle: `import 'deep'; log.push('middle ran');`,
  deep: `log.push('deep ran');`,
};
const c = new Compartment({
  globals: { log },
  resolveHook: (s) => s,
  loadHook(s) {
    log.push('loadHook ' + s);
    const descriptor = { source: new ModuleSource(sources[s]) };
    return asynchronous.has(s) ? Promise.resolve(descriptor) : descriptor;
  },
});
function attempt(f) {
  try {
    f();
  } catch (error) {
    assert(error instanceof TypeError, 'a TypeError: ' + error);
    return error.message;
  }
  throw new Test262Error('did not throw');
}

asyncTest(async function () {
  const message = attempt(() => c.importNow('root'));
  assert(message.indexOf("'deep'") >= 0, 'the message names the specifier: ' + message);
  attempt(() => c.loadNow('root'));
  assert.compareArray(log, [
    'loadHook root', 'loadHook middle', 'loadHook deep',
    'loadHook root', 'loadHook middle', 'loadHook deep',
  ], 'no module ran; nothing was memoised: the hooks are called again');

  log.length = 0;
  asynchronous = new Set();
  c.importNow('root');
  assert.compareArray(log, ['loadHook root', 'loadHook middle', 'loadHook deep', 'deep ran', 'middle ran', 'root ran'],
    'once nothing waits, a fresh load succeeds');

  // A load in flight from an earlier import.
  log.length = 0;
  asynchronous = new Set(['inflight']);
  sources.inflight = `log.push('inflight ran'); export const value = 'inflight';`;
  const pending = c.import('inflight');
  attempt(() => c.importNow('inflight'));
  attempt(() => c.loadNow('inflight'));
  const ns = await pending;
  assert.sameValue(c.importNow('inflight'), ns, 'after it settles, the same module');
  assert.compareArray(log, ['loadHook inflight', 'inflight ran'], 'one hook call, one evaluation');

  // A { source: string } whose parent loads asynchronously, and an alias to an asynchronous load.
  log.length = 0;
  const parent = new Compartment({
    globals: { log },
    resolveHook: (s) => s,
    loadHook: async (s) => { log.push('parent loadHook ' + s); return { source: new ModuleSource(`export const from = 'parent';`) }; },
  });
  const child = new parent.globalThis.Compartment({
    resolveHook: (s) => s,
    modules: {
      fromParent: { source: 'p' },
      alias: { namespace: 'q', compartment: parent },
      sync: { source: new ModuleSource(`import 'fromParent'; export const sync = true;`) },
    },
  });
  attempt(() => child.importNow('fromParent'));
  attempt(() => child.importNow('alias'));
  attempt(() => child.importNow('sync'));
  assert.compareArray(log, ['parent loadHook p', 'parent loadHook q', 'parent loadHook p'], "the parent's hooks were called");
  assert.sameValue((await child.import('sync')).sync, true, 'the asynchronous import works');
  assert.sameValue((await child.import('alias')).from, 'parent');
  assert.sameValue(child.importNow('alias'), parent.importNow('q'), 'and is then synchronously available');
  assert.compareArray(log, ['parent loadHook p', 'parent loadHook q', 'parent loadHook p', 'parent loadHook p', 'parent loadHook q']);
});
