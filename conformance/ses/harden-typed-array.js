/*---
spec: ses NEWS.md 0.15.8 (harden seals a TypedArray and makes its non-index properties non-writable; its elements stay writable) and 0.16.0; informal S1 ses-harden step 3.a (FreezeTypedArray); ECMA-262 TypedArray [[PreventExtensions]] (IsTypedArrayFixedLength), [[DefineOwnProperty]]
description: >
  harden on binary data. A TypedArray cannot be frozen while it has elements (they are
  writable and cannot be made otherwise), so harden makes it non-extensible and its
  non-index own properties — string- and symbol-keyed — non-configurable and non-writable,
  hardens what they hold and its prototype chain (a subclass's too), and leaves the
  elements writable: they are data, as a hardened Map's entries are. Attack: use a
  hardened TypedArray as a channel anyway — add an expando, rewrite or delete one,
  re-parent it, make an element non-writable, or harden a TypedArray whose length can
  change (length-tracking, or over a resizable buffer): each throws a TypeError. A
  hardened ArrayBuffer or DataView is frozen as an ordinary object; its bytes, which are
  not properties, stay writable.
flags: [onlyStrict]
includes: [compareArray.js]
features: [Compartment, lockdown, TypedArray]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate(`
  const s = Symbol("s");
  const ta = new Uint8Array(4);
  ta.note = { deep: [] };
  ta[s] = 1;
  harden(ta);
  ta[0] = 7;
  const note = Object.getOwnPropertyDescriptor(ta, "note");
  const sym = Object.getOwnPropertyDescriptor(ta, s);
  const element = Object.getOwnPropertyDescriptor(ta, "0");
  [ta[0], element.writable, element.configurable, Object.isExtensible(ta),
    note.writable, note.configurable, Object.isFrozen(ta.note) && Object.isFrozen(ta.note.deep),
    sym.writable, sym.configurable, Object.isFrozen(Object.getPrototypeOf(ta)), Object.isFrozen(ta)]
`), [7, true, true, false, false, false, true, false, false, true, false],
  "elements writable; non-index properties and what they hold frozen; not extensible");
for (const attack of [
  "const ta = harden(new Int16Array(2)); ta.expando = 1",
  "const ta = new Int16Array(2); ta.note = 1; harden(ta); ta.note = 2",
  "const ta = new Int16Array(2); ta.note = 1; harden(ta); delete ta.note",
  "const ta = new Int16Array(2); ta.note = 1; harden(ta); Object.defineProperty(ta, 'note', { get() { return 2; } })",
  "Object.setPrototypeOf(harden(new Int16Array(2)), Object.prototype)",
  "Object.defineProperty(harden(new Int16Array(2)), '0', { value: 1, writable: false })",
  "harden(new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 })))",
  "harden(new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 }), 0, 2))",
  "harden({ inner: new Float64Array(new ArrayBuffer(8, { maxByteLength: 16 })) })",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.compareArray(c.evaluate(`
  class Pixels extends Uint8ClampedArray { constructor() { super(2); this.width = 2; } }
  const p = harden(new Pixels());
  const buffer = harden(new ArrayBuffer(2));
  const view = harden(new DataView(buffer));
  view.setUint8(0, 9);
  [Object.isFrozen(Pixels) && Object.isFrozen(Pixels.prototype), Object.getOwnPropertyDescriptor(p, "width").writable,
    Object.isFrozen(buffer), Object.isFrozen(view), new Uint8Array(buffer)[0], Object.isFrozen(harden(new Uint8Array(0)))]
`), [true, false, true, true, 9, true],
  "a subclass's prototype chain is hardened; buffers and views are frozen, their bytes stay data");
