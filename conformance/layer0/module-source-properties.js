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
  instances are ordinary objects with no own properties. The layer 0 text predates source phase
  imports and says [[Prototype]] %Function.prototype% / %Object.prototype%; with source phase
  imports (which our engine implements) ModuleSource is a subclass of %AbstractModuleSource%:
  Object.getPrototypeOf(ModuleSource) is %AbstractModuleSource% and
  Object.getPrototypeOf(ModuleSource.prototype) is %AbstractModuleSource.prototype% (test262's
  $262.AbstractModuleSource). The global binding is { writable: true, enumerable: false,
  configurable: true }, as for every constructor of the global object.
flags: [onlyStrict]
includes: [propertyHelper.js]
---*/

assert.sameValue(typeof ModuleSource, "function");
verifyProperty(this, "ModuleSource", { writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "length", { value: 1, writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "name", { value: "ModuleSource", writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource, "prototype", { writable: false, enumerable: false, configurable: false }, { restore: true });
verifyProperty(ModuleSource.prototype, "constructor", { value: ModuleSource, writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(ModuleSource.prototype, Symbol.toStringTag, { value: "ModuleSource", writable: false, enumerable: false, configurable: true }, { restore: true });

assert.sameValue(Object.getPrototypeOf(ModuleSource), $262.AbstractModuleSource, "[[Prototype]] of ModuleSource");
assert.sameValue(Object.getPrototypeOf(ModuleSource.prototype), $262.AbstractModuleSource.prototype, "[[Prototype]] of ModuleSource.prototype");
assert.sameValue(Object.getPrototypeOf($262.AbstractModuleSource.prototype), Object.prototype);

var source = new ModuleSource("export default 1;");
assert.sameValue(Object.getPrototypeOf(source), ModuleSource.prototype);
assert.sameValue(Reflect.ownKeys(source).length, 0, "no own properties");
assert.sameValue(Object.prototype.toString.call(source), "[object ModuleSource]");
assert(source instanceof $262.AbstractModuleSource, "instanceof %AbstractModuleSource%");
assert.sameValue(Object.isExtensible(source), true, "an ordinary, extensible object");
