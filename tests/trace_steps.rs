//! Step markers fire where and when the algorithms run: scripts traced in-process with
//! `trace::capture`, the executed steps of chosen algorithms compared with the orders
//! ECMA-262 gives them (derived by hand from the spec-steps transcriptions).

#![cfg(not(feature = "no-trace-markers"))]

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use compartments::trace;
use std::sync::Arc;

/// Runs `text` (then its jobs) with tracing captured; returns what it printed and the
/// trace lines.
fn traced(text: &str) -> (Vec<String>, Vec<String>) {
    let text = text.to_string();
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let program = Arc::new(parse_script(&text).expect("the test script parses"));
            let (printed, lines) = trace::capture(|| {
                let mut engine = Engine::new(EngineOptions {
                    test262: false,
                    capture_print: true,
                });
                let source = ScriptSource {
                    name: "traced.js".to_string(),
                    text: Arc::from(text.as_str()),
                    program,
                };
                if let Err(uncaught) = engine
                    .evaluate_script(&source)
                    .and_then(|()| engine.run_jobs())
                {
                    panic!("{}", uncaught.report);
                }
                engine.take_printed()
            });
            (printed, lines)
        })
        .expect("a test thread starts")
        .join()
        .expect("the script ran")
}

/// The lines of the algorithms named (`"HostMakeJobCallback"`), as `"Name step N"`.
fn steps_of(lines: &[String], names: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|line| {
            let (head, _text) = line.split_once(": ")?;
            let (_number, rest) = head.split_once(' ')?;
            let (name, _) = rest.split_once(" step ")?;
            names.contains(&name).then(|| rest.to_string())
        })
        .collect()
}

#[test]
fn a_promise_reaction_is_made_queued_and_run_as_the_job_algorithms_say() {
    let (printed, lines) = traced("Promise.resolve(1).then(function (v) { print(v); });");
    assert_eq!(printed, ["1"]);
    let names = [
        "HostMakeJobCallback",
        "NewPromiseReactionJob",
        "HostEnqueuePromiseJob",
        "Jobs and Host Operations to Enqueue Jobs",
        "HostCallJobCallback",
    ];
    let expected = [
        // then(): the handler becomes a JobCallback Record (PerformPromiseThen step 3.b)...
        "HostMakeJobCallback step 1",
        // ... and, the promise being fulfilled already, its reaction job is made and queued
        // (PerformPromiseThen step 10.b).
        "NewPromiseReactionJob step 1",
        "NewPromiseReactionJob step 2",
        "NewPromiseReactionJob step 3",
        "NewPromiseReactionJob step 3.a",
        "NewPromiseReactionJob step 3.b",
        "NewPromiseReactionJob step 3.d",
        "NewPromiseReactionJob step 4",
        "HostEnqueuePromiseJob step 1",
        // After the script, the host runs the job.
        "Jobs and Host Operations to Enqueue Jobs step 1",
        "Jobs and Host Operations to Enqueue Jobs step 2",
        "NewPromiseReactionJob step 1.a",
        "NewPromiseReactionJob step 1.b",
        "NewPromiseReactionJob step 1.c",
        "NewPromiseReactionJob step 1.d",
        "NewPromiseReactionJob step 1.e",
        "NewPromiseReactionJob step 1.e.i",
        "HostCallJobCallback step 1",
        "HostCallJobCallback step 2",
        // then() made a derived promise: its capability resolves it with the handler's
        // result.
        "NewPromiseReactionJob step 1.f",
        "NewPromiseReactionJob step 1.g",
        "NewPromiseReactionJob step 1.h",
        "NewPromiseReactionJob step 1.i",
        "NewPromiseReactionJob step 1.i.i",
        "Jobs and Host Operations to Enqueue Jobs step 3",
    ];
    assert_eq!(steps_of(&lines, &names), expected);
}

#[test]
fn a_thenable_resolution_goes_through_new_promise_resolve_thenable_job() {
    let (printed, lines) = traced(
        "var thenable = { then(resolve) { print('then'); resolve(2); } };\n\
         Promise.resolve(thenable).then(function (v) { print(v); });",
    );
    assert_eq!(printed, ["then", "2"]);
    let thenable = steps_of(&lines, &["NewPromiseResolveThenableJob"]);
    assert_eq!(
        thenable,
        [
            "NewPromiseResolveThenableJob step 1",
            "NewPromiseResolveThenableJob step 2",
            "NewPromiseResolveThenableJob step 3",
            "NewPromiseResolveThenableJob step 5",
            "NewPromiseResolveThenableJob step 6",
            // The job, later: then() returns normally.
            "NewPromiseResolveThenableJob step 1.a",
            "NewPromiseResolveThenableJob step 1.b",
            "NewPromiseResolveThenableJob step 1.c",
            "NewPromiseResolveThenableJob step 1.d",
        ]
    );
}

