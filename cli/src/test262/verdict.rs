//! What a test expects (INTERPRETING.md, "Test Results", `negative` and the `async` flag)
//! and whether a mode's parse and evaluation met it.

use super::frontmatter::Metadata;
use super::outcome::Outcome;
use compartments::host::engine::Uncaught;

/// What `print` is called with when an `async` test completes.
pub const ASYNC_COMPLETE: &str = "Test262:AsyncTestComplete";
/// The prefix of what `print` is called with when an `async` test fails.
pub const ASYNC_FAILURE_PREFIX: &str = "Test262:AsyncTestFailure:";

/// What must happen for a test to pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Evaluation completes without an uncaught exception.
    Completes,
    /// `async` flag: evaluation completes and the test prints [`ASYNC_COMPLETE`], never a
    /// line starting with [`ASYNC_FAILURE_PREFIX`].
    CompletesAsync,
    /// `negative: {phase: parse, type}`: parsing (with early errors) fails. A parse error
    /// is always a SyntaxError, so `type` must be `SyntaxError` for this to pass.
    ParseError(String),
    /// `negative: {phase: runtime, type}`: evaluation throws an uncaught exception whose
    /// constructor's name is `type`.
    RuntimeError(String),
    /// `negative: {phase: resolution, type}` (module tests): loading or linking the module
    /// graph throws an exception whose constructor's name is `type`.
    ResolutionError(String),
}

impl Expectation {
    /// The expectation `meta` declares. `negative` wins over `async`. Unknown phases are
    /// errors.
    pub fn of(meta: &Metadata) -> Result<Expectation, String> {
        match &meta.negative {
            Some(negative) => match negative.phase.as_str() {
                "parse" => Ok(Expectation::ParseError(negative.error_type.clone())),
                "runtime" => Ok(Expectation::RuntimeError(negative.error_type.clone())),
                "resolution" => Ok(Expectation::ResolutionError(negative.error_type.clone())),
                other => Err(format!("unknown negative phase `{other}`")),
            },
            None if meta.has_flag("async") => Ok(Expectation::CompletesAsync),
            None => Ok(Expectation::Completes),
        }
    }
}

/// The verdict when parsing failed with a SyntaxError at `position` (`line:column`).
pub fn judge_parse_error(expected: &Expectation, position: &str, message: &str) -> Outcome {
    match expected {
        Expectation::ParseError(error_type) if error_type == "SyntaxError" => Outcome::Pass,
        Expectation::ParseError(error_type) => Outcome::Fail(format!(
            "SyntaxError at parse time ({position}: {message}), but the test expects \
             {error_type} at parse time"
        )),
        Expectation::RuntimeError(error_type) => Outcome::Fail(format!(
            "unexpected SyntaxError at {position}: {message} (the test expects {error_type} \
             at runtime)"
        )),
        Expectation::ResolutionError(error_type) => Outcome::Fail(format!(
            "unexpected SyntaxError at {position}: {message} (the test expects {error_type} \
             when the module graph is loaded and linked)"
        )),
        Expectation::Completes | Expectation::CompletesAsync => {
            Outcome::Fail(format!("unexpected SyntaxError at {position}: {message}"))
        }
    }
}

/// The verdict when parsing succeeded, if that alone decides it: a failure when the test
/// expects a parse error (the test is then not evaluated).
pub fn judge_parsed(expected: &Expectation) -> Option<Outcome> {
    match expected {
        Expectation::ParseError(error_type) => Some(parsed_but(error_type)),
        _ => None,
    }
}

fn parsed_but(error_type: &str) -> Outcome {
    Outcome::Fail(format!(
        "parsed, but the test expects {error_type} at parse time"
    ))
}

