//! The expected-passing list: the names of the tests that passed when it was written, one
//! per line. A test on the list that fails now is a regression.

use super::outcome::{Outcome, TestResult};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Reads an expected-passing list. Blank lines and lines starting with `#` are ignored.
pub fn read_expected(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = fs::read_to_string(path)
        .map_err(|e| format!("cannot read expected-passing list {}: {e}", path.display()))?;
    Ok(parse_expected(&text))
}

/// The names listed in the text of an expected-passing list.
pub fn parse_expected(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The text of an expected-passing list: the sorted names of the passing tests.
pub fn expected_text(results: &[TestResult]) -> String {
    let passing: BTreeSet<&str> = results
        .iter()
        .filter(|r| r.outcome == Outcome::Pass)
        .map(|r| r.name.as_str())
        .collect();
    let mut text = String::new();
    for name in passing {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// Writes the sorted names of the passing tests to `path`.
pub fn write_expected(path: &Path, results: &[TestResult]) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create directory {}: {e}", parent.display()))?;
    }
    fs::write(path, expected_text(results))
        .map_err(|e| format!("cannot write expected-passing list {}: {e}", path.display()))
}

/// The results of tests that are on the expected-passing list but failed in this run.
/// Tests not run this time, or skipped, are not regressions.
pub fn regressions<'a>(
    expected: &BTreeSet<String>,
    results: &'a [TestResult],
) -> Vec<&'a TestResult> {
    results
        .iter()
        .filter(|r| r.outcome.is_failure() && expected.contains(&r.name))
        .collect()
}

/// How many tests pass now that are not on the expected-passing list.
pub fn new_passes(expected: &BTreeSet<String>, results: &[TestResult]) -> usize {
    results
        .iter()
        .filter(|r| r.outcome == Outcome::Pass && !expected.contains(&r.name))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn result(name: &str, outcome: Outcome) -> TestResult {
        TestResult {
            name: name.to_string(),
            path: PathBuf::from(name),
            outcome,
            modes: Vec::new(),
        }
    }

    #[test]
    fn regressions_are_listed_tests_that_fail() {
        let expected = parse_expected("# passing\ntest/a.js\n\ntest/b.js\ntest/gone.js\n");
        let results = [
            result("test/a.js", Outcome::Pass),
            result("test/b.js", Outcome::Fail("parsed".into())),
            result("test/c.js", Outcome::Pass),
            result("test/d.js", Outcome::Fail("x".into())),
        ];
        let names: Vec<_> = regressions(&expected, &results)
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(names, ["test/b.js"]);
        assert_eq!(new_passes(&expected, &results), 1);
    }

    #[test]
    fn the_list_is_sorted_passing_names() {
        let results = [
            result("test/z.js", Outcome::Pass),
            result("test/a.js", Outcome::Pass),
            result("test/m.js", Outcome::Skip("feature".into())),
            result("test/n.js", Outcome::Fail("no".into())),
        ];
        assert_eq!(expected_text(&results), "test/a.js\ntest/z.js\n");
        assert_eq!(expected_text(&[]), "");
    }
}
