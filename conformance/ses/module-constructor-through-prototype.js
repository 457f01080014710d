/*---
spec: ses permits (the prototypes' constructors of shared intrinsics are inert); 3-evaluator.md (a Module runs in its constructor's Evaluators); informal S4 ses-taming step 8
description: >
  Attack: reach the start compartment's own `Module` (%Module%, bound to the realm's default
  Evaluators) through the shared %Module.prototype% — `Module.prototype.constructor`, the
  `constructor` a module instance inherits, the one behind an Evaluators' Module — and make
  a module that runs in the start global and loads its dependencies through the host.
  After lockdown that constructor is inert: calling or constructing it throws a TypeError.
  The sandbox's own `Module` still makes modules that run in the sandbox and whose
  dependencies go to its loadHook (the log shows the hook and no load-request).
flags: [onlyStrict, async]
includes: [asyncHelpers.js, compareArray.js]
features: [Compartment, lockdown]
---*/
lockdown();
const asked = [];
const c = new Compartment({
  loadHook(specifier) {
    asked.push(specifier);
    throw new TypeError(`denied: ${specifier}`);
  },
});
for (const attack of [
  "new Module.prototype.constructor(new ModuleSource('export default globalThis;'))",
  "new (Object.getPrototypeOf(new Module(new ModuleSource(''))).constructor)(new ModuleSource(''))",
  "new (new Evaluators({}).Module.prototype.constructor)(new ModuleSource(''))",
  "Reflect.construct(Module.prototype.constructor, [new ModuleSource('')])",
  "Module.prototype.constructor(new ModuleSource(''))",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.compareArray(c.evaluate(`
  const inert = Module.prototype.constructor;
  [inert === Module, inert.name, inert.length, Object.isFrozen(inert),
    new Module(new ModuleSource('')) instanceof inert]
`), [false, "Module", 2, true, true], "an inert, frozen constructor; instanceof works");
asyncTest(async function () {
  const ns = await c.evaluate(`import(new Module(new ModuleSource("export default globalThis;")))`);
  assert.sameValue(ns.default, c.globalThis, "the sandbox's own Module runs in the sandbox");
  await assert.throwsAsync(TypeError,
    () => c.evaluate(`import(new Module(new ModuleSource("import './module-constructor-through-prototype.js';")))`),
    "a host file as a dependency goes to the loadHook");
  assert.compareArray(asked, ["./module-constructor-through-prototype.js"], "the loadHook was asked");
});
