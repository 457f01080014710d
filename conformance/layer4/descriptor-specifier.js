// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (specifier?: "Full specifier, which may differ from the
  fullSpecifier used as the corresponding key ... If present, this will be used as the
  referrerSpecifier for this record's importSpecifiers"), "Virtualized web compartment" (the
  specifier property: "both the request URL and the response URL would realize cache keys";
  "Implementations must take care to ensure that the module record memo and the module record
  promise memo point to the same record for a given ultimate full specifier");
  compartments-interpret-descriptor (C4.5) step 6.a; compartments-instantiate (C4.6) step 3
description: >
  Step 6.a: the specifier of a record or source descriptor is converted with ToString (a Symbol is
  a TypeError) and becomes, with the requested full specifier, a memo key of the one module, and
  the referrer specifier its imports are resolved against (the web example, with a string-joining
  resolveHook in place of URL, which ECMA-262 lacks, and a fetch stand-in). Our reading of the race
  the text warns about: when the specifier is already in the memo — loaded, or loading (an
  import of it still waiting for its loadHook) — that module serves the requested key too and the
  descriptor's own source is not instantiated (no new module); so two loads converging on one
  response URL give one namespace.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-descriptors, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const resolveHook = (importSpecifier, referrerSpecifier) => referrerSpecifier.replace(/[^/]*$/, '') + importSpecifier.replace(/^\.\//, '');
const redirects = { 'https://example.com/example.js': 'https://cdn.example.com/v1/example.js' };
const fetch = async (url) => ({
  url: redirects[url] || url,
  text: async () => (url.endsWith('dep.js')
    ? `export const dep = import.meta.url;`
    : `export { dep } from './dep.js'; export const url = import.meta.url;`),
});
const compartment = new Compartment({
  resolveHook,
  async loadHook(url) {
    log.push(`loadHook(${url})`);
    const response = await fetch(url);
    const source = await response.text();
    return {
      source: new ModuleSource(source),
      specifier: response.url,
      importMeta: { url: response.url },
    };
  },
});

const racing = new Compartment({
  resolveHook: (s) => s,
  async loadHook(specifier) {
    log.push(`loadHook(${specifier})`);
    return { source: new ModuleSource(`export const from = ${JSON.stringify(specifier)};`), specifier: 'canonical' };
  },
});

asyncTest(async function () {
  const example = await compartment.import('https://example.com/example.js');
  assert.sameValue(example.url, 'https://cdn.example.com/v1/example.js', 'import.meta.url is the response URL');
  assert.sameValue(example.dep, 'https://cdn.example.com/v1/dep.js', 'imports resolved against the specifier');
  assert.sameValue(compartment.importNow('https://cdn.example.com/v1/example.js'), example, 'the response URL is a memo key');
  assert.compareArray(log, ['loadHook(https://example.com/example.js)', 'loadHook(https://cdn.example.com/v1/dep.js)'], 'one request each');

  log.length = 0;
  const viaA = racing.import('a');
  const viaB = racing.import('b');
  const a = await viaA;
  assert.sameValue(a.from, 'a', "a's descriptor, arriving first, made the module");
  assert.sameValue(await viaB, a, 'b converged on the same module');
  assert.sameValue(racing.importNow('canonical'), a, 'which the response specifier names');
  assert.compareArray(log, ['loadHook(a)', 'loadHook(b)']);

  log.length = 0;
  let releaseFirst;
  const firstGate = new Promise((resolve) => { releaseFirst = resolve; });
  const waiting = new Compartment({
    resolveHook: (s) => s,
    async loadHook(specifier) {
      log.push(`loadHook(${specifier})`);
      if (specifier === 'canonical') await firstGate;
      return { source: new ModuleSource(`export const from = ${JSON.stringify(specifier)};`), specifier: 'canonical' };
    },
  });
  const first = waiting.import('canonical');
  const second = waiting.import('other');
  await null; await null; await null; await null;
  releaseFirst();
  const [n1, n2] = await Promise.all([first, second]);
  assert.sameValue(n2, n1, 'a key loading when the descriptor arrives: its module serves both');
  assert.sameValue(n1.from, 'canonical', "the loading key's own source, not other's");

  const numeric = new Compartment({ loadHook: () => ({ source: new ModuleSource(`export default 1;`), specifier: 42 }) });
  assert.sameValue(numeric.importNow('x'), numeric.importNow('42'), 'ToString(specifier)');
  const symbolic = new Compartment({ loadHook: () => ({ source: new ModuleSource(`export default 1;`), specifier: Symbol('s') }) });
  assert.throws(TypeError, () => symbolic.importNow('x'), 'a Symbol specifier');
});
