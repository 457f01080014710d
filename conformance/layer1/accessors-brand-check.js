// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-modulesource-bindings (C1.2) steps 1-2; get ModuleSource.prototype.needsImport,
  get ModuleSource.prototype.needsImportMeta (RequireInternalSlot(O, [[ModuleSource]]))
description: >
  The three getters require a this value with a [[ModuleSource]] slot (C1.2 step 2, and the
  same first steps for needsImport and needsImportMeta): a TypeError for undefined, null,
  primitives, a plain object, ModuleSource.prototype itself, an object that inherits from it, a
  Module instance, a virtual module source object that has bindings and needs* properties of
  its own, and a Proxy of a ModuleSource (the slot is not forwarded). A ModuleSource subclass
  instance has the slot and passes. Reading through the prototype chain does not bypass the
  check: Object.create(source).bindings throws.
flags: [onlyStrict]
features: [ModuleSource, Module, module-source-bindings]
---*/

const names = ["bindings", "needsImport", "needsImportMeta"];
const source = new ModuleSource("export const x = import.meta;");
const notSources = [
  undefined,
  null,
  1,
  "export const x = 1;",
  Symbol(),
  {},
  ModuleSource.prototype,
  Object.create(ModuleSource.prototype),
  Object.create(source),
  new Module(source),
  { bindings: [], needsImport: true, needsImportMeta: true },
  new Proxy(source, {}),
  function () {},
];

for (const name of names) {
  const getter = Object.getOwnPropertyDescriptor(ModuleSource.prototype, name).get;
  for (const value of notSources) {
    assert.throws(TypeError, () => getter.call(value), name + " with this " + String(typeof value));
  }
  class Sub extends ModuleSource {}
  const sub = new Sub("import { a } from 'm'; import('n'); import.meta;");
  getter.call(sub);
}

assert.throws(TypeError, () => Object.create(source).bindings, "through the prototype chain");
assert.throws(TypeError, () => ModuleSource.prototype.needsImportMeta, "on the prototype");
