/*---
spec: ECMA-262 AddRestrictedFunctionProperties, %ThrowTypeError%, CreateUnmappedArgumentsObject, CreateMappedArgumentsObject
description: >
  Attack through `arguments.callee` and `caller`: a sloppy function made by the compartment's
  `Function` gets itself from `arguments.callee` (harmless), but `f.caller`, `f.arguments`
  and `arguments.callee.caller` are %Function.prototype%'s restricted accessors and throw a
  TypeError, so sloppy code called by a start-compartment function cannot get hold of that
  caller. In strict code (everything `evaluate` runs) `arguments.callee` throws. The accessors'
  %ThrowTypeError% is one frozen function.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("const f = Function('return arguments.callee'); f() === f"), true,
  "a sloppy function's arguments.callee is itself");
const sloppyCaller = c.evaluate("Function('return arguments.callee.caller')");
const sloppyOwnCaller = c.evaluate("const s = Function('return s.caller'); globalThis.s = s; s");
function startFunction(f) { return f(); }
assert.throws(TypeError, () => startFunction(sloppyCaller),
  "arguments.callee.caller throws when a start function calls it");
assert.throws(TypeError, () => startFunction(sloppyOwnCaller),
  "f.caller throws when a start function calls it");
assert.throws(TypeError, () => c.evaluate("Function('return 1').arguments"), "f.arguments throws");
assert.throws(TypeError, () => c.evaluate("(function () { return arguments.callee; })()"),
  "strict arguments.callee throws");
assert.sameValue(c.evaluate(`
  const d = Object.getOwnPropertyDescriptor(Function.prototype, "caller");
  const e = Object.getOwnPropertyDescriptor(Function.prototype, "arguments");
  d.get === d.set && d.get === e.get && Object.isFrozen(d.get)
`), true, "one frozen %ThrowTypeError%");
assert.compareArray(c.evaluate("Object.getOwnPropertyNames(Function('')).sort()"),
  ["length", "name", "prototype"], "no own caller or arguments on sloppy functions");
