//! The expected-failures file (`--expect FILE`): the tests known to fail, one name per
//! line, each optionally followed by `# why`; lines starting with `#` are comments. A run
//! fails when a test fails that the file does not list (a regression, or a new test that
//! does not pass), and also when a listed test now passes, so that the file stays honest.
//! `--update-expect` rewrites it from the run, keeping the leading comment block and each
//! name's `# why` (comment lines further down are not kept).

use super::outcome::{Outcome, TestResult};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// What a new file starts with.
const DEFAULT_HEADER: &str = "# test262 tests expected to fail (compartments test262 --expect); \
                              one name per line, `# why` allowed after it.\n\
                              # Rewrite with --update-expect.";

/// The parsed file: its leading comment block and the listed names with their comments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpectedFailures {
    /// The comment and blank lines before the first name, kept on rewrite.
    header: Vec<String>,
    /// Name -> the comment after it on its line (without the `#`), if any.
    entries: BTreeMap<String, Option<String>>,
}

impl ExpectedFailures {
    /// Parses the text of an expected-failures file.
    pub fn parse(text: &str) -> ExpectedFailures {
        let mut list = ExpectedFailures::default();
        for line in text.lines() {
            let (name, comment) = match line.split_once('#') {
                Some((name, comment)) => (name.trim(), Some(comment.trim().to_string())),
                None => (line.trim(), None),
            };
            if name.is_empty() {
                if list.entries.is_empty() {
                    list.header.push(line.trim_end().to_string());
                }
                continue;
            }
            let comment = comment.filter(|c| !c.is_empty());
            list.entries.insert(name.to_string(), comment);
        }
        list
    }

    /// Reads the file at `path`. With `missing_ok`, a file that does not exist is an
    /// empty list (for `--update-expect` creating it).
    pub fn read(path: &Path, missing_ok: bool) -> Result<ExpectedFailures, String> {
        match fs::read_to_string(path) {
            Ok(text) => Ok(ExpectedFailures::parse(&text)),
            Err(e) if missing_ok && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(ExpectedFailures::default())
            }
            Err(e) => Err(format!(
                "cannot read expected-failures file {}: {e}",
                path.display()
            )),
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The list after `results`: tests that failed are listed (keeping their comments),
    /// tests that passed are not, and listed tests that were skipped or not run stay.
    pub fn updated(&self, results: &[TestResult]) -> ExpectedFailures {
        let mut entries = self.entries.clone();
        for result in results {
            match result.outcome {
                Outcome::Pass => {
                    entries.remove(&result.name);
                }
                Outcome::Fail(_) | Outcome::Panic(_) => {
                    entries.entry(result.name.clone()).or_insert(None);
                }
                Outcome::Skip(_) => {}
            }
        }
        ExpectedFailures {
            header: self.header.clone(),
            entries,
        }
    }

    /// The file's text: the header (a default one for a new file), then the sorted names.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        if self.header.is_empty() {
            text.push_str(DEFAULT_HEADER);
            text.push('\n');
        }
        for line in &self.header {
            text.push_str(line);
            text.push('\n');
        }
        for (name, comment) in &self.entries {
            text.push_str(name);
            if let Some(comment) = comment {
                text.push_str("  # ");
                text.push_str(comment);
            }
            text.push('\n');
        }
        text
    }

    /// Writes [`Self::to_text`] to `path`.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        fs::write(path, self.to_text()).map_err(|e| {
            format!(
                "cannot write expected-failures file {}: {e}",
                path.display()
            )
        })
    }
}

/// How a run compares with the expected failures.
#[derive(Debug, Default)]
pub struct Review<'a> {
    /// Failed and not listed: these make the run fail.
    pub unexpected: Vec<&'a TestResult>,
    /// Listed and passed: the list is stale; these make the run fail too.
    pub now_passing: Vec<&'a TestResult>,
    /// Failed and listed.
    pub expected: usize,
}

impl Review<'_> {
    /// Neither an unexpected failure nor a stale entry.
    pub fn is_clean(&self) -> bool {
        self.unexpected.is_empty() && self.now_passing.is_empty()
    }
}

