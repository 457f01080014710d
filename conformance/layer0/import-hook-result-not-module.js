// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-LoadImportedModule fulfilledClosure step 9.c
description: >
  An importHook result that is not a Module instance, or a promise or thenable of one, makes
  fulfilledClosure step 9.c complete with a TypeError: a plain object, a ModuleSource, a module
  namespace, Module.prototype, an object inheriting from a Module, a function, and primitives
  (undefined, null, a String, a Number). The import() of the importing module rejects with that
  TypeError (the load fails, ContinueModuleLoading rejects the LoadRequestedModules promise);
  the importing module is never linked or evaluated. Each case uses a fresh importing Module.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

globalThis.evaluated = false;
const namespace = await import(new Module(new ModuleSource("export default 1;")));
const candidates = [
  ["object", {}],
  ["module source", new ModuleSource("")],
  ["namespace", namespace],
  ["Module.prototype", Module.prototype],
  ["inherits from a Module", Object.create(new Module(new ModuleSource("")))],
  ["function", function () {}],
  ["undefined", undefined],
  ["null", null],
  ["string", "./x"],
  ["number", 1],
];

asyncTest(async function () {
  for (const [name, value] of candidates) {
    const module = new Module(
      new ModuleSource("import './x'; evaluated = true;"),
      { importHook: () => value }
    );
    await assert.throwsAsync(TypeError, () => import(module), name);
  }
  assert.sameValue(globalThis.evaluated, false, "no importing module was evaluated");
});
