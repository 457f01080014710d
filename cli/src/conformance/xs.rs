//! The `xs` engine: Moddable's XS through its test tool `xst`, in xst's own test262 mode
//! (`xst -t`, `../shared/engines/xs/documentation/xst.md`), and any command speaking
//! xst's conventions (`--engine-cmd CMD --conventions xst`).
//!
//! **Finding xst**: `$XST`, else `target/peers/xst` (where `cargo bench --bench compartments`
//! looks too), else it is built there by `../shared/engines/build-xst.sh target/peers`
//! (about a minute; needs a C compiler and make) and cached for the next runs.
//!
//! **xst's conventions**: it runs test262 files given as paths relative to its working
//! directory, takes the harness from `../harness`, prints a summary and one `### path:
//! message` line per failing file on stderr, and what the tests print on stdout. So the
//! adapter stages a copy of the corpus as `<stage>/test/` next to a copy of test262's
//! harness as `<stage>/harness/`, and runs each test on its own (`xst -t SENTINEL TEST` in
//! `<stage>/test/`, two at a time) so that each test's output is its own.
//!
//! **The renames** (the documented adapter): this XS build names layer 0's `Module`
//! constructor `ModuleStuff`, so the staged copies of the tests and fixtures have every
//! IdentifierReference `Module` renamed `ModuleStuff` — in code only, never in strings
//! (`'[object Module]'` is a namespace's tag), comments or property names (see
//! [`super::rename`]).
//!
//! **The sentinel**: `xst -t` divides by the number of tests that ran when it prints its
//! summary, and crashes (SIGFPE) when every test of a run was skipped. Each run therefore
//! includes a sentinel test that always runs and passes (an empty test file); its two
//! passes are taken out of the counts.
//!
//! **What XS lacks**: layer 3's `Evaluators` (tests with `features: [Evaluators]` are "not
//! supported"); xst itself skips the features on its list (`source-phase-imports`,
//! `arbitrary-module-namespace-names`, `import-defer`, ...), which the report shows as
//! skips.

use super::corpus::CorpusTest;
use super::engines::{
    is_async_marker, lacking, not_supported, unstaged, EngineContext, EngineOutcome, EngineResult,
    OtherEngine,
};
use super::process::{parallel_map, run_with_limit};
use super::rename::rename_references;
use compartments::host::stack::on_big_stack;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long one test may take under xst.
const XST_TIME_LIMIT: Duration = Duration::from_secs(20);

/// The sentinel test of each run (see the module docs).
const SENTINEL: &str = "compartments-conformance-sentinel.js";

/// What XS lacks, as the features tests declare.
pub const XS_LACKS: &[(&str, &str)] = &[(
    "Evaluators",
    "has no Evaluators (layer 3 of the proposal is not implemented)",
)];

/// An engine run through xst's test262 mode.
pub struct XstEngine {
    name: String,
    binary: PathBuf,
    version: String,
    /// `(from, to)` renames of IdentifierReferences in the staged copies.
    renames: Vec<(String, String)>,
    lacks: &'static [(&'static str, &'static str)],
    context: EngineContext,
}

impl XstEngine {
    /// The `xs` engine: xst found or built (see the module docs), with the `Module` →
    /// `ModuleStuff` rename.
    pub fn xs(context: &EngineContext) -> Result<XstEngine, String> {
        let binary = find_or_build_xst(context)?;
        Ok(XstEngine::with_binary(
            "xs",
            binary,
            vec![("Module".to_string(), "ModuleStuff".to_string())],
            XS_LACKS,
            context,
        ))
    }

    /// An engine speaking xst's conventions through `binary`.
    pub fn with_binary(
        name: &str,
        binary: PathBuf,
        renames: Vec<(String, String)>,
        lacks: &'static [(&'static str, &'static str)],
        context: &EngineContext,
    ) -> XstEngine {
        let version = run_with_limit(
            &binary,
            &["-v".to_string()],
            Path::new("."),
            &[],
            Duration::from_secs(10),
        )
        .ok()
        .and_then(|out| out.stdout.lines().next().map(str::to_string))
        .unwrap_or_else(|| "version unknown".to_string());
        XstEngine {
            name: name.to_string(),
            binary,
            version,
            renames,
            lacks,
            context: context.clone(),
        }
    }

    /// Copies the corpus (tests and fixtures, renamed) and the harness into a fresh
    /// staging directory; returns it.
    fn stage(&self) -> Result<PathBuf, String> {
        let stage = fresh_dir(&self.context.cache_dir, &format!("{}-stage", self.name))?;
        copy_dir(
            &self.context.harness_dir,
            &stage.join("harness"),
            &|_, text| text,
        )?;
        let renames = self.renames.clone();
        let rename = move |path: &Path, text: String| -> String {
            if path.extension().is_none_or(|e| e != "js") || renames.is_empty() {
                return text;
            }
            let renames = renames.clone();
            on_big_stack(move || {
                let mut text = text;
                for (from, to) in &renames {
                    text = rename_references(&text, from, to).0;
                }
                text
            })
            .unwrap_or_default()
        };
        let tests = stage.join("test");
        copy_dir_skipping(
            &self.context.corpus.root,
            &tests,
            &self.context.corpus.snapshots_dir(),
            &rename,
        )?;
        fs::write(
            tests.join(SENTINEL),
            "/*---\ndescription: always passes\n---*/\n",
        )
        .map_err(|e| format!("cannot write the sentinel test: {e}"))?;
        Ok(stage)
    }

