/*---
spec: 4-compartment.md (import); informal C4.12 CompartmentImportHook, C4.3 Load
description: >
  Attack: `import(specifier)` in code run by `compartment.evaluate` to reach the host's
  module loader (files next to the test). The compartment's Evaluators have
  CompartmentImportHook as [[ImportHook]], so the specifier goes to the compartment's
  loadHook, which refuses it; the host is never asked (the log has the loadHook's `hook`
  events and no `load-request`). A specifier the loadHook grants gives that module only.
flags: [onlyStrict, async]
features: [ModuleSource, Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const asked = [];
const c = new Compartment({
  loadHook(specifier) {
    asked.push(specifier);
    if (specifier === "granted") return { source: new ModuleSource("export default 'granted';") };
    throw new TypeError(`denied: ${specifier}`);
  },
});
asyncTest(async function () {
  await assert.throwsAsync(TypeError, () => c.evaluate("import('./function-constructor-plain.js')"),
    "a file next to the test");
  await assert.throwsAsync(TypeError, () => c.evaluate("import('ses/function-constructor-plain.js')"),
    "a file named relative to conformance/");
  const ns = await c.evaluate("import('granted')");
  assert.sameValue(ns.default, "granted", "what the loadHook grants");
  assert.compareArray(asked, ["./function-constructor-plain.js", "ses/function-constructor-plain.js", "granted"],
    "every specifier went to the loadHook");
});
