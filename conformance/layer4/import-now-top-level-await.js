// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" ("For modules that have a top-level await, these would return
  after the module first awaits but not after any subsequent promise queue job");
  compartments-compartment-import-now (C4.10) steps 4-7; ECMA-262 InnerModuleEvaluation,
  ExecuteAsyncModule, AsyncModuleExecutionFulfilled/Rejected
description: >
  C4.10 step 5: importNow calls Evaluate and returns when it returns — for a graph with top-level
  await, when the first module with top-level await (here the dependency) has run up to its first
  await: the importer has not run yet, so its bindings are still in their temporal dead zone
  (ReferenceError), and the rest runs in later jobs, as for import(). Step 6: an evaluation
  already rejected (a module that awaited then threw, after its rejection was processed) makes a
  later importNow throw that error, the same error import rejects with. A module that throws
  before its first await: by ECMA-262 its evaluation promise is rejected only in a later job
  (AsyncModuleExecutionRejected), so importNow returns the namespace; the error shows in the next
  import and importNow (our reading of "return after the module first awaits"). importNow after
  import of a TLA module gives the same namespace. import and importNow do not evaluate twice.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: [compartment-import-now, compartment-sync-load-hook]
includes: [asyncHelpers.js, compareArray.js]
---*/

const log = [];
const sources = {
  main: `import 'dep'; log.push('main start'); await 0; log.push('main end'); export let value = 'main';`,
  dep: `log.push('dep start'); await 0; log.push('dep end');`,
  late: `await 0; throw new URIError('late');`,
  early: `throw new EvalError('early'); await 0;`,
};
const c = new Compartment({
  globals: { log },
  resolveHook: (s) => s,
  loadHook: (s) => ({ source: new ModuleSource(sources[s]) }),
});

asyncTest(async function () {
  const ns = c.importNow('main');
  log.push('importNow returned');
  assert.throws(ReferenceError, () => ns.value, 'main has not run yet');
  const imported = await c.import('main');
  assert.sameValue(imported, ns, 'the same namespace');
  assert.sameValue(ns.value, 'main');
  assert.compareArray(log, ['dep start', 'importNow returned', 'dep end', 'main start', 'main end']);
  assert.sameValue(c.importNow('main'), ns, 'importNow after import');
  assert.compareArray(log, ['dep start', 'importNow returned', 'dep end', 'main start', 'main end'], 'nothing ran again');

  const late = c.importNow('late');
  assert.sameValue(late[Symbol.toStringTag], 'Module', 'returned at the first await');
  let lateError;
  try { await c.import('late'); } catch (e) { lateError = e; }
  assert(lateError instanceof URIError, 'import rejects with the evaluation error');
  let lateAgain;
  try { c.importNow('late'); } catch (e) { lateAgain = e; }
  assert.sameValue(lateAgain, lateError, 'a later importNow throws the same error');

  const early = c.importNow('early');
  assert.sameValue(early[Symbol.toStringTag], 'Module', 'the rejection is not yet processed');
  let earlyError;
  try { await c.import('early'); } catch (e) { earlyError = e; }
  assert(earlyError instanceof EvalError, 'import rejects with it');
  let earlyAgain;
  try { c.importNow('early'); } catch (e) { earlyAgain = e; }
  assert.sameValue(earlyAgain, earlyError, 'then importNow throws it');
});
