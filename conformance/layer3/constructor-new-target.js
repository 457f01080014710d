// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  compartments-evaluators-constructor (C3.1) steps 1, 14-19, 23; ECMA-262
  OrdinaryCreateFromConstructor, GetPrototypeFromConstructor
description: >
  Evaluators called as a function (NewTarget undefined) throws a TypeError at step 1, before
  anything is read from options (a Proxy options object logs nothing) and before any Evaluators
  record exists (no "evaluators" event). Constructed, the object's prototype comes from
  NewTarget (step 18): %Evaluators.prototype% for new Evaluators, a subclass's prototype for new
  Sub (a derived class's super(options) passes its options), any constructor's "prototype"
  through Reflect.construct, and %Evaluators.prototype% when NewTarget.prototype is not an
  object. NewTarget.prototype is read after the three options (steps 5-13 before step 18); when
  that read throws, the record of steps 14-17 was already made (its "evaluators" event is in the
  log) and is dropped, and no object is returned.
flags: [onlyStrict]
features: [Evaluators]
includes: [compareArray.js]
---*/

const log = [];
const options = new Proxy({}, {
  get(target, key, receiver) {
    log.push("get " + String(key));
    return Reflect.get(target, key, receiver);
  },
  has(target, key) {
    log.push("has " + String(key));
    return Reflect.has(target, key);
  },
});

assert.throws(TypeError, () => Evaluators(options), "called without new");
assert.throws(TypeError, () => Evaluators.call(undefined, options), "called through call");
assert.throws(TypeError, () => Reflect.apply(Evaluators, {}, [options]), "called through Reflect.apply");
assert.compareArray(log, [], "step 1 throws before options is read");

const plain = new Evaluators();
assert.sameValue(Object.getPrototypeOf(plain), Evaluators.prototype, "new Evaluators");
assert(plain instanceof Evaluators);

class Sub extends Evaluators {
  constructor(options) {
    super(options);
    this.extra = "sub";
  }
}
const sub = new Sub({});
assert.sameValue(Object.getPrototypeOf(sub), Sub.prototype, "a subclass's prototype");
assert(sub instanceof Evaluators, "a subclass instance is an Evaluators");
assert.compareArray(Reflect.ownKeys(sub), ["eval", "Function", "Module", "extra"]);
assert.sameValue(Object.prototype.toString.call(sub), "[object Evaluators]");

function Other() {}
const other = Reflect.construct(Evaluators, [], Other);
assert.sameValue(Object.getPrototypeOf(other), Other.prototype, "NewTarget.prototype");
assert.compareArray(Reflect.ownKeys(other), ["eval", "Function", "Module"]);

function NoPrototype() {}
NoPrototype.prototype = 1;
const fallback = Reflect.construct(Evaluators, [], NoPrototype);
assert.sameValue(Object.getPrototypeOf(fallback), Evaluators.prototype,
  "a non-object NewTarget.prototype gives %Evaluators.prototype%");

log.length = 0;
const newTarget = new Proxy(function () {}, {
  get(target, key, receiver) {
    log.push("NewTarget " + String(key));
    return Reflect.get(target, key, receiver);
  },
});
Reflect.construct(Evaluators, [options], newTarget);
assert.compareArray(log, [
  "get globalThis", "get importHook", "get importMeta",
  "NewTarget prototype",
], "NewTarget.prototype is read after the options");

const boom = new Test262Error("prototype getter");
const throwingTarget = new Proxy(function () {}, {
  get(target, key, receiver) {
    if (key === "prototype") throw boom;
    return Reflect.get(target, key, receiver);
  },
});
let thrown;
try {
  Reflect.construct(Evaluators, [{}], throwingTarget);
} catch (error) {
  thrown = error;
}
assert.sameValue(thrown, boom, "the prototype getter's error");
