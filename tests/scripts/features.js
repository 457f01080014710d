// A tour of script code: each line prints what the spec says it must.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print(fib(15));
var o = { a: 1, get b() { return this.a + 1; }, ["c" + 1]: 3 };
print(o.b, o.c1, typeof o, "a" in o, delete o.a, "a" in o);
class A { #x = 5; static s = 3; constructor(y) { this.y = y; } get x() { return this.#x; } has(o) { return #x in o; } }
class B extends A { constructor() { super(7); } m() { return super.x; } }
var b = new B();
print(b.x, b.y, b.m(), B.s, b.has(b), b.has({}));
let [p, q = 4, ...r] = [1, undefined, 3, 4];
var { u, v: { w = 9 } = {}, ...rest } = { u: 1, z: 2 };
print(p, q, r.length, u, w, rest.z);
var keys = ""; for (let k in { x: 1, y: 2 }) keys += k; print(keys);
var sum = 0; for (const v of [10, 20]) sum += v; print(sum);
try { null.x; } catch (e) { print(e instanceof TypeError); }
print(eval("var z = 3; z * 2"), z);
print(`t ${1 + 1} t`);
outer: for (var i = 0; i < 3; i++) { for (;;) { continue outer; } }
print(i);
print(Function("a", "b", "return a + b")(2, 3));
var closures = []; for (let j = 0; j < 3; j++) closures.push(() => j);
print(closures[0](), closures[2]());
print((function () { return arguments.length; })(1, 2, 3));
print(typeof undeclared, void 0, 2 ** 10, 7 % -3, -7 >> 1, -7 >>> 28, 1 / -0);
print(0.1 + 0.2, 1e21, 123456789012345680000, 5e-7);
print(10n ** 20n, -7n / 2n, typeof 1n);
switch (3) { case 1: print("one"); case 3: print("three"); default: print("default"); }
print([1, [2, 3]] + "", String(null), `${{}}`);
console.log("done");
