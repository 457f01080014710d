// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), step 2
description: >
  Module step 2, RequireInternalSlot(moduleSource, [[ModuleSource]]): a primitive first argument
  throws a TypeError, before CreateModuleRecord (no status event in the log) and before the
  handler is read. Objects without a [[ModuleSource]] slot are left out on purpose: layer 2
  (virtual module sources) will accept some of them, and is not implemented yet.
flags: [onlyStrict]
features: [Module]
---*/

var touched = false;
var handler = {
  get importHook() { touched = true; return undefined; },
};
[undefined, null, true, 0, "export default 1;", Symbol(), 1n].forEach(function (value) {
  assert.throws(TypeError, function () { new Module(value, handler); }, String(typeof value));
});
assert.throws(TypeError, function () { new Module(); }, "new Module()");
assert.sameValue(touched, false, "the handler is not read when step 2 throws");
