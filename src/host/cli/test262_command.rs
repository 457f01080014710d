//! `compartments test262 --parse-only [...] PATH...`.

use super::{Test262Args, EXIT_USAGE};
use crate::host::test262::expectations::new_passes;
use crate::host::test262::{
    collect_tests, read_expected, regressions, run_parse_only, write_expected, Outcome, Summary,
};
use std::process::ExitCode;

/// Runs the tests under the given paths. The last line printed is always
/// `N passed, N failed, N skipped`. Exit status: 1 when a test listed in `--expected`
/// fails (a regression), 2 when the run cannot be made as asked, else 0.
pub fn test262(args: &Test262Args) -> ExitCode {
    if !args.parse_only {
        eprintln!(
            "error: only parse-only mode exists yet: use `compartments test262 --parse-only PATH...`"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    match run(args) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run(args: &Test262Args) -> Result<ExitCode, String> {
    // Read the expectations first: a typo in the name should not cost a whole run.
    let expected = match &args.expected {
        Some(path) => Some((path, read_expected(path)?)),
        None => None,
    };
    let discovery = collect_tests(&args.paths, args.test262_dir.as_deref())?;
    for warning in &discovery.warnings {
        eprintln!("warning: {warning}");
    }
    if discovery.cases.is_empty() {
        eprintln!("warning: no test files found");
    }
    let results = run_parse_only(&discovery.cases, args.jobs)?;
    for result in &results {
        let show = match result.outcome {
            Outcome::Panic(_) => true,
            Outcome::Fail(_) => args.verbose,
            Outcome::Pass | Outcome::Skip(_) => false,
        };
        if show {
            println!("FAIL {}", result.describe());
        }
    }
    let mut status = ExitCode::SUCCESS;
    if let Some((path, expected)) = &expected {
        let regressed = regressions(expected, &results);
        if !regressed.is_empty() {
            println!(
                "{} regression(s): listed as passing in {} but failing now:",
                regressed.len(),
                path.display()
            );
            for result in &regressed {
                println!("REGRESSION {}", result.describe());
            }
            status = ExitCode::FAILURE;
        }
        let new = new_passes(expected, &results);
        if new > 0 && args.update_expected.is_none() {
            println!(
                "{new} test(s) pass that {} does not list yet (record them with --update-expected)",
                path.display()
            );
        }
    }
    if let Some(path) = &args.update_expected {
        write_expected(path, &results)?;
        let passed = Summary::of(&results).passed;
        println!("wrote {passed} passing test name(s) to {}", path.display());
    }
    println!("{}", Summary::of(&results));
    Ok(status)
}
