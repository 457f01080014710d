// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Motivating Examples and Design Rationales": Virtualized web compartment (both
  variants), Bundling or archiving, Linking with a virtual module source (JSON example), Export
  Aliases and Module Imports Namespace, Virtual module source reexports
description: >
  The text's examples, as written except where they cannot run: URL and fetch (not ECMA-262) are
  a small resolver and an in-memory fetch with one redirect; the JSON example's duplicate
  "const source" is the response text plus the virtual source; the export-alias example's
  JSON.parse(source) parses a given text and its load() gets the full specifier; the bundler's
  importMeta uses the full specifier (the text's response is not in scope there); the reexport
  example's "return ...," is "return ...;" and its bindings is a single object (our layer 2
  reading: a list of one). Web: the redirecting loadHook returns { instance: response.url } (our
  reading: an alias to this compartment's module for that URL), so both URLs give one namespace and
  the redirected module's imports resolve against its own URL; the specifier variant makes both URLs
  memo keys with one request. Bundling: load evaluates nothing and records every source; a second
  compartment with a synchronous loadHook over the recorded sources imports the graph (importNow
  works too). JSON: the virtual source's execute sets default. Export aliases: the binding
  { export: 'internal', as: 'external' } makes the imports namespace have internal and the exports
  namespace external. Reexports: { exportAllFrom: 'alex' } re-exports the snapshot of
  { a: 10, b: 20, c: 30 }.
flags: [module, async]
features: [ModuleSource, virtual-module-source, Compartment]
reading: [compartment-descriptors, single-binding-object, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

function resolveURL(specifier, base) {
  if (/^[a-z]+:/.test(specifier)) return specifier;
  const stack = base.replace(/[^/]*$/, '').split('/');
  stack.pop();
  for (const part of specifier.split('/')) {
    if (part === '..') stack.pop();
    else if (part !== '.') stack.push(part);
  }
  return stack.join('/');
}
const files = {
  'https://example.com/example.js': `import { helper } from './lib/helper.js'; export const answer = helper(); export const url = import.meta.url;`,
  'https://example.com/lib/helper.js': `export const helper = () => 42;`,
  'https://cdn.example.com/moved.js': `import { helper } from './helper.js'; export const moved = helper(); export const url = import.meta.url;`,
  'https://cdn.example.com/helper.js': `export const helper = () => 'cdn';`,
  'https://example.com/example.json': `{ "name": "example", "version": 1 }`,
};
const redirects = { 'https://example.com/moved.js': 'https://cdn.example.com/moved.js' };
const fetched = [];
async function fetch(url, options) {
  fetched.push(url);
  const finalURL = redirects[url] || url;
  return { url: finalURL, async text() { return files[finalURL]; } };
}

asyncTest(async function () {
  // Virtualized web compartment, with { instance: response.url }.
  {
    const compartment = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      async loadHook(url) {
        const response = await fetch(url, { redirect: 'manual' });
        if (response.url !== url) {
          return { instance: response.url };
        }
        const source = await response.text();
        return {
          source: new ModuleSource(source),
          importMeta: { url: response.url },
        };
      },
    });
    const example = await compartment.import('https://example.com/example.js');
    assert.sameValue(example.answer, 42);
    assert.sameValue(example.url, 'https://example.com/example.js');
    const moved = await compartment.import('https://example.com/moved.js');
    assert.sameValue(moved, compartment.importNow('https://cdn.example.com/moved.js'), 'the alias is the response URL module');
    assert.sameValue(moved.moved, 'cdn', "imports resolved against the response URL");
    assert.sameValue(moved.url, 'https://cdn.example.com/moved.js');
  }

  // The same with the specifier property: one request per module.
  {
    fetched.length = 0;
    const compartment = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      async loadHook(url) {
        const response = await fetch(url);
        const source = await response.text();
        return {
          source: new ModuleSource(source),
          specifier: response.url,
          importMeta: { url: response.url },
        };
      },
    });
    const moved = await compartment.import('https://example.com/moved.js');
    assert.sameValue(moved.url, 'https://cdn.example.com/moved.js');
    assert.sameValue(compartment.importNow('https://cdn.example.com/moved.js'), moved);
    assert.compareArray(fetched, ['https://example.com/moved.js', 'https://cdn.example.com/helper.js']);
  }

  // Bundling or archiving.
  {
    const sources = new Map();
    const compartment = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      async loadHook(fullSpecifier) {
        const response = await fetch(fullSpecifier);
        const source = await response.text();
        sources.set(fullSpecifier, source);
        return {
          source: new ModuleSource(source),
          importMeta: { url: response.url },
        };
      },
    });
    assert.sameValue(await compartment.load('https://example.com/example.js'), undefined);
    assert.compareArray([...sources.keys()], ['https://example.com/example.js', 'https://example.com/lib/helper.js']);

    const evaluator = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      loadHook(fullSpecifier) {
        const source = sources.get(fullSpecifier);
        if (source === undefined) {
          throw new Error('Assertion failed: incomplete sources');
        }
        return {
          source: new ModuleSource(source),
          importMeta: { url: fullSpecifier },
        };
      },
    });
    const example = await evaluator.import('https://example.com/example.js');
    assert.sameValue(example.answer, 42, 'the bundle runs');
    assert.sameValue(evaluator.importNow('https://example.com/example.js'), example);
    await assert.throwsAsync(Error, () => evaluator.import('https://example.com/other.js'), 'incomplete sources');
  }

  // Linking with a virtual module source (JSON example).
  {
    const compartment = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      async loadHook(fullSpecifier) {
        const response = await fetch(fullSpecifier);
        const text = await response.text();
        const source = {
          bindings: [
            { export: 'default' },
          ],
          execute(env) {
            env.default = JSON.parse(text);
          }
        };
        return { source };
      },
    });
    const json = await compartment.import('https://example.com/example.json');
    assert.sameValue(json.default.name, 'example');
  }

  // Export Aliases and Module Imports Namespace.
  {
    let importsKeys;
    const compartment = new Compartment({
      resolveHook(importSpecifier, referrerSpecifier) {
        return resolveURL(importSpecifier, referrerSpecifier);
      },
      loadHook(fullSpecifier) {
        const source = '"the value"';
        const record = {
          bindings: [
            {export: 'internal', as: 'external'},
          ],
          execute(env) {
            importsKeys = Reflect.ownKeys(env);
            env.internal = JSON.parse(source); // <----
          }
        };
        return { record };
      },
    });
    const fullSpecifier = 'https://example.com/example.js'
    await compartment.load(fullSpecifier);
    const { external } = compartment.importNow(fullSpecifier);
    //      ^-----
    assert.sameValue(external, 'the value');
    assert.compareArray(importsKeys, ['internal'], 'the imports namespace has the local name');
    assert.compareArray(Object.keys(compartment.importNow(fullSpecifier)), ['external'], 'the exports namespace the exported name');
  }

  // Virtual module source reexports.
  {
    const compartment = new Compartment({
      resolveHook(specifier) {
        return specifier;
      },
      loadHook(specifier) {
        switch (specifier) {
        case 'alex':
          return { namespace: { a: 10, b: 20, c: 30 } };
        case 'blake':
          return { source: { bindings: { exportAllFrom: 'alex' } } };
        }
      },
    });

    const { a, b, c } = await compartment.import('blake');
    assert.compareArray([a, b, c], [10, 20, 30]);
  }
});
