// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.md, "Examples": Import Kicker, Module Idempotency, Reusing
  ModuleSource, Virtual host import behavior, Virtual host import.meta behavior
description: >
  The proposal's own examples that run without other proposals (module blocks, import.module and
  fetch left out), as written there, with assertions for the results the text states: the
  kicker imports a Module with no handler; importing one instance twice gives one namespace;
  two instances of one source give two namespaces; a ModuleHandler class's importHook is called
  once with "foo" and its this is the handler instance; a MetaModuleHandler subclass's
  importMetaHook reveals the module's url through import.meta.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

asyncTest(async function () {
  // Import Kicker
  {
    const source = new ModuleSource(``);
    const instance = new Module(source);
    const namespace = await import(instance);
    assert.sameValue(Object.prototype.toString.call(namespace), "[object Module]");
  }
  // Module Idempotency
  {
    const source = new ModuleSource(``);
    const instance = new Module(source);
    const namespace1 = await import(instance);
    const namespace2 = await import(instance);
    assert.sameValue(namespace1 === namespace2, true);
  }
  // Reusing ModuleSource
  {
    const source = new ModuleSource(``);
    const instance1 = new Module(source);
    const instance2 = new Module(source);
    assert.sameValue(instance1 === instance2, false);
    const namespace1 = await import(instance1);
    const namespace2 = await import(instance2);
    assert.sameValue(namespace1 === namespace2, false);
  }
  // Virtual host import behavior (the importHook makes a new Module from whole cloth).
  const seen = [];
  class ModuleHandler {
    constructor(url) {
      this.url = url;
    }
    importHook(specifier) {
      seen.push([this, specifier]);
      const source = new ModuleSource(`export default "the foo module";`);
      return new Module(source, new (this.constructor)(specifier));
    }
  }
  {
    const handler = new ModuleHandler("entry");
    const source = new ModuleSource(`import foo from 'foo'`);
    const module = new Module(source, handler);
    await import(module);
    assert.sameValue(seen.length, 1, "called once");
    assert.sameValue(seen[0][0], handler, "this is the handler");
    assert.sameValue(seen[0][1], "foo", 'called with "foo"');
  }
  // Virtual host import.meta behavior
  class MetaModuleHandler extends ModuleHandler {
    importMetaHook(importMeta) {
      importMeta.url = this.url;
    }
  }
  {
    const source = new ModuleSource(`import foo from 'foo'; export const url = import.meta.url; export const fooUrl = foo;`);
    const module = new Module(source, new MetaModuleHandler("virtual:entry.js"));
    const namespace = await import(module);
    assert.sameValue(namespace.url, "virtual:entry.js");
    assert.sameValue(namespace.fooUrl, "the foo module");
  }
});
