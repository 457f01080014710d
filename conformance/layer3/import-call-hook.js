// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-import-call-evaluators (C3.5) steps 1-2; 0-module-and-module-source.emu,
  sec-LoadImportedModule steps 1-5 with the Evaluators as referrer; 3-evaluator.md, "Dynamic
  import in script execution contexts will use their [[Context]].[[Evaluators]].[[ImportHook]].
  The import hook will receive the given specifier and the
  [[Context]].[[Evaluators]].[[ImportMeta]]."
description: >
  import() in a script context of e — code of e.eval, of e.Function, and of a function they
  made, called later from the start script — when e has an importHook: the referrer is e (the
  log's "hook" events name "evaluators":"evaluators#2" and the load-results
  "referrer":"evaluators#2"), and the hook is called with this undefined and always two
  arguments, the specifier (ToString'd) and e's importMeta object itself (undefined when e has
  none: still two arguments). Memoised per Evaluators and specifier, as LoadImportedModule is
  per referrer: a second import('x') — sequential, or while the first is pending
  ([[LoadingModules]]) — does not call the hook again and gives the same namespace, whichever of
  e's code asks. The hook is the one options had at construction.
flags: [onlyStrict, async]
features: [ModuleSource, Module, Evaluators]
includes: [asyncHelpers.js, compareArray.js]
---*/

const meta = { name: "meta" };
const module = new Module(new ModuleSource("export const value = 'x';"));
const other = new Module(new ModuleSource("export const value = 'y';"));
const calls = [];
const options = {
  importHook(specifier, importMeta) {
    calls.push({ thisValue: this, count: arguments.length, specifier, importMeta });
    return specifier === "x" ? module : other;
  },
  importMeta: meta,
};
const e = new Evaluators(options);
options.importHook = function () {
  throw new Test262Error("the hook read at construction is the one called");
};
const later = e.eval("(function (specifier) { return import(specifier); })");

const noMeta = [];
const bare = new Evaluators({
  importHook(specifier, importMeta) {
    noMeta.push([arguments.length, specifier, importMeta]);
    return module;
  },
});

asyncTest(async function () {
  const first = e.eval("import('x')");
  const concurrent = e.Function("return import('x')")();
  assert.sameValue(calls.length, 1, "the hook is called synchronously, once");
  const [a, b] = await Promise.all([first, concurrent]);
  assert.sameValue(a, b, "one namespace");
  assert.sameValue(a.value, "x");
  assert.sameValue(await later("x"), a, "memoised: a function e.eval made, called from the start");
  assert.sameValue(await e.eval("import({ toString() { return 'x'; } })"), a, "ToString(specifier)");
  assert.sameValue(calls.length, 1, "still one call for 'x'");

  const y = await later("y");
  assert.sameValue(y.value, "y");
  assert.sameValue(calls.length, 2, "a new specifier calls the hook");
  for (const call of calls) {
    assert.sameValue(call.thisValue, undefined, "this is undefined");
    assert.sameValue(call.count, 2, "two arguments");
    assert.sameValue(call.importMeta, meta, "e's importMeta itself");
  }
  assert.compareArray(calls.map((call) => call.specifier), ["x", "y"]);

  await bare.eval("import('x')");
  assert.compareArray(noMeta[0], [2, "x", undefined], "no importMeta: still two arguments");
});
