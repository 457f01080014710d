// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), steps 4 and 7-11
description: >
  Module reads the hooks once, eagerly, in order: step 4.a Get "importHook", step 4.c Get
  "importMetaHook" (each through [[Get]] on the handler, here a Proxy that logs), then step 7
  reads NewTarget.prototype (OrdinaryCreateFromConstructor). A throwing getter propagates and
  stops the steps after it. Replacing the handler's properties later changes nothing: the hooks
  captured at construction are the ones called (see module-hooks-captured.js); the handler
  itself is kept as [[HandlerValue]] and is never read again.
flags: [onlyStrict]
features: [ModuleSource, Module]
---*/

var log = [];
var target = {
  importHook: function () {},
  importMetaHook: function () {},
};
var handler = new Proxy(target, {
  get: function (t, key, receiver) {
    log.push("get " + String(key));
    return Reflect.get(t, key, receiver);
  },
  has: function (t, key) { log.push("has " + String(key)); return Reflect.has(t, key); },
  getOwnPropertyDescriptor: function (t, key) {
    log.push("getOwnPropertyDescriptor " + String(key));
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
});
var newTarget = function () {}.bind();
Object.defineProperty(newTarget, "prototype", {
  get: function () { log.push("get prototype"); return Module.prototype; }
});
var module = Reflect.construct(Module, [new ModuleSource(""), handler], newTarget);
assert.sameValue(log.join(), "get importHook,get importMetaHook,get prototype");
assert.sameValue(Object.getPrototypeOf(module), Module.prototype);

log = [];
var error = new Error("importHook getter");
var throwing = {
  get importHook() { log.push("importHook"); throw error; },
  get importMetaHook() { log.push("importMetaHook"); return undefined; },
};
try {
  Reflect.construct(Module, [new ModuleSource(""), throwing], newTarget);
  throw new Test262Error("the getter's error must propagate");
} catch (e) {
  assert.sameValue(e, error);
}
assert.sameValue(log.join(), "importHook", "nothing after the throwing getter");

log = [];
var error2 = new Error("importMetaHook getter");
var throwing2 = {
  get importHook() { log.push("importHook"); return undefined; },
  get importMetaHook() { log.push("importMetaHook"); throw error2; },
};
try {
  Reflect.construct(Module, [new ModuleSource(""), throwing2], newTarget);
  throw new Test262Error("the getter's error must propagate");
} catch (e) {
  assert.sameValue(e, error2);
}
assert.sameValue(log.join(), "importHook,importMetaHook", "NewTarget.prototype is not read");
