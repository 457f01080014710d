//! Every built-in function survives hostile inputs: each function reachable from the
//! global object (own properties of every object reached, getters and setters, prototypes;
//! each function once) is called, and constructed, with `this` values and argument lists
//! drawn from hostile values (odd numbers, lone surrogates, symbols, bigints, arrays with
//! holes and huge lengths, proxies whose every trap throws, revoked proxies, objects whose
//! conversions throw, functions, infinite iterators). Each call must return or throw a
//! JavaScript exception: a Rust panic fails the test with the function's path and the
//! arguments.
//!
//! The calls are generated as JavaScript: a prelude walks `globalThis`, builds the values
//! and defines `__builtins.run(f, this, [args], construct)`; each call is then one small
//! script, so that when the engine panics the Rust side knows which call it was running.
//! Nothing here can interrupt a built-in that loops, so every object with a huge length
//! (and the infinite iterator) charges a budget on each property access (it is a
//! forwarding proxy, or a non-extensible object with one on its prototype chain) and throws
//! once the budget is spent; a call that still runs too long is reported as a hang.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::spec::value::Value;
use compartments::syntax::parse_script;
use proptest::prelude::*;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one call may run before the test reports it as a hang. Generous: some calls
/// are legitimately slow, for example `JSON.stringify({}, Array)` (the replacer makes a new
/// array at every level) takes about 25 s to reach the stack limit, because
/// SerializeJSONObject's cycle check scans the whole stack at each level.
const HANG: Duration = Duration::from_secs(120);

/// The hostile values, as JavaScript expressions evaluated once per engine by the prelude
/// (which defines `budgeted`, `thrower`, `throwingHandler`, `revoked` and `revokedFunction`).
const VALUES: &[&str] = &[
    "undefined",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "NaN",
    "Infinity",
    "-Infinity",
    "2 ** 53",
    "2 ** 53 - 1",
    "2 ** 32",
    "2 ** 32 - 1",
    "2 ** 31",
    "-(2 ** 53)",
    "1.7976931348623157e308",
    "5e-324",
    "''",
    "'abc'",
    "'\\uD800'",
    "'a\\uDC00b'",
    "'0'",
    "'-1'",
    "'1e3'",
    "'length'",
    "'__proto__'",
    "'constructor'",
    "'\\u0000'",
    "Symbol('s')",
    "Symbol()",
    "Symbol.iterator",
    "Symbol.toPrimitive",
    "0n",
    "-1n",
    "2n ** 64n",
    "-(2n ** 70n)",
    "({})",
    "({ a: 1, b: 'x', 0: 2 })",
    "Object.create(null)",
    "[1, , 3, , 5]",
    "[[1, [2, [3, , [4]]]], , 'x']",
    // An Array with length 2**32 - 1 and no elements.
    // (Not extensible, so that no call can take the budget off its prototype chain.)
    "(() => { const a = budgeted([]); a.length = 2 ** 32 - 1; return Object.preventExtensions(a); })()",
    "new Proxy((() => { const a = []; a.length = 2 ** 32 - 1; return a; })(), countingHandler)",
    "new Proxy(hugeLength({}, 2 ** 53 - 1), countingHandler)",
    "new Proxy(hugeLength({ 0: 'a' }, 2 ** 32), countingHandler)",
    "new Proxy(hugeLength({}, Infinity), countingHandler)",
    "({ length: -1 })",
    "new Proxy({}, throwingHandler)",
    "new Proxy(function () {}, throwingHandler)",
    "new Proxy([], throwingHandler)",
    "revoked",
    "revokedFunction",
    "({ valueOf: thrower })",
    "({ toString: thrower })",
    "({ [Symbol.toPrimitive]: thrower })",
    "({ valueOf() { return {}; }, toString() { return {}; } })",
    "({ get length() { throw new Error('length'); }, get next() { throw new Error('next'); } })",
    "(() => { const a = [1, 2, 3]; a.constructor = { [Symbol.species]: thrower }; return a; })()",
    "(() => { const a = [1, 2]; a.constructor = { [Symbol.species]: function () { return Object.freeze({}); } }; return a; })()",
    "function f(a, b) { return a; }",
    "() => 1",
    "thrower",
    "class C {}",
    "function () {}.bind(null, 1)",
    "Math.max",
    "new Number(1)",
    "new String('ab')",
    "new Boolean(false)",
    "Object(Symbol('boxed'))",
    "Object(1n)",
    "Object.freeze([1, 2])",
    "Object.preventExtensions({ a: 1 })",
    "new Error('e')",
    // An infinite iterator (and iterable).
    "budgeted({ next() { tick(); return { value: 1, done: false }; }, return() { return {}; }, [Symbol.iterator]() { return this; } })",
    // An iterator whose results are hostile.
    "({ next() { return { get done() { throw new Error('done'); } }; }, [Symbol.iterator]() { return this; } })",
];

