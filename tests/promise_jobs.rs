//! Promise jobs end to end: the order in which interleaved reactions run, derived by hand
//! from the spec's algorithms (27.2.1-27.2.5; HostEnqueuePromiseJob is FIFO), the
//! HostPromiseRejectionTracker bookkeeping, an exception thrown out of a job, and the
//! host's time limit.
//!
//! In the derivations, "tick n" is the n-th round of jobs: the jobs queued by the script
//! run in tick 1, the jobs they queue in tick 2, and so on; within a tick, jobs run in the
//! order they were queued.

mod engine_script;

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use engine_script::run_printing;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The single line `text` printed (its jobs included).
fn order(text: &str) -> String {
    let printed = run_printing("order.js", text, false);
    assert_eq!(printed.len(), 1, "{printed:?}");
    printed[0].clone()
}

/// A chain of `then` callbacks logging c1, c2, ... one per tick, then printing the log.
const CHAIN: &str = "
Promise.resolve()
  .then(function () { log.push('c1'); })
  .then(function () { log.push('c2'); })
  .then(function () { log.push('c3'); })
  .then(function () { log.push('c4'); })
  .then(function () { print(log.join(' | ')); });
";

#[test]
fn two_chains_interleave_one_reaction_per_tick() {
    // Each `then` callback runs in its own tick: when c1's handler returns, the reaction
    // job resolves the derived promise, whose reaction (c2) is queued behind everything
    // queued so far, here the other chain's first callback.
    let text = format!(
        "var log = [];
         Promise.resolve()
           .then(function () {{ log.push('a1'); }})
           .then(function () {{ log.push('a2'); }})
           .then(function () {{ log.push('a3'); }});
         {CHAIN}"
    );
    assert_eq!(order(&text), "a1 | c1 | a2 | c2 | a3 | c3 | c4");
}

#[test]
fn resolving_with_a_promise_takes_two_extra_ticks_and_with_a_thenable_one() {
    // Sync: r(thenable) gets `then` (callable) and queues ResolveThenableJob T1;
    // r(native) does the same with Promise.prototype.then: T2. Promise.resolve(native) is
    // native itself (same constructor), so its `then` queues reaction S at once; then c1.
    // Tick 1: T1 calls thenable.then, which resolves p1 at once: reaction "thenable"
    // queued. T2 calls native.then(resolve2, reject2): native is fulfilled, so a reaction
    // job R2 is queued. S logs "same", c1 logs.
    // Tick 2: "thenable" logs; R2 resolves p2, queueing "native"; c2 logs.
    // Tick 3: "native" logs, then c3.
    let text = format!(
        "var log = [];
         var thenable = {{ then: function (resolve) {{ log.push('then called'); resolve('t'); }} }};
         new Promise(function (r) {{ r(thenable); }})
           .then(function (v) {{ log.push('thenable ' + v); }});
         var native = Promise.resolve('n');
         new Promise(function (r) {{ r(native); }})
           .then(function (v) {{ log.push('native ' + v); }});
         Promise.resolve(native).then(function (v) {{ log.push('same ' + v); }});
         log.push('sync end');
         {CHAIN}"
    );
    assert_eq!(
        order(&text),
        "sync end | then called | same n | c1 | thenable t | c2 | native n | c3 | c4"
    );
}

#[test]
fn finally_passes_the_value_on_three_ticks_later() {
    // P.finally(f) is P.then(thenFinally, catchFinally); P is fulfilled, so job J1 is
    // queued, then c1.
    // Tick 1: J1 runs thenFinally(1): calls f ("f"), p = PromiseResolve(%Promise%,
    // undefined) is fulfilled, p.then(valueThunk) queues J2 and returns q; J1 resolves
    // the finally promise F with q, a promise: ResolveThenableJob J3. c1 logs.
    // Tick 2: J2 calls valueThunk, fulfilling q with 1; J3 calls q.then(resolveF, ...),
    // q is fulfilled: J4 queued. c2 logs.
    // Tick 3: J4 fulfils F: reaction "g" queued. c3 logs.
    // Tick 4: "g1", then c4.
    let text = format!(
        "var log = [];
         Promise.resolve(1)
           .finally(function () {{ log.push('f'); }})
           .then(function (v) {{ log.push('g' + v); }});
         {CHAIN}"
    );
    assert_eq!(order(&text), "f | c1 | c2 | c3 | g1 | c4");
}

#[test]
fn combinators_settle_one_tick_after_their_last_element() {
    // Sync: Promise.all calls Promise.resolve on 1 (a new fulfilled promise) and on p2
    // (p2 itself) and `then` on each: element jobs A0, A1 queued. Promise.race queues
    // B (resolve of the race promise) the same way. The rejected promise's catch queues
    // C. Then c1.
    // Tick 1: A0 stores 1; A1 stores 2, the count reaches 0, the all promise is fulfilled:
    // its reaction queued. B fulfils the race promise: its reaction queued. C logs, c1.
    // Tick 2: "all", "race", c2.
    let text = format!(
        "var log = [];
         Promise.all([1, Promise.resolve(2)]).then(function (v) {{ log.push('all ' + v); }});
         Promise.race([Promise.resolve('r')]).then(function (v) {{ log.push('race ' + v); }});
         Promise.reject(new Error('x')).catch(function (e) {{ log.push('catch ' + e.message); }});
         {CHAIN}"
    );
    assert_eq!(
        order(&text),
        "catch x | c1 | all 1,2 | race r | c2 | c3 | c4"
    );
}

