/*---
spec: 4-compartment.md (evaluate); ECMA-262 Static Semantics Early Errors for ImportMeta (Script goal)
description: >
  Attack: read `import.meta` (which a host may fill with paths or capabilities) from code
  run by `compartment.evaluate`, its `eval` or `Function`. That code is a Script (or eval
  or function code), where `import.meta` is a SyntaxError: no host import.meta is reached.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate("import.meta"), "evaluate");
assert.throws(SyntaxError, () => c.evaluate("eval('import.meta')"), "direct eval");
assert.throws(SyntaxError, () => c.evaluate("(0, eval)('import.meta')"), "indirect eval");
assert.throws(SyntaxError, () => c.evaluate("Function('return import.meta')"), "Function");
