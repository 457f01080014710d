// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: 0-module-and-module-source.emu, sec-modulesource (ModuleSource ( sourceText ))
description: >
  ModuleSource converts its argument with ToString before step 2 — our reading of a gap in the
  text, which passes sourceText to ParseText unconverted (docs/spec-issues.md, "ModuleSource(sourceText)
  never converts sourceText"); Function() converts its arguments the same way. So the argument's
  toString runs once, before NewTarget.prototype is read (step 2, OrdinaryCreateFromConstructor);
  an abrupt ToString and a Symbol throw; a Number, undefined and null become module text.
flags: [onlyStrict]
features: [ModuleSource]
reading: modulesource-tostring
---*/

var log = [];
var argument = { toString: function () { log.push("toString"); return "export default 1;"; } };
var newTarget = function () {}.bind();
Object.defineProperty(newTarget, "prototype", {
  get: function () { log.push("get prototype"); return ModuleSource.prototype; }
});
var source = Reflect.construct(ModuleSource, [argument], newTarget);
assert.sameValue(Object.getPrototypeOf(source), ModuleSource.prototype);
assert.sameValue(log.join(), "toString,get prototype", "ToString happens before step 2");

assert.throws(TypeError, function () { new ModuleSource(Symbol("s")); }, "a Symbol");
var thrown = new Error("from toString");
try {
  new ModuleSource({ toString: function () { throw thrown; } });
  throw new Test262Error("an abrupt ToString must throw");
} catch (error) {
  assert.sameValue(error, thrown, "the error of ToString propagates");
}

// "42", "undefined", "null", "" and "true" are all valid module texts.
new ModuleSource(42);
new ModuleSource(undefined);
new ModuleSource();
new ModuleSource(null);
new ModuleSource(true);
new ModuleSource({ toString: function () { return "import x from 'y'; export { x };"; } });
