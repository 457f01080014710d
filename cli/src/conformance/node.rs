//! The `ses` and `node` engines: node (V8) running each mode of each test in its own
//! process through `node_runner.mjs` (test262's harness files as global scripts, the test
//! as a Script through `vm`, or as a Module through `import()`), plain for `node`, with
//! the SES shim for `ses`.
//!
//! **ses**: the npm packages `ses` and `@endo/module-source` at the versions pinned in
//! `cli/conformance-engines/ses/package.json` and its `package-lock.json` (embedded in the
//! binary), installed by `npm ci` into the cache directory on first use
//! (`target/conformance-engines/ses-<versions>/`) and reused while the lock file is the
//! same. The runner imports `ses` (lockdown, harden, Compartment) and
//! `@endo/module-source/shim.js` (ModuleSource) before the harness — without calling
//! `lockdown()`: the files under `ses/` call it — and maps the proposal's `Compartment`
//! options onto SES's (`loadHook` → `importHook`, `loadNowHook` → `importNowHook`,
//! unboxed namespaces). What SES lacks ([`SES_LACKS`]) is "not supported".
//!
//! **node**: plain V8 for the ECMA-262 module tests: every Compartments and SES feature is
//! "not supported" ([`NODE_LACKS`]).
//!
//! Either is "not available" (with why) when node, npm or the packages cannot be had.

use super::corpus::CorpusTest;
use super::engines::{
    is_async_marker, lacking, not_supported, unstaged, EngineContext, EngineOutcome, EngineResult,
    OtherEngine,
};
use super::process::{parallel_map, run_with_limit};
use super::xs::{copy_dir_skipping, fresh_dir};
use crate::test262::harness::harness_files;
use crate::test262::modes::modes_for;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The runner script, written into the cache directory.
const RUNNER: &str = include_str!("node_runner.mjs");
/// The pinned packages of the `ses` engine.
const SES_PACKAGE_JSON: &str = include_str!("../../conformance-engines/ses/package.json");
const SES_PACKAGE_LOCK: &str = include_str!("../../conformance-engines/ses/package-lock.json");

/// How long one mode of one test may take under node.
const NODE_TIME_LIMIT: Duration = Duration::from_secs(30);

/// Features of the corpus that node has none of (`node` engine).
pub const NODE_LACKS: &[(&str, &str)] = &[
    ("ModuleSource", "has no ModuleSource (Compartments layer 0)"),
    ("Module", "has no Module constructor (Compartments layer 0)"),
    (
        "module-source-bindings",
        "has no ModuleSource bindings (Compartments layer 1)",
    ),
    (
        "virtual-module-source",
        "has no virtual module sources (Compartments layer 2)",
    ),
    ("Evaluators", "has no Evaluators (Compartments layer 3)"),
    ("Compartment", "has no Compartment (Compartments layer 4)"),
    ("lockdown", "has no lockdown (SES)"),
    ("harden", "has no harden (SES)"),
    (
        "source-phase-imports",
        "has no source phase imports (`import source`, %AbstractModuleSource%)",
    ),
    ("import-defer", "has no `import defer`"),
];

/// What SES (on node) lacks.
pub const SES_LACKS: &[(&str, &str)] = &[
    (
        "Module",
        "has no Module constructor (layer 0): SES loads modules through Compartments only",
    ),
    (
        "module-source-bindings",
        "ModuleSource has `imports`, `exports` and `reexports`, not the proposal's `bindings`, \
         `needsImport` and `needsImportMeta` (layer 1)",
    ),
    (
        "virtual-module-source",
        "virtual module sources are `{ imports, exports, execute }` records, not the \
         proposal's `{ bindings, execute }` (layer 2)",
    ),
    ("Evaluators", "has no Evaluators (layer 3)"),
    (
        "source-phase-imports",
        "node has no source phase imports (`import source`, %AbstractModuleSource%)",
    ),
    ("import-defer", "node has no `import defer`"),
];

/// An engine run through node and `node_runner.mjs`.
pub struct NodeEngine {
    name: &'static str,
    node: PathBuf,
    /// The directory holding `runner.mjs` (and, for ses, `node_modules/`).
    runner_dir: PathBuf,
    ses: bool,
    description: String,
    lacks: Vec<(&'static str, &'static str)>,
    context: EngineContext,
}

/// `v20.20.2` → `20` (what a report names: results do not depend on patch releases).
fn major_version(version: &str) -> String {
    version
        .trim_start_matches('v')
        .split('.')
        .next()
        .unwrap_or(version)
        .to_string()
}

/// `lacks` and what node `version` (`v20.1.0`) lacks of ES2025: iterator helpers before 22.
fn with_version_lacks(
    lacks: &[(&'static str, &'static str)],
    version: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut all = lacks.to_vec();
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0);
    if major < 22 {
        all.push((
            "iterator-helpers",
            "runs on a node before 22, without iterator helpers (ES2025)",
        ));
    }
    all
}

