// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-LoadImportedModule step 5
description: >
  LoadImportedModule step 5: the importHook is called with this = [[HandlerValue]] (the handler
  object given to the constructor, not the Module) and exactly one argument, the specifier String
  as written in the importing module (not resolved or normalised: "./a", "../b/./c", "bare",
  "" and a specifier with attributes' text left out), once per distinct specifier, in the order
  of [[RequestedModules]].
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js, compareArray.js]
---*/

const leaf = new Module(new ModuleSource("export default 'leaf';"));
const calls = [];
const handler = {
  importHook(...args) {
    calls.push(args);
    assert.sameValue(this, handler, "this is the handler");
    return leaf;
  },
};
const module = new Module(
  new ModuleSource(
    "import a from './a'; import b from '../b/./c'; import c from 'bare'; import d from '';" +
    "export default [a, b, c, d].join();"
  ),
  handler
);

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(ns.default, "leaf,leaf,leaf,leaf");
  assert.sameValue(calls.length, 4, "one call per specifier");
  calls.forEach(function (args) {
    assert.sameValue(args.length, 1, "exactly one argument");
    assert.sameValue(typeof args[0], "string");
  });
  assert.compareArray(calls.map((args) => args[0]), ["./a", "../b/./c", "bare", ""]);
});
