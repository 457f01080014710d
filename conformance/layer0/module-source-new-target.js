// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-modulesource (ModuleSource ( sourceText ))
description: >
  ModuleSource step 1: called without NewTarget (as a function, or through Function.prototype.call
  / Reflect.apply) it throws a TypeError before it converts or parses its argument (the
  argument's toString is never called).
flags: [onlyStrict]
features: [ModuleSource]
---*/

var touched = false;
var argument = { toString: function () { touched = true; return ""; } };

assert.throws(TypeError, function () { ModuleSource(""); }, "ModuleSource('')");
assert.throws(TypeError, function () { ModuleSource(argument); }, "ModuleSource(object)");
assert.throws(TypeError, function () { ModuleSource.call({}, argument); }, "ModuleSource.call");
assert.throws(TypeError, function () { Reflect.apply(ModuleSource, undefined, [argument]); }, "Reflect.apply");
assert.sameValue(touched, false, "the argument is not converted before step 1");

assert.sameValue(typeof new ModuleSource(""), "object", "new ModuleSource('')");
