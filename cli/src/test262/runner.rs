//! Parse-only test262 runs: each test is parsed in every mode its flags ask for, and the
//! outcome is checked against its `negative` metadata. Also the helpers both kinds of run
//! share (reading a test, locating a SyntaxError in the test's own text).

use super::discover::TestCase;
use super::frontmatter::parse_metadata;
use super::modes::{modes_for, Mode};
use super::outcome::{combine_modes, ModeResult, Outcome, TestResult};
use super::pool::run_in_pool;
use super::progress::Progress;
use super::unsupported::{disabled_feature, unsupported_feature};
use compartments::host::stack::catch_panic;
use compartments::syntax::diagnostics::line_col;
use compartments::syntax::{parse, Features};
use std::fs;
use std::path::Path;

/// Checks one mode: does the parse outcome match the expectation?
fn check_mode(text: &str, mode: Mode, expect_error: bool, features: Features) -> ModeResult {
    let source = mode.source(text);
    let options = mode.options().with_features(features);
    let outcome = match (parse(&source, options), expect_error) {
        (Ok(_), false) | (Err(_), true) => Outcome::Pass,
        (Ok(_), true) => {
            Outcome::Fail("parsed, but the test expects a SyntaxError at parse time".to_string())
        }
        (Err(error), false) => Outcome::Fail(format!(
            "unexpected SyntaxError at {}: {}",
            error_position(text, mode, error.span.start as usize),
            error.message
        )),
    };
    ModeResult { mode, outcome }
}

/// `line:column` in the test's own text of a byte offset into `mode.source(text)`.
pub fn error_position(text: &str, mode: Mode, offset: usize) -> String {
    let (line, column) = line_col(text, offset.saturating_sub(mode.prefix_len()));
    format!("{line}:{column}")
}

/// The outcome of a test that ran in no mode: an error before running, or a skip.
pub fn not_run(outcome: Outcome) -> (Outcome, Vec<ModeResult>) {
    (outcome, Vec::new())
}

/// Runs one test whose text is `text` in parse-only mode: its outcome and each mode's. It
/// does not catch panics nor provide a big stack: [`parse_only_test`] and
/// [`run_parse_only`] do.
pub fn parse_only_modes(text: &str) -> (Outcome, Vec<ModeResult>) {
    parse_only_modes_with(text, Features::all())
}

/// [`parse_only_modes`] with the proposals in `features` only (`--feature`): a test that
/// needs another is skipped.
pub fn parse_only_modes_with(text: &str, features: Features) -> (Outcome, Vec<ModeResult>) {
    let meta = match parse_metadata(text) {
        Ok(meta) => meta,
        Err(error) => return not_run(Outcome::Fail(error)),
    };
    if let Some((feature, reason)) = unsupported_feature(&meta.features) {
        return not_run(Outcome::Skip(format!(
            "unsupported feature {feature}: {reason}"
        )));
    }
    if let Some(why) = disabled_feature(&meta.features, features) {
        return not_run(Outcome::Skip(why));
    }
    let expect_error = meta.expects_parse_error();
    let modes: Vec<ModeResult> = modes_for(&meta)
        .into_iter()
        .map(|mode| check_mode(text, mode, expect_error, features))
        .collect();
    (combine_modes(&modes), modes)
}

/// [`parse_only_modes`]'s outcome alone.
pub fn parse_only_source(text: &str) -> Outcome {
    parse_only_modes(text).0
}

/// Reads a test file as UTF-8 text.
pub fn read_test(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| format!("{} is not valid UTF-8: {e}", path.display()))
}

/// Reads and runs the test at `path` in parse-only mode, turning a panic into
/// [`Outcome::Panic`]. Parsing is recursive: call it on a thread with a big stack.
pub fn parse_only_test(path: &Path, features: Features) -> (Outcome, Vec<ModeResult>) {
    let text = match read_test(path) {
        Ok(text) => text,
        Err(error) => return not_run(Outcome::Fail(error)),
    };
    match catch_panic(|| parse_only_modes_with(&text, features)) {
        Ok(result) => result,
        Err(message) => not_run(Outcome::Panic(format!(
            "the parser panicked while running {}: {message}",
            path.display()
        ))),
    }
}

/// Runs `cases` in parse-only mode in parallel, on `threads` worker threads (all cores
/// when `None`), without a progress bar. The results are in the order of `cases`. Fails
/// only when the thread pool cannot be built.
pub fn run_parse_only(
    cases: &[TestCase],
    threads: Option<usize>,
) -> Result<Vec<TestResult>, String> {
    run_parse_only_with(cases, threads, &Progress::hidden(), Features::all())
}

/// [`run_parse_only`], counting finished tests on `progress`, with the proposals in
/// `features` only.
pub fn run_parse_only_with(
    cases: &[TestCase],
    threads: Option<usize>,
    progress: &Progress,
    features: Features,
) -> Result<Vec<TestResult>, String> {
    run_in_pool(cases, threads, progress, |case| {
        let (outcome, modes) = parse_only_test(&case.path, features);
        TestResult {
            name: case.name.clone(),
            path: case.path.clone(),
            outcome,
            modes,
        }
    })
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
    fn mode_results_are_kept() {
        let (outcome, modes) = parse_only_modes("/*---\nflags: [noStrict]\n---*/\nvar x;\n");
        assert_eq!(outcome, Outcome::Pass);
        assert_eq!(
            modes,
            [ModeResult {
                mode: Mode::Sloppy,
                outcome: Outcome::Pass
            }]
        );
    }

    #[test]
    fn unreadable_files_fail_and_runs_keep_order() {
        use std::path::PathBuf;
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
