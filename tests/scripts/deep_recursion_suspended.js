// Unbounded recursion inside a generator and inside an async function runs on their own
// stacks (interp/coroutines.rs): still a catchable RangeError, and the depth reached is
// real recursion (thousands of calls), not an immediate failure.
var depth = 0;
function f() { depth++; return f(); }

function* gen() {
  try { f(); } catch (e) { yield [e instanceof RangeError, depth > 1000]; }
  depth = 0;
  f(); // uncaught inside the generator: the RangeError leaves through next()
}
var it = gen();
print(it.next().value.join(" "));
try { it.next(); } catch (e) { print("from next:", e instanceof RangeError); }
print(JSON.stringify(it.next()));

// Recursion through generators themselves: each level starts another generator.
function* nested() { yield* nested(); }
try { nested().next(); } catch (e) { print("nested generators:", e instanceof RangeError); }

async function af() {
  await null;
  depth = 0;
  try { f(); } catch (e) { return [e instanceof RangeError, depth > 1000].join(" "); }
}
af().then(function (v) { print("async:", v); });
async function deepAsync(n) { return n === 0 ? 0 : 1 + await deepAsync(n - 1); }
deepAsync(500).then(function (v) { print("async chain:", v); });
print("sync done");

// Expressions nested as deep as the parser allows, evaluated on a generator's stack.
function* deepExpressions() {
  for (var k of [["(", ")"], ["1+(", ")"], ["[", "]"], ["`${", "}`"]]) {
    yield typeof eval(k[0].repeat(4900) + "1" + k[1].repeat(4900));
  }
}
print("deep expressions:", [...deepExpressions()].join(" "));

// At the stack limit, import() and async calls still make their promises (the spec's
// `! NewPromiseCapability(%Promise%)` cannot fail).
var calls = 0;
function nearLimit() { calls++; try { nearLimit(); } catch (e) {} import("./nothing.js").catch(function () {}); }
nearLimit();
async function asyncNearLimit() { try { await asyncNearLimit(); } catch (e) {} }
try { asyncNearLimit(); } catch (e) {}
print("promises at the stack limit:", calls > 1000);
