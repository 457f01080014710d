/*---
spec: ses NEWS.md 0.17.0 (functions added to the global object by guest code received the scope proxy as `this`, https://github.com/endojs/endo/issues/31) and 0.18.0 (globalLexicals removed because they leaked through that proxy, https://github.com/endojs/endo/issues/904)
description: >
  SES's `with`-based evaluator leaked its scope proxy as `this` to functions called by
  bare name, and through it the compartment's hidden global lexicals. Here a compartment has
  no scope proxy: a strict function stored on globalThis and called by bare name gets
  `this` undefined, a sloppy one the compartment's globalThis, never anything else; and the
  legacy `globalLexicals` option (the leaked scope) is refused with a TypeError naming its
  replacement.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: compartment-options
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate(`
  globalThis.getThisStrict = function () { return this; };
  globalThis.getThisSloppy = Function("return this");
  [getThisStrict(), getThisSloppy() === globalThis, globalThis.getThisStrict() === globalThis];
`), [undefined, true, true], "no scope proxy as this");
assert.throws(TypeError, () => new Compartment({ globalLexicals: { secret: 1 } }), "globalLexicals refused");
