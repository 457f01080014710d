// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  1-static-analysis.md, "Design"; ECMA-262 clause 18 (ECMAScript Standard Built-in Objects)
  for accessor properties of built-in prototypes
description: >
  bindings, needsImport and needsImportMeta are accessor properties of ModuleSource.prototype
  (not own properties of instances), with a getter and no setter, non-enumerable and
  configurable, as ECMA-262 clause 18 gives accessors of built-in prototypes. Each getter is a
  built-in function named "get <name>" with length 0, not a constructor, whose [[Prototype]]
  is %Function.prototype%. Assigning to the property in strict code throws a TypeError (no
  setter); a ModuleSource has no own properties.
flags: [onlyStrict]
includes: [propertyHelper.js, isConstructor.js]
features: [Reflect.construct, ModuleSource]
---*/

const source = new ModuleSource("");
assert.sameValue(Reflect.ownKeys(source).length, 0, "no own properties");
for (const name of ["bindings", "needsImport", "needsImportMeta"]) {
  const desc = Object.getOwnPropertyDescriptor(ModuleSource.prototype, name);
  assert.sameValue(typeof desc.get, "function", name + " has a getter");
  assert.sameValue(desc.set, undefined, name + " has no setter");
  assert.sameValue(desc.enumerable, false, name + " is not enumerable");
  assert.sameValue(desc.configurable, true, name + " is configurable");
  verifyProperty(desc.get, "name", { value: "get " + name, writable: false, enumerable: false, configurable: true }, { restore: true });
  verifyProperty(desc.get, "length", { value: 0, writable: false, enumerable: false, configurable: true }, { restore: true });
  assert.sameValue(isConstructor(desc.get), false, name + " getter is not a constructor");
  assert.sameValue(Object.getPrototypeOf(desc.get), Function.prototype);
  assert.throws(TypeError, () => { source[name] = 1; }, name + ": no setter");
}
