//! `compartments conformance`: the conformance corpus (`conformance/`) on our engine and on
//! others, compared.
//!
//! - [`corpus`]: the tests, their frontmatter (`features`, `reading`), the harness;
//! - [`ours`]: a test on our engine, exactly as `cargo test --test conformance` runs it,
//!   with its event log and the check against its reviewed snapshot;
//! - [`engines`], [`xs`], [`node`], [`engine_cmd`]: the other engines (XS's xst, SES on
//!   node, plain node, any command speaking xst's or test262-harness's conventions);
//! - [`classify`]: each test's row — every engine's outcome, the first differing printed
//!   line, and why another engine's failure is one (it deviates from the text, it chose
//!   another open reading, or the test needs a feature it lacks);
//! - [`report`]: the Markdown, JSON and HTML reports and the per-layer matrix;
//! - [`hygiene`]: the features and readings the corpus's frontmatter must state;
//! - [`findings`]: `docs/other-engines.md`, the reviewed findings with their reproducers.

pub mod classify;
pub mod corpus;
pub mod engine_cmd;
pub mod engines;
pub mod findings;
pub mod hygiene;

pub mod node;
pub mod ours;
pub mod process;
pub mod rename;
pub mod report;
pub mod xs;

use crate::test262::HarnessCache;
use compartments::host::stack::{catch_panic, PARSER_STACK_SIZE};
use corpus::{Corpus, CorpusTest};
use ours::OurRun;
use rayon::prelude::*;

/// Runs every test on our engine on `jobs` threads (big stacks), in order.
pub fn run_ours(
    corpus: &Corpus,
    tests: &[CorpusTest],
    harness: &HarnessCache,
    jobs: usize,
) -> Result<Vec<OurRun>, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(PARSER_STACK_SIZE)
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("conformance-{i}"))
        .build()
        .map_err(|e| format!("cannot start the worker threads: {e}"))?;
    Ok(pool.install(|| {
        tests
            .par_iter()
            .map(|test| {
                catch_panic(|| ours::run_test(&corpus.root, &test.name, &test.text, harness))
                    .unwrap_or_else(|panic| OurRun {
                        outcome: crate::test262::Outcome::Panic(format!(
                            "the harness panicked: {panic}"
                        )),
                        modes: Vec::new(),
                        log: String::new(),
                        printed: Vec::new(),
                    })
            })
            .collect()
    }))
}