    fn run_one(&self, tests_dir: &Path, test: &CorpusTest) -> EngineResult {
        if let Some((feature, why)) = lacking(test, self.lacks) {
            return not_supported(&self.name, feature, why);
        }
        let args = vec!["-t".to_string(), SENTINEL.to_string(), test.name.clone()];
        let output = match run_with_limit(&self.binary, &args, tests_dir, &[], XST_TIME_LIMIT) {
            Ok(output) => output,
            Err(error) => return EngineResult::new(EngineOutcome::Error(error)),
        };
        let base = test.name.rsplit('/').next().unwrap_or(&test.name);
        let mut result = EngineResult::new(judge_xst_output(base, &output.stderr, || {
            output.status_text()
        }));
        if output.timed_out {
            result.outcome =
                EngineOutcome::Error(format!("timed out after {} s", XST_TIME_LIMIT.as_secs()));
        }
        result.outcome = unstaged(result.outcome, tests_dir);
        result.printed = output
            .stdout
            .lines()
            .filter(|line| !is_async_marker(line))
            .map(str::to_string)
            .collect();
        result
    }
}

impl OtherEngine for XstEngine {
    fn name(&self) -> &str {
        &self.name
    }

    fn description(&self) -> String {
        let renames: Vec<String> = self
            .renames
            .iter()
            .map(|(f, t)| format!("`{f}` → `{t}`"))
            .collect();
        let program = self.binary.file_name().map_or_else(
            || self.binary.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!(
            "{} (`{program} -t`, its test262 mode{})",
            self.version,
            if renames.is_empty() {
                String::new()
            } else {
                format!(", code renamed: {}", renames.join(", "))
            }
        )
    }

    fn run_snippet(&self, text: &str, module: bool) -> Result<Vec<String>, String> {
        let dir = fresh_dir(&self.context.cache_dir, &format!("{}-snippet", self.name))?;
        let renames = self.renames.clone();
        let text = text.to_string();
        let renamed = on_big_stack(move || {
            let mut text = text;
            for (from, to) in &renames {
                text = rename_references(&text, from, to).0;
            }
            text
        })?;
        let file = dir.join(if module { "repro.mjs" } else { "repro.js" });
        fs::write(&file, renamed).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let flag = if module { "-m" } else { "-s" };
        let output = run_with_limit(
            &self.binary,
            &[flag.to_string(), file.display().to_string()],
            &dir,
            &[],
            XST_TIME_LIMIT,
        );
        let _ = fs::remove_dir_all(&dir);
        let output = output?;
        let mut lines: Vec<String> = output.stdout.lines().map(str::to_string).collect();
        lines.extend(
            output
                .stderr
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    format!(
                        "uncaught: {}",
                        l.replace(&format!("{}/", dir.display()), "")
                    )
                }),
        );
        if output.timed_out {
            lines.push(format!("(timed out after {} s)", XST_TIME_LIMIT.as_secs()));
        }
        Ok(lines)
    }

    fn run(&self, tests: &[CorpusTest]) -> Vec<EngineResult> {
        let stage = match self.stage() {
            Ok(stage) => stage,
            Err(error) => {
                return tests
                    .iter()
                    .map(|_| EngineResult::new(EngineOutcome::Error(error.clone())))
                    .collect()
            }
        };
        let tests_dir = stage.join("test");
        let results = parallel_map(tests, self.context.jobs, |test| {
            self.run_one(&tests_dir, test)
        });
        let _ = fs::remove_dir_all(&stage);
        results
    }
}

/// The verdict on one test (file name `base`) from xst's stderr in a run with the
/// sentinel: its `### base: message` line is a failure; a pending count (xst's skip) is a
/// skip, naming the feature xst listed; all tests passing is a pass; anything else (a
/// crash) is an error with `status`.
pub fn judge_xst_output(base: &str, stderr: &str, status: impl Fn() -> String) -> EngineOutcome {
    let text = stderr.replace('\u{8}', "");
    let prefix = format!("### {base}: ");
    for line in text.lines() {
        if let Some(message) = line.strip_prefix(&prefix) {
            return EngineOutcome::Fail(message.trim().to_string());
        }
    }
    // The summary: `# 66.66% (33.34%) [100.00%] 2/3 (1) ` — successes / tests (pending).
    let counts = text
        .lines()
        .filter(|l| l.starts_with("# "))
        .find_map(summary_counts);
    match counts {
        Some((_, _, pending)) if pending > 0 => {
            let features: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("- "))
                .filter_map(|l| l.rsplit_once(" (").map(|(feature, _)| feature))
                .collect();
            EngineOutcome::Skip(if features.is_empty() {
                "skipped by xst (a flag it does not run)".to_string()
            } else {
                format!("skipped by xst: feature {}", features.join(", "))
            })
        }
        Some((passed, total, 0)) if passed == total => EngineOutcome::Pass,
        Some((passed, total, _)) => EngineOutcome::Error(format!(
            "xst counted {passed}/{total} passes but named no failure ({})",
            status()
        )),
        None => {
            let tail: Vec<&str> = text.lines().rev().take(3).collect();
            EngineOutcome::Error(format!(
                "xst printed no summary ({}){}",
                status(),
                if tail.is_empty() {
                    String::new()
                } else {
                    format!(
                        ": {}",
                        tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
                    )
                }
            ))
        }
    }
}

