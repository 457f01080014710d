/*---
spec: 4-compartment.md (Compartment constructor); informal C4.1 steps 11-18; ses guide.md (no ambient authority)
description: >
  Attack by looking around: a compartment's globalThis must hold only the shared intrinsics
  (ECMA-262's global properties and the proposal's constructors), its own eval, Function,
  Module, Compartment and (after lockdown) Evaluators, and harden — none of the host's
  globals (print, console, $262, lockdown, the test harness's assert and Test262Error)
  unless passed in `globals`. After lockdown its WeakRef and FinalizationRegistry are its
  own (their instances hold their targets strongly: the start compartment's observe garbage
  collection), its Atomics is %SharedAtomics% (whose waitAsync has no timers) and its
  SharedArrayBuffer is the shared one. Its [[Prototype]] is the shared %Object.prototype%.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: compartment-globals
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate("Object.getOwnPropertyNames(globalThis).sort()"), [
  "AggregateError", "Array", "BigInt", "Boolean", "Compartment", "Date", "Error", "EvalError",
  "Evaluators", "FinalizationRegistry", "Function", "Infinity", "Iterator", "JSON", "Map", "Math",
  "Module", "ModuleSource", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError",
  "ReferenceError", "Reflect", "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError",
  "URIError", "WeakMap", "WeakSet", "decodeURI", "decodeURIComponent", "encodeURI",
  "encodeURIComponent", "eval", "globalThis", "harden", "isFinite", "isNaN", "parseFloat",
  "parseInt", "undefined", "WeakRef",
  // Binary data (ECMA-262 25.1-25.4, 23.2).
  "ArrayBuffer", "Atomics", "BigInt64Array", "BigUint64Array", "DataView", "Float16Array",
  "Float32Array", "Float64Array", "Int16Array", "Int32Array", "Int8Array",
  "SharedArrayBuffer", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
].sort(), "only the shared intrinsics, its evaluators and harden");
assert.compareArray(["WeakRef", "FinalizationRegistry", "Atomics", "SharedArrayBuffer"].map(
  n => c.globalThis[n] === globalThis[n]), [false, false, false, true],
  "its own WeakRef and FinalizationRegistry, the tamed shared Atomics, the shared SharedArrayBuffer");
assert.compareArray(c.evaluate(
  "['print', 'console', '$262', 'lockdown', 'assert', 'Test262Error', '$DONE'].map(n => typeof globalThis[n])"),
  ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"],
  "none of the host's");
assert.sameValue(Object.getPrototypeOf(c.globalThis), Object.prototype, "the shared Object.prototype");
assert.compareArray(c.evaluate("Object.getOwnPropertySymbols(globalThis)"), [], "no symbol-keyed globals");
const given = new Compartment({ globals: { print } });
assert.sameValue(given.globalThis.print, print, "what is given is there");
