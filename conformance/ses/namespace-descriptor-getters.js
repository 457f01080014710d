/*---
spec: 4-compartment.md (module descriptors); informal C4.5 step 10.b NamespaceSnapshot (EnumerableOwnProperties key+value, read once)
description: >
  Attack: hand a compartment a namespace object with getters, to learn when and how often
  the compartment reads its imports (a channel). The snapshot reads each getter once, at
  load time (before any import resolves), and never again, however often the compartment
  reads the binding; an import of the same specifier gets the same memoised module.
flags: [onlyStrict, async]
features: [Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const reads = [];
const source = {
  get counter() { reads.push("counter"); return reads.length; },
  get other() { reads.push("other"); return "x"; },
};
const c = new Compartment({ modules: { spy: { namespace: source } } });
asyncTest(async function () {
  const ns = await c.evaluate("import('spy')");
  assert.compareArray(reads, ["counter", "other"], "each getter read once, at load");
  const again = await c.evaluate("import('spy').then(ns => [ns.counter, ns.counter, ns.other])");
  assert.compareArray(again, [1, 1, "x"], "the snapshot's values");
  assert.compareArray(reads, ["counter", "other"], "no further reads");
  assert.sameValue(await c.evaluate("import('spy')"), ns, "memoised");
});
