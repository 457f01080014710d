// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), step 7
description: >
  Module step 7, OrdinaryCreateFromConstructor(NewTarget, "%Module.prototype%"): a subclass's
  instances inherit from its prototype, keep the Module slots (source, import(instance)) and
  call the hooks with the handler as this; a NewTarget whose "prototype" is not an Object gives
  %Module.prototype%.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

class MyModule extends Module {
  constructor(source, handler) {
    super(source, handler);
    this.tag = "mine";
  }
}
const dep = new MyModule(new ModuleSource("export default 2;"));
const handler = {
  importHook(specifier) {
    assert.sameValue(this, handler);
    return dep;
  },
};
const source = new ModuleSource("import two from 'two'; export default two * 21;");
const module = new MyModule(source, handler);
assert.sameValue(Object.getPrototypeOf(module), MyModule.prototype);
assert.sameValue(module.tag, "mine");
assert.sameValue(module.source, source);

function F() {}
F.prototype = null;
assert.sameValue(Object.getPrototypeOf(Reflect.construct(Module, [source], F)), Module.prototype);

asyncTest(async function () {
  const ns = await import(module);
  assert.sameValue(ns.default, 42);
});
