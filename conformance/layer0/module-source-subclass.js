// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-modulesource (ModuleSource ( sourceText )), step 2
description: >
  ModuleSource step 2, OrdinaryCreateFromConstructor(NewTarget, "%ModuleSource.prototype%"): a
  subclass's instances inherit from the subclass's prototype and are ModuleSources (usable with
  new Module); a NewTarget whose "prototype" is not an Object gives %ModuleSource.prototype% (of
  NewTarget's realm, here the same realm); an abrupt Get of "prototype" propagates.
flags: [module, async]
features: [ModuleSource, Module]
includes: [asyncHelpers.js]
---*/

class MySource extends ModuleSource {
  constructor(text) {
    super(text);
    this.extra = "extra";
  }
}
const mine = new MySource("export const x = 1;");
assert.sameValue(Object.getPrototypeOf(mine), MySource.prototype);
assert(mine instanceof ModuleSource, "an instance of ModuleSource");
assert.sameValue(mine.extra, "extra");
assert.sameValue(Object.prototype.toString.call(mine), "[object ModuleSource]");

function F() {}
F.prototype = 1;
const plain = Reflect.construct(ModuleSource, [""], F);
assert.sameValue(Object.getPrototypeOf(plain), ModuleSource.prototype, "non-object prototype");

const error = new Error("prototype");
const throwing = function () {}.bind();
Object.defineProperty(throwing, "prototype", { get() { throw error; } });
try {
  Reflect.construct(ModuleSource, [""], throwing);
  throw new Test262Error("the abrupt Get must throw");
} catch (e) {
  assert.sameValue(e, error);
}

asyncTest(async function () {
  const ns = await import(new Module(mine));
  assert.sameValue(ns.x, 1, "a subclass instance has a [[ModuleSource]]");
});
