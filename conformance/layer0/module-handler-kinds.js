// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), steps 3-6
description: >
  Module steps 4-6: an Object handler (plain, a function, an array, a Proxy, one with no hooks)
  is accepted; undefined (given or omitted) is accepted with no hooks; any other value (null, a
  Boolean, a Number, a String, a Symbol, a BigInt) throws a TypeError at step 6.a. Step 3,
  CreateModuleRecord, runs before steps 4-6: each construction — also each one that throws at
  step 6 — creates a Source Text Module Record, which is the "new" status event in the log
  (one per call: 6 accepted, then 6 rejected).
flags: [onlyStrict]
features: [ModuleSource, Module]
---*/

var source = new ModuleSource("");
[{}, function () {}, [], new Proxy({}, {}), undefined].forEach(function (handler) {
  var module = new Module(source, handler);
  assert.sameValue(Object.getPrototypeOf(module), Module.prototype);
});
new Module(source);

[null, false, 1, "handler", Symbol("handler"), 1n].forEach(function (handler) {
  assert.throws(TypeError, function () { new Module(source, handler); }, String(handler));
});
