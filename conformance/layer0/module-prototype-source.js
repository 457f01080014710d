// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module.prototype.source, sec-module step 8
description: >
  get Module.prototype.source: step 2, RequireInternalSlot(M, [[ModuleSourceInstance]]), throws a
  TypeError for any this that is not a Module instance (primitives, plain objects,
  Module.prototype itself, a ModuleSource, an object inheriting from a Module); step 3 returns
  the very ModuleSource given to the constructor (Module step 8), the same object each time,
  for every Module made from it. The accessor has no setter; assigning in strict code throws.
flags: [onlyStrict]
features: [ModuleSource, Module]
includes: [propertyHelper.js]
---*/

var descriptor = Object.getOwnPropertyDescriptor(Module.prototype, "source");
assert.sameValue(typeof descriptor.get, "function");
assert.sameValue(descriptor.set, undefined);
assert.sameValue(descriptor.enumerable, false);
assert.sameValue(descriptor.configurable, true);
verifyProperty(descriptor.get, "name", { value: "get source", writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(descriptor.get, "length", { value: 0, writable: false, enumerable: false, configurable: true }, { restore: true });

var source = new ModuleSource("export default 1;");
var a = new Module(source);
var b = new Module(source, {});
assert.sameValue(a.source, source);
assert.sameValue(a.source, a.source);
assert.sameValue(b.source, source);
assert.throws(TypeError, function () { a.source = new ModuleSource(""); }, "no setter");
assert.sameValue(a.source, source);

var getter = descriptor.get;
[undefined, null, 1, "m", Symbol(), {}, Module.prototype, source, Object.create(a), function () {}].forEach(function (value) {
  assert.throws(TypeError, function () { getter.call(value); }, String(typeof value));
});
