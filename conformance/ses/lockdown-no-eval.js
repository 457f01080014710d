/*---
spec: ses lockdown.md ("evalTaming", no-eval); informal S4 ses-taming step 7
description: >
  With evalTaming no-eval the start compartment's eval and Function throw a TypeError
  (so that even a bug in the host cannot be talked into evaluating strings), while each
  compartment keeps its own evaluators, which still evaluate only in that compartment; the
  tamed constructors on the prototypes still throw.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-eval-taming
---*/
lockdown({ evalTaming: "no-eval" });
assert.throws(TypeError, () => eval("1"), "the start's eval");
assert.throws(TypeError, () => Function("return 1"), "the start's Function");
const c = new Compartment();
assert.sameValue(c.evaluate("eval('globalThis')"), c.globalThis, "a compartment's eval works, in the compartment");
assert.sameValue(c.evaluate("Function('return globalThis')()"), c.globalThis, "its Function too");
assert.throws(TypeError, () => c.evaluate("(function () {}).constructor('return 1')"), "the prototypes' still throw");
