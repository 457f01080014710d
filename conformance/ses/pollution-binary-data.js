/*---
spec: ses lockdown.md (every intrinsic hardened); ses permits (%TypedArray%, %TypedArrayPrototype%, the TypedArray constructors and prototypes, ArrayBuffer, DataView); ECMA-262 23.2, 25.1-25.4; informal S2 ses-lockdown step 6
description: >
  Attack on the binary data intrinsics, which every compartment shares: replace a method of
  %TypedArray%.prototype (set, subarray, the length and buffer getters) or of one
  TypedArray's prototype, swap a prototype's constructor or a constructor's
  BYTES_PER_ELEMENT, redefine %TypedArray%[Symbol.species] or ArrayBuffer[Symbol.species]
  (so another compartment's slice or map builds attacker objects), re-parent Int8Array away
  from %TypedArray%, change ArrayBuffer.prototype.transfer, DataView.prototype.getInt32 or
  Atomics.add, or add a property to Atomics as a channel. Lockdown hardened them all —
  %TypedArray% and %TypedArray%.prototype (reachable only through the constructors'
  prototype chains), each constructor and prototype, ArrayBuffer, DataView, Atomics — so
  each attempt throws a TypeError and another compartment sees the intrinsics unchanged.
flags: [onlyStrict]
includes: [compareArray.js]
features: [Compartment, lockdown, TypedArray, ArrayBuffer, DataView]
---*/
lockdown();
const attacker = new Compartment();
const victim = new Compartment();
for (const attack of [
  "Object.getPrototypeOf(Int8Array.prototype).set = function () {}",
  "Object.getPrototypeOf(Int8Array.prototype).subarray = function () { return 'spy'; }",
  "Object.defineProperty(Object.getPrototypeOf(Int8Array.prototype), 'length', { get() { return 0; } })",
  "Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'buffer', { get() { return null; } })",
  "Float64Array.prototype.constructor = Object",
  "Uint8Array.prototype.note = 'hello'",
  "Int32Array.BYTES_PER_ELEMENT = 1",
  "Object.defineProperty(Object.getPrototypeOf(Int8Array), Symbol.species, { get() { return Array; } })",
  "Object.defineProperty(ArrayBuffer, Symbol.species, { get() { return Object; } })",
  "Object.setPrototypeOf(Int8Array, Function.prototype)",
  "Object.setPrototypeOf(Int8Array.prototype, Object.prototype)",
  "ArrayBuffer.prototype.transfer = function () { return this; }",
  "DataView.prototype.getInt32 = function () { return 42; }",
  "delete ArrayBuffer.prototype.slice",
  "Atomics.add = function () { return 'spy'; }",
  "Atomics.note = 'hello'",
  "Object.getPrototypeOf(Int8Array).from = function () {}",
]) {
  assert.throws(TypeError, () => attacker.evaluate(attack), attack);
}
assert.compareArray(victim.evaluate(`
  const TypedArray = Object.getPrototypeOf(Int8Array);
  const names = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
  [Object.isFrozen(TypedArray) && Object.isFrozen(TypedArray.prototype),
    names.every(n => Object.isFrozen(globalThis[n]) && Object.isFrozen(globalThis[n].prototype)
      && Object.getPrototypeOf(globalThis[n]) === TypedArray && globalThis[n].prototype.constructor === globalThis[n]),
    [ArrayBuffer, ArrayBuffer.prototype, DataView, DataView.prototype, Atomics].every(Object.isFrozen),
    new Uint8Array([1, 2, 3]).subarray(1).join(), new Int8Array(4).length, Int32Array.BYTES_PER_ELEMENT,
    new Uint8Array(2).map(x => x + 1) instanceof Uint8Array, new ArrayBuffer(4).slice(0, 2).byteLength,
    new DataView(new ArrayBuffer(4)).getInt32(0), Atomics.add(new Int32Array(1), 0, 1)]
`), [true, true, true, "2,3", 4, 4, true, 2, 0, 0], "the victim sees hardened, unchanged intrinsics");
