/*---
spec: realms-shim advisory GHSA-6jg8-7333-554w and "Security bug disclosure" (https://github.com/Agoric/realms-shim/issues/51, category 2, "uncaught unsafeException objects"); realms-shim test/realm/leak-error-2.js
description: >
  The realms-shim leaked errors created by its own machinery in the primal realm (a
  SyntaxError from parsing evaluated code, a TypeError converting a Symbol to a string, an
  error from a rejected redefinition), whose constructor chain led to the primal Function.
  Here the errors an evaluator throws for a compartment — from `eval`, indirect eval,
  `Function`, `compartment.evaluate` itself, `new Evaluators` — are instances of the shared,
  frozen error constructors, and their constructor's constructor is tamed. (`eval` of a
  Symbol returns the Symbol, as PerformEval step 2 says: no error there.)
flags: [onlyStrict]
features: [Evaluators, Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const caught = [];
  const attempt = f => { try { f(); } catch (e) { caught.push(e); } };
  attempt(() => (0, eval)("!$%$%!@#$%!#@$%"));
  attempt(() => eval("--" + ">"));
  attempt(() => Function(Symbol.species));
  attempt(() => Function("a b", ""));
  attempt(() => new Evaluators(1));
  if ((0, eval)(Symbol.species) !== Symbol.species) caught.push("eval converted a Symbol");
  attempt(() => { Object.defineProperty(globalThis, "abc", { value: 1 }); abc = 2; });
  caught.map(e => [e.constructor.name, e.constructor === globalThis[e.constructor.name]].join(":"));
`);
assert.compareArray(result, ["SyntaxError:true", "SyntaxError:true", "TypeError:true",
  "SyntaxError:true", "TypeError:true", "TypeError:true"], "shared error constructors");
assert.throws(TypeError, () => c.evaluate("try { Function('a b', ''); } catch (e) { e.constructor.constructor('return globalThis'); }"),
  "a SyntaxError from Function leads to the tamed constructor");
let fromEvaluate;
try { c.evaluate("}{"); } catch (e) { fromEvaluate = e; }
assert.sameValue(fromEvaluate.constructor, SyntaxError, "evaluate's own SyntaxError is the shared one");
