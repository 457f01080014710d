/*---
spec: 4-compartment.md; informal C4.12; 3-evaluator.md, informal C3.1 step 2 (absent options from the caller's Evaluators), C3.5
description: >
  Attack: reach the host loader with `import()` from code the compartment makes with its own
  evaluators — a sloppy function from its `Function`, an indirect eval, and the `eval`,
  `Function` and `Module` of `new Evaluators({})` and of `new Evaluators({ globalThis: {} })`
  made inside the compartment (absent importHook: inherited from the compartment's
  Evaluators). Each dynamic import goes to the compartment's loadHook (denied), never to the
  host.
flags: [onlyStrict, async]
features: [Evaluators, Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const asked = [];
const c = new Compartment({
  loadHook(specifier) {
    asked.push(specifier);
    throw new TypeError(`denied: ${specifier}`);
  },
});
const sources = {
  "function": "Function(\"return import('./a.js')\")()",
  "indirect eval": "(0, eval)(\"import('./b.js')\")",
  "Evaluators eval": "new Evaluators({}).eval(\"import('./c.js')\")",
  "Evaluators Function": "new Evaluators({}).Function(\"return import('./d.js')\")()",
  "Evaluators with a global": "new Evaluators({ globalThis: {} }).eval(\"import('./e.js')\")",
  "Evaluators Module": "import(new (new Evaluators({})).Module(new ModuleSource(\"import './f.js';\")))",
};
asyncTest(async function () {
  for (const [what, source] of Object.entries(sources)) {
    await assert.throwsAsync(TypeError, () => c.evaluate(source), what);
  }
  assert.compareArray(asked, ["./a.js", "./b.js", "./c.js", "./d.js", "./e.js", "./f.js"],
    "all through the compartment's loadHook");
});
