//! Parse-only test262 runs: each test is parsed in every mode its flags ask for, and the
//! outcome is checked against its `negative` metadata.

use super::discover::TestCase;
use super::frontmatter::parse_metadata;
use super::modes::{modes_for, Mode};
use super::unsupported::unsupported_feature;
use crate::host::stack::{catch_panic, PARSER_STACK_SIZE};
use crate::syntax::diagnostics::line_col;
use crate::syntax::parse;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// How one test went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// The outcome did not match the expectation, or the file could not be used; why.
    Fail(String),
    /// The parser panicked: a bug, counted as a failure; the panic message.
    Panic(String),
    /// Not run (an unsupported feature); why.
    Skip(String),
}

impl Outcome {
    /// A failure or a panic.
    pub fn is_failure(&self) -> bool {
        matches!(self, Outcome::Fail(_) | Outcome::Panic(_))
    }
}

/// A test and how it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub path: PathBuf,
    pub outcome: Outcome,
}

impl TestResult {
    /// `name: why` for a failure, a panic or a skip; `name: passed` otherwise.
    pub fn describe(&self) -> String {
        match &self.outcome {
            Outcome::Pass => format!("{}: passed", self.name),
            Outcome::Fail(why) => format!("{}: {why}", self.name),
            Outcome::Panic(message) => format!(
                "{}: the parser panicked (a bug: it must never panic): {message}",
                self.name
            ),
            Outcome::Skip(why) => format!("{}: skipped: {why}", self.name),
        }
    }
}

/// Checks one mode: `None` when the outcome matches, else why not.
fn check_mode(text: &str, mode: Mode, expect_error: bool) -> Option<String> {
    let source = mode.source(text);
    match (parse(&source, mode.options()), expect_error) {
        (Ok(_), false) | (Err(_), true) => None,
        (Ok(_), true) => Some(format!(
            "{}: parsed, but the test expects a SyntaxError at parse time",
            mode.name()
        )),
        (Err(error), false) => {
            let offset = (error.span.start as usize).saturating_sub(mode.prefix_len());
            let (line, column) = line_col(text, offset);
            Some(format!(
                "{}: unexpected SyntaxError at {line}:{column}: {}",
                mode.name(),
                error.message
            ))
        }
    }
}

/// Runs one test whose text is `text` in parse-only mode. It does not catch panics nor
/// provide a big stack: [`parse_only_test`] and [`run_parse_only`] do.
pub fn parse_only_source(text: &str) -> Outcome {
    let meta = match parse_metadata(text) {
        Ok(meta) => meta,
        Err(error) => return Outcome::Fail(error),
    };
    if let Some((feature, reason)) = unsupported_feature(&meta.features) {
        return Outcome::Skip(format!("unsupported feature {feature}: {reason}"));
    }
    let expect_error = meta.expects_parse_error();
    let failures: Vec<String> = modes_for(&meta)
        .into_iter()
        .filter_map(|mode| check_mode(text, mode, expect_error))
        .collect();
    if failures.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(failures.join("; "))
    }
}

/// Reads and runs the test at `path` in parse-only mode, turning a panic into
/// [`Outcome::Panic`]. Parsing is recursive: call it on a thread with a big stack.
pub fn parse_only_test(path: &Path) -> Outcome {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return Outcome::Fail(format!("cannot read {}: {error}", path.display())),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            return Outcome::Fail(format!("{} is not valid UTF-8: {error}", path.display()))
        }
    };
    match catch_panic(|| parse_only_source(&text)) {
        Ok(outcome) => outcome,
        Err(message) => Outcome::Panic(format!("while running {}: {message}", path.display())),
    }
}

/// Runs `cases` in parse-only mode in parallel, on `threads` worker threads (all cores
/// when `None`) each with a [`PARSER_STACK_SIZE`] stack. The results are in the order of
/// `cases`. Fails only when the thread pool cannot be built.
pub fn run_parse_only(
    cases: &[TestCase],
    threads: Option<usize>,
) -> Result<Vec<TestResult>, String> {
    let mut builder = rayon::ThreadPoolBuilder::new()
        .stack_size(PARSER_STACK_SIZE)
        .thread_name(|i| format!("test262-parse-{i}"));
    if let Some(threads) = threads {
        builder = builder.num_threads(threads);
    }
    let pool = builder
        .build()
        .map_err(|e| format!("cannot start the test262 worker threads: {e}"))?;
    Ok(pool.install(|| {
        cases
            .par_iter()
            .map(|case| TestResult {
                name: case.name.clone(),
                path: case.path.clone(),
                outcome: parse_only_test(&case.path),
            })
            .collect()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The parser is being written; these tests hold whatever it accepts today.

    #[test]
    fn a_parse_negative_passes_exactly_when_parsing_fails() {
        let text = "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n";
        let outcome = parse_only_source(text);
        let parses = parse(text, Mode::Sloppy.options()).is_ok();
        let strict_parses = parse(&Mode::Strict.source(text), Mode::Strict.options()).is_ok();
        assert_eq!(
            outcome == Outcome::Pass,
            !parses && !strict_parses,
            "{outcome:?}"
        );
    }

    #[test]
    fn failures_name_the_mode() {
        let text = "/*---\nflags: [onlyStrict]\n---*/\n";
        match parse_only_source(text) {
            Outcome::Pass => {}
            Outcome::Fail(why) => assert!(why.starts_with("strict: "), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_metadata_fails_without_parsing() {
        let outcome = parse_only_source("/*---\nflags: [\n---*/");
        assert!(matches!(outcome, Outcome::Fail(ref why) if why.contains("frontmatter")));
    }

    #[test]
    fn unreadable_files_fail_and_runs_keep_order() {
        let cases = [
            TestCase {
                path: PathBuf::from("/nonexistent/compartments/a.js"),
                name: "a.js".into(),
            },
            TestCase {
                path: PathBuf::from("/nonexistent/compartments/b.js"),
                name: "b.js".into(),
            },
        ];
        let results = run_parse_only(&cases, Some(2)).unwrap();
        assert_eq!(results.len(), 2);
        assert_eq!(results[0].name, "a.js");
        assert_eq!(results[1].name, "b.js");
        assert!(results.iter().all(|r| r.outcome.is_failure()));
    }
}
