// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-module (Module ( moduleSource, handler )), step 4
description: >
  Module step 4: GetMethod(handler, "importHook") and GetMethod(handler, "importMetaHook").
  undefined and null hooks count as absent (GetMethod gives undefined). A non-callable hook
  throws a TypeError (GetMethod's own TypeError, or steps 4.b / 4.d); a non-callable importHook
  throws before importMetaHook is read (step 4.c never runs).
flags: [onlyStrict]
features: [ModuleSource, Module]
---*/

var source = new ModuleSource("");
new Module(source, { importHook: undefined, importMetaHook: undefined });
new Module(source, { importHook: null, importMetaHook: null });

[1, "f", {}, [], true, Symbol()].forEach(function (value) {
  assert.throws(TypeError, function () {
    new Module(source, { importHook: value });
  }, "importHook: " + String(value));
  assert.throws(TypeError, function () {
    new Module(source, { importMetaHook: value });
  }, "importMetaHook: " + String(value));
});

var readMeta = false;
assert.throws(TypeError, function () {
  new Module(source, {
    importHook: {},
    get importMetaHook() { readMeta = true; return undefined; },
  });
});
assert.sameValue(readMeta, false, "importMetaHook is not read after a bad importHook");

// Callable hooks of every kind are accepted.
new Module(source, { importHook: class {}, importMetaHook: async function () {} });
new Module(source, { importHook: function () {}.bind(null), importMetaHook: new Proxy(function () {}, {}) });
