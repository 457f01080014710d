// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-properties-of-the-modulesource-constructor,
  sec-properties-of-the-modulesource-prototype-object, sec-properties-of-modulesource-instances
description: >
  The ModuleSource constructor and prototype. ModuleSource.prototype is { writable: false,
  enumerable: false, configurable: false }; ModuleSource.prototype.constructor is ModuleSource;
  @@toStringTag is "ModuleSource" { writable: false, enumerable: false, configurable: true };
  instances are ordinary, extensible objects with no own properties. The global binding is
  { writable: true, enumerable: false, configurable: true }, as for every constructor of the
  global object. The [[Prototype]] of ModuleSource and of its prototype is left to
  module-source-abstract-module-source.js (source phase imports).
flags: [onlyStrict]
features: [ModuleSource]
includes: [propertyHelper.js]
---*/

assert.sameValue(typeof ModuleSource, "function");
verifyProperty(this, "ModuleSource", { writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "length", { value: 1, writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "name", { value: "ModuleSource", writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "prototype", { writable: false, enumerable: false, configurable: false }, { restore: true });
verifyProperty(ModuleSource.prototype, "constructor", { value: ModuleSource, writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource.prototype, Symbol.toStringTag, { value: "ModuleSource", writable: false, enumerable: false, configurable: true }, { restore: true });

var source = new ModuleSource("export default 1;");
assert.sameValue(Object.getPrototypeOf(source), ModuleSource.prototype);
assert.sameValue(Reflect.ownKeys(source).length, 0, "no own properties");
assert.sameValue(Object.prototype.toString.call(source), "[object ModuleSource]");
assert.sameValue(Object.isExtensible(source), true, "an ordinary, extensible object");
