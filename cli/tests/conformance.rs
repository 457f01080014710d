//! The conformance suite: every `conformance/**/*.js` file except the `*_FIXTURE.js` ones
//! and `conformance/snapshots/` (see conformance/README.md).
//!
//! Each file is a test262-format test and runs as `compartments conformance` runs it on
//! ours: `compartments_cli::conformance::ours::run_test` (the same frontmatter, modes,
//! harness files from `../shared/test262/harness` — or `$TEST262_DIR/harness` —, `$DONE`,
//! `negative` and verdicts as `compartments test262`, with the Compartments host over
//! `conformance/`, the event log on, and `lockdown` / `harden` for the files under
//! `conformance/ses/`; see that module).
//!
//! The test must pass, and its log (each mode's, under a `== mode` line) must match the
//! reviewed insta snapshot `conformance/snapshots/<dir>__<file>.snap`.

use compartments::host::stack::on_big_stack;
use compartments_cli::conformance::corpus::{snapshot_name, Corpus, CorpusTest, TestInfo};
use compartments_cli::conformance::hygiene;
use compartments_cli::conformance::ours::run_test;
use compartments_cli::test262::{HarnessCache, Outcome};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A failure datatest-stable prints as is (it prints errors with `{:?}`).
struct Failure(String);

impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

fn failure(message: impl Into<String>) -> Box<dyn std::error::Error> {
    Box::new(Failure(message.into()))
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `conformance/`: the tests, their fixtures and (under `snapshots/`) their reviewed logs.
fn conformance_dir() -> PathBuf {
    manifest_dir().join("conformance")
}

/// test262's harness directory: `$TEST262_DIR/harness` (relative to the crate root when
/// relative) or `../shared/test262/harness`, as the other test262 tests find it.
fn harness_dir() -> PathBuf {
    let test262 = match std::env::var_os("TEST262_DIR") {
        Some(dir) => manifest_dir().join(dir),
        None => manifest_dir().join("../shared/test262"),
    };
    test262.join("harness")
}

/// One harness cache for the whole run (each file is read and parsed once), or why there
/// is none.
fn harness() -> Result<&'static HarnessCache, String> {
    static CACHE: OnceLock<Result<HarnessCache, String>> = OnceLock::new();
    CACHE
        .get_or_init(|| {
            let dir = harness_dir();
            if dir.join("assert.js").is_file() {
                Ok(HarnessCache::new(Some(dir)))
            } else {
                Err(format!(
                    "test262's harness not found at {}: the conformance tests include test262's \
                     harness files (assert.js, sta.js, doneprintHandle.js, asyncHelpers.js, ...). \
                     Put the shared directory beside the repository (../shared/test262) or set \
                     TEST262_DIR to a test262 checkout.",
                    dir.display()
                ))
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The test's path relative to `conformance/`, with `/` separators (its module name, and
/// the basis of its snapshot's name).
fn relative_name(path: &Path) -> String {
    Corpus::new(conformance_dir()).name_of(path)
}

/// The texts of the `*_FIXTURE.js` files the test names with a relative path.
fn fixtures_of(path: &Path, text: &str) -> Vec<String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    text.split(['"', '\''])
        .filter(|s| s.ends_with("_FIXTURE.js") && (s.starts_with("./") || s.starts_with("../")))
        .filter_map(|s| std::fs::read_to_string(dir.join(s)).ok())
        .collect()
}

fn conformance_test(path: &Path, text: String) -> datatest_stable::Result<()> {
    let harness = harness().map_err(failure)?;
    let relative = relative_name(path);
    let name = relative.clone();
    let test = CorpusTest {
        name: relative.clone(),
        path: path.to_path_buf(),
        info: TestInfo::of(&text),
        text: text.clone(),
    };
    let fixtures = fixtures_of(path, &text);
    let problems = on_big_stack(move || hygiene::problems(&test, &fixtures)).map_err(|panic| {
        failure(format!(
            "{relative}: the frontmatter check panicked: {panic}"
        ))
    })?;
    if !problems.is_empty() {
        return Err(failure(format!(
            "{relative}: its frontmatter does not say what the test needs (conformance/README.md, \
             \"Features and readings\"):\n  {}",
            problems.join("\n  ")
        )));
    }
    let run = on_big_stack(move || run_test(&conformance_dir(), &name, &text, harness))
        .map_err(|panic| failure(format!("{relative}: the harness panicked: {panic}")))?;
    let (outcome, log) = (run.outcome, run.log);
    if outcome != Outcome::Pass {
        return Err(failure(format!(
            "{relative}: {outcome:?}\nits event log:\n{log}"
        )));
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(conformance_dir().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(path);
    settings.set_description(format!("{relative}: {}", TestInfo::of(&text).description));
    settings.bind(|| insta::assert_snapshot!(snapshot_name(&relative), log));
    Ok(())
}

datatest_stable::harness! {
    {
        test = conformance_test,
        root = conformance_dir().display().to_string(),
        pattern = r"^(?!snapshots/).*(?<!_FIXTURE)\.js$",
    },
}
