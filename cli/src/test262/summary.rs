//! Counting outcomes for the closing `N passed, N failed, N skipped` line.

use super::outcome::{Outcome, TestResult};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Summary {
    pub fn of(results: &[TestResult]) -> Summary {
        let mut summary = Summary::default();
        for result in results {
            match result.outcome {
                Outcome::Pass => summary.passed += 1,
                Outcome::Fail(_) | Outcome::Panic(_) => summary.failed += 1,
                Outcome::Skip(_) => summary.skipped += 1,
            }
        }
        summary
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        )
    }
}
