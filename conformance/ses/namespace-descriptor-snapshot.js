/*---
spec: 4-compartment.md (module descriptors, the namespace form with an object); informal C4.5 step 10.b NamespaceSnapshot
description: >
  Attack through a `{ namespace: otherObject }` module descriptor, hoping for a live handle
  on the host's object: the compartment gets a module exporting a snapshot of the object's
  own enumerable string-keyed properties read at load time. Later changes to the object
  (new values, added or deleted properties) do not show; writing to the namespace throws a
  TypeError and does not reach the object; the object itself is not among the exports.
  (The exported values are the same values: a nested object is shared, as given.)
flags: [onlyStrict, async]
features: [Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const hostObject = { a: 1, nested: { n: 1 }, [Symbol("hidden")]: "symbol-keyed" };
Object.defineProperty(hostObject, "hidden", { value: "not enumerable", enumerable: false });
const c = new Compartment({ modules: { host: { namespace: hostObject } } });
asyncTest(async function () {
  const ns = await c.evaluate("import('host')");
  assert.compareArray(Object.keys(ns), ["a", "nested"], "own enumerable string keys only");
  hostObject.a = 2;
  hostObject.added = 3;
  delete hostObject.nested;
  assert.compareArray([ns.a, "added" in ns, "nested" in ns], [1, false, true], "a snapshot, not a live view");
  assert.throws(TypeError, () => { ns.a = 5; }, "the namespace is not writable");
  await assert.throwsAsync(TypeError, () => c.evaluate("import('host').then(ns => { ns.a = 5; })"),
    "not even by the compartment");
  assert.sameValue(hostObject.a, 2, "the host object is untouched");
  assert.sameValue(Object.values(ns).includes(hostObject), false, "no handle on the object");
});
