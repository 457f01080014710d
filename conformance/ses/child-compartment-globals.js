/*---
spec: 4-compartment.md (Compartment constructor); informal C4.1 steps 11-18
description: >
  Attack from a child compartment on its parent: a compartment made inside another (with
  the parent's own `Compartment`) has a fresh globalThis with only the shared intrinsics,
  its own evaluators and harden — none of the parent's globals or endowments (`secret`, the
  parent's `print`), not the parent's globalThis through `this`, sloppy functions, eval or
  `new Evaluators({})`, and its `Compartment` is its own.
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const parent = new Compartment({ globals: { secret: "parent secret", endowment: () => "power" } });
const result = parent.evaluate(`
  const child = new Compartment();
  [child.evaluate("typeof secret + typeof endowment"),
   child.evaluate("Function('return this')()") === globalThis,
   child.evaluate("eval('globalThis')") === globalThis,
   child.evaluate("new Evaluators({}).eval('globalThis')") === globalThis,
   child.globalThis.Compartment === Compartment,
   child.evaluate("Function('return this')()") === child.globalThis];
`);
assert.compareArray(result, ["undefinedundefined", false, false, false, false, true],
  "the child sees nothing of its parent");
