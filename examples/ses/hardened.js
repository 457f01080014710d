// Hardened JavaScript: lockdown() freezes the shared intrinsics and tames what would let
// programs in different compartments reach powers or talk to each other; harden() freezes
// an object graph of your own. Run: cargo run --release -- run examples/ses/hardened.js

// Before lockdown, anything goes: this extra method is not part of ECMA-262 ...
Array.prototype.smuggled = () => 'a side channel';
lockdown(); // ... so lockdown removes it (and reports it on stderr).
print('smuggled after lockdown:', typeof [].smuggled);
print('Array.prototype frozen:', Object.isFrozen(Array.prototype));

// Two compartments share the frozen intrinsics but not their globals.
const alice = new Compartment({ globals: { name: 'alice' } });
const bob = new Compartment({ globals: { name: 'bob' } });
print(alice.evaluate('name'), bob.evaluate('name'), alice.globalThis.Array === bob.globalThis.Array);
try {
  alice.evaluate('Array.prototype.push = () => "pwned"');
} catch (error) {
  print('alice cannot change Array.prototype:', error.constructor.name);
}

// The evaluators reached through prototypes are disabled; each compartment's own work.
try {
  alice.evaluate('(function () {}).constructor("return globalThis")');
} catch (error) {
  print('Function.prototype.constructor:', error.constructor.name);
}
print('alice.Function:', alice.evaluate('Function("return name")()'));

// No clock and no randomness in a compartment unless you pass them in.
try {
  bob.evaluate('Date.now()');
} catch (error) {
  print('Date.now() in bob:', error.constructor.name);
}
const timed = new Compartment({ globals: { now: () => 42 } });
print('a clock passed in:', timed.evaluate('now()'));

// The override mistake is tamed: assigning an inherited method still works on your objects.
const point = { x: 1, y: 2 };
point.toString = function () { return `(${this.x}, ${this.y})`; };
print('point:', `${point}`);

// harden() freezes an object and everything it reaches.
const config = harden({ limits: { depth: 3 }, tags: ['a', 'b'] });
print('hardened:', Object.isFrozen(config), Object.isFrozen(config.limits), Object.isFrozen(config.tags));
