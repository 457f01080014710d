// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 2, 14, 18; ECMA-262 BuiltinCallOrConstruct
  steps 4-8, GetPrototypeFromConstructor steps 3-4
description: >
  Evaluators and realms. Each realm has its own Evaluators constructor, whose records belong to
  the current Realm Record (step 14): its eval and Function create objects from that realm's
  intrinsics. Our reading of step 2 across realms: a built-in without Evaluators of its own
  inherits its caller's only when they belong to the built-in's realm; otherwise it runs with
  its realm's default Evaluators. So new other.Evaluators() called from this realm's script, or
  from the code of one of this realm's Evaluators, shares the OTHER realm's global (parent: the
  other realm's default Evaluators, "evaluators#2" here since the other realm's was the second
  record made), never this realm's nor a sandbox's. A NewTarget from the other realm whose
  "prototype" is not an object gives that realm's %Evaluators.prototype% (step 18,
  GetFunctionRealm) — the record still belongs to this realm (parent evaluators#1) — and the
  other realm's Evaluators constructed with this realm's NewTarget is the other realm's record
  (parent evaluators#2) with this realm's %Evaluators.prototype%.
flags: [onlyStrict]
features: [Evaluators, cross-realm]
reading: evaluators-builtins
---*/

const other = $262.createRealm().global;
other.where = "other";
var where = "start";

const fromStart = new other.Evaluators();
assert.sameValue(fromStart.eval("this"), other, "the other realm's global");
assert.sameValue(fromStart.eval("where"), "other");
assert.sameValue(Object.getPrototypeOf(fromStart), other.Evaluators.prototype);
assert.sameValue(Object.getPrototypeOf(fromStart.eval("[]")), other.Array.prototype,
  "the other realm's intrinsics");
assert.sameValue(Object.getPrototypeOf(fromStart.Function("return []")()), other.Array.prototype);
assert.sameValue(fromStart.Function.prototype, other.Function.prototype);

const sandbox = { __proto__: globalThis, where: "sandbox", OtherEvaluators: other.Evaluators };
const e = new Evaluators({ globalThis: sandbox });
const fromSandbox = e.eval("new OtherEvaluators({})");
assert.sameValue(fromSandbox.eval("where"), "other", "not the sandbox's global");
assert.sameValue(e.eval("new Evaluators({})").eval("where"), "sandbox", "this realm's: the sandbox");

function NoPrototype() {}
NoPrototype.prototype = null;
const otherTarget = other.Function();
otherTarget.prototype = null;
assert.sameValue(Object.getPrototypeOf(Reflect.construct(Evaluators, [], otherTarget)),
  other.Evaluators.prototype, "the NewTarget realm's %Evaluators.prototype%");
assert.sameValue(Object.getPrototypeOf(Reflect.construct(other.Evaluators, [], NoPrototype)),
  Evaluators.prototype);
