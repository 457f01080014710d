//! Parse-only test262 over `test/language` and `test/built-ins` of `../shared/test262`
//! (or `$TEST262_DIR`), through the same library code as
//! `compartments test262 --parse-only`. Fails when a test listed in
//! `tests/expectations/test262-parse-pass.txt` fails now: a parse outcome that passed
//! before must keep passing.

use compartments_cli::test262::expectations::new_passes;
use compartments_cli::test262::{
    collect_tests, read_expected, regressions, run_parse_only, Summary,
};
use std::collections::HashSet;
use std::path::PathBuf;

const EXPECTED: &str = "tests/expectations/test262-parse-pass.txt";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn test262_dir() -> PathBuf {
    match std::env::var_os("TEST262_DIR") {
        Some(dir) => manifest_dir().join(dir),
        None => manifest_dir().join("../shared/test262"),
    }
}

/// The command that writes the list, with the test262 directory as the user spelled it.
fn update_command() -> String {
    let dir = std::env::var("TEST262_DIR").unwrap_or_else(|_| "../shared/test262".to_string());
    format!(
        "cargo run --release -- test262 --parse-only --test262-dir {dir} \\\n        \
         --update-expected {EXPECTED} {dir}/test/language {dir}/test/built-ins"
    )
}

fn how_to_create() -> String {
    format!(
        "create it (from the repository root) with:\n    {}",
        update_command()
    )
}

#[test]
fn test262_parse_outcomes_do_not_regress() {
    let dir = test262_dir();
    assert!(
        dir.join("harness/assert.js").is_file(),
        "test262 not found at {}: put the shared directory beside the repository \
         (../shared/test262) or set TEST262_DIR to a test262 checkout",
        dir.display()
    );
    let expected_path = manifest_dir().join(EXPECTED);
    let expected = match read_expected(&expected_path) {
        Ok(expected) => expected,
        Err(error) => panic!("{error}\n{}", how_to_create()),
    };
    assert!(
        !expected.is_empty(),
        "{EXPECTED} lists no passing test, so it guards nothing; {}",
        how_to_create()
    );

    let paths = [dir.join("test/language"), dir.join("test/built-ins")];
    let discovery = collect_tests(&paths, Some(&dir)).unwrap_or_else(|e| panic!("{e}"));
    let results = run_parse_only(&discovery.cases, None).unwrap_or_else(|e| panic!("{e}"));
    let summary = Summary::of(&results);
    println!("test262 parse-only: {summary}");

    let ran: HashSet<&str> = results.iter().map(|r| r.name.as_str()).collect();
    let missing: Vec<_> = expected
        .iter()
        .filter(|name| !ran.contains(name.as_str()))
        .collect();
    let regressed = regressions(&expected, &results);
    let new = new_passes(&expected, &results);
    if new > 0 {
        println!(
            "{new} test(s) pass that {EXPECTED} does not list yet; record them with:\n    {}",
            update_command()
        );
    }
    let mut report = String::new();
    for result in &regressed {
        report.push_str(&format!("\n  REGRESSION {}", result.describe()));
    }
    for name in missing.iter().take(20) {
        report.push_str(&format!(
            "\n  MISSING {name}: listed in {EXPECTED} but not found"
        ));
    }
    assert!(
        regressed.is_empty() && missing.is_empty(),
        "{} test(s) listed in {EXPECTED} fail now and {} are gone ({summary}):{report}",
        regressed.len(),
        missing.len()
    );
}
