//! A conformance run as rows: per test, our outcome (the test262 verdict and the snapshot
//! check), each other engine's outcome, the first line where the printed output differs
//! from ours, and why another engine does not pass ([`Category`]):
//!
//! - **deviates**: the engine ran the test and failed (or crashed) and the test pins no
//!   open reading: the engine deviates from the text (or the test is wrong — which a
//!   reviewed finding in `conformance/other-engines.yaml` says);
//! - **other reading**: the test's frontmatter says it pins a reading the proposal leaves
//!   open (`reading: <id>`): the engine may have chosen another;
//! - **needs a feature**: the engine's runner skipped the test or the adapter did not run
//!   it, because the test needs a feature (its `features:`) the engine lacks.

use super::corpus::{layer_of, Corpus, CorpusTest};
use super::engines::{is_async_marker, EngineOutcome, EngineResult};
use super::ours::{check_snapshot, first_difference, OurRun, SnapshotCheck};
use crate::test262::Outcome;
use serde::Serialize;

/// Why another engine's outcome differs from ours (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Deviates,
    OtherReading,
    NeedsFeature,
    /// Ours does not pass: nothing to compare with.
    OursFails,
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Category::Deviates => "deviates from the text",
            Category::OtherReading => "chose another open reading",
            Category::NeedsFeature => "needs a feature the engine lacks",
            Category::OursFails => "ours fails",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Category::Deviates => "deviates",
            Category::OtherReading => "other reading",
            Category::NeedsFeature => "needs feature",
            Category::OursFails => "ours fails",
        }
    }
}

/// The first line where two engines' printed output differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrintedDifference {
    /// 1-based.
    pub line: usize,
    /// Ours (`None`: ours printed fewer lines).
    pub ours: Option<String>,
    /// The other engine's.
    pub theirs: Option<String>,
}

/// One engine's cell of a row.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    #[serde(flatten)]
    pub outcome: EngineOutcome,
    /// Why it differs from ours; `None` when both pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Where both printed lines and they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_difference: Option<PrintedDifference>,
}

/// Our cell: the verdict, and how the log compares with the reviewed snapshot.
#[derive(Clone, Debug, Serialize)]
pub struct OurCell {
    #[serde(flatten)]
    pub outcome: EngineOutcome,
    /// `matches`, `missing`, or `differs at line N` / why it could not be read.
    pub snapshot: String,
}

/// A test and every engine's outcome.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub layer: String,
    pub description: String,
    pub spec: String,
    pub features: Vec<String>,
    pub readings: Vec<String>,
    pub ours: OurCell,
    /// One per other engine, in the run's order; `None` when that engine is not available.
    pub others: Vec<Option<Cell>>,
}

/// Our outcome for the report: the test262 verdict, failed too when the log differs
/// from the reviewed snapshot.
pub fn our_cell(corpus: &Corpus, test: &CorpusTest, run: &OurRun) -> OurCell {
    let check = check_snapshot(corpus, &test.name, &run.log);
    let snapshot = match &check {
        SnapshotCheck::Matches => "matches".to_string(),
        SnapshotCheck::Missing => "missing".to_string(),
        SnapshotCheck::Unreadable(why) => format!("unreadable: {why}"),
        SnapshotCheck::Differs { line, .. } => format!("differs at line {line}"),
    };
    let outcome = match (&run.outcome, &check) {
        (
            Outcome::Pass,
            SnapshotCheck::Differs {
                line,
                snapshot,
                log,
            },
        ) => EngineOutcome::Fail(format!(
            "the event log differs from snapshots/{}.snap at line {line}: expected {}, got {}",
            super::corpus::snapshot_name(&test.name),
            snapshot.as_deref().unwrap_or("(end of log)"),
            log.as_deref().unwrap_or("(end of log)")
        )),
        (Outcome::Pass, SnapshotCheck::Unreadable(why)) => EngineOutcome::Fail(why.clone()),
        (Outcome::Pass, _) => EngineOutcome::Pass,
        (Outcome::Skip(why), _) => EngineOutcome::Skip(why.clone()),
        (failure, _) => EngineOutcome::Fail(failure.message().unwrap_or_default()),
    };
    OurCell { outcome, snapshot }
}

