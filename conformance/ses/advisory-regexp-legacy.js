/*---
spec: ses NEWS.md 0.3.0 ("RegExp.prototype.compile is removed unconditionally ... because it violates the semantics of Object.freeze") and 0.2.0 (RegExp.$1 and kin suppressed); ses lockdown.md ("regExpTaming"); informal S4 ses-taming step 6
description: >
  RegExp.prototype.compile mutates a regular expression in place even when it is frozen,
  and the legacy static properties (RegExp.$1, lastMatch, input, ...) are a channel
  between compartments through the last match. After lockdown (regExpTaming safe)
  RegExp.prototype.compile does not exist, and no legacy static exists: a match in one
  compartment leaves nothing on the shared RegExp for another to read.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.sameValue(a.evaluate("typeof RegExp.prototype.compile"), "undefined", "no compile");
a.evaluate("/(secret)/.exec('the secret')");
assert.compareArray(b.evaluate(`["$1", "$_", "input", "lastMatch", "lastParen", "leftContext", "rightContext", "$&"]
  .map(k => typeof RegExp[k])`),
  ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"],
  "no legacy statics");
assert.throws(TypeError, () => b.evaluate("RegExp.$1 = 'note'"), "and none can be added");
