/*---
spec: ses lockdown.md; ECMA-262 NativeError constructors
description: >
  Attack through error objects: errors thrown by built-ins while running a compartment's
  code (TypeError, RangeError, SyntaxError, ReferenceError, URIError, AggregateError) are
  instances of the shared, frozen error constructors; their `constructor.constructor` and
  their prototypes' are the tamed %Function% constructor, which throws; no start-only
  constructor or evaluator is reachable from an error.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  const errors = [];
  try { null.x; } catch (e) { errors.push(e); }
  try { new Array(-1); } catch (e) { errors.push(e); }
  try { eval("{"); } catch (e) { errors.push(e); }
  try { undefinedName; } catch (e) { errors.push(e); }
  try { decodeURI("%"); } catch (e) { errors.push(e); }
  errors.push(new AggregateError([]));
  errors.map(e => [e.constructor.name, e.constructor === globalThis[e.constructor.name],
    Object.isFrozen(e.constructor) && Object.isFrozen(Object.getPrototypeOf(e))]);
`);
assert.compareArray(result.map(r => r.join(":")), [
  "TypeError:true:true", "RangeError:true:true", "SyntaxError:true:true",
  "ReferenceError:true:true", "URIError:true:true", "AggregateError:true:true",
], "shared, frozen error constructors");
assert.throws(TypeError, () => c.evaluate(
  "try { null.x; } catch (e) { e.constructor.constructor('return globalThis'); }"),
  "e.constructor.constructor is tamed");
assert.throws(TypeError, () => c.evaluate(
  "try { null.x; } catch (e) { Object.getPrototypeOf(e).constructor.constructor('return globalThis'); }"),
  "the prototype's constructor's constructor is tamed");
assert.sameValue(c.evaluate("try { null.x; } catch (e) { e.constructor; }"), TypeError,
  "the same TypeError as the start compartment's");
