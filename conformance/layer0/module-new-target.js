// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), step 1
description: >
  Module step 1: without NewTarget, Module throws a TypeError before anything else — before
  RequireInternalSlot (step 2), before CreateModuleRecord (step 3, so the log has no status
  event) and before the handler is read (its getters are never called).
flags: [onlyStrict]
features: [ModuleSource, Module]
---*/

var touched = false;
var handler = {
  get importHook() { touched = true; return undefined; },
  get importMetaHook() { touched = true; return undefined; },
};
var source = new ModuleSource("");
assert.throws(TypeError, function () { Module(source, handler); }, "Module(source, handler)");
assert.throws(TypeError, function () { Module.call({}, source, handler); }, "Module.call");
assert.throws(TypeError, function () { Module(); }, "Module()");
assert.sameValue(touched, false, "the handler is not read");
