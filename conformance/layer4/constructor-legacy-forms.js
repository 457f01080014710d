// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Interfaces" (constructor(options?): "This single-argument form differs from
  earlier proposal versions, implementations of SES shim, and Moddable's XS, which accept three
  arguments"; loadHook "currently called importHook" in SES); compartments-compartment-constructor
  (C4.1) steps 2 and 8
description: >
  Our reading (docs/spec-issues.md, "Layer 4"): the legacy forms fail loudly instead of being
  silently ignored. Step 2: a second or third argument that is not undefined (the three-argument
  form new Compartment(globals, modules, options)) is a TypeError whose message names the
  proposal's single-options form, thrown before the options are read; undefined extra arguments
  are allowed. Step 8: each option name SES or XS took that the proposal renamed or dropped
  (importHook, moduleMapHook, importNowHook, loadNowHook, globalLexicals, __shimTransforms__) is
  a TypeError naming what replaces it when its value is not undefined — even null or false —
  and is ignored when undefined. No compartment is made by a failing construction (the log holds
  only the successful ones).
flags: [onlyStrict]
features: [Compartment]
reading: compartment-options
---*/

var touched = false;
var options = { get globals() { touched = true; return undefined; } };
[[options, {}], [options, undefined, {}], [{}, null], [undefined, {}], [undefined, undefined, 0]].forEach(function (args, i) {
  var error;
  try {
    Reflect.construct(Compartment, args);
  } catch (e) {
    error = e;
  }
  assert(error instanceof TypeError, "three-argument form " + i + " is a TypeError");
  assert(error.message.indexOf("new Compartment({ globals, resolveHook, modules, loadHook })") >= 0,
    "the message names the single-options form: " + error.message);
});
assert.sameValue(touched, false, "the options are not read when step 2 throws");

new Compartment({}, undefined);
new Compartment(undefined, undefined, undefined);

var legacy = {
  importHook: "loadHook",
  moduleMapHook: "modules",
  importNowHook: "loadHook",
  loadNowHook: "loadHook",
  globalLexicals: "globals",
  __shimTransforms__: "transforms",
};
Object.keys(legacy).forEach(function (name) {
  [function () {}, {}, null, false, 0, ""].forEach(function (value) {
    var bag = {};
    bag[name] = value;
    var error;
    try {
      new Compartment(bag);
    } catch (e) {
      error = e;
    }
    assert(error instanceof TypeError, name + ": " + String(value) + " is a TypeError");
    assert(error.message.indexOf(name) >= 0 && error.message.indexOf(legacy[name]) >= 0,
      "the message names " + name + " and its replacement: " + error.message);
  });
  var bag = {};
  bag[name] = undefined;
  new Compartment(bag);
});
