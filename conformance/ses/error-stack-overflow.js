/*---
spec: ses NEWS.md 0.6.1 (realms-shim sandbox escape "by causing an infinite loop and extracting the real function constructor from the RangeError exception object", https://github.com/Agoric/realms-shim/issues/48); realms-shim issue 51 category 1; endo issue 956 (OOM must fail fast)
description: >
  The realms-shim's evaluators briefly exposed the primal eval while switching scopes; a
  stack overflow (RangeError) thrown at the right moment left it exposed, and the
  RangeError itself came from the primal realm. Here a compartment recurses until the
  stack is exhausted, then calls its `eval`, indirect eval and `Function` at each of the
  deepest levels (so that overflows happen in and around the evaluators): every error caught
  is a shared RangeError whose constructor chain is tamed, and afterwards `eval`, `Function`
  and `this` are still the compartment's own.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const caught = [];
  function loop(n) {
    let bottom;
    try { bottom = loop(n + 1); } catch (e) { caught.push(e); bottom = n; }
    if (n > bottom - 200) {
      try { (0, eval)("1"); } catch (e) { caught.push(e); }
      try { eval("1"); } catch (e) { caught.push(e); }
      try { Function("return 1"); } catch (e) { caught.push(e); }
    }
    return bottom;
  }
  loop(0);
  let tamed = true;
  try { caught[0].constructor.constructor("return globalThis"); tamed = false; } catch (e) {}
  [caught.length > 0, caught.every(e => e instanceof RangeError && e.constructor === RangeError), tamed,
   eval === globalThis.eval, (0, eval)("globalThis") === globalThis, eval("this") === globalThis,
   Function("return globalThis")() === globalThis];
`);
assert.compareArray(result, [true, true, true, true, true, true, true],
  "shared RangeErrors, and the evaluators are still the compartment's");
