// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-LoadImportedModule step 4
description: >
  LoadImportedModule step 4: a Module whose [[ImportHook]] is undefined (no handler, a handler
  without importHook, importHook: null) leaves its imports to HostLoadImportedModule, as a
  host-loaded module does (a load-request event in the log, no hook event). What the host does
  with the specifier is host-defined; this test asks for one that no host resolves and only
  checks that import() rejects — with whatever error the host gives — and that the module's
  importMetaHook, which is not a loader, is not called.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

const specifier = "./conformance-layer0-this-module-does-not-exist.js";
const handlers = [
  undefined,
  { importMetaHook() { throw new Test262Error("importMetaHook called"); } },
  { importHook: null },
];

asyncTest(async function () {
  for (const handler of handlers) {
    const module = new Module(new ModuleSource("import '" + specifier + "';"), handler);
    let rejected = false;
    try { await import(module); } catch (e) { rejected = true; }
    assert(rejected, "import() rejects when the host cannot load the module");
  }
});
