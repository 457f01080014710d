// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (CompartmentConstructorOptions); compartments-compartment-constructor
  (C4.1) steps 3-7
description: >
  Step 3: options undefined (or absent) gives the defaults; any other non-object (null, a
  boolean, number, string, symbol or bigint) is a TypeError. Steps 4-7: globals and modules must
  be objects (a function is an object), resolveHook and loadHook callable (a class constructor
  is callable), each or undefined; otherwise a TypeError whose message names the option, thrown
  before any later option is read (a throwing getter after it never runs). Only type is checked:
  a resolveHook or loadHook is not called by the constructor, and an options object with a null
  prototype or inherited options works (options are read with [[Get]]).
flags: [onlyStrict]
features: [Compartment]
---*/

new Compartment();
new Compartment(undefined);
[null, true, 0, "", "options", Symbol("s"), 1n].forEach(function (value) {
  assert.throws(TypeError, function () { new Compartment(value); }, "options " + String(value));
});

var later = {
  globals: ["resolveHook", "modules", "loadHook"],
  resolveHook: ["modules", "loadHook"],
  modules: ["loadHook"],
  loadHook: ["importHook"],
};
var bad = {
  globals: [null, 1, "x", true, Symbol("g")],
  resolveHook: [null, 1, "x", {}, Symbol("r")],
  modules: [null, 1, "x", false, Symbol("m")],
  loadHook: [null, 1, "x", {}, Symbol("l")],
};
Object.keys(bad).forEach(function (name) {
  bad[name].forEach(function (value) {
    var options = {};
    options[name] = value;
    later[name].forEach(function (next) {
      Object.defineProperty(options, next, { get: function () { throw new Test262Error(next + " read"); } });
    });
    var error;
    try {
      new Compartment(options);
    } catch (e) {
      error = e;
    }
    assert(error instanceof TypeError, name + " " + String(value) + " is a TypeError, not " + error);
    assert(error.message.indexOf("options." + name) >= 0, "the message names " + name + ": " + error.message);
  });
});

var called = false;
function hook() { called = true; }
new Compartment({ globals: function () {}, modules: [], resolveHook: hook, loadHook: hook });
new Compartment({ resolveHook: class {}, loadHook: class {} });
assert.sameValue(called, false, "the hooks are not called by the constructor");

var inherited = Object.create({ globals: { inherited: 1 } });
assert.sameValue(new Compartment(inherited).globalThis.inherited, 1, "inherited options are read");
var bare = Object.create(null);
bare.globals = { bare: 2 };
assert.sameValue(new Compartment(bare).globalThis.bare, 2, "a null-prototype options object");