/// `program --version`'s first line, or why it cannot be run.
fn version_of(program: &str) -> Result<String, String> {
    let output = run_with_limit(
        Path::new(program),
        &["--version".to_string()],
        Path::new("."),
        &[],
        Duration::from_secs(30),
    )
    .map_err(|_| format!("{program} not found"))?;
    if output.code != Some(0) {
        return Err(format!(
            "`{program} --version` failed ({})",
            output.status_text()
        ));
    }
    Ok(output.stdout.trim().to_string())
}

/// The pinned version of `package` in the ses package.json.
fn pinned(package: &str) -> String {
    serde_json::from_str::<serde_json::Value>(SES_PACKAGE_JSON)
        .ok()
        .and_then(|json| json["dependencies"][package].as_str().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

impl NodeEngine {
    /// Plain node.
    pub fn node(context: &EngineContext) -> Result<NodeEngine, String> {
        let version = version_of("node")?;
        let runner_dir = context.cache_dir.join("node");
        write_runner(&runner_dir)?;
        Ok(NodeEngine {
            name: "node",
            node: PathBuf::from("node"),
            runner_dir,
            ses: false,
            description: format!(
                "node {} (V8), plain: ECMA-262 only",
                major_version(&version)
            ),
            lacks: with_version_lacks(NODE_LACKS, &version),
            context: context.clone(),
        })
    }

    /// node with SES, installing the pinned packages on first use.
    pub fn ses(context: &EngineContext) -> Result<NodeEngine, String> {
        let node_version = version_of("node")?;
        let (ses, module_source) = (pinned("ses"), pinned("@endo/module-source"));
        let dir = context
            .cache_dir
            .join(format!("ses-{ses}-module-source-{module_source}"));
        install_ses(&dir)?;
        write_runner(&dir)?;
        Ok(NodeEngine {
            name: "ses",
            node: PathBuf::from("node"),
            runner_dir: dir,
            ses: true,
            description: format!(
                "ses {ses} with @endo/module-source {module_source} on node {} \
                 (npm, pinned in cli/conformance-engines/ses/)",
                major_version(&node_version)
            ),
            lacks: with_version_lacks(SES_LACKS, &node_version),
            context: context.clone(),
        })
    }

    fn run_mode(
        &self,
        stage: &Path,
        test: &CorpusTest,
        mode: &str,
    ) -> (EngineOutcome, Vec<String>) {
        let harness: Vec<String> = harness_files(&test.info.meta)
            .iter()
            .map(|f| self.context.harness_dir.join(f).display().to_string())
            .collect();
        let path = stage.join("test").join(&test.name);
        let config = serde_json::json!({
            "ses": self.ses,
            "mode": mode,
            "harness": harness,
            "async": test.info.meta.has_flag("async"),
            "negative": test.info.meta.negative.as_ref().map(|n| serde_json::json!({"phase": n.phase, "type": n.error_type})),
            "test": path.display().to_string(),
        });
        let args = vec![
            "--no-warnings".to_string(),
            self.runner_dir.join("runner.mjs").display().to_string(),
            config.to_string(),
        ];
        let dir = path.parent().unwrap_or(stage);
        let output = match run_with_limit(&self.node, &args, dir, &[], NODE_TIME_LIMIT) {
            Ok(output) => output,
            Err(error) => return (EngineOutcome::Error(error), Vec::new()),
        };
        let printed: Vec<String> = output
            .stdout
            .lines()
            .filter(|l| !is_async_marker(l))
            .map(str::to_string)
            .collect();
        if output.timed_out {
            return (
                EngineOutcome::Error(format!("timed out after {} s", NODE_TIME_LIMIT.as_secs())),
                printed,
            );
        }
        let verdict = output
            .stderr
            .lines()
            .rev()
            .find_map(|line| line.strip_prefix("@@compartments-result "))
            .and_then(|json| serde_json::from_str::<serde_json::Value>(json).ok());
        let outcome = match verdict {
            Some(v) if v["outcome"] == "pass" => EngineOutcome::Pass,
            Some(v) => EngineOutcome::Fail(v["message"].as_str().unwrap_or("").to_string()),
            None => {
                let tail: Vec<&str> = output
                    .stderr
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .rev()
                    .take(3)
                    .collect();
                EngineOutcome::Error(format!(
                    "node gave no verdict ({}): {}",
                    output.status_text(),
                    tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
                ))
            }
        };
        (outcome, printed)
    }

    fn run_one(&self, stage: &Path, test: &CorpusTest) -> EngineResult {
        if let Some((feature, why)) = lacking(test, &self.lacks) {
            return not_supported(self.name, feature, why);
        }
        if let Some(error) = &test.info.error {
            return EngineResult::new(EngineOutcome::Fail(error.clone()));
        }
        let mut printed = Vec::new();
        let mut failures = Vec::new();
        let mut error = None;
        for mode in modes_for(&test.info.meta) {
            let (outcome, lines) = self.run_mode(stage, test, mode.name());
            printed.extend(lines);
            match outcome {
                EngineOutcome::Pass => {}
                EngineOutcome::Error(why) => error = Some(format!("{}: {why}", mode.name())),
                other => failures.push(format!("{}: {}", mode.name(), other.message())),
            }
        }
        let outcome = match (error, failures.is_empty()) {
            (Some(why), _) => EngineOutcome::Error(why),
            (None, true) => EngineOutcome::Pass,
            (None, false) => EngineOutcome::Fail(failures.join("; ")),
        };
        EngineResult {
            outcome: unstaged(outcome, &stage.join("test")),
            printed,
        }
    }
}

impl OtherEngine for NodeEngine {
    fn name(&self) -> &str {
        self.name
    }

    fn description(&self) -> String {
        self.description.clone()
    }

    fn run_snippet(&self, text: &str, module: bool) -> Result<Vec<String>, String> {
        let dir = fresh_dir(&self.context.cache_dir, &format!("{}-snippet", self.name))?;
        let file = dir.join(if module { "repro.mjs" } else { "repro.js" });
        fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let config = serde_json::json!({
            "ses": self.ses,
            "mode": if module { "module" } else { "sloppy" },
            "harness": [],
            "async": false,
            "negative": null,
            "test": file.display().to_string(),
        });
        let args = vec![
            "--no-warnings".to_string(),
            self.runner_dir.join("runner.mjs").display().to_string(),
            config.to_string(),
        ];
        let output = run_with_limit(&self.node, &args, &dir, &[], NODE_TIME_LIMIT);
        let _ = fs::remove_dir_all(&dir);
        let output = output?;
        let mut lines: Vec<String> = output.stdout.lines().map(str::to_string).collect();
        let verdict = output
            .stderr
            .lines()
            .rev()
            .find_map(|line| line.strip_prefix("@@compartments-result "))
            .and_then(|json| serde_json::from_str::<serde_json::Value>(json).ok());
        match verdict {
            Some(v) if v["outcome"] == "pass" => {}
            Some(v) => lines.push(format!(
                "uncaught: {}",
                v["message"]
                    .as_str()
                    .unwrap_or("")
                    .replace(&format!("file://{}/", dir.display()), "")
                    .replace(&format!("{}/", dir.display()), "")
            )),
            None => lines.push(format!("(no verdict: {})", output.status_text())),
        }
        Ok(lines)
    }

    fn run(&self, tests: &[CorpusTest]) -> Vec<EngineResult> {
        let stage =
            fresh_dir(&self.context.cache_dir, &format!("{}-stage", self.name)).and_then(|stage| {
                copy_dir_skipping(
                    &self.context.corpus.root,
                    &stage.join("test"),
                    &self.context.corpus.snapshots_dir(),
                    &|_, text| text,
                )?;
                // `.js` files are modules for node, as the corpus's fixtures are.
                fs::write(
                    stage.join("test/package.json"),
                    "{ \"type\": \"module\" }\n",
                )
                .map_err(|e| format!("cannot write the stage's package.json: {e}"))?;
                Ok(stage)
            });
        let stage = match stage {
            Ok(stage) => stage,
            Err(error) => {
                return tests
                    .iter()
                    .map(|_| EngineResult::new(EngineOutcome::Error(error.clone())))
                    .collect()
            }
        };
        let results = parallel_map(tests, self.context.jobs, |test| self.run_one(&stage, test));
        let _ = fs::remove_dir_all(&stage);
        results
    }
}

/// Writes `runner.mjs` into `dir`.
fn write_runner(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(dir.join("runner.mjs"), RUNNER)
        .map_err(|e| format!("cannot write the node runner: {e}"))
}

/// Installs the pinned packages into `dir` with `npm ci`, unless the lock file there is
/// already the pinned one and `node_modules/ses` exists.
fn install_ses(dir: &Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let installed = fs::read_to_string(&lock).is_ok_and(|text| text == SES_PACKAGE_LOCK)
        && dir.join("node_modules/ses/package.json").is_file()
        && dir
            .join("node_modules/@endo/module-source/package.json")
            .is_file();
    if installed {
        return Ok(());
    }
    version_of("npm")?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(dir.join("package.json"), SES_PACKAGE_JSON)
        .and_then(|()| fs::write(&lock, SES_PACKAGE_LOCK))
        .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    eprintln!(
        "conformance: installing ses and @endo/module-source into {} (npm ci)",
        dir.display()
    );
    let args: Vec<String> = [
        "ci",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--loglevel=error",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let output = run_with_limit(Path::new("npm"), &args, dir, &[], Duration::from_secs(600))?;
    if output.code == Some(0) && dir.join("node_modules/ses/package.json").is_file() {
        Ok(())
    } else {
        // Leave no lock file behind: the next run tries again.
        let _ = fs::remove_file(&lock);
        let tail: Vec<&str> = output
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .rev()
            .take(3)
            .collect();
        Err(format!(
            "npm could not install ses {} and @endo/module-source {} ({}): {}",
            pinned("ses"),
            pinned("@endo/module-source"),
            output.status_text(),
            tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
        ))
    }
}
