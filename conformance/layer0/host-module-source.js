// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.md, "Intersection Semantics with deferred execution" (with source
  phase imports' import source in place of import.module); sec-module step 2
description: >
  A host whose JavaScript modules have a ModuleSource as their [[ModuleSource]] (as the
  compartments CLI and this suite's host do, and as the proposal expects of hosts) lets
  `import source` reflect a file's source, and new Module(source, handler) instantiate it again
  under a virtual host: the importHook then serves the file's imports. The source is a
  ModuleSource; the new instance is separate from the host's (its body runs again, with its own
  bindings). Hosts that give JavaScript modules no ModuleSource fail this test at link time with a
  SyntaxError; it documents the intersection, not layer 0 alone.
flags: [module, async]
features: [source-phase-imports, ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

import source hostSource from "./host-module-source-dep_FIXTURE.js";
import { count as hostCount } from "./host-module-source-dep_FIXTURE.js";

asyncTest(async function () {
  assert(hostSource instanceof ModuleSource, "a ModuleSource");
  assert.sameValue(hostCount, 1, "the host's instance ran once");
  const specifiers = [];
  const instance = new Module(hostSource, {
    importHook(specifier) {
      specifiers.push(specifier);
      return new Module(new ModuleSource("export default 'virtual leaf';"));
    },
  });
  const ns = await import(instance);
  assert.sameValue(ns.leaf, "virtual leaf", "the hook served the import");
  assert.sameValue(ns.count, 1, "a new instance: its own binding");
  assert.sameValue(specifiers.join(), "./host-module-source-leaf_FIXTURE.js");
  assert.sameValue(globalThis.hostModuleSourceRuns, 2, "the body ran again");
});