/// How many results of earlier calls the values include (indices past [`VALUES`]).
const RESULTS: usize = 16;

/// The prelude: collects the functions before creating any value (so no proxy is walked),
/// then builds the values and the call helper. Everything it keeps is in lexical bindings,
/// which are not properties of the global object.
fn prelude() -> String {
    let values = VALUES.join(",\n    ");
    format!(
        r#"
const RESULTS = {RESULTS};
const __builtins = (() => {{
  const fns = [], paths = [], seen = [];
  const ownKeys = Reflect.ownKeys, getOwn = Object.getOwnPropertyDescriptor;
  const getProto = Object.getPrototypeOf, apply = Reflect.apply, construct = Reflect.construct;
  const queue = [];
  const visit = (v, path) => {{
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return;
    if (seen.indexOf(v) !== -1) return;
    seen.push(v);
    if (typeof v === 'function') {{ fns.push(v); paths.push(path); }}
    queue.push([v, path]);
  }};
  visit(globalThis, 'globalThis');
  for (let i = 0; i < queue.length; i++) {{
    const [o, path] = queue[i];
    for (const k of ownKeys(o)) {{
      const d = getOwn(o, k);
      const p = path + (typeof k === 'symbol' ? '[' + String(k) + ']' : '.' + k);
      if ('value' in d) visit(d.value, p);
      else {{ visit(d.get, p + ' (getter)'); visit(d.set, p + ' (setter)'); }}
    }}
    visit(getProto(o), path + '.[[Prototype]]');
  }}

  let budget = 0;
  const tick = () => {{ if (++budget > 2000) throw new RangeError('budget spent'); }};
  const thrower = function () {{ throw new Error('hostile'); }};
  const trapNames = ['getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions',
    'getOwnPropertyDescriptor', 'defineProperty', 'has', 'get', 'set', 'deleteProperty',
    'ownKeys', 'apply', 'construct'];
  const throwingHandler = {{}}, countingHandler = {{}};
  for (const t of trapNames) {{
    throwingHandler[t] = thrower;
    const forward = Reflect[t];
    countingHandler[t] = function (...args) {{ tick(); return apply(forward, undefined, args); }};
  }}
  const countingPrototype = new Proxy({{}}, countingHandler);
  const budgeted = o => {{ Object.setPrototypeOf(o, countingPrototype); return o; }};
  // Non-enumerable, so that Object.assign and spreading do not copy it to an object
  // without a budget.
  const hugeLength = (o, length) => {{
    Object.defineProperty(o, 'length', {{ value: length, writable: true, configurable: true }});
    return o;
  }};
  const r1 = Proxy.revocable({{}}, {{}}); r1.revoke();
  const r2 = Proxy.revocable(function () {{}}, {{}}); r2.revoke();
  const revoked = r1.proxy, revokedFunction = r2.proxy;
  const values = [
    {values}
  ];
  // Objects that calls returned, as further values (indices past `values`): never an
  // object of the walk (an intrinsic that a call could mutate for the following calls)
  // nor one with a huge own length (that no budget guards).
  const results = [];
  let nextSlot = 0;
  // Past the values: the results, then the built-in functions themselves.
  const pick = i => i < values.length ? values[i]
    : i < values.length + RESULTS ? results[i - values.length]
    : fns[(i - values.length - RESULTS) % fns.length];
  const keep = r => {{
    if ((typeof r !== 'object' && typeof r !== 'function') || r === null) return -1;
    if (seen.indexOf(r) !== -1) return -1;
    // Nor one with a huge number in an own property (a length, or a descriptor whose
    // value could become one).
    try {{
      const d = getOwn(r, 'length');
      if (d !== undefined && !(typeof d.value === 'number' && d.value <= 10000)) return -1;
      const keys = ownKeys(r);
      if (keys.length > 1000) return -1;
      for (let i = 0; i < keys.length; i++) {{
        const v = getOwn(r, keys[i]).value;
        if (typeof v === 'number' && !(v <= 10000)) return -1;
        if (typeof v === 'object' && v !== null && getOwn(v, 'value') !== undefined) return -1;
      }}
    }} catch (e) {{
      return -1;
    }}
    const slot = nextSlot++ % RESULTS;
    results[slot] = r;
    return slot;
  }};
  // Returns the slot where the call's result was kept, or -1.
  const run = (f, t, args, asConstructor) => {{
    budget = 0;
    const fn = fns[f % fns.length];
    const list = [];
    for (let i = 0; i < args.length; i++) list.push(pick(args[i]));
    let result;
    try {{
      if (asConstructor) result = construct(fn, list);
      else result = apply(fn, pick(t), list);
      stats.returned++;
    }} catch (e) {{
      stats.threw++;
      return -1;
    }}
    budget = 0;
    return keep(result);
  }};
  const stats = {{ returned: 0, threw: 0 }};
  return {{ run, stats, paths: paths.join('\n') }};
}})();
__builtins.paths;
"#
    )
}

