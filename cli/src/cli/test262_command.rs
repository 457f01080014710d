//! `compartments test262 [--parse-only] [...] PATH...`.

use super::{Test262Args, EXIT_USAGE};
use crate::test262::discover::harness_dir_for;
use crate::test262::expectations::new_passes;
use crate::test262::{
    collect_tests, read_expected, regressions, review, run_parse_only_with, run_tests,
    write_expected, write_json, ExpectedFailures, HarnessCache, Outcome, Progress, Review, Ses,
    Summary, TestResult,
};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::process::ExitCode;

/// Runs the tests under the given paths: executes them, or only parses them with
/// `--parse-only`. The last line printed is always `N passed, N failed, N skipped`.
/// Exit status: 1 when a test listed in `--expected` fails, when a test fails that
/// `--expect` does not list (any failure, in an execution run without `--expect`), or
/// when a test listed in `--expect` passes; 2 when the run cannot be made as asked (or
/// `--json` cannot be written); else 0.
pub fn test262(args: &Test262Args) -> ExitCode {
    match run(args) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Whether `name` is one of the `--exclude` prefixes or a test under one of them.
fn is_excluded(name: &str, excluded: &[String]) -> bool {
    excluded.iter().any(|prefix| {
        let prefix = prefix.trim_end_matches('/');
        name == prefix
            || name
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// What `--lockdown` and `--compartment` ask for.
fn ses(args: &Test262Args) -> Ses {
    match (args.lockdown, args.compartment) {
        (false, _) => Ses::Off,
        (true, false) => Ses::Lockdown,
        (true, true) => Ses::LockdownCompartment,
    }
}

fn run(args: &Test262Args) -> Result<ExitCode, String> {
    // Read the lists first: a typo in a name should not cost a whole run.
    let expected = match &args.expected {
        Some(path) => Some((path, read_expected(path)?)),
        None => None,
    };
    let expect = match &args.expect {
        Some(path) => Some((
            path.as_path(),
            ExpectedFailures::read(path, args.update_expect)?,
        )),
        None => None,
    };
    let mut discovery = collect_tests(&args.paths, args.test262_dir.as_deref())?;
    discovery
        .cases
        .retain(|case| !is_excluded(&case.name, &args.exclude));
    for warning in &discovery.warnings {
        eprintln!("warning: {warning}");
    }
    if discovery.cases.is_empty() {
        eprintln!("warning: no test files found");
    }
    let progress = Progress::on_stderr(discovery.cases.len());
    let features = args.features.features();
    let results = if args.parse_only {
        run_parse_only_with(&discovery.cases, args.jobs, &progress, features)?
    } else {
        let harness = HarnessCache::new(harness_dir_for(&args.paths, args.test262_dir.as_deref())?);
        run_tests(
            &discovery.cases,
            &harness,
            args.jobs,
            &progress,
            ses(args),
            features,
            &args.limits,
        )?
    };

    // An execution run without --expect expects no failure; a parse-only run without it
    // checks nothing (as before --expect existed).
    let no_list = ExpectedFailures::default();
    let checked = match &expect {
        Some((_, list)) => Some(review(list, &results)),
        None if !args.parse_only => Some(review(&no_list, &results)),
        None => None,
    };
    print_failures(args, &results, checked.as_ref());

    let mut status = ExitCode::SUCCESS;
    if let Some((path, expected)) = &expected {
        if !check_expected_passes(path, expected, &results, args.update_expected.is_some()) {
            status = ExitCode::FAILURE;
        }
    }
    if let Some(path) = &args.update_expected {
        write_expected(path, &results)?;
        let passed = Summary::of(&results).passed;
        println!("wrote {passed} passing test name(s) to {}", path.display());
    }
    match (&expect, &checked) {
        (Some((path, list)), _) if args.update_expect => {
            let updated = list.updated(&results);
            updated.write(path)?;
            println!(
                "wrote {} expected failure(s) to {}",
                updated.len(),
                path.display()
            );
        }
        (expect, Some(checked)) => {
            if !report_review(checked, expect.as_ref().map(|(path, _)| *path)) {
                status = ExitCode::FAILURE;
            }
        }
        (_, None) => {}
    }
    if let Some(path) = &args.json {
        match write_json(path, &results) {
            Ok(()) => println!(
                "wrote {} test outcome(s) to {}",
                results.len(),
                path.display()
            ),
            Err(error) => {
                eprintln!("error: {error}");
                status = ExitCode::from(EXIT_USAGE);
            }
        }
    }
    println!("{}", Summary::of(&results));
    Ok(status)
}

/// `FAIL name: why` for every panic and every unexpected failure, and with `-v` for every
/// failure.
fn print_failures(args: &Test262Args, results: &[TestResult], review: Option<&Review>) {
    let unexpected: HashSet<&str> = review
        .map(|r| r.unexpected.iter().map(|t| t.name.as_str()).collect())
        .unwrap_or_default();
    for result in results {
        let show = match result.outcome {
            Outcome::Panic(_) => true,
            Outcome::Fail(_) => args.verbose || unexpected.contains(result.name.as_str()),
            Outcome::Pass | Outcome::Skip(_) => false,
        };
        if show {
            println!("FAIL {}", result.describe());
        }
    }
}

/// Checks the expected-passing list (`--expected`); false on a regression.
fn check_expected_passes(
    path: &Path,
    expected: &BTreeSet<String>,
    results: &[TestResult],
    updating: bool,
) -> bool {
    let regressed = regressions(expected, results);
    if !regressed.is_empty() {
        println!(
            "{} regression(s): listed as passing in {} but failing now:",
            regressed.len(),
            path.display()
        );
        for result in &regressed {
            println!("REGRESSION {}", result.describe());
        }
    }
    let new = new_passes(expected, results);
    if new > 0 && !updating {
        println!(
            "{new} test(s) pass that {} does not list yet (record them with --update-expected)",
            path.display()
        );
    }
    regressed.is_empty()
}

/// Reports how the run compares with the expected failures (`--expect FILE`, or none);
/// false when it does not match.
fn report_review(review: &Review, path: Option<&Path>) -> bool {
    let file = path.map_or("--expect FILE".to_string(), |p| p.display().to_string());
    if !review.unexpected.is_empty() {
        match path {
            Some(_) => println!(
                "{} test(s) failed that {file} does not list (see FAIL above; \
                 {} listed failure(s) as expected)",
                review.unexpected.len(),
                review.expected
            ),
            None => println!(
                "{} test(s) failed (list known failures with --expect FILE)",
                review.unexpected.len()
            ),
        }
    }
    if !review.now_passing.is_empty() {
        for result in &review.now_passing {
            println!("NOW PASSING {}", result.name);
        }
        println!(
            "{} expected failures now pass: remove them from {file} (or rewrite it with \
             --update-expect)",
            review.now_passing.len()
        );
    }
    review.is_clean()
}

#[cfg(test)]
mod tests {
    use super::super::main_with_args;
    use std::fs;
    use std::path::PathBuf;
    use std::process::ExitCode;

    /// A tiny test262 checkout under the system temp dir, removed on drop. Its tests are
    /// decided at parse time, so they do not depend on evaluation.
    struct Checkout(PathBuf);

    impl Checkout {
        fn new(tag: &str) -> Checkout {
            let dir =
                std::env::temp_dir().join(format!("compartments-cli-{tag}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            let checkout = Checkout(dir);
            checkout.write("harness/assert.js", "");
            checkout.write("harness/sta.js", "");
            checkout.write(
                "test/good.js",
                "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n\
                 $DONOTEVALUATE();\nvar 1;\n",
            );
            checkout.write("test/bad.js", "/*---\nflags: [noStrict]\n---*/\nvar 1;\n");
            checkout.write("test/mod.js", "/*---\nflags: [module]\n---*/\nexport {};\n");
            checkout
        }
        fn path(&self, rel: &str) -> String {
            self.0.join(rel).display().to_string()
        }
        fn write(&self, rel: &str, text: &str) {
            let path = self.0.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        fn run(&self, extra: &[&str]) -> ExitCode {
            let mut args = vec!["compartments".to_string(), "test262".to_string()];
            args.extend(extra.iter().map(|a| a.to_string()));
            args.push(self.path("test"));
            main_with_args(args)
        }
    }

    impl Drop for Checkout {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn expected_failures_gate_the_exit_status() {
        let checkout = Checkout::new("expect");
        let expect = checkout.path("expect.txt");
        // No list: the failing test fails the run.
        assert_eq!(checkout.run(&[]), ExitCode::FAILURE);
        // A missing list is an error unless it is being written.
        assert_eq!(checkout.run(&["--expect", &expect]), ExitCode::from(2));
        assert_eq!(
            checkout.run(&["--expect", &expect, "--update-expect"]),
            ExitCode::SUCCESS
        );
        let text = fs::read_to_string(&expect).unwrap();
        assert!(text.ends_with("\ntest/bad.js\n"), "{text}");
        assert_eq!(checkout.run(&["--expect", &expect]), ExitCode::SUCCESS);
        // A listed test that passes makes the list stale: exit 1 until it is rewritten.
        fs::write(&expect, format!("{text}test/good.js  # was broken\n")).unwrap();
        assert_eq!(checkout.run(&["--expect", &expect]), ExitCode::FAILURE);
        assert_eq!(
            checkout.run(&["--expect", &expect, "--update-expect"]),
            ExitCode::SUCCESS
        );
        assert_eq!(fs::read_to_string(&expect).unwrap(), text);
    }

    #[test]
    fn json_lists_every_test() {
        let checkout = Checkout::new("json");
        let json = checkout.path("out.json");
        assert_eq!(checkout.run(&["--json", &json]), ExitCode::FAILURE);
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        let outcomes: Vec<(&str, &str)> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["name"].as_str().unwrap(), t["outcome"].as_str().unwrap()))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("test/bad.js", "fail"),
                ("test/good.js", "pass"),
                ("test/mod.js", "pass")
            ]
        );
        assert_eq!(value[1]["modes"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn parse_only_still_exits_0_on_failures_without_lists() {
        let checkout = Checkout::new("parse-only");
        assert_eq!(checkout.run(&["--parse-only"]), ExitCode::SUCCESS);
        let expect = checkout.path("expect.txt");
        fs::write(&expect, "test/bad.js\n").unwrap();
        assert_eq!(
            checkout.run(&["--parse-only", "--expect", &expect]),
            ExitCode::SUCCESS
        );
    }
}
