/*---
spec: 3-evaluator.md, informal C3.1 step 2 and C3.2 (CreateEvaluatorsFunction(evaluators, Evaluators)); informal C4.1 steps 16-17; informal S4 ses-taming step 8; ses README.md ("a function passed between compartments does not carry access to its compartment's globals")
description: >
  Attack (a confused deputy): a compartment hands the host its `Evaluators` as a class to
  instantiate — as is, behind a Proxy, subclassed, or as a bound `Reflect.construct` — or
  reaches %Evaluators% through `Evaluators.prototype.constructor`, hoping the host's call
  makes Evaluators of the start global that the host then hands back. After lockdown a
  compartment's `Evaluators` is its own (not the start compartment's, not another
  compartment's), bound to the compartment: whoever constructs it, the Evaluators made
  evaluate in the compartment's global (each `evaluators` event names evaluators#2, the
  compartment's, as parent — but the last, the start compartment's own `new Evaluators({})`,
  whose parent is evaluators#1). `Evaluators.prototype.constructor` is inert; `instanceof`
  still works, and the start compartment's `Evaluators` is unchanged.
flags: [onlyStrict]
includes: [compareArray.js]
features: [Evaluators, Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const other = new Compartment();
const exported = c.evaluate(`({
  Plain: Evaluators,
  Proxied: new Proxy(Evaluators, {}),
  Sub: class extends Evaluators {},
  make: Reflect.construct.bind(undefined, Evaluators, [{}]),
})`);
const made = [
  new exported.Plain({}),
  new exported.Proxied({}),
  Reflect.construct(exported.Plain, [{}], exported.Proxied),
  new exported.Sub({}),
  exported.make(),
];
assert.compareArray(made.map((e) => e.eval("globalThis") === c.globalThis), [true, true, true, true, true],
  "the host's constructions make Evaluators of the compartment");
assert.compareArray(made.map((e) => e.Function("return this")() === c.globalThis), [true, true, true, true, true],
  "their Function too");
assert.throws(TypeError, () => c.evaluate("new Evaluators.prototype.constructor({})"),
  "Evaluators.prototype.constructor is inert");
assert.throws(TypeError, () => c.evaluate("Reflect.construct(Object.getPrototypeOf(new Evaluators({})).constructor, [{}])"),
  "reached from an instance too");
assert.compareArray([
  c.globalThis.Evaluators === Evaluators,
  c.globalThis.Evaluators === other.globalThis.Evaluators,
  c.globalThis.Evaluators.prototype === Evaluators.prototype,
  made[0] instanceof Evaluators,
  new Evaluators({}).eval("globalThis") === globalThis,
], [false, false, true, true, true],
  "each compartment's own Evaluators shares %Evaluators.prototype%; the start's is unchanged");
