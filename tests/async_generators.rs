//! Async generators (27.6), Async-from-Sync iterators (27.1.6) and `for await` (14.7.5),
//! end to end: each script runs with its promise jobs, and what it printed is compared with
//! an order derived by hand from the spec's algorithms (the derivation is in the comment
//! above each expectation; `J…` is a job in the FIFO promise-job queue, `R…` an
//! AsyncGeneratorRequest in the generator's queue, `P…` the promise a request returned).

mod engine_script;

fn run(script: &str) -> Vec<String> {
    engine_script::run_printing("async_generators.js", script, false)
}

/// Several `next()` calls before the first settles are queued (AsyncGeneratorEnqueue) and
/// served in order; a `yield` with a request already waiting does not suspend the body
/// (AsyncGeneratorYield step 11) — it continues with that request's value.
#[test]
fn requests_queued_before_the_first_settles_are_served_in_order() {
    let printed = run(r#"
        async function* g() {
          print("start");
          var x = yield "a";
          print("x=" + x);
          var y = yield "b";
          print("y=" + y);
          return "r";
        }
        var it = g();
        it.next("n1").then(r => print("1: " + r.value + " " + r.done));
        it.next("n2").then(r => print("2: " + r.value + " " + r.done));
        it.next("n3").then(r => print("3: " + r.value + " " + r.done));
        it.next("n4").then(r => print("4: " + r.value + " " + r.done));
        print("sync end");
    "#);
    // next("n1"): suspended-start, so R1 is enqueued and the body resumed: "start", then
    // `yield "a"` first Awaits "a" (Yield step 2), queueing J1, and the body suspends with
    // the generator executing. next("n2".."n4") only enqueue R2-R4. "sync end".
    // J1: AsyncGeneratorYield("a") completes R1 (P1 fulfilled, its reaction Jc1 queued);
    // R2 is waiting, so the body goes on with "n2": "x=n2", Await "b" queues J2 → [Jc1 J2].
    // Jc1 prints "1: a false". J2: completes R2 (Jc2), R3 is waiting: "y=n3"; `return "r"`
    // Awaits "r" (ReturnStatement step 3) → J3 → [Jc2 J3]. Jc2: "2: b false". J3: the body
    // returns: draining-queue, R3 completed with {r, true} (Jc3), AsyncGeneratorDrainQueue
    // completes R4 with {undefined, true} (Jc4) and the generator is completed.
    assert_eq!(
        printed,
        [
            "start",
            "sync end",
            "x=n2",
            "1: a false",
            "y=n3",
            "2: b false",
            "3: r true",
            "4: undefined true",
        ]
    );
}

/// `return(v)` on a suspended-start generator never runs the body: the generator goes to
/// draining-queue and AsyncGeneratorAwaitReturn awaits `v` (here a thenable) before the
/// return request settles; a `next()` queued meanwhile settles right after it.
#[test]
fn return_on_a_suspended_start_generator_awaits_the_value() {
    let printed = run(r#"
        async function* g() { print("body"); yield 1; }
        var it = g();
        var thenable = { then(resolve) { print("then called"); resolve("v"); } };
        it.return(thenable).then(r => print("return: " + r.value + " " + r.done));
        it.next().then(r => print("next: " + r.value + " " + r.done));
        Promise.resolve()
          .then(() => print("tick 1"))
          .then(() => print("tick 2"))
          .then(() => print("tick 3"));
        print("sync end");
    "#);
    // return(thenable): R1 enqueued; suspended-start → draining-queue;
    // AsyncGeneratorAwaitReturn: PromiseResolve(%Promise%, thenable) makes a pending p and
    // resolving it with a thenable queues the thenable job JT; p.then(onFulfilled) waits.
    // next(): draining-queue, so R2 is only enqueued. The chain queues Jt1. [JT Jt1].
    // JT: "then called", p is fulfilled with "v" → JonF. Jt1: "tick 1" → Jt2. JonF:
    // R1 completed with {v, true} (JcR), AsyncGeneratorDrainQueue completes R2 with
    // {undefined, true} (JcN). [Jt2 JcR JcN]: "tick 2" (→ Jt3), the two results, "tick 3".
    assert_eq!(
        printed,
        [
            "sync end",
            "then called",
            "tick 1",
            "tick 2",
            "return: v true",
            "next: undefined true",
            "tick 3",
        ]
    );
}

/// `yield*` to an async iterator: each inner result is awaited (15.5.5 step 8.a.ii) but
/// its value is passed on as it is (AsyncGeneratorYield of IteratorValue, no Await), and
/// the requests queued on the outer generator are forwarded to `next` in order.
#[test]
fn yield_star_delegates_to_an_async_iterator() {
    let printed = run(r#"
        var inner = {
          i: 0,
          [Symbol.asyncIterator]() { print("get iterator"); return this; },
          next(v) {
            print("inner next " + v);
            this.i++;
            return Promise.resolve({ value: "i" + this.i, done: this.i > 2 });
          },
        };
        async function* outer() {
          var r = yield* inner;
          print("delegate result " + r);
          return "end";
        }
        var it = outer();
        it.next("x1").then(r => print("1: " + r.value + " " + r.done));
        it.next("x2").then(r => print("2: " + r.value + " " + r.done));
        it.next("x3").then(r => print("3: " + r.value + " " + r.done));
        print("sync end");
    "#);
    // next("x1") starts the body: GetIterator(inner, async) ("get iterator"), then
    // next(undefined) (received is NormalCompletion(undefined)); Await of its (native,
    // fulfilled) promise queues JA1. R2, R3 are enqueued. "sync end".
    // JA1: not done → AsyncGeneratorYield("i1") completes R1 (Jc1); R2 waits, so received
    // is "x2": "inner next x2", Await → JA2. Jc1: "1: i1 false". JA2: completes R2 (Jc2);
    // received "x3": "inner next x3" (done now) → JA3. Jc2: "2: i2 false". JA3: done, so
    // yield* evaluates to "i3": "delegate result i3"; `return "end"` Awaits → JA4, which
    // completes R3 with {end, true}.
    assert_eq!(
        printed,
        [
            "get iterator",
            "inner next undefined",
            "sync end",
            "inner next x2",
            "1: i1 false",
            "inner next x3",
            "2: i2 false",
            "delegate result i3",
            "3: end true",
        ]
    );
}

/// `yield*` to a sync iterable in an async generator goes through
/// CreateAsyncFromSyncIterator: yielded promises are unwrapped (AsyncFromSyncIteratorContinuation
/// awaits the value), values sent with `next` reach the sync generator, and its return
/// value (a promise) is unwrapped too.
#[test]
fn yield_star_delegates_to_a_sync_iterator_through_async_from_sync() {
    let printed = run(r#"
        function* inner() {
          var a = yield Promise.resolve("p1");
          print("inner got " + a);
          yield "plain";
          return Promise.resolve("ret");
        }
        async function* outer() {
          var r = yield* inner();
          print("delegate result " + r);
        }
        (async function () {
          var it = outer();
          var r1 = await it.next("ignored");
          print("1: " + r1.value + " " + r1.done);
          var r2 = await it.next("A");
          print("2: " + r2.value + " " + r2.done);
          var r3 = await it.next("B");
          print("3: " + r3.value + " " + r3.done);
        })();
    "#);
    // First next: %AsyncFromSyncIteratorPrototype%.next(undefined) runs inner to its first
    // yield; the result's value is a promise, which the continuation resolves and unwraps:
    // {p1, false}. next("A"): the sync generator receives "A", yields "plain". next("B"):
    // inner returns a promise for "ret" with done true; the continuation unwraps it, so
    // yield* evaluates to "ret"; outer's body then completes normally: {undefined, true}.
    assert_eq!(
        printed,
        [
            "1: p1 false",
            "inner got A",
            "2: plain false",
            "delegate result ret",
            "3: undefined true",
        ]
    );
}

/// A `throw` from a `for await` body closes the iterator with AsyncIteratorClose: its
/// `return` is called with no arguments and its result awaited, and the original throw
/// completion wins.
#[test]
fn for_await_with_a_throwing_body_closes_the_iterator() {
    let printed = run(r#"
        var iterable = {
          [Symbol.asyncIterator]() {
            var i = 0;
            return {
              next() {
                i++;
                print("next " + i);
                return Promise.resolve({ value: i, done: false });
              },
              return() {
                print("return called with " + arguments.length + " arguments");
                return Promise.resolve({ done: true });
              },
            };
          },
        };
        (async function () {
          try {
            for await (var x of iterable) {
              print("body " + x);
              if (x === 2) throw new Error("boom");
            }
          } catch (e) {
            print("caught " + e.message);
          }
        })();
        print("sync end");
    "#);
    // The function runs until the first Await of a next result ("next 1"), then the
    // script prints "sync end". Each job: the body, the next call. At x === 2 the body's
    // throw completion goes to AsyncIteratorClose (14.7.5.7 step 6.l.ii.3): return() is
    // called ("... 0 arguments") and its result awaited; completion is a throw, so it is
    // returned and caught.
    assert_eq!(
        printed,
        [
            "next 1",
            "sync end",
            "body 1",
            "next 2",
            "body 2",
            "return called with 0 arguments",
            "caught boom",
        ]
    );
}

/// `break` out of a `for await` is a non-throw completion: AsyncIteratorClose awaits the
/// `return` result, and a non-object result is a TypeError (7.4.13 step 7).
#[test]
fn for_await_break_awaits_return_and_checks_its_result() {
    let printed = run(r#"
        var iterable = {
          [Symbol.asyncIterator]() {
            return {
              next() { return { value: "v", done: false }; },
              return() { print("return"); return Promise.resolve(42); },
            };
          },
        };
        (async function () {
          try {
            for await (var y of iterable) { print("body " + y); break; }
            print("not reached");
          } catch (e) {
            print("close: " + e.constructor.name);
          }
        })();
    "#);
    assert_eq!(printed, ["body v", "return", "close: TypeError"]);
}
