/*---
spec: 3-evaluator.md, informal C3.3 (a Module adopts its Evaluators' importHook and importMeta); 4-compartment.md
description: >
  Attack: `new Module(source)` inside a compartment, to run module code in the start
  compartment or load the host's files. The compartment's own `Module` makes modules that
  run in the compartment (their `globalThis` is the compartment's) and whose dependencies
  load through the compartment's loadHook (granted or denied there), never the host.
flags: [onlyStrict, async]
features: [ModuleSource, Module, Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const asked = [];
const c = new Compartment({
  loadHook(specifier) {
    asked.push(specifier);
    if (specifier === "dep") return { source: new ModuleSource("export default 'dep';") };
    throw new TypeError(`denied: ${specifier}`);
  },
});
asyncTest(async function () {
  const ns = await c.evaluate(`import(new Module(new ModuleSource("export default globalThis;")))`);
  assert.sameValue(ns.default, c.globalThis, "module code runs in the compartment");
  assert.notSameValue(ns.default, globalThis, "not in the start global");
  const dep = await c.evaluate(`import(new Module(new ModuleSource("export { default } from 'dep';")))`);
  assert.sameValue(dep.default, "dep", "a dependency the loadHook grants");
  await assert.throwsAsync(TypeError,
    () => c.evaluate(`import(new Module(new ModuleSource("import './module-constructor-in-compartment.js';")))`),
    "a host file as a dependency");
  assert.compareArray(asked, ["dep", "./module-constructor-in-compartment.js"], "asked the loadHook");
});
