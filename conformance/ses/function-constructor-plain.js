/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1
description: >
  Attack: reach the shared %Function% through a plain function's `constructor`
  (`(function(){}).constructor`, `Function.prototype.constructor`, `f.__proto__.constructor`,
  `Object.getPrototypeOf(f).constructor`) and evaluate `return globalThis` with it. Before
  lockdown that constructor evaluates in the start compartment's global; after lockdown
  %Function.prototype%.constructor is a tamed function that throws a TypeError when called
  or constructed, on every route, inside a compartment and in the start compartment alike.
  The compartment's own `Function` is a different function (it evaluates in the compartment).
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const routes = [
  "(function () {}).constructor",
  "Function.prototype.constructor",
  "(function () {}).__proto__.constructor",
  "Object.getPrototypeOf(function () {}).constructor",
  "Object.getPrototypeOf(Function).constructor",
  "Function.constructor",
  "Object.constructor",
  "Array.constructor",
  "({}).constructor.constructor",
  "[].constructor.constructor",
  "''.constructor.constructor",
  "(0).constructor.constructor",
];
for (const route of routes) {
  assert.throws(TypeError, () => c.evaluate(`(${route})("return globalThis")`),
    `calling ${route} in a compartment`);
  assert.throws(TypeError, () => c.evaluate(`new (${route})("return globalThis")`),
    `constructing ${route} in a compartment`);
  assert.sameValue(c.evaluate(`${route} === Function`), false,
    `${route} is not the compartment's Function`);
}
// The same routes from the start compartment reach the same tamed function.
const tamed = (function () {}).constructor;
assert.notSameValue(tamed, Function, "the start's Function is not on the prototype");
assert.throws(TypeError, () => tamed("return globalThis"), "start: call");
assert.throws(TypeError, () => new tamed("return globalThis"), "start: construct");
assert.sameValue(c.evaluate("(function () {}).constructor"), tamed,
  "one tamed constructor, shared by every compartment");
