// A `then` whose capability's resolve throws: the reaction job ends abruptly.
var p = Promise.resolve(1);
p.constructor = {};
p.constructor[Symbol.species] = function (executor) {
  executor(function () { throw new Error("resolve threw"); }, function () {});
};
p.then(function () { print("handler"); });
Promise.resolve().then(function () { print("never: the run ended"); });