/// Another engine's cell, compared with ours.
pub fn other_cell(
    test: &CorpusTest,
    ours: &OurCell,
    our_printed: &[String],
    result: &EngineResult,
) -> Cell {
    let category = match (&ours.outcome, &result.outcome) {
        (EngineOutcome::Pass, EngineOutcome::Pass) => None,
        (EngineOutcome::Pass, other) if other.is_not_run() => Some(Category::NeedsFeature),
        (EngineOutcome::Pass, _) if !test.info.readings.is_empty() => Some(Category::OtherReading),
        (EngineOutcome::Pass, _) => Some(Category::Deviates),
        (_, EngineOutcome::Pass) => Some(Category::OursFails),
        (_, _) => Some(Category::OursFails),
    };
    let ours: Vec<&str> = our_printed
        .iter()
        .map(String::as_str)
        .filter(|l| !is_async_marker(l))
        .collect();
    let theirs: Vec<&str> = result.printed.iter().map(String::as_str).collect();
    let printed_difference = if ours.is_empty() || theirs.is_empty() {
        None
    } else {
        first_difference(&ours.join("\n"), &theirs.join("\n"))
            .map(|(line, ours, theirs)| PrintedDifference { line, ours, theirs })
    };
    Cell {
        outcome: result.outcome.clone(),
        category,
        printed_difference,
    }
}

/// The rows of a run: `ours[i]` and `others[e][i]` are test `i`'s (`others[e]` is `None`
/// for an engine that is not available).
pub fn rows(
    corpus: &Corpus,
    tests: &[CorpusTest],
    ours: &[OurRun],
    others: &[Option<Vec<EngineResult>>],
) -> Vec<Row> {
    tests
        .iter()
        .enumerate()
        .map(|(i, test)| {
            let our = our_cell(corpus, test, &ours[i]);
            let cells = others
                .iter()
                .map(|results| {
                    results
                        .as_ref()
                        .map(|r| other_cell(test, &our, &ours[i].printed, &r[i]))
                })
                .collect();
            Row {
                name: test.name.clone(),
                layer: layer_of(&test.name).to_string(),
                description: test.info.description.clone(),
                spec: test.info.spec.clone(),
                features: test.info.meta.features.clone(),
                readings: test.info.readings.clone(),
                ours: our,
                others: cells,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::corpus::TestInfo;

    fn test(text: &str) -> CorpusTest {
        CorpusTest {
            name: "layer0/t.js".into(),
            path: "t.js".into(),
            text: text.into(),
            info: TestInfo::of(text),
        }
    }

    fn pass() -> OurCell {
        OurCell {
            outcome: EngineOutcome::Pass,
            snapshot: "matches".into(),
        }
    }

    #[test]
    fn failures_are_sorted_by_what_the_frontmatter_says() {
        let plain = test("/*---\nfeatures: [Module]\n---*/");
        let reading = test("/*---\nreading: hooks-read-once\n---*/");
        let fail = EngineResult::new(EngineOutcome::Fail("x".into()));
        let skip = EngineResult::new(EngineOutcome::NotSupported("y".into()));
        let ok = EngineResult::new(EngineOutcome::Pass);
        assert_eq!(
            other_cell(&plain, &pass(), &[], &fail).category,
            Some(Category::Deviates)
        );
        assert_eq!(
            other_cell(&reading, &pass(), &[], &fail).category,
            Some(Category::OtherReading)
        );
        assert_eq!(
            other_cell(&plain, &pass(), &[], &skip).category,
            Some(Category::NeedsFeature)
        );
        assert_eq!(other_cell(&plain, &pass(), &[], &ok).category, None);
        let ours_fails = OurCell {
            outcome: EngineOutcome::Fail("z".into()),
            snapshot: "matches".into(),
        };
        assert_eq!(
            other_cell(&plain, &ours_fails, &[], &ok).category,
            Some(Category::OursFails)
        );
    }

    #[test]
    fn the_first_differing_printed_line_is_found() {
        let plain = test("");
        let mut theirs = EngineResult::new(EngineOutcome::Pass);
        theirs.printed = vec!["a".into(), "c".into()];
        let ours = vec!["a".into(), "Test262:AsyncTestComplete".into(), "b".into()];
        let cell = other_cell(&plain, &pass(), &ours, &theirs);
        assert_eq!(
            cell.printed_difference,
            Some(PrintedDifference {
                line: 2,
                ours: Some("b".into()),
                theirs: Some("c".into())
            })
        );
    }
}
