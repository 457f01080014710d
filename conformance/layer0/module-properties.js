// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-properties-of-the-module-constructor,
  sec-properties-of-the-module-prototype-object, sec-properties-of-module-instances
description: >
  The Module constructor and prototype: [[Prototype]] %Function.prototype% and %Object.prototype%;
  Module.length 2, name "Module"; Module.prototype { writable: false, enumerable: false,
  configurable: false }; Module.prototype.constructor is Module; @@toStringTag "Module" {
  writable: false, enumerable: false, configurable: true }; Module.prototype is an ordinary
  object without the instance slots (source throws on it); instances are ordinary, extensible
  objects with no own properties; the global binding is writable and configurable, not
  enumerable.
flags: [onlyStrict]
features: [ModuleSource, Module]
includes: [propertyHelper.js]
---*/

assert.sameValue(typeof Module, "function");
verifyProperty(this, "Module", { writable: true, enumerable: false, configurable: true }, { restore: true });
assert.sameValue(Object.getPrototypeOf(Module), Function.prototype);
assert.sameValue(Object.getPrototypeOf(Module.prototype), Object.prototype);
verifyProperty(Module, "length", { value: 2, writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Module, "name", { value: "Module", writable: false, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Module, "prototype", { writable: false, enumerable: false, configurable: false }, { restore: true });
verifyProperty(Module.prototype, "constructor", { value: Module, writable: true, enumerable: false, configurable: true }, { restore: true });
verifyProperty(Module.prototype, Symbol.toStringTag, { value: "Module", writable: false, enumerable: false, configurable: true }, { restore: true });
assert.sameValue(Object.prototype.toString.call(Module.prototype), "[object Module]");

var module = new Module(new ModuleSource(""));
assert.sameValue(Object.prototype.toString.call(module), "[object Module]");
assert.sameValue(Reflect.ownKeys(module).length, 0, "no own properties");
assert.sameValue(Object.isExtensible(module), true);
assert.sameValue(module instanceof Module, true);
assert.sameValue(module instanceof ModuleSource, false);