/// One call: the function (an index into the walk's list, modulo its length), the this
/// value and arguments (indices into [`VALUES`], then into the results of earlier calls,
/// then into the walk's functions), and whether to construct instead.
#[derive(Clone, Debug)]
struct Call {
    function: usize,
    this: usize,
    args: Vec<usize>,
    construct: bool,
}

impl Call {
    fn script(&self) -> String {
        let args: Vec<String> = self.args.iter().map(usize::to_string).collect();
        format!(
            "__builtins.run({}, {}, [{}], {});",
            self.function,
            self.this,
            args.join(", "),
            self.construct
        )
    }

    /// The call as JavaScript, with the function's path, the values' expressions and, for
    /// results of earlier calls, those calls (`results` is what each slot holds).
    fn describe(&self, paths: &[String], results: &[Option<String>]) -> String {
        let path = paths
            .get(self.function % paths.len().max(1))
            .map_or("?", String::as_str);
        let value = |i: usize| match VALUES.get(i) {
            Some(v) => v.to_string(),
            None if i < VALUES.len() + RESULTS => match &results[i - VALUES.len()] {
                Some(call) => format!("(the result of {call})"),
                None => "undefined".to_string(),
            },
            None => paths
                .get((i - VALUES.len() - RESULTS) % paths.len().max(1))
                .cloned()
                .unwrap_or_default(),
        };
        let args: Vec<String> = self.args.iter().map(|&i| value(i)).collect();
        let text = if self.construct {
            format!("Reflect.construct({path}, [{}])", args.join(", "))
        } else {
            format!(
                "Reflect.apply({path}, {}, [{}])",
                value(self.this),
                args.join(", ")
            )
        };
        // Results of results of ... stay readable.
        if text.chars().count() > 2000 {
            let cut: String = text.chars().take(2000).collect();
            format!("{cut}...")
        } else {
            text
        }
    }
}

