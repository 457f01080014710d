// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: compartments-compartment-load-now (C4.11) step 5; 4-compartment.md ("must not accidentally reexecute the underlying module")
description: >
  A successful importNow nested in a loadHook of an importNow that then fails (it would wait)
  evaluated its module: the outer rollback replays only the outer operation's own undo log, so
  the module stays memoised and does not run a second time in the same compartment (the text:
  importNow "must not accidentally reexecute the underlying module"). Found by this suite (the
  memos were restored from snapshots, which forgot the nested success).
flags: [onlyStrict]
features: [ModuleSource, Compartment]
reading: [compartment-import-now, compartment-sync-load-hook]
includes: [compareArray.js]
---*/

var runs = [];
var c = new Compartment({
  globals: { runs: runs },
  resolveHook: function (s) { return s; },
  loadHook: function (s) {
    if (s === 'outer') {
      c.importNow('inner');
      return { source: new ModuleSource("import 'late';") };
    }
    if (s === 'late') return Promise.resolve({ source: new ModuleSource('') });
    return { source: new ModuleSource("runs.push('inner');") };
  },
});
assert.throws(TypeError, function () { c.importNow('outer'); }, 'outer would wait');
c.importNow('inner');
assert.compareArray(runs, ['inner'], 'inner ran once');
