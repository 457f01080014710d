/*---
spec: ses lockdown.md; ses NEWS.md 0.3.0 ("We now freeze AsyncGeneratorFunction and AsyncFunction, the last of the anonymous intrinsics ... attacker code could ... use them as a communication channel")
description: >
  Attack on the intrinsics reachable only by syntax (SES 0.3.0 fixed exactly this): the
  prototypes of generator, async, async generator functions and their instances,
  %IteratorPrototype%, %AsyncIteratorPrototype%, the array / map / set / string / regexp
  string iterator prototypes, the iterator helper and wrap-for-valid-iterator prototypes,
  %ThrowTypeError%. Each is frozen (so no compartment can change them or use them to pass
  notes), and writing to one throws a TypeError.
flags: [onlyStrict]
features: [Compartment, lockdown, iterator-helpers]
---*/
lockdown();
const c = new Compartment();
const anonymous = {
  GeneratorFunctionPrototype: "Object.getPrototypeOf(function* () {})",
  GeneratorPrototype: "Object.getPrototypeOf(function* () {}).prototype",
  AsyncFunctionPrototype: "Object.getPrototypeOf(async function () {})",
  AsyncGeneratorFunctionPrototype: "Object.getPrototypeOf(async function* () {})",
  AsyncGeneratorPrototype: "Object.getPrototypeOf(async function* () {}).prototype",
  IteratorPrototype: "Object.getPrototypeOf(Object.getPrototypeOf([].values()))",
  AsyncIteratorPrototype: "Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype)",
  ArrayIteratorPrototype: "Object.getPrototypeOf([].values())",
  MapIteratorPrototype: "Object.getPrototypeOf(new Map().values())",
  SetIteratorPrototype: "Object.getPrototypeOf(new Set().values())",
  StringIteratorPrototype: "Object.getPrototypeOf(''[Symbol.iterator]())",
  RegExpStringIteratorPrototype: "Object.getPrototypeOf('a'.matchAll(/a/g))",
  IteratorHelperPrototype: "Object.getPrototypeOf([].values().map(x => x))",
  WrapForValidIteratorPrototype: "Object.getPrototypeOf(Iterator.from({ next() {} }))",
  ThrowTypeError: "Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get",
};
for (const [name, expr] of Object.entries(anonymous)) {
  assert.sameValue(c.evaluate(`Object.isFrozen(${expr})`), true, `${name} is frozen`);
  assert.throws(TypeError, () => c.evaluate(`(${expr}).note = "hello"`), `${name} takes no notes`);
}