fn source(name: &str, text: String) -> ScriptSource {
    let program = parse_script(&text).unwrap_or_else(|e| panic!("{name} does not parse: {e:?}"));
    ScriptSource {
        name: name.to_string(),
        text: Arc::from(text.as_str()),
        program: Arc::new(program),
    }
}

/// How many calls returned and how many threw.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    returned: usize,
    threw: usize,
}

/// What the calls' thread shares with the test: the walk's paths and the call running.
#[derive(Default)]
struct Progress {
    paths: Vec<String>,
    /// What each result slot holds: the call that returned it.
    results: Vec<Option<String>>,
    current: Option<(usize, Call)>,
}

/// Runs `calls` in one fresh engine on a thread with the CLI's 256 MiB stack. `Err` gives
/// the index of the call during which the engine panicked and a description of it.
fn run_calls(calls: Vec<Call>) -> Result<Stats, (usize, String)> {
    let progress = Arc::new(Mutex::new(Progress::default()));
    let shared = progress.clone();
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let mut engine = Engine::new(EngineOptions {
                test262: false,
                capture_print: true,
                ..EngineOptions::default()
            });
            let paths = match engine.evaluate_script_value(&source("prelude.js", prelude())) {
                Ok(Value::String(s)) => s.to_rust_string(),
                Ok(_) => panic!("the prelude did not give the paths"),
                Err(e) => panic!("the prelude threw: {}", e.report),
            };
            {
                let mut progress = shared.lock().unwrap();
                progress.paths = paths.lines().map(str::to_string).collect();
                progress.results = vec![None; RESULTS];
            }
            for (index, call) in calls.into_iter().enumerate() {
                shared.lock().unwrap().current = Some((index, call.clone()));
                // A JavaScript exception escaping `run` is fine too (it catches them all,
                // but a budget RangeError may be thrown from its own bookkeeping).
                let kept = engine.evaluate_script_value(&source("call.js", call.script()));
                if let Ok(Value::Number(slot)) = kept {
                    if slot >= 0.0 {
                        let mut progress = shared.lock().unwrap();
                        let description = call.describe(&progress.paths, &progress.results);
                        progress.results[slot as usize] = Some(description);
                    }
                }
                // Keep the captured `print` output from growing.
                engine.take_printed();
            }
            shared.lock().unwrap().current = None;
            let stats = "__builtins.stats.returned + ' ' + __builtins.stats.threw;".to_string();
            match engine.evaluate_script_value(&source("stats.js", stats)) {
                Ok(Value::String(s)) => {
                    let s = s.to_rust_string();
                    let (returned, threw) = s.split_once(' ').expect("two counts");
                    Stats {
                        returned: returned.parse().expect("a count"),
                        threw: threw.parse().expect("a count"),
                    }
                }
                _ => panic!("the statistics could not be read"),
            }
        })
        .map_err(|e| (0, e.to_string()))?;
    // Nothing can interrupt a built-in that loops: a call that runs for too long fails the
    // test (its thread is left behind).
    let mut watched: Option<(usize, Instant)> = None;
    while !handle.is_finished() {
        std::thread::sleep(Duration::from_millis(2));
        let progress = progress.lock().unwrap_or_else(|e| e.into_inner());
        let Some((index, call)) = &progress.current else {
            continue;
        };
        match watched {
            Some((watched_index, since)) if watched_index == *index => {
                if since.elapsed() > HANG {
                    // The looping thread cannot be stopped, and shrinking would start more
                    // of them: report and end the test process.
                    // (Written to the process's stderr: the test harness's capture of
                    // `eprintln!` would be lost with the process.)
                    let _ = writeln!(
                        std::io::stderr(),
                        "the engine did not return within {HANG:?} from {}",
                        call.describe(&progress.paths, &progress.results)
                    );
                    std::process::exit(101);
                }
            }
            _ => watched = Some((*index, Instant::now())),
        }
    }
    match handle.join() {
        Ok(stats) => Ok(stats),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".to_string());
            let progress = progress.lock().unwrap_or_else(|e| e.into_inner());
            let (index, during) = match &progress.current {
                Some((index, call)) => (*index, call.describe(&progress.paths, &progress.results)),
                None => (0, "the prelude".to_string()),
            };
            Err((
                index,
                format!("the engine panicked ({message}) during {during}"),
            ))
        }
    }
}

