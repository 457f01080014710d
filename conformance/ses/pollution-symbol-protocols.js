/*---
spec: ses lockdown.md; ECMA-262 well-known symbols (Symbol.iterator, species, asyncIterator, toPrimitive, hasInstance, unscopables)
description: >
  Attack through symbol-keyed protocols: install a Symbol.iterator on Array.prototype or
  String.prototype, replace %ArrayIteratorPrototype%.next, a Symbol.species on Array or
  Promise (so other compartments' `map` / `then` construct attacker objects),
  Symbol.toPrimitive on Object.prototype, Symbol.hasInstance on Function.prototype, change
  Array.prototype[Symbol.unscopables], or redefine Symbol.iterator itself. All fail with a
  TypeError, and another compartment's for-of, spread, map and then behave as before.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const attacker = new Compartment();
const attacks = [
  "Array.prototype[Symbol.iterator] = function* () { yield 'pwned'; }",
  "String.prototype[Symbol.iterator] = function* () { yield 'pwned'; }",
  "Object.getPrototypeOf([].values()).next = () => ({ done: true })",
  "Object.defineProperty(Array, Symbol.species, { get() { return Object; } })",
  "Object.defineProperty(Promise, Symbol.species, { value: Object })",
  "Object.prototype[Symbol.toPrimitive] = () => 'pwned'",
  "Object.defineProperty(Function.prototype, Symbol.hasInstance, { value: () => true })",
  "Array.prototype[Symbol.unscopables].map = false",
  "Symbol.iterator = Symbol('fake')",
  "Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('fake') })",
  "Object.getPrototypeOf(Object.getPrototypeOf([].values()))[Symbol.iterator] = () => ({})",
];
for (const attack of attacks) {
  assert.throws(TypeError, () => attacker.evaluate(attack), attack);
}
const victim = new Compartment();
assert.compareArray(victim.evaluate(`
  const out = [];
  for (const x of [1, 2]) out.push(x);
  out.push(...'ab');
  out.push([3].map(x => x).constructor === Array);
  out.push(\`\${{}}\`);
  out;
`), [1, 2, "a", "b", true, "[object Object]"], "the victim's protocols are intact");
