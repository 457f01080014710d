// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-import-call-runtime-semantics-evaluation step 6;
  ECMA-262 ContinueDynamicImport, Evaluate(), [[EvaluationError]]
description: >
  An error thrown while a Module instance is evaluated rejects import(instance) with that error;
  importing the instance again rejects with the same error (the record keeps it as
  [[EvaluationError]]) without running the body again. A dependency's error rejects the
  importer's import() with the dependency's error, and neither body after it runs. A link error
  (an import of a name the dependency does not export) rejects with a SyntaxError and evaluates
  nothing.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

globalThis.runs = 0;
const error = new Error("thrown by the body");
globalThis.thrown = error;
const failing = new Module(new ModuleSource("runs++; throw thrown;"));
const importer = new Module(
  new ModuleSource("import './failing'; globalThis.importerRan = true;"),
  { importHook: () => failing }
);
const missingName = new Module(
  new ModuleSource("import { nope } from './dep'; globalThis.linkedRan = true;"),
  { importHook: () => new Module(new ModuleSource("export const yes = 1;")) }
);

asyncTest(async function () {
  let caught;
  try { await import(failing); } catch (e) { caught = e; }
  assert.sameValue(caught, error, "rejected with the body's error");
  caught = undefined;
  try { await import(failing); } catch (e) { caught = e; }
  assert.sameValue(caught, error, "again, the same error");
  assert.sameValue(globalThis.runs, 1, "the body ran once");

  caught = undefined;
  try { await import(importer); } catch (e) { caught = e; }
  assert.sameValue(caught, error, "the importer's import() rejects with its dependency's error");
  assert.sameValue(globalThis.importerRan, undefined);

  await assert.throwsAsync(SyntaxError, () => import(missingName), "a link error");
  assert.sameValue(globalThis.linkedRan, undefined);
});
