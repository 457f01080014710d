// Run with lockdown first: cargo run --release -- run --lockdown examples/ses/frozen_intrinsics.js
// The shared intrinsics are frozen, so no program can change what another relies on.
try {
  Array.prototype.push = function () { return "hijacked"; };
} catch (e) {
  print("Array.prototype.push:", e.constructor.name); // refused: the intrinsic is hardened
}
print("frozen:", Object.isFrozen(Array.prototype), Object.isFrozen(Math));
// An object of your own inherits frozen methods, yet can still have its own toString
// (the override mistake is tamed).
const point = { x: 1, y: 2 };
point.toString = function () { return `(${this.x}, ${this.y})`; };
print("point:", String(point));
// A compartment evaluates code with its own globals and no powers it was not given.
const c = new Compartment({ globals: { print } });
c.evaluate("print('in a compartment, Math.random is', typeof Math.random, 'and Date.now() throws:', (() => { try { Date.now(); } catch (e) { return e.constructor.name; } })())");
