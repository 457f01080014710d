//! The `compartments run` command on real scripts: output, uncaught-error reports with
//! file:line:column and exit status, deep recursion as a catchable RangeError.

use std::path::Path;
use std::process::Command;

fn run(script: &str) -> (i32, String, String) {
    run_file(&Path::new("tests/scripts").join(script))
}

/// Runs a file given relative to the repository.
fn run_file(relative: &Path) -> (i32, String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let output = Command::new(env!("CARGO_BIN_EXE_compartments"))
        .arg("run")
        .arg(&path)
        .output()
        .expect("the compartments binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn script_code_evaluates_as_the_spec_says() {
    let (status, stdout, stderr) = run("features.js");
    assert_eq!(status, 0, "stderr: {stderr}");
    let expected = [
        "610",
        "2 3 object true true false",
        "5 7 5 3 true false",
        "1 4 2 1 9 2",
        "xy",
        "30",
        "true",
        "6 3",
        "t 2 t",
        "3",
        "5",
        "0 2",
        "3",
        "undefined undefined 1024 1 -4 15 -Infinity",
        "0.30000000000000004 1e+21 123456789012345680000 5e-7",
        "100000000000000000000 -3 bigint",
        "three",
        "default",
        "1,2,3 null [object Object]",
        "done",
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn an_uncaught_exception_is_reported_with_its_location_and_exit_1() {
    let (status, stdout, stderr) = run("uncaught.js");
    assert_eq!(status, 1);
    assert_eq!(stdout, "before\n");
    let mut lines = stderr.lines();
    assert_eq!(
        lines.next(),
        Some("Uncaught TypeError: cannot convert null to an object")
    );
    let location = lines.next().expect("a location line");
    assert!(
        location.trim_start().starts_with("at ") && location.ends_with("uncaught.js:3:3"),
        "{location}"
    );
}

#[test]
fn unbounded_recursion_is_a_catchable_range_error() {
    let (status, stdout, stderr) = run("deep_recursion.js");
    assert_eq!(status, 0, "stderr: {stderr}");
    assert_eq!(stdout, "true true\nstill running\n");
}

#[test]
fn unbounded_recursion_in_generators_and_async_functions_is_a_catchable_range_error() {
    let (status, stdout, stderr) = run("deep_recursion_suspended.js");
    assert_eq!(status, 0, "stderr: {stderr}");
    assert_eq!(
        stdout,
        "true true\nfrom next: true\n{\"done\":true}\nnested generators: true\nsync done\n\
         deep expressions: number number object string\nasync: true true\nasync chain: 500\n"
    );
}

#[test]
fn promise_jobs_run_after_the_script_and_unhandled_rejections_exit_1() {
    let (status, stdout, stderr) = run("unhandled_rejection.js");
    assert_eq!(status, 1);
    assert_eq!(stdout, "start\ncaught handled\n");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert_eq!(lines[0], "Uncaught (in promise) TypeError: nobody listens");
    assert!(
        lines[1].trim_start().starts_with("at ") && lines[1].contains("unhandled_rejection.js:2:"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "Uncaught (in promise) 42");
}

#[test]
fn an_exception_thrown_out_of_a_job_is_reported_as_uncaught() {
    let (status, stdout, stderr) = run("job_throws.js");
    assert_eq!(status, 1);
    assert_eq!(stdout, "handler\n");
    assert!(
        stderr.starts_with("Uncaught Error: resolve threw\n"),
        "{stderr}"
    );
}

#[test]
fn the_async_example_prints_what_its_comments_promise() {
    let (status, stdout, stderr) = run_file(Path::new("examples/async.js"));
    assert_eq!(status, 0, "stderr: {stderr}");
    // "main() returned ..." comes before every awaited line: main suspends at its first
    // await and the script goes on; the jobs run after the script.
    assert_eq!(
        stdout,
        "fibonacci: 0 1 1 2\nreset: 0\nflatten: 1,2,3,4,5\n\
         main() returned at its first await\nsum: 10\norder: sync, job 1, job 2, job 3\n\
         allSettled: fulfilled rejected\nany: AggregateError 1,2\n"
    );
}