#[test]
fn create_dynamic_function_takes_the_branch_of_its_kind() {
    let (printed, lines) = traced(
        "print(new Function('a', 'b', 'return a + b')(1, 2));\n\
         var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;\n\
         print(typeof AsyncFunction('return 1'));",
    );
    assert_eq!(printed, ["3", "function"]);
    let steps = steps_of(&lines, &["CreateDynamicFunction"]);
    let numbers: Vec<&str> = steps
        .iter()
        .map(|s| s.trim_start_matches("CreateDynamicFunction step "))
        .collect();
    let tail = [
        "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28",
        "29", "30", "31", "32",
    ];
    let mut expected = vec!["1", "2", "2.a", "2.b", "2.c", "2.d", "2.e"];
    // Two parameters: P is built from both (13.c runs once).
    expected.extend([
        "6", "7", "8", "8.a", "8.a", "9", "10", "11", "12", "13", "13.a", "13.b", "13.c", "13.c.i",
        "13.c.ii", "13.c.iii",
    ]);
    expected.extend(tail);
    expected.extend(["32.a", "33", "34"]);
    // AsyncFunction with only a body: kind async, no parameters, not a constructor.
    expected.extend(["1", "2", "3", "4", "4.a", "4.b", "4.c", "4.d", "4.e"]);
    expected.extend(["6", "7", "8", "9", "10", "11", "12", "13"]);
    expected.extend(tail);
    expected.extend(["33", "34"]);
    assert_eq!(numbers, expected);
}

#[test]
fn capture_collects_only_its_own_thread_and_nests() {
    let ((), outer) = trace::capture(|| {
        let ((), inner) = trace::capture(|| {});
        assert!(inner.is_empty());
    });
    assert!(outer.is_empty());
    // A script traced on another thread does not leak into this capture.
    let ((), here) = trace::capture(|| {
        let (_, there) = traced("eval('1')");
        assert!(there
            .iter()
            .any(|l| l.starts_with("19.2.1.1 PerformEval step 1:")));
    });
    assert!(here.is_empty(), "{here:?}");
}

#[test]
fn a_typed_array_element_read_goes_through_the_buffer_operations() {
    let (printed, lines) = traced("print(new Int16Array(1)[0]);");
    assert_eq!(printed, ["0"]);
    let names = [
        "TypedArrayGetElement",
        "IsValidIntegerIndex",
        "TypedArrayLength",
        "GetValueFromBuffer",
        "RawBytesToNumeric",
    ];
    let expected = [
        "TypedArrayGetElement step 1",
        // IsValidIntegerIndex: not detached, integral, not negative, in bounds.
        "IsValidIntegerIndex step 1",
        "IsValidIntegerIndex step 2",
        "IsValidIntegerIndex step 3",
        "IsValidIntegerIndex step 4",
        "IsValidIntegerIndex step 5",
        "IsValidIntegerIndex step 6",
        "IsValidIntegerIndex step 7",
        // A fixed-length TypedArray: [[ArrayLength]] is not auto.
        "TypedArrayLength step 1",
        "TypedArrayLength step 2",
        "TypedArrayLength step 3",
        "IsValidIntegerIndex step 8",
        "IsValidIntegerIndex step 9",
        "TypedArrayGetElement step 2",
        "TypedArrayGetElement step 3",
        "TypedArrayGetElement step 4",
        "TypedArrayGetElement step 5",
        "TypedArrayGetElement step 6",
        // An ArrayBuffer (not shared), in the agent's byte order.
        "GetValueFromBuffer step 1",
        "GetValueFromBuffer step 2",
        "GetValueFromBuffer step 3",
        "GetValueFromBuffer step 4",
        "GetValueFromBuffer step 5",
        "GetValueFromBuffer step 6",
        "GetValueFromBuffer step 6.a",
        "GetValueFromBuffer step 7",
        "GetValueFromBuffer step 8",
        "GetValueFromBuffer step 8.a",
        "GetValueFromBuffer step 8.b",
        "GetValueFromBuffer step 9",
        // int16: neither float type, signed, a Number.
        "RawBytesToNumeric step 1",
        "RawBytesToNumeric step 2",
        "RawBytesToNumeric step 3",
        "RawBytesToNumeric step 4",
        "RawBytesToNumeric step 5",
        "RawBytesToNumeric step 6",
        "RawBytesToNumeric step 7",
        "RawBytesToNumeric step 7.a",
        "RawBytesToNumeric step 8",
        "RawBytesToNumeric step 9",
    ];
    assert_eq!(steps_of(&lines, &names), expected);
}
