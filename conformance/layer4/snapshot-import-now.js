// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-interpret-descriptor (C4.5) step 10.b; compartments-compartment-import-now (C4.10)
description: >
  A { namespace: object } snapshot has nothing to wait for, so importNow of a module that imports
  it returns the fully evaluated namespace: the snapshot's virtual module is not [[HasTLA]] (its
  execute is the compartment's own, synchronous). Found by this suite (the snapshot was a
  virtual module with an execute, so importNow returned before the importer had run).
flags: [onlyStrict]
features: [ModuleSource, Compartment]
reading: [compartment-import-now, compartment-sync-load-hook]
---*/

var c = new Compartment({
  resolveHook: function (s) { return s; },
  modules: {
    dep: { namespace: { dep: 1 } },
    main: { source: new ModuleSource("import { dep } from 'dep'; export const v = dep;") },
  },
});
assert.sameValue(c.importNow('main').v, 1, 'the importer has run');