/// Compares `results` with `list`. Skipped tests count for nothing.
pub fn review<'a>(list: &ExpectedFailures, results: &'a [TestResult]) -> Review<'a> {
    let mut review = Review::default();
    for result in results {
        let listed = list.contains(&result.name);
        match (&result.outcome, listed) {
            (Outcome::Fail(_) | Outcome::Panic(_), true) => review.expected += 1,
            (Outcome::Fail(_) | Outcome::Panic(_), false) => review.unexpected.push(result),
            (Outcome::Pass, true) => review.now_passing.push(result),
            (Outcome::Pass, false) | (Outcome::Skip(_), _) => {}
        }
    }
    review
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

    const FILE: &str = "# known failures\n\ntest/a.js  # needs Proxy\n# a comment\ntest/b.js\n\
                        test/c.js#no space\n   \ntest/gone.js\n";

    #[test]
    fn parses_names_comments_and_header() {
        let list = ExpectedFailures::parse(FILE);
        assert_eq!(list.len(), 4);
        for name in ["test/a.js", "test/b.js", "test/c.js", "test/gone.js"] {
            assert!(list.contains(name), "{name}");
        }
        assert!(!list.contains("# a comment"));
        assert_eq!(list.header, ["# known failures", ""]);
        assert_eq!(list.entries["test/a.js"].as_deref(), Some("needs Proxy"));
        assert_eq!(list.entries["test/c.js"].as_deref(), Some("no space"));
        assert_eq!(list.entries["test/b.js"], None);
        assert!(ExpectedFailures::parse("").is_empty());
        assert!(ExpectedFailures::parse("# only\n\n").is_empty());
    }

    #[test]
    fn unlisted_failures_and_listed_passes_are_reported() {
        let list = ExpectedFailures::parse(FILE);
        let results = [
            result("test/a.js", Outcome::Fail("x".into())),
            result("test/b.js", Outcome::Pass),
            result("test/c.js", Outcome::Skip("feature".into())),
            result("test/d.js", Outcome::Panic("boom".into())),
            result("test/e.js", Outcome::Pass),
            result("test/f.js", Outcome::Skip("flag".into())),
        ];
        let review = review(&list, &results);
        let names = |r: &[&TestResult]| r.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&review.unexpected), ["test/d.js"]);
        assert_eq!(names(&review.now_passing), ["test/b.js"]);
        assert_eq!(review.expected, 1);
        assert!(!review.is_clean());
        let clean = super::review(&list, &results[..1]);
        assert!(clean.is_clean());
        // No list: every failure is unexpected.
        let none = super::review(&ExpectedFailures::default(), &results);
        assert_eq!(names(&none.unexpected), ["test/a.js", "test/d.js"]);
    }

    #[test]
    fn update_drops_passes_adds_failures_keeps_the_rest() {
        let list = ExpectedFailures::parse(FILE);
        let results = [
            result("test/a.js", Outcome::Fail("x".into())),
            result("test/b.js", Outcome::Pass),
            result("test/c.js", Outcome::Skip("feature".into())),
            result("test/0.js", Outcome::Fail("new".into())),
        ];
        let updated = list.updated(&results);
        assert_eq!(
            updated.to_text(),
            "# known failures\n\ntest/0.js\ntest/a.js  # needs Proxy\ntest/c.js  # no space\n\
             test/gone.js\n"
        );
        assert!(review(&updated, &results).is_clean());
        // Round trip.
        assert_eq!(ExpectedFailures::parse(&updated.to_text()), updated);
    }

    #[test]
    fn a_new_file_gets_a_header() {
        let results = [result("test/z.js", Outcome::Fail("x".into()))];
        let text = ExpectedFailures::default().updated(&results).to_text();
        assert!(
            text.starts_with("# test262 tests expected to fail"),
            "{text}"
        );
        assert!(text.ends_with("\ntest/z.js\n"), "{text}");
        assert!(ExpectedFailures::parse(&text).contains("test/z.js"));
    }

    #[test]
    fn a_missing_file_is_empty_only_when_allowed() {
        let path = Path::new("/nonexistent/compartments/expect.txt");
        assert!(ExpectedFailures::read(path, true).unwrap().is_empty());
        assert!(ExpectedFailures::read(path, false).is_err());
    }
}
