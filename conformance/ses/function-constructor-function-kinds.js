/*---
spec: ses lockdown.md ("Function constructors"); informal S4 ses-taming step 1
description: >
  Attack: every kind of ordinary (non-generator, non-async) function object — arrow
  functions, methods, getters and setters, class methods and static methods, class field
  initialisers' functions, functions made by the compartment's own `Function` and `eval` —
  inherits from %Function.prototype%, so its `constructor` must be the tamed one that throws,
  never an evaluator of the start compartment.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const kinds = {
  arrow: "(() => 1)",
  method: "({ m() {} }).m",
  getter: "Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get",
  setter: "Object.getOwnPropertyDescriptor({ set s(v) {} }, 's').set",
  classMethod: "(class { m() {} }).prototype.m",
  staticMethod: "(class { static s() {} }).s",
  fieldFunction: "new (class { f = function () {}; })().f",
  fromFunction: "Function('return 1')",
  fromEval: "eval('(function () {})')",
  fromIndirectEval: "(0, eval)('(function () {})')",
  bound: "(function () {}).bind(null)",
};
for (const [kind, expr] of Object.entries(kinds)) {
  assert.sameValue(c.evaluate(`Object.getPrototypeOf(${expr}) === Function.prototype`), true,
    `${kind}: inherits from %Function.prototype%`);
  assert.throws(TypeError, () => c.evaluate(`(${expr}).constructor("return globalThis")`),
    `${kind}: its constructor throws when called`);
  assert.throws(TypeError, () => c.evaluate(`new ((${expr}).constructor)("return globalThis")`),
    `${kind}: its constructor throws when constructed`);
}