/// How many functions the walk finds (and their paths).
fn walk() -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(|| {
            let mut engine = Engine::new(EngineOptions {
                test262: false,
                capture_print: true,
                ..EngineOptions::default()
            });
            match engine.evaluate_script_value(&source("prelude.js", prelude())) {
                Ok(Value::String(s)) => s.to_rust_string().lines().map(str::to_string).collect(),
                _ => panic!("the prelude failed"),
            }
        })
        .unwrap()
        .join()
        .unwrap()
}

/// A value: mostly one of [`VALUES`], sometimes the result of an earlier call or a
/// built-in function.
fn value_strategy() -> impl Strategy<Value = usize> {
    let start = VALUES.len() + RESULTS;
    prop_oneof![
        6 => 0..VALUES.len(),
        2 => VALUES.len()..start,
        1 => start..start + 1024,
    ]
}

fn call_strategy() -> impl Strategy<Value = Call> {
    (
        any::<u16>(),
        value_strategy(),
        prop::collection::vec(value_strategy(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(function, this, args, construct)| Call {
            function: usize::from(function),
            this,
            args,
            construct,
        })
}

proptest! {
    // PROPTEST_CASES=n asks for more cases (a longer hunt).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    /// Random samples of the functions, each called with a random this value and argument
    /// list and also constructed with the same arguments.
    #[test]
    fn builtins_called_with_hostile_values_never_panic(
        calls in prop::collection::vec(call_strategy(), 64)
    ) {
        let calls: Vec<Call> = calls
            .into_iter()
            .flat_map(|c| [Call { construct: false, ..c.clone() }, Call { construct: true, ..c }])
            .collect();
        let result = run_calls(calls);
        prop_assert!(result.is_ok(), "{}", result.unwrap_err().1);
    }
}

/// Every function, called with each value as its this value, as its only argument and as
/// three arguments, and constructed with it.
#[test]
fn every_builtin_survives_each_hostile_value() {
    let count = walk().len();
    assert!(count > 200, "the walk found only {count} functions");
    let object = VALUES.iter().position(|v| *v == "({})").unwrap();
    let mut calls = Vec::new();
    for function in 0..count {
        for value in 0..VALUES.len() {
            for (this, args, construct) in [
                (value, vec![], false),
                (0, vec![value], false),
                (object, vec![value, value, value], false),
                (0, vec![value], true),
            ] {
                calls.push(Call {
                    function,
                    this,
                    args,
                    construct,
                });
            }
        }
    }
    // One engine per slice of functions (so that the side effects of earlier calls on the
    // values stay bounded); after a panic, a new engine goes on with the next call.
    let per_engine = 40 * VALUES.len() * 4;
    let mut failures = Vec::new();
    let mut totals = Stats::default();
    for chunk in calls.chunks(per_engine) {
        let mut start = 0;
        while start < chunk.len() {
            match run_calls(chunk[start..].to_vec()) {
                Ok(stats) => {
                    totals.returned += stats.returned;
                    totals.threw += stats.threw;
                    break;
                }
                Err((index, message)) => {
                    failures.push(message);
                    start += index + 1;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The calls do run: many return normally, many throw.
    let total = calls.len();
    assert!(
        totals.returned > total / 10 && totals.threw > total / 10,
        "{totals:?} of {total} calls"
    );
    eprintln!("{totals:?} of {total} calls");
}

#[test]
fn the_walk_finds_the_library() {
    let paths = walk();
    for expected in [
        "globalThis.Object",
        "globalThis.Array.prototype.map",
        "globalThis.JSON.parse",
        "globalThis.Iterator.from",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} not among {} paths",
            paths.len()
        );
    }
}
