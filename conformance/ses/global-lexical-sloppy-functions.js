/*---
spec: 4-compartment.md; ECMA-262 PutValue (sloppy assignment to an unresolvable reference), GlobalDeclarationInstantiation
description: >
  Attack: sloppy code made by a compartment's `Function` (or by Evaluators made in it) that
  assigns an undeclared name creates a property of the global object — which must be that
  compartment's globalThis, not the start global nor another compartment's. Sloppy
  `var` in a Function body stays local.
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
a.evaluate("Function('implicitGlobal = 1; var local = 2;')()");
a.evaluate("new Evaluators({}).Function('viaEvaluators = 3')()");
assert.compareArray(a.evaluate("[implicitGlobal, viaEvaluators, typeof local]"), [1, 3, "undefined"],
  "a's sloppy assignments land on a's globalThis");
assert.compareArray(b.evaluate("[typeof implicitGlobal, typeof viaEvaluators]"), ["undefined", "undefined"],
  "b sees nothing");
assert.sameValue("implicitGlobal" in globalThis || "viaEvaluators" in globalThis, false,
  "the start global sees nothing");
