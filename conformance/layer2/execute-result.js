// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  2-virtual-module-source.md, "Interface" ("execute may return a promise"), "Design" ("In the
  absence of an execute property"); compartments-virtual-create (C2.2) step 14 ([[HasTLA]]);
  compartments-virtual-execute-module (C2.4) steps 2, 8
description: >
  Our reading (README, "Compartments"): a virtual module with an execute has [[HasTLA]] true
  (C2.2 step 14), so its evaluation goes through ExecuteAsyncModule and the capability is
  resolved with whatever execute returns (C2.4 step 8.b): a non-promise value (42, an object)
  is ignored — it is not an export and the namespace does not change; a thenable returned by
  a plain function is awaited like a promise. A synchronous throw rejects the capability
  (step 8.a): import() rejects with the very error, and again on a second import() (the
  [[EvaluationError]] is kept; execute is not called again). A module without execute
  (step 2) has [[HasTLA]] false and evaluates synchronously (no evaluating-async in the log).
flags: [module, async]
features: [Module, virtual-module-source]
reading: virtual-execute-async
includes: [asyncHelpers.js, compareArray.js]
---*/

const order = [];
asyncTest(async function () {
  const value = new Module({ bindings: [{ export: "x" }], execute(imports) { imports.x = 1; return 42; } });
  const ns = await import(value);
  assert.compareArray(Object.keys(ns), ["x"], "the returned value is not an export");
  assert.sameValue(ns.x, 1);

  const object = new Module({ execute() { return { default: "not an export" }; } });
  assert.compareArray(Object.keys(await import(object)), []);

  const thenable = new Module({
    execute() {
      order.push("execute");
      return { then(resolve) { order.push("then"); resolve("ignored"); } };
    },
  });
  await import(thenable);
  assert.compareArray(order, ["execute", "then"], "a returned thenable is awaited");

  const error = new Test262Error("sync throw");
  let runs = 0;
  const throwing = new Module({ execute() { runs++; throw error; } });
  for (const attempt of [1, 2]) {
    let caught;
    try { await import(throwing); } catch (e) { caught = e; }
    assert.sameValue(caught, error, "rejects with the error, attempt " + attempt);
  }
  assert.sameValue(runs, 1, "execute ran once");

  const none = new Module({ bindings: [{ export: "y" }] });
  const noneNs = await import(none);
  assert.sameValue(noneNs.y, undefined, "no execute: the local stays undefined");
});
