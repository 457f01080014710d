//! How a test went: per mode ([`ModeResult`]) and as a whole ([`TestResult`]).

use super::modes::Mode;
use std::path::PathBuf;

/// How one test (or one mode of it) went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// The outcome did not match the expectation, or the file could not be used; why.
    Fail(String),
    /// The implementation panicked: a bug, counted as a failure; what panicked and where.
    Panic(String),
    /// Not run (an unsupported feature or flag); why.
    Skip(String),
}

impl Outcome {
    /// A failure or a panic.
    pub fn is_failure(&self) -> bool {
        matches!(self, Outcome::Fail(_) | Outcome::Panic(_))
    }

    /// `pass`, `fail` (a panic too) or `skip`.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail(_) | Outcome::Panic(_) => "fail",
            Outcome::Skip(_) => "skip",
        }
    }

    /// Why it failed or was skipped; a panic says it is a bug. `None` for a pass.
    pub fn message(&self) -> Option<String> {
        match self {
            Outcome::Pass => None,
            Outcome::Fail(why) | Outcome::Skip(why) => Some(why.clone()),
            Outcome::Panic(message) => Some(format!("{message} (a bug: it must never panic)")),
        }
    }
}

/// One mode of a test and how it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModeResult {
    pub mode: Mode,
    pub outcome: Outcome,
}

/// A test and how it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub path: PathBuf,
    pub outcome: Outcome,
    /// The modes that ran, in order; empty when the test was skipped or could not be read.
    pub modes: Vec<ModeResult>,
}

impl TestResult {
    /// A result whose outcome is its modes' combined ([`combine_modes`]).
    pub fn from_modes(name: String, path: PathBuf, modes: Vec<ModeResult>) -> TestResult {
        TestResult {
            name,
            path,
            outcome: combine_modes(&modes),
            modes,
        }
    }

    /// `name: why` for a failure, a panic or a skip; `name: passed` otherwise.
    pub fn describe(&self) -> String {
        match &self.outcome {
            Outcome::Pass => format!("{}: passed", self.name),
            Outcome::Skip(why) => format!("{}: skipped: {why}", self.name),
            failure => format!("{}: {}", self.name, failure.message().unwrap_or_default()),
        }
    }
}

/// A test passes when every mode passes. Otherwise it fails (it panicked when a mode did)
/// with the failing modes' messages, each after its mode's name, joined by `; `.
pub fn combine_modes(modes: &[ModeResult]) -> Outcome {
    let mut panicked = false;
    let mut failures = Vec::new();
    for result in modes {
        match &result.outcome {
            Outcome::Pass | Outcome::Skip(_) => {}
            Outcome::Fail(why) => failures.push(format!("{}: {why}", result.mode.name())),
            Outcome::Panic(why) => {
                panicked = true;
                failures.push(format!("{}: {why}", result.mode.name()));
            }
        }
    }
    match (failures.is_empty(), panicked) {
        (true, _) => Outcome::Pass,
        (false, true) => Outcome::Panic(failures.join("; ")),
        (false, false) => Outcome::Fail(failures.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(mode: Mode, outcome: Outcome) -> ModeResult {
        ModeResult { mode, outcome }
    }

    #[test]
    fn modes_combine_into_the_test_outcome() {
        assert_eq!(combine_modes(&[]), Outcome::Pass);
        let both = [
            mode(Mode::Sloppy, Outcome::Pass),
            mode(Mode::Strict, Outcome::Fail("threw".into())),
        ];
        assert_eq!(combine_modes(&both), Outcome::Fail("strict: threw".into()));
        let panicked = [
            mode(Mode::Sloppy, Outcome::Fail("a".into())),
            mode(Mode::Strict, Outcome::Panic("b".into())),
        ];
        assert_eq!(
            combine_modes(&panicked),
            Outcome::Panic("sloppy: a; strict: b".into())
        );
    }

    #[test]
    fn labels_and_messages() {
        assert_eq!(Outcome::Pass.label(), "pass");
        assert_eq!(Outcome::Pass.message(), None);
        assert_eq!(Outcome::Panic("x".into()).label(), "fail");
        assert!(Outcome::Panic("x".into())
            .message()
            .unwrap()
            .contains("a bug"));
        assert_eq!(Outcome::Skip("why".into()).label(), "skip");
    }
}
