//! The conformance suite: every `conformance/**/*.js` file except the `*_FIXTURE.js` ones
//! and `conformance/snapshots/` (see conformance/README.md).
//!
//! Each file is a test262-format test and runs exactly as `compartments test262` runs a test
//! (`compartments_cli::test262::execute_source_with`: the same frontmatter, modes, harness
//! files from `../shared/test262/harness` — or `$TEST262_DIR/harness` —, `$DONE`, `negative`
//! and verdicts), with two differences in how each mode's engine is set up:
//!
//! - the module host is the Compartments host (`FileModuleHost::with_module_sources()`, as
//!   `compartments run` has: JavaScript modules get a ModuleSource), reading files under
//!   `conformance/` so that modules are named relative to it (`layer0/x_FIXTURE.js`);
//! - the event log is on: every event as a JSON line, with the lines the test printed in
//!   between, as `compartments run --events` shows them.
//!
//! The test must pass, and its log (each mode's, under a `== mode` line) must match the
//! reviewed insta snapshot `conformance/snapshots/<dir>__<file>.snap`.

use compartments::host::engine::Engine;
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::on_big_stack;
use compartments::spec::module_semantics::ModuleLoader;
use compartments_cli::test262::{
    execute_source_with, frontmatter, EngineSetup, HarnessCache, Mode, Outcome,
};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
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
    let relative = path.strip_prefix(conformance_dir()).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `layer0/module-ctor.js` → `layer0__module-ctor`.
fn snapshot_name(relative: &str) -> String {
    relative.trim_end_matches(".js").replace('/', "__")
}

/// The Compartments host over `conformance/`.
fn compartments_host() -> Rc<dyn ModuleLoader> {
    Rc::new(FileModuleHost::with_module_sources().under_root(conformance_dir()))
}

/// The frontmatter's `description`, for the snapshot's header.
fn description(text: &str) -> String {
    frontmatter::frontmatter(text)
        .and_then(|yaml| serde_yaml_ng::from_str::<serde_yaml_ng::Value>(yaml).ok())
        .and_then(|yaml| yaml.get("description")?.as_str().map(str::to_string))
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Runs one file: its verdict and its log (each mode's events and printed lines).
fn run_file(relative: &str, text: &str, harness: &HarnessCache) -> (Outcome, String) {
    // The engine lives on the test's thread only; the log is shared with its sinks.
    let log: Rc<RefCell<String>> = Rc::new(RefCell::new(String::new()));
    let prepare = {
        let log = log.clone();
        move |engine: &mut Engine, mode: Mode| {
            log.borrow_mut().push_str(&format!("== {}\n", mode.name()));
            let events = log.clone();
            let output = log.clone();
            engine.set_event_sink_with_output(
                Box::new(move |event| {
                    let mut log = events.borrow_mut();
                    log.push_str(&event.to_json());
                    log.push('\n');
                }),
                Box::new(move |line| {
                    let mut log = output.borrow_mut();
                    log.push_str(line);
                    log.push('\n');
                }),
            );
        }
    };
    let setup = EngineSetup {
        module_loader: &compartments_host,
        prepare: Some(&prepare),
        limits: Default::default(),
    };
    let (outcome, _) = execute_source_with(Path::new(relative), text, harness, &setup);
    let log = log.borrow().clone();
    (outcome, log)
}

fn conformance_test(path: &Path, text: String) -> datatest_stable::Result<()> {
    let harness = harness().map_err(failure)?;
    let relative = relative_name(path);
    let name = relative.clone();
    let (outcome, log) = on_big_stack(move || run_file(&name, &text, harness))
        .map_err(|panic| failure(format!("{relative}: the harness panicked: {panic}")))?;
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
    settings.set_description(format!("{relative}: {}", description(&text)));
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
