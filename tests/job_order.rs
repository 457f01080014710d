//! Job ordering: interleaved promise reactions, awaits and async generator steps, logged in
//! the order they run and compared with inline insta snapshots. Every expected order below
//! was derived by hand from the spec's algorithms (the derivation is in the comment above
//! each snapshot), not copied from this interpreter's output. `Jx` is a job in the promise
//! job queue, which is FIFO (HostEnqueuePromiseJob).

mod engine_script;

fn log_of(script: &str) -> String {
    engine_script::run_printing("job_order.js", script, false).join("\n")
}

/// Reactions to an already-settled promise are queued by PerformPromiseThen itself; each
/// `then` in a chain queues the next only when its own job runs; resolving with a thenable
/// costs two jobs (NewPromiseResolveThenableJob, then the reaction job of the `then` it
/// calls).
#[test]
fn promise_reaction_chains_interleave_and_thenables_take_two_extra_jobs() {
    let log = log_of(
        r#"
        var p = Promise.resolve();
        p.then(() => print("a1")).then(() => print("a2")).then(() => print("a3"));
        p.then(() => print("b1")).then(() => print("b2"));
        new Promise(r => r(Promise.resolve())).then(() => print("thenable"));
        print("sync");
        "#,
    );
    // Script: p is fulfilled, so p.then(a1) queues Ja1 and p.then(b1) queues Jb1 (27.2.5.4.1
    // step 10); resolving with a promise queues the thenable job Jt (27.2.1.3.2 step 14).
    // Queue [Ja1 Jb1 Jt]. Ja1: a1, fulfils its promise, queues Ja2 → [Jb1 Jt Ja2]. Jb1: b1,
    // queues Jb2. Jt: calls inner.then(resolve, reject); inner is fulfilled, so Jr is queued
    // → [Ja2 Jb2 Jr]. Ja2: a2, queues Ja3. Jb2: b2. Jr: resolves the outer promise, which
    // queues Jthenable → [Ja3 Jthenable]. Ja3: a3. Jthenable: thenable.
    insta::assert_snapshot!(log, @r"
    sync
    a1
    b1
    a2
    b2
    a3
    thenable
    ");
}

/// Each `await` of a non-promise or of a native promise costs one job (Await step 2 uses
/// PromiseResolve, which returns a native promise unchanged).
#[test]
fn awaits_resume_in_fifo_order_with_promise_reactions() {
    let log = log_of(
        r#"
        async function f() { print("f start"); await undefined; print("f after 1"); await null; print("f after 2"); }
        async function g() { print("g start"); await Promise.resolve(); print("g after"); }
        f(); g();
        Promise.resolve().then(() => print("then 1")).then(() => print("then 2"));
        print("sync end");
        "#,
    );
    // Script: f runs to its first await (queues Jf1: PerformPromiseThen on a fulfilled
    // promise), g likewise (Jg1), then the chain queues Jt1. Queue [Jf1 Jg1 Jt1].
    // Jf1: "f after 1", await null queues Jf2 → [Jg1 Jt1 Jf2]. Jg1: "g after", g's promise
    // fulfils (no reactions). Jt1: "then 1", queues Jt2 → [Jf2 Jt2]. Jf2, then Jt2.
    insta::assert_snapshot!(log, @r"
    f start
    g start
    sync end
    f after 1
    g after
    then 1
    f after 2
    then 2
    ");
}

/// An async function that returns a promise resolves its own promise through the
/// thenable job: two jobs later than returning a plain value.
#[test]
fn returning_a_promise_from_an_async_function_takes_two_extra_jobs() {
    let log = log_of(
        r#"
        async function r() { return Promise.resolve("x"); }
        r().then(v => print("r " + v));
        Promise.resolve().then(() => print("t1")).then(() => print("t2")).then(() => print("t3")).then(() => print("t4"));
        "#,
    );
    // r's body completes at once with a return completion of P1; AsyncBlockStart calls
    // resolve(P1), a thenable, so Jrt (NewPromiseResolveThenableJob) is queued; then Jt1.
    // Queue [Jrt Jt1]. Jrt: P1.then(resolving functions), P1 is fulfilled → Jrr queued
    // → [Jt1 Jrr]. Jt1: t1, queues Jt2. Jrr: fulfils r's promise with "x", queuing Jh
    // → [Jt2 Jh]. Jt2: t2, queues Jt3. Jh: "r x". Jt3: t3, queues Jt4. Jt4: t4.
    insta::assert_snapshot!(log, @r"
    t1
    t2
    r x
    t3
    t4
    ");
}

/// A rejected await resumes the async function with a throw completion, which its
/// try/catch sees; the function's promise then fulfils.
#[test]
fn a_rejected_await_throws_into_the_async_function() {
    let log = log_of(
        r#"
        async function f() {
          try { await Promise.reject(new Error("no")); }
          catch (e) { print("caught " + e.message); }
          finally { print("finally"); }
          return "done";
        }
        f().then(v => print(v));
        Promise.resolve().then(() => print("t1")).then(() => print("t2"));
        print("sync");
        "#,
    );
    // Await(rejected promise): PromiseResolve returns it; PerformPromiseThen on a rejected
    // promise queues Jf1 (the onRejected closure). Then Jt1. Queue [Jf1 Jt1].
    // Jf1: resumes f with a throw completion: "caught no", "finally"; f returns "done",
    // fulfilling its promise, which queues Jv → [Jt1 Jv]. Jt1: t1, queues Jt2. Jv: "done".
    // Jt2: t2.
    insta::assert_snapshot!(log, @r"
    sync
    caught no
    finally
    t1
    done
    t2
    ");
}

/// Generators run synchronously inside the job that resumes them: a generator driven from
/// promise reactions interleaves with them step by step.
#[test]
fn a_generator_driven_by_promise_reactions() {
    let log = log_of(
        r#"
        function* steps() { print("g1"); yield; print("g2"); yield; print("g3"); }
        var it = steps();
        Promise.resolve().then(() => { it.next(); print("after next 1"); })
          .then(() => { it.next(); print("after next 2"); })
          .then(() => { it.next(); print("after next 3"); });
        Promise.resolve().then(() => print("other 1")).then(() => print("other 2"));
        "#,
    );
    // Queue [J1 Jo1]. J1: next() runs the body to the first yield ("g1"), "after next 1",
    // queues J2 → [Jo1 J2]. Jo1: "other 1", queues Jo2. J2: "g2", "after next 2", queues
    // J3 → [Jo2 J3]. Jo2: "other 2". J3: "g3" (the body completes), "after next 3".
    insta::assert_snapshot!(log, @r"
    g1
    after next 1
    other 1
    g2
    after next 2
    other 2
    g3
    after next 3
    ");
}

/// An async generator's steps interleave with promise reactions: `yield v` awaits v first
/// (Yield step 2), and AsyncGeneratorYield completes the oldest request and — with another
/// request already queued — carries on without suspending.
#[test]
fn async_generator_steps_interleave_with_promise_reactions() {
    let log = log_of(
        r#"
        async function* ag() { print("ag start"); yield 1; print("ag after yield"); }
        var it = ag();
        it.next().then(r => print("next1 " + r.value));
        it.next().then(r => print("next2 " + r.done));
        Promise.resolve().then(() => print("t1")).then(() => print("t2")).then(() => print("t3"));
        print("sync");
        "#,
    );
    // next #1: AsyncGeneratorEnqueue, the generator is suspended-start, so
    // AsyncGeneratorResume runs the body: "ag start"; `yield 1` is AsyncGeneratorYield(?
    // Await(1)): the Await queues Ja and suspends; next returns promise N1.
    // next #2: the generator is executing, so the request only joins the queue (N2).
    // Then Jt1 is queued; "sync". Queue [Ja Jt1].
    // Ja: resumes with 1; AsyncGeneratorYield: AsyncGeneratorCompleteStep resolves N1 with
    // {value: 1, done: false}, queuing Jn1; the queue still holds request 2, so the body
    // goes on without suspending (27.6.3.8 step 11): "ag after yield"; the body completes,
    // AsyncGeneratorCompleteStep resolves N2 with {value: undefined, done: true}, queuing
    // Jn2 → [Jt1 Jn1 Jn2]. Jt1: t1, queues Jt2. Jn1: "next1 1". Jn2: "next2 true". Jt2: t2,
    // queues Jt3. Jt3: t3.
    insta::assert_snapshot!(log, @r"
    ag start
    sync
    ag after yield
    t1
    next1 1
    next2 true
    t2
    t3
    ");
}