/// The verdict on evaluating the test: its completion and what it printed.
pub fn judge_evaluation(
    expected: &Expectation,
    completion: Result<(), Uncaught>,
    printed: &[String],
) -> Outcome {
    match (expected, completion) {
        (Expectation::Completes, Ok(())) => Outcome::Pass,
        (Expectation::CompletesAsync, Ok(())) => match async_verdict(printed) {
            Ok(()) => Outcome::Pass,
            Err(why) => Outcome::Fail(why),
        },
        (Expectation::Completes | Expectation::CompletesAsync, Err(uncaught)) => {
            Outcome::Fail(uncaught.report)
        }
        (Expectation::RuntimeError(error_type), Ok(())) => Outcome::Fail(format!(
            "completed normally, but the test expects {error_type} at runtime"
        )),
        (Expectation::RuntimeError(error_type), Err(uncaught)) => {
            if uncaught.constructor_name.as_deref() == Some(error_type.as_str()) {
                Outcome::Pass
            } else {
                Outcome::Fail(format!(
                    "expected {error_type} at runtime, got {}",
                    uncaught.report
                ))
            }
        }
        // Not evaluated in a run (judge_parsed decides first), but never a pass.
        (Expectation::ParseError(error_type), _) => parsed_but(error_type),
        (Expectation::ResolutionError(error_type), _) => Outcome::Fail(format!(
            "evaluated, but the test expects {error_type} when the module graph is loaded \
             and linked"
        )),
    }
}

/// The verdict on loading and linking a module test's graph (the resolution phase): `Err`
/// with what it threw, or `Ok` when it loaded and linked.
pub fn judge_resolution(expected: &Expectation, completion: Result<(), Uncaught>) -> Outcome {
    match (expected, completion) {
        (Expectation::ResolutionError(error_type), Err(uncaught)) => {
            if uncaught.constructor_name.as_deref() == Some(error_type.as_str()) {
                Outcome::Pass
            } else {
                Outcome::Fail(format!(
                    "expected {error_type} while loading and linking, got {}",
                    uncaught.report
                ))
            }
        }
        (Expectation::ResolutionError(error_type), Ok(())) => Outcome::Fail(format!(
            "the module graph loaded and linked, but the test expects {error_type} then"
        )),
        (_, Err(uncaught)) => Outcome::Fail(format!(
            "loading or linking the module graph threw: {}",
            uncaught.report
        )),
        (_, Ok(())) => Outcome::Pass,
    }
}

