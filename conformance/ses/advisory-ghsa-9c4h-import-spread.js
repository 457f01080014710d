/*---
spec: ses advisory GHSA-9c4h-3f7h-322r / CVE-2023-39532 ("SES's dynamic import and spread operator provides possible path to arbitrary exfiltration and execution", https://github.com/endojs/endo/security/advisories/GHSA-9c4h-3f7h-322r); ses NEWS.md 0.18.6
description: >
  SES censored `import(` in evaluated source with a regular expression, and
  `{...import(specifier)}` slipped past it (the `...` before `import` looked like a method
  call `x.import(`), reaching the host's dynamic import. Here `import()` is syntax the
  compartment's Evaluators handle: every form — after a spread, in an array spread, with
  comments and newlines between `import` and `(`, in a template, inside a sloppy Function —
  goes to the compartment's loadHook (which denies it) and never to the host loader (the log
  has no `load-request`).
flags: [onlyStrict, async]
features: [Compartment, lockdown]
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
const forms = [
  "({ ...import('./spread.js') })",
  "({\n...\nimport\n('./spread2.js') })",
  "({\n...\nimport/**/\n('./spread3.js') })",
  "[...[import('./array-spread.js')]]",
  "`${import('./template.js')}`",
  "Function(\"return {...import('./function.js')}\")()",
];
asyncTest(async function () {
  // The promises of these import() calls are dropped, as the attack drops them; the
  // compartment's import hook runs synchronously, during each evaluation.
  for (const form of forms) c.evaluate(`void (${form})`);
  assert.compareArray(asked, ["./spread.js", "./spread2.js", "./spread3.js", "./array-spread.js",
    "./template.js", "./function.js"], "every form asked the compartment's loadHook");
  await assert.throwsAsync(TypeError, () => c.evaluate("Promise.all(Object.values({ ...[import('./x.js')] }))"),
    "and what it denies is denied");
});
