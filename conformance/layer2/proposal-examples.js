// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Examples": JSON, Pass-through module sources;
  0-module-and-module-source.md, "Examples": Virtual host import behavior (with a virtual source)
description: >
  The proposal's examples that run without other proposals (WASM and CommonJS need hosts and
  helpers the text does not define), as written there except where the text cannot run: the
  JSON class declares its private field and a clone helper, and is given JSON text (the text
  passes an object to JSON.parse); the pass-through source re-exports a Module served by an
  importHook (the example's 'real.js' is a host module no API can hand to a hook; a host
  without a hook would load it, which this suite leaves to hosts), and its namespace is the
  very namespace of the real module (direct === indirect). bindings is a single Binding object
  in both (our reading: a list of one). The virtual host import: an importHook serving a JSON
  virtual module for a ".json" specifier to a ModuleSource module, each Module a separate
  instance (referentially independent exports).
flags: [module, async]
features: [ModuleSource, Module, virtual-module-source]
reading: single-binding-object
includes: [asyncHelpers.js]
---*/

const clone = (value) => JSON.parse(JSON.stringify(value));
class JsonModuleSource {
  bindings = { export: 'default' };
  #object;
  constructor(text) {
    // Throw SyntaxError if the source is invalid, from here.
    this.#object = JSON.parse(text);
  };
  execute(imports) {
    // Exports of multiple module instances backed by this
    // source should be referentially independent.
    imports.default = clone(this.#object);
  };
}

asyncTest(async function () {
  // JSON
  const source = new JsonModuleSource('{ "meaning": 42 }');
  const module = new Module(source);
  const { default: { meaning } } = await import(module);
  assert.sameValue(meaning, 42);
  const other = await import(new Module(source));
  assert.notSameValue(other.default, (await import(module)).default, "independent instances");
  assert.throws(SyntaxError, () => new JsonModuleSource("{"), "invalid JSON throws from the constructor");

  // Pass-through module sources
  const real = new Module(new ModuleSource("export const r = 'real';"));
  const direct = await import(real);
  const passSource = { bindings: { exportAllFrom: 'real.js', as: 'real' } };
  const pass = new Module(passSource, { importHook: (specifier) => specifier === 'real.js' ? real : undefined });
  const { real: indirect } = await import(pass);
  assert.sameValue(direct === indirect, true);

  // Virtual host import behavior, serving a virtual JSON module.
  const requested = [];
  const handler = {
    importHook(specifier) {
      requested.push(specifier);
      return new Module(new JsonModuleSource('{ "name": "' + specifier + '" }'));
    },
  };
  const app = new Module(
    new ModuleSource("import config from './config.json'; export const name = config.name;"),
    handler
  );
  assert.sameValue((await import(app)).name, "./config.json");
  assert.sameValue(requested.join(), "./config.json");
});