/// An `async` test passed when it printed [`ASYNC_COMPLETE`] and nothing starting with
/// [`ASYNC_FAILURE_PREFIX`]; else why not.
pub fn async_verdict(printed: &[String]) -> Result<(), String> {
    if let Some(failure) = printed
        .iter()
        .find(|line| line.starts_with(ASYNC_FAILURE_PREFIX))
    {
        return Err(format!("the async test reported failure: {failure}"));
    }
    if printed.iter().any(|line| line == ASYNC_COMPLETE) {
        Ok(())
    } else {
        Err(format!(
            "the async test completed without printing {ASYNC_COMPLETE}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test262::frontmatter::parse_metadata;

    fn expectation(yaml: &str) -> Result<Expectation, String> {
        Expectation::of(&parse_metadata(&format!("/*---\n{yaml}\n---*/\n")).unwrap())
    }

    fn uncaught(constructor_name: Option<&str>) -> Uncaught {
        let name = constructor_name.unwrap_or("a value");
        Uncaught {
            constructor_name: constructor_name.map(str::to_string),
            message: "m".to_string(),
            report: format!("Uncaught {name}: m"),
        }
    }

    #[test]
    fn metadata_gives_the_expectation() {
        assert_eq!(
            expectation("flags: [onlyStrict]"),
            Ok(Expectation::Completes)
        );
        assert_eq!(
            expectation("flags: [async]"),
            Ok(Expectation::CompletesAsync)
        );
        assert_eq!(
            expectation("negative:\n  phase: parse\n  type: SyntaxError"),
            Ok(Expectation::ParseError("SyntaxError".into()))
        );
        assert_eq!(
            expectation("flags: [async]\nnegative:\n  phase: runtime\n  type: TypeError"),
            Ok(Expectation::RuntimeError("TypeError".into()))
        );
        assert_eq!(
            expectation("flags: [module]\nnegative:\n  phase: resolution\n  type: SyntaxError"),
            Ok(Expectation::ResolutionError("SyntaxError".into()))
        );
        let error = expectation("negative:\n  phase: early\n  type: SyntaxError");
        assert!(error
            .unwrap_err()
            .contains("unknown negative phase `early`"));
    }

    #[test]
    fn a_parse_negative_needs_a_parse_failure_of_its_type() {
        let syntax = Expectation::ParseError("SyntaxError".into());
        assert_eq!(judge_parse_error(&syntax, "1:5", "bad"), Outcome::Pass);
        assert!(judge_parsed(&syntax).is_some_and(|o| o.is_failure()));
        let reference = Expectation::ParseError("ReferenceError".into());
        assert!(judge_parse_error(&reference, "1:5", "bad").is_failure());
        assert_eq!(judge_parsed(&Expectation::Completes), None);
        assert_eq!(
            judge_parsed(&Expectation::RuntimeError("TypeError".into())),
            None
        );
    }

    #[test]
    fn a_parse_error_fails_other_expectations_with_its_position() {
        for expected in [
            Expectation::Completes,
            Expectation::CompletesAsync,
            Expectation::RuntimeError("TypeError".into()),
        ] {
            match judge_parse_error(&expected, "3:7", "unexpected token") {
                Outcome::Fail(why) => {
                    assert!(
                        why.contains("SyntaxError at 3:7: unexpected token"),
                        "{why}"
                    )
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_runtime_negative_matches_the_constructor_name() {
        let expected = Expectation::RuntimeError("TypeError".into());
        let judge = |completion| judge_evaluation(&expected, completion, &[]);
        assert_eq!(judge(Err(uncaught(Some("TypeError")))), Outcome::Pass);
        assert!(judge(Err(uncaught(Some("RangeError")))).is_failure());
        assert!(judge(Err(uncaught(Some("Test262Error")))).is_failure());
        assert!(judge(Err(uncaught(None))).is_failure());
        assert!(judge(Ok(())).is_failure());
    }

    #[test]
    fn a_plain_test_passes_when_nothing_is_uncaught() {
        assert_eq!(
            judge_evaluation(&Expectation::Completes, Ok(()), &[]),
            Outcome::Pass
        );
        assert_eq!(
            judge_evaluation(
                &Expectation::Completes,
                Err(uncaught(Some("Test262Error"))),
                &[]
            ),
            Outcome::Fail("Uncaught Test262Error: m".into())
        );
    }

    #[test]
    fn an_async_test_needs_the_completion_line_and_no_failure_line() {
        let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            async_verdict(&lines(&["Test262:AsyncTestComplete"])),
            Ok(())
        );
        assert_eq!(
            async_verdict(&lines(&["log", "Test262:AsyncTestComplete", "more"])),
            Ok(())
        );
        assert!(async_verdict(&lines(&[])).is_err());
        assert!(async_verdict(&lines(&["Test262:AsyncTestCompleted"])).is_err());
        let failed = async_verdict(&lines(&[
            "Test262:AsyncTestComplete",
            "Test262:AsyncTestFailure:Test262Error: x",
        ]));
        assert!(failed.unwrap_err().contains("Test262Error: x"));
        let expected = Expectation::CompletesAsync;
        let printed = lines(&["Test262:AsyncTestComplete"]);
        assert_eq!(judge_evaluation(&expected, Ok(()), &printed), Outcome::Pass);
        assert!(judge_evaluation(&expected, Ok(()), &[]).is_failure());
        assert!(
            judge_evaluation(&expected, Err(uncaught(Some("TypeError"))), &printed).is_failure()
        );
    }
}
