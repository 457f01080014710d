// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  3-evaluator.md, "Domain Specific Languages" and "Design" (the threading example)
description: >
  The proposal's two examples, repaired where the text cannot run: `const dsl = const new
  Evaluator({...})` is read as `const dsl = new Evaluators({...})`, and the entrypoint's source,
  which the text gets with the superseded `import(entrypoint, { reflect: 'module-source' })`, is
  a new ModuleSource. DSL: the entrypoint Module made by new dsl.Module(source) sees the DSL's
  globals (describe, before, after) and the start global's through the prototype chain, while
  the same source in a Module of the realm's %Module% does not (a ReferenceError: only the
  entrypoint sees the additional globals); two DSL Evaluators with separate closures run their
  entrypoints concurrently, each verb call attributed to its own entrypoint without dynamic
  scope. The threading example: with localThis.eval = evaluators.eval, the eval inside
  evaluators.eval code is direct, so its var is visible to the rest of that code and the
  example's completion value is true.
flags: [module, async]
features: [ModuleSource, Module, Evaluators]
includes: [asyncHelpers.js, compareArray.js]
---*/

function makeDsl(name, log) {
  return new Evaluators({
    globalThis: {
      __proto__: globalThis,
      describe(title, body) {
        log.push(name + " describe " + title);
        body();
      },
      before(fn) {
        log.push(name + " before");
        fn();
      },
      after(fn) {
        log.push(name + " after");
        fn();
      },
    },
  });
}

const entrypoint =
  "describe(typeof Array === 'function' ? 'sees start globals' : 'no start globals', () => {" +
  "  before(() => {});" +
  "  after(() => {});" +
  "});" +
  "await null;" +
  "describe('after await', () => {});";

asyncTest(async function () {
  // As the example: one DSL, one entrypoint.
  const log = [];
  const dsl = makeDsl("dsl", log);
  const source = new ModuleSource(entrypoint);
  const module = new dsl.Module(source);
  await import(module);
  assert.compareArray(log, [
    "dsl describe sees start globals", "dsl before", "dsl after", "dsl describe after await",
  ]);

  // Only the entrypoint module for the DSL sees the additional globals.
  await assert.throwsAsync(ReferenceError, () => import(new Module(source)));

  // Separate closures per entrypoint, running concurrently.
  const shared = [];
  const first = makeDsl("first", shared);
  const second = makeDsl("second", shared);
  await Promise.all([import(new first.Module(source)), import(new second.Module(source))]);
  assert.compareArray(shared, [
    "first describe sees start globals", "first before", "first after",
    "second describe sees start globals", "second before", "second after",
    "first describe after await",
    "second describe after await",
  ]);

  // The threading example.
  const localThis = { __proto__: globalThis };
  const evaluators = new Evaluators({ globalThis: localThis });
  localThis.eval = evaluators.eval;
  const result = evaluators.eval(`
    eval('var local = 42');
    typeof local === 'number'; // true
  `);
  assert.sameValue(result, true);
  assert.sameValue(localThis.local, 42);
});
