// Generators, promises, async functions and the job queue.
// Run: cargo run --release -- run examples/async.js

// A generator: each next() resumes the body where it stopped.
function* fibonacci() {
  let [a, b] = [0, 1];
  for (;;) {
    const reset = yield a;
    if (reset) [a, b] = [0, 1];
    else [a, b] = [b, a + b];
  }
}
const fib = fibonacci();
print("fibonacci:", [fib.next().value, fib.next().value, fib.next().value, fib.next().value].join(" "));
print("reset:", fib.next(true).value);

// yield* delegates next/throw/return to another iterator.
function* flatten(tree) {
  for (const node of tree) Array.isArray(node) ? yield* flatten(node) : yield node;
}
print("flatten:", [...flatten([1, [2, [3, 4]], 5])].join(","));

// Promise jobs run after the script, in FIFO order: "sync" prints first.
const order = [];
Promise.resolve().then(() => order.push("job 1")).then(() => order.push("job 3"));
Promise.resolve().then(() => order.push("job 2"));
order.push("sync");

// An async function suspends at each await and is resumed by a promise job.
const sleep = (value) => new Promise((resolve) => resolve(value));
async function sum(values) {
  let total = 0;
  for (const v of values) total += await sleep(v);
  return total;
}

async function main() {
  print("sum:", await sum([1, 2, 3, 4]));
  print("order:", order.join(", "));
  const settled = await Promise.allSettled([sleep("ok"), Promise.reject(new Error("nope"))]);
  print("allSettled:", settled.map((r) => r.status).join(" "));
  try {
    await Promise.any([Promise.reject(1), Promise.reject(2)]);
  } catch (e) {
    print("any:", e.constructor.name, e.errors.join(","));
  }
}
main();
print("main() returned at its first await");
