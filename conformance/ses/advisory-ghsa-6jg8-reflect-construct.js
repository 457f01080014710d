/*---
spec: realms-shim advisory GHSA-6jg8-7333-554w ("Sandbox Breakout in realms-shim", ses < 0.6.3, https://github.com/advisories/GHSA-6jg8-7333-554w); realms-shim test/realm/leak-reflect-construct.js
description: >
  In the realms-shim, Reflect.construct with the sandbox's Function as newTarget — after
  `Function.prototype = null`, through a Proxy hiding `prototype`, or with `Function.bind()`
  — fell back to the primal realm's intrinsics (GetPrototypeFromConstructor uses the
  realm of newTarget). Here compartments share one realm's frozen intrinsics: the
  compartment's Function is frozen (`Function.prototype = null` throws a TypeError, and a
  Proxy cannot lie about its non-configurable `prototype`: the get trap's invariant check
  throws a TypeError), and every fallback — a proxy over an unfrozen function hiding its
  prototype, a bound Function — gives the shared %Object.prototype%, which leads only to
  tamed constructors.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("Function.prototype = null"), "the compartment's Function is frozen");
assert.throws(TypeError, () => c.evaluate(`
  Reflect.construct(Object, [], new Proxy(Function, { get: (t, k) => k === "prototype" ? null : t[k] }));
`), "a proxy cannot hide the frozen Function's prototype");
assert.compareArray(c.evaluate(`
  const hidden = new Proxy(function () {}, { get: (t, k) => k === "prototype" ? null : t[k] });
  const viaProxy = Reflect.construct(Object, [], hidden);
  const viaBound = Reflect.construct(Object, [], Function.bind());
  const viaArrow = Reflect.construct(Array, [], Object.assign(function () {}.bind(), {}));
  [Object.getPrototypeOf(viaProxy) === Object.prototype, Object.getPrototypeOf(viaBound) === Object.prototype,
   Object.getPrototypeOf(viaArrow) === Array.prototype];
`), [true, true, true], "the shared intrinsics");
assert.throws(TypeError, () => c.evaluate(`
  const hidden = new Proxy(function () {}, { get: (t, k) => k === "prototype" ? null : t[k] });
  Reflect.construct(Object, [], hidden).constructor.constructor("return globalThis");
`), "which lead only to the tamed constructor");