#[test]
fn the_executor_and_then_callbacks_never_run_synchronously_out_of_order() {
    let printed = run_printing(
        "sync.js",
        "var p = new Promise(function (resolve) { print('executor'); resolve(1); });
         p.then(function (v) { print('then ' + v); });
         print('after then');",
        false,
    );
    assert_eq!(printed, ["executor", "after then", "then 1"]);
}

/// Runs `f` with a fresh capturing engine on a thread with a big stack.
fn with_engine<R: Send + 'static>(f: impl FnOnce(&mut Engine) -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let mut engine = Engine::new(EngineOptions {
                test262: false,
                capture_print: true,
                ..EngineOptions::default()
            });
            f(&mut engine)
        })
        .expect("a test thread starts")
        .join()
        .expect("the test thread did not panic")
}

fn script(text: &str) -> ScriptSource {
    ScriptSource {
        name: "jobs.js".to_string(),
        text: Arc::from(text),
        program: Arc::new(parse_script(text).expect("the test script parses")),
    }
}

#[test]
fn rejections_handled_later_are_not_reported_and_unhandled_ones_are() {
    let reports = with_engine(|engine| {
        let text = "var late = Promise.reject(new Error('late'));
                    Promise.resolve().then(function () { late.catch(function () {}); });
                    Promise.reject(new RangeError('never handled'));
                    Promise.reject(42);
                    Promise.reject(0).then(undefined, function () {});";
        engine.evaluate_script(&script(text)).expect("no exception");
        // Before the jobs run, `late` is still unhandled.
        engine.run_jobs().expect("no job throws");
        engine.take_unhandled_rejections()
    });
    let reports: Vec<&str> = reports.iter().map(|u| u.report.as_str()).collect();
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert!(
        reports[0]
            .starts_with("Uncaught (in promise) RangeError: never handled\n    at jobs.js:3:"),
        "{}",
        reports[0]
    );
    assert_eq!(reports[1], "Uncaught (in promise) 42");
}

#[test]
fn an_exception_out_of_a_job_stops_the_run_and_the_rest_stays_queued() {
    let (first, printed_then, second, printed_after) = with_engine(|engine| {
        // `then` makes its capability with the species constructor, whose resolve throws:
        // the reaction job's Call(promiseCapability.[[Resolve]], ...) is abrupt.
        let text = "var p = Promise.resolve(1);
                    p.constructor = {};
                    p.constructor[Symbol.species] = function (executor) {
                      executor(function () { throw new Error('resolve threw'); }, function () {});
                    };
                    p.then(function () { print('handler'); });
                    Promise.resolve().then(function () { print('next job'); });";
        engine.evaluate_script(&script(text)).expect("no exception");
        let first = engine.run_jobs().map_err(|u| u.report);
        let printed_then = engine.take_printed();
        let second = engine.run_jobs().map_err(|u| u.report);
        (first, printed_then, second, engine.take_printed())
    });
    let error = first.expect_err("the first job throws");
    assert!(
        error.starts_with("Uncaught Error: resolve threw"),
        "{error}"
    );
    assert_eq!(printed_then, ["handler"]);
    assert_eq!(second, Ok(()));
    assert_eq!(printed_after, ["next job"]);
}

#[test]
fn the_time_limit_stops_a_loop_that_catches_what_its_calls_throw() {
    let (result, timed_out) = with_engine(|engine| {
        engine.set_time_limit(Some(Duration::from_millis(200)));
        // Once the limit is past, the call throws and is caught, but the loop's own check
        // (outside the try) throws too.
        let text = "var caught = 0;
                    for (;;) { try { (function () {})(); } catch (e) { caught++; } }";
        let result = engine.evaluate_script(&script(text)).map_err(|u| u.report);
        (result, engine.timed_out())
    });
    assert!(timed_out);
    let error = result.expect_err("the loop is stopped");
    assert!(error.contains("time limit"), "{error}");
}

#[test]
fn the_time_limit_stops_an_endless_chain_of_jobs_even_when_code_catches() {
    let (result, timed_out, elapsed) = with_engine(|engine| {
        engine.set_time_limit(Some(Duration::from_millis(200)));
        // Every job catches whatever its call throws and queues the next one.
        let text = "function again() {
                      try { (function () {})(); } catch (e) {}
                      Promise.resolve().then(again);
                    }
                    again();";
        let start = Instant::now();
        engine.evaluate_script(&script(text)).expect("no exception");
        let result = engine.run_jobs().map_err(|u| u.report);
        (result, engine.timed_out(), start.elapsed())
    });
    assert!(timed_out);
    let error = result.expect_err("the run is stopped");
    assert!(error.contains("time limit"), "{error}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}
