// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  0-module-and-module-source.emu, sec-properties-of-the-modulesource-constructor,
  sec-properties-of-the-modulesource-prototype-object; source phase imports,
  %AbstractModuleSource%
description: >
  The layer 0 text predates source phase imports and says [[Prototype]] %Function.prototype%
  for ModuleSource and %Object.prototype% for ModuleSource.prototype. With source phase imports
  (docs/spec-issues.md, "ModuleSource's [[Prototype]] and source phase imports") ModuleSource is
  a subclass of %AbstractModuleSource% — the only way a ModuleSource can be what `import source`
  gives for a JavaScript module: Object.getPrototypeOf(ModuleSource) is %AbstractModuleSource%,
  Object.getPrototypeOf(ModuleSource.prototype) is %AbstractModuleSource.prototype% (test262's
  $262.AbstractModuleSource), whose [[Prototype]] is %Object.prototype%, and a ModuleSource is
  an instance of %AbstractModuleSource%. An engine without source phase imports follows the
  layer 0 text instead.
flags: [onlyStrict]
features: [ModuleSource, source-phase-imports]
---*/

assert.sameValue(Object.getPrototypeOf(ModuleSource), $262.AbstractModuleSource, "[[Prototype]] of ModuleSource");
assert.sameValue(Object.getPrototypeOf(ModuleSource.prototype), $262.AbstractModuleSource.prototype, "[[Prototype]] of ModuleSource.prototype");
assert.sameValue(Object.getPrototypeOf($262.AbstractModuleSource.prototype), Object.prototype);

var source = new ModuleSource("export default 1;");
assert(source instanceof $262.AbstractModuleSource, "instanceof %AbstractModuleSource%");
