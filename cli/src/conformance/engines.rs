//! The other engines a conformance run compares ours with, behind one interface
//! ([`OtherEngine`]): each adapter says what the engine lacks (tests needing it are "not
//! supported" without running), runs the rest and reports each test's outcome and the
//! lines it printed.

use super::corpus::{Corpus, CorpusTest};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How a test went on an engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "message", rename_all = "kebab-case")]
pub enum EngineOutcome {
    Pass,
    /// The verdict was a failure: why (the engine's message).
    Fail(String),
    /// The engine's own runner skipped it (e.g. xst's list of unimplemented features).
    Skip(String),
    /// The adapter did not run it: it needs something the engine lacks.
    NotSupported(String),
    /// The engine could not give a verdict: it crashed, timed out, or could not start.
    Error(String),
}

impl EngineOutcome {
    /// `pass`, `fail`, `skip`, `not supported` or `error`.
    pub fn label(&self) -> &'static str {
        match self {
            EngineOutcome::Pass => "pass",
            EngineOutcome::Fail(_) => "fail",
            EngineOutcome::Skip(_) => "skip",
            EngineOutcome::NotSupported(_) => "not supported",
            EngineOutcome::Error(_) => "error",
        }
    }

    /// The message, empty for a pass.
    pub fn message(&self) -> &str {
        match self {
            EngineOutcome::Pass => "",
            EngineOutcome::Fail(m)
            | EngineOutcome::Skip(m)
            | EngineOutcome::NotSupported(m)
            | EngineOutcome::Error(m) => m,
        }
    }

    /// Skipped by the engine's runner or not supported by the adapter: no verdict on the
    /// engine's behaviour.
    pub fn is_not_run(&self) -> bool {
        matches!(
            self,
            EngineOutcome::Skip(_) | EngineOutcome::NotSupported(_)
        )
    }
}

/// One test on one engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineResult {
    pub outcome: EngineOutcome,
    /// The lines the test printed (every mode's, in order), without test262's
    /// `Test262:AsyncTest*` lines, which runners print (or not) in their own ways.
    pub printed: Vec<String>,
}

impl EngineResult {
    pub fn new(outcome: EngineOutcome) -> EngineResult {
        EngineResult {
            outcome,
            printed: Vec::new(),
        }
    }
}

/// Whether a printed line is one of test262's async-completion lines (not compared).
pub fn is_async_marker(line: &str) -> bool {
    line.starts_with("Test262:AsyncTest")
}

/// Where engines are found, built and cached.
#[derive(Clone, Debug)]
pub struct EngineContext {
    /// The corpus being run.
    pub corpus: Corpus,
    /// test262's `harness/`.
    pub harness_dir: PathBuf,
    /// Where builds, installs and staging directories go (`target/conformance-engines`).
    pub cache_dir: PathBuf,
    /// The repository's `target/` when there is one (xst is cached at `target/peers/xst`,
    /// as `cargo bench --bench compartments` looks for it).
    pub target_dir: Option<PathBuf>,
    /// `../shared` (the reference data with `engines/build-xst.sh`), when found.
    pub shared_dir: Option<PathBuf>,
    /// Worker threads.
    pub jobs: usize,
}

impl EngineContext {
    /// The context for a run over `corpus`: the repository is the nearest ancestor of the
    /// corpus root with a `Cargo.toml`; its `target/` (or `$CARGO_TARGET_DIR`) holds the
    /// caches, else the system temp directory does; `shared/` is looked for beside the
    /// ancestors of the root.
    pub fn new(
        corpus: Corpus,
        harness_dir: PathBuf,
        cache_dir: Option<PathBuf>,
        jobs: usize,
    ) -> EngineContext {
        let root = std::fs::canonicalize(&corpus.root).unwrap_or_else(|_| corpus.root.clone());
        let repository = root
            .ancestors()
            .find(|dir| dir.join("Cargo.toml").is_file())
            .map(Path::to_path_buf);
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .or_else(|| repository.as_ref().map(|r| r.join("target")));
        let shared_dir = root
            .ancestors()
            .map(|dir| dir.join("shared"))
            .find(|dir| dir.join("engines").is_dir());
        let cache_dir = cache_dir.unwrap_or_else(|| match &target_dir {
            Some(target) => target.join("conformance-engines"),
            None => std::env::temp_dir().join("compartments-conformance-engines"),
        });
        EngineContext {
            corpus,
            harness_dir,
            cache_dir,
            target_dir,
            shared_dir,
            jobs,
        }
    }
}

/// An engine the corpus runs on, besides ours.
pub trait OtherEngine: Sync {
    /// Its short name: the report's column (`xs`, `ses`, `node`, or the command's name).
    fn name(&self) -> &str;
    /// What exactly ran: version, build, adapter.
    fn description(&self) -> String;
    /// Runs `tests`, the results in their order.
    fn run(&self, tests: &[CorpusTest]) -> Vec<EngineResult>;
    /// Runs a small program (a reproducer, written with the proposal's names) as a script
    /// or a module: what it printed, then `uncaught: ...` for each exception out of it.
    fn run_snippet(&self, _text: &str, _module: bool) -> Result<Vec<String>, String> {
        Err("this engine does not run reproducers".to_string())
    }
}

/// `(feature, why)`: the test's first feature in `lacks`, if any.
pub fn lacking<'a>(
    test: &CorpusTest,
    lacks: &'a [(&'a str, &'a str)],
) -> Option<&'a (&'a str, &'a str)> {
    lacks
        .iter()
        .find(|(feature, _)| test.info.has_feature(feature))
}

/// The "not supported" outcome for a test needing `feature`, which the engine lacks.
pub fn not_supported(engine: &str, feature: &str, why: &str) -> EngineResult {
    EngineResult::new(EngineOutcome::NotSupported(format!(
        "feature {feature}: {engine} {why}"
    )))
}

/// `outcome` with the staging directory `dir` taken out of its message (as a path and as a
/// `file://` URL), so that reports do not depend on where the run staged the corpus.
pub fn unstaged(outcome: EngineOutcome, dir: &Path) -> EngineOutcome {
    let prefix = format!("{}/", dir.display());
    let url = format!("file://{prefix}");
    let clean = |m: String| m.replace(&url, "").replace(&prefix, "");
    match outcome {
        EngineOutcome::Pass => EngineOutcome::Pass,
        EngineOutcome::Fail(m) => EngineOutcome::Fail(clean(m)),
        EngineOutcome::Skip(m) => EngineOutcome::Skip(clean(m)),
        EngineOutcome::NotSupported(m) => EngineOutcome::NotSupported(clean(m)),
        EngineOutcome::Error(m) => EngineOutcome::Error(clean(m)),
    }
}
