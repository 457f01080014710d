/*---
spec: 4-compartment.md; informal C4.3 Load step 4 (SPEC ISSUE, our reading - a compartment without loadHook instantiates its parent's source), C4.5 ParentSource
description: >
  Attack: a compartment whose loadHook denies everything makes a child with no loadHook and
  asks the child to load a host file (through `child.import`, `child.importNow` and
  `import()` in the child's code). A child without loadHook loads its parent's source for
  the specifier, so every request goes to the parent's loadHook, which denies it: the host
  is never asked (no `load-request` in the log).
flags: [onlyStrict, async]
features: [Compartment, lockdown]
reading: compartment-defaults
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const asked = [];
const parent = new Compartment({
  loadHook(specifier) {
    asked.push(specifier);
    throw new TypeError(`denied: ${specifier}`);
  },
});
asyncTest(async function () {
  const child = parent.evaluate("new Compartment()");
  await assert.throwsAsync(TypeError, () => child.import("./child-compartment-loading.js"), "child.import");
  assert.throws(TypeError, () => child.importNow("./harden-transitive.js"), "child.importNow");
  await assert.throwsAsync(TypeError, () => child.evaluate("import('./error-stack-absent.js')"), "import() in the child");
  const grandchild = child.evaluate("new Compartment()");
  await assert.throwsAsync(TypeError, () => grandchild.import("./date-now-disabled.js"), "a grandchild");
  assert.compareArray(asked, ["./child-compartment-loading.js", "./harden-transitive.js",
    "./error-stack-absent.js", "./date-now-disabled.js"], "all went to the parent's loadHook");
});
