/*---
spec: ses advisory GHSA-h9w6-f932-gq62 / CVE-2025-32792 ("ses's global contour bindings leak into Compartment lexical scope", https://github.com/endojs/endo/security/advisories/GHSA-h9w6-f932-gq62)
description: >
  SES < 1.12.0 let code in a Compartment read the start compartment's top-level let, const
  and class bindings (the script "global contour"), because its scope proxy fell through to
  the surrounding lexical scope for names absent from globalThis. Here a compartment's
  global environment is its own (NewGlobalEnvironment of its globalThis): the start
  script's lexical bindings — declared before the compartment exists and after, through
  $262.evalScript — are unreachable: typeof gives "undefined", reading throws a
  ReferenceError, assigning throws a ReferenceError in strict code and creates nothing in
  the start scope.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
let startLet = "secret let";
const startConst = "secret const";
class StartClass {}
lockdown();
const c = new Compartment();
$262.evalScript("let lateLet = 'late secret';");
assert.compareArray(c.evaluate("[typeof startLet, typeof startConst, typeof StartClass, typeof lateLet]"),
  ["undefined", "undefined", "undefined", "undefined"], "typeof sees none of them");
for (const name of ["startLet", "startConst", "StartClass", "lateLet"]) {
  assert.throws(ReferenceError, () => c.evaluate(name), `reading ${name}`);
  assert.throws(ReferenceError, () => c.evaluate(`${name} = 1`), `assigning ${name}`);
  assert.throws(ReferenceError, () => c.evaluate(`Function("return ${name}")()`), `${name} from a function`);
}
assert.sameValue(startLet, "secret let", "the start binding is unchanged");
assert.sameValue(lateLet, "late secret", "and so is the late one");
