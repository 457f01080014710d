// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 2, 6.a-6.b, 7.c, 9, 12; 3-evaluator.md, "If
  absent, the new evaluators will receive the Evaluator constructors own
  [[Context]].[[Evaluators]]"
description: >
  SPEC ISSUE reading (step 2): an absent option comes from the caller's Evaluators — here the
  realm's default Evaluators, whose global is the start global. Without globalThis (no options,
  {}, or explicit undefined), the new Evaluators share the parent's global object AND its Global
  Environment Record (step 6): `this` in their eval is the start global, the script's top-level
  let, const and class declarations are visible to their eval, even one declared after the
  Evaluators were made ($262.evalScript: the same record, not a copy), and an eval var that
  would clash with one of them is a SyntaxError (EvalDeclarationInstantiation step 3.a.i.1,
  HasLexicalDeclaration of the shared record). Their eval's var declarations are properties of
  the start global. The log's "evaluators" events show parent evaluators#1 and
  "sharesGlobalEnvironment":true, with the default importHook and importMeta (undefined).
  Passing the start global explicitly makes a new Global Environment Record over it (step 7.c):
  the same object, but the script's lexical declarations are not visible
  ("sharesGlobalEnvironment":false).
flags: [onlyStrict]
features: [Evaluators]
reading: evaluators-defaults
---*/

let parentLet = "let";
const parentConst = "const";
class ParentClass {}
var parentVar = "var";

for (const e of [new Evaluators(), new Evaluators({}),
                 new Evaluators({ globalThis: undefined, importHook: undefined, importMeta: undefined })]) {
  assert.sameValue(e.eval("this"), globalThis, "this is the start global");
  assert.sameValue(e.eval("parentLet"), "let", "the script's let");
  assert.sameValue(e.eval("parentConst"), "const", "the script's const");
  assert.sameValue(e.eval("ParentClass"), ParentClass, "the script's class");
  assert.sameValue(e.eval("parentVar"), "var", "the script's var");
  assert.throws(SyntaxError, () => e.eval("var parentLet;"),
    "a var clashing with the shared record's let");
  e.eval("parentLet = 'assigned'");
  assert.sameValue(parentLet, "assigned", "assignment reaches the script's let");
  parentLet = "let";
}

const shared = new Evaluators({});
$262.evalScript("let lateLet = 'late';");
assert.sameValue(shared.eval("lateLet"), "late", "a let declared after construction");

shared.eval("var childVar = 'child'; function childFunction() { return 'f'; }");
assert.sameValue(globalThis.childVar, "child", "eval var on the start global");
assert.sameValue(globalThis.childFunction(), "f", "eval function on the start global");
shared.eval("let childLet = 1;");
assert.sameValue(typeof childLet, "undefined", "eval let stays in that evaluation");

const ownEnvironment = new Evaluators({ globalThis: globalThis });
assert.sameValue(ownEnvironment.eval("this"), globalThis, "the same global object");
assert.sameValue(ownEnvironment.eval("parentVar"), "var", "its properties are visible");
assert.sameValue(ownEnvironment.eval("typeof parentLet"), "undefined",
  "a new Global Environment Record: the script's let is not visible");
ownEnvironment.eval("var parentLet2 = 2;");
assert.sameValue(globalThis.parentLet2, 2);
