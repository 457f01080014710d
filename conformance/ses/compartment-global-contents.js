/*---
spec: 4-compartment.md (Compartment constructor); informal C4.1 steps 11-18; ses guide.md (no ambient authority)
description: >
  Attack by looking around: a compartment's globalThis must hold only the shared intrinsics
  (ECMA-262's global properties and the proposal's constructors), its own eval, Function,
  Module, Compartment and (after lockdown) Evaluators, and harden — none of the host's
  globals (print, console, $262, lockdown, the test harness's assert and Test262Error)
  unless passed in `globals`, and none of the ECMA-262 globals SES's permits leave to the
  start compartment: WeakRef and FinalizationRegistry (garbage collection is observable
  through them) and SharedArrayBuffer (Atomics.waitAsync on one is a timer). Its
  [[Prototype]] is the shared %Object.prototype%.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: compartment-globals
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate("Object.getOwnPropertyNames(globalThis).sort()"), [
  "AggregateError", "Array", "BigInt", "Boolean", "Compartment", "Date", "Error", "EvalError",
  "Evaluators", "Function", "Infinity", "Iterator", "JSON", "Map", "Math",
  "Module", "ModuleSource", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError",
  "ReferenceError", "Reflect", "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError",
  "URIError", "WeakMap", "WeakSet", "decodeURI", "decodeURIComponent", "encodeURI",
  "encodeURIComponent", "eval", "globalThis", "harden", "isFinite", "isNaN", "parseFloat",
  "parseInt", "undefined",
  // Binary data (ECMA-262 25.1-25.4, 23.2), but SharedArrayBuffer.
  "ArrayBuffer", "Atomics", "BigInt64Array", "BigUint64Array", "DataView", "Float16Array",
  "Float32Array", "Float64Array", "Int16Array", "Int32Array", "Int8Array",
  "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
].sort(), "only the shared intrinsics, its evaluators and harden");
assert.compareArray(c.evaluate(
  "['WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer'].map(n => typeof globalThis[n])"),
  ["undefined", "undefined", "undefined"], "not the start compartment's WeakRef, FinalizationRegistry, SharedArrayBuffer");
assert.compareArray(["WeakRef", "FinalizationRegistry", "SharedArrayBuffer"].map(n => typeof globalThis[n]),
  ["function", "function", "function"], "which the start compartment keeps");
assert.compareArray(c.evaluate(
  "['print', 'console', '$262', 'lockdown', 'assert', 'Test262Error', '$DONE'].map(n => typeof globalThis[n])"),
  ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"],
  "none of the host's");
assert.sameValue(Object.getPrototypeOf(c.globalThis), Object.prototype, "the shared Object.prototype");
assert.compareArray(c.evaluate("Object.getOwnPropertySymbols(globalThis)"), [], "no symbol-keyed globals");
const given = new Compartment({ globals: { print } });
assert.sameValue(given.globalThis.print, print, "what is given is there");