/// `(passed, total, pending)` from a summary line: the first `a/b` token, with the ` (p)`
/// after it.
fn summary_counts(line: &str) -> Option<(usize, usize, usize)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        if let Some((a, b)) = word.split_once('/') {
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                let pending = words
                    .get(i + 1)
                    .and_then(|w| {
                        w.strip_prefix('(')?
                            .strip_suffix(')')?
                            .parse::<usize>()
                            .ok()
                    })
                    .unwrap_or(0);
                return Some((a, b, pending));
            }
        }
    }
    None
}

/// xst: `$XST`, `target/peers/xst`, or built there.
pub fn find_or_build_xst(context: &EngineContext) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("XST") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!("$XST is {}, which is not a file", path.display()))
        };
    }
    let peers = context
        .target_dir
        .as_ref()
        .map(|t| t.join("peers"))
        .unwrap_or_else(|| context.cache_dir.join("peers"));
    let cached = peers.join("xst");
    if cached.is_file() {
        return Ok(cached);
    }
    let Some(shared) = &context.shared_dir else {
        return Err(
            "xst not found ($XST, target/peers/xst) and no ../shared/engines to build it from"
                .to_string(),
        );
    };
    let script = shared.join("engines/build-xst.sh");
    if !script.is_file() {
        return Err(format!("xst not found and {} is missing", script.display()));
    }
    eprintln!(
        "conformance: building xst from {} into {} (about a minute; cached for the next runs)",
        shared.join("engines/xs").display(),
        peers.display()
    );
    let output = run_with_limit(
        Path::new("bash"),
        &[script.display().to_string(), peers.display().to_string()],
        Path::new("."),
        &[],
        Duration::from_secs(1200),
    )?;
    if cached.is_file() {
        Ok(cached)
    } else {
        let tail: Vec<&str> = output.stderr.lines().rev().take(5).collect();
        Err(format!(
            "building xst failed ({}): {}",
            output.status_text(),
            tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
        ))
    }
}

/// A new empty directory `<parent>/<tag>-<pid>-<n>`.
pub fn fresh_dir(parent: &Path, tag: &str) -> Result<PathBuf, String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = parent.join(format!("{tag}-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// A text transformation applied to each copied file (path of the source, text).
pub type Transform<'a> = dyn Fn(&Path, String) -> String + 'a;

/// Copies the files under `from` to `to`, text files through `transform`.
pub fn copy_dir(from: &Path, to: &Path, transform: &Transform) -> Result<(), String> {
    copy_dir_skipping(from, to, Path::new(""), transform)
}

/// [`copy_dir`] leaving out `skip`.
pub fn copy_dir_skipping(
    from: &Path,
    to: &Path,
    skip: &Path,
    transform: &Transform,
) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path == skip {
            continue;
        }
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir_skipping(&path, &target, skip, transform)?;
        } else {
            match fs::read_to_string(&path) {
                Ok(text) => fs::write(&target, transform(&path, text)),
                Err(_) => fs::copy(&path, &target).map(|_| ()),
            }
            .map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    path.display(),
                    target.display()
                )
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(stderr: &str) -> EngineOutcome {
        judge_xst_output("t.js", stderr, || "exit status 0".to_string())
    }

    #[test]
    fn xst_outputs_are_judged() {
        assert_eq!(
            judge("# 000000\u{8}\u{8}# 0:00:00\n# 100.00% 3/3 \n"),
            EngineOutcome::Pass
        );
        assert_eq!(
            judge("# 66.66% 2/3 \n### t.js: Test262Error: nope\n"),
            EngineOutcome::Fail("Test262Error: nope".into())
        );
        assert_eq!(
            judge("# 66.66% (33.34%) [100.00%] 2/3 (1) \n- source-phase-imports (1)\n"),
            EngineOutcome::Skip("skipped by xst: feature source-phase-imports".into())
        );
        assert!(matches!(
            judge("Floating point exception"),
            EngineOutcome::Error(_)
        ));
    }

    #[test]
    fn summary_counts_are_read() {
        assert_eq!(summary_counts("# 75.00% 3/4 "), Some((3, 4, 0)));
        assert_eq!(
            summary_counts("# 66.66% (33.34%) [100.00%] 2/3 (1) "),
            Some((2, 3, 1))
        );
        assert_eq!(summary_counts("# 0:00:00"), None);
    }
}
