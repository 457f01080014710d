//! `--engine-cmd CMD`: any engine on the command line, speaking one of two conventions.
//!
//! - `--conventions xst`: CMD is an xst-like test262 tool (`CMD -t FILES` in the tests'
//!   directory with the harness in `../harness`; see [`super::xs`]); `--rename FROM=TO`
//!   renames IdentifierReferences in the staged copies, as the `xs` engine's adapter does.
//! - `--conventions harness` (the default): test262-harness's (and eshost's) way: for each
//!   mode, the harness files and the test are put in one file (`"use strict";` first in
//!   strict mode; for a module test, the file replaces the test in a staged copy of the
//!   corpus so that its fixtures resolve) and CMD runs it: `{}` in CMD is replaced by the
//!   file's path, else the path is appended. A run passes when CMD exits with status 0
//!   and, for an async test, printed `Test262:AsyncTestComplete`; a negative test passes
//!   when CMD fails and its output names the expected error type.

use super::corpus::CorpusTest;
use super::engines::{is_async_marker, EngineContext, EngineOutcome, EngineResult, OtherEngine};
use super::process::{parallel_map, run_with_limit};
use super::xs::{copy_dir_skipping, fresh_dir, XstEngine};
use crate::test262::harness::harness_files;
use crate::test262::modes::{modes_for, Mode, USE_STRICT_PREFIX};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long one mode of one test may take.
const CMD_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The two conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Conventions {
    /// xst's test262 mode (`CMD -t FILES`, `../harness`).
    Xst,
    /// One composed file per mode, run by `CMD FILE` (test262-harness, eshost).
    Harness,
}

/// The engine of `--engine-cmd`.
pub fn command_engine(
    command: &str,
    name: Option<&str>,
    conventions: Conventions,
    renames: Vec<(String, String)>,
    context: &EngineContext,
) -> Result<Box<dyn OtherEngine>, String> {
    let words: Vec<String> = command.split_whitespace().map(str::to_string).collect();
    let Some(program) = words.first() else {
        return Err("--engine-cmd: empty command".to_string());
    };
    let default_name = Path::new(program)
        .file_name()
        .map_or_else(|| program.clone(), |n| n.to_string_lossy().into_owned());
    let name = name.map_or(default_name, str::to_string);
    match conventions {
        Conventions::Xst => {
            if words.len() > 1 {
                return Err("--engine-cmd with --conventions xst: give the xst-like program alone (no arguments)".to_string());
            }
            Ok(Box::new(XstEngine::with_binary(
                &name,
                PathBuf::from(program),
                renames,
                &[],
                context,
            )))
        }
        Conventions::Harness => Ok(Box::new(HarnessCommand {
            name,
            words,
            context: context.clone(),
        })),
    }
}

/// A command run on one composed file per mode.
struct HarnessCommand {
    name: String,
    words: Vec<String>,
    context: EngineContext,
}

impl HarnessCommand {
    fn run_mode(
        &self,
        stage: &Path,
        test: &CorpusTest,
        mode: Mode,
    ) -> (EngineOutcome, Vec<String>) {
        let mut composed = String::new();
        if mode == Mode::Strict {
            composed.push_str(USE_STRICT_PREFIX);
        }
        for file in harness_files(&test.info.meta) {
            match fs::read_to_string(self.context.harness_dir.join(&file)) {
                Ok(text) => {
                    composed.push_str(&text);
                    composed.push('\n');
                }
                Err(e) => {
                    return (
                        EngineOutcome::Error(format!("harness/{file}: {e}")),
                        Vec::new(),
                    )
                }
            }
        }
        composed.push_str(&test.text);
        let file = if mode == Mode::Module {
            stage.join("test").join(&test.name)
        } else {
            stage.join("composed").join(format!(
                "{}.{}.js",
                test.name.replace('/', "__"),
                mode.name()
            ))
        };
        if let Err(e) = fs::create_dir_all(file.parent().unwrap_or(stage))
            .and_then(|()| fs::write(&file, composed))
        {
            return (
                EngineOutcome::Error(format!("cannot write {}: {e}", file.display())),
                Vec::new(),
            );
        }
        let path = file.display().to_string();
        let mut args: Vec<String> = self.words[1..]
            .iter()
            .map(|w| w.replace("{}", &path))
            .collect();
        if !self.words.iter().any(|w| w.contains("{}")) {
            args.push(path);
        }
        let dir = file.parent().unwrap_or(stage);
        let output =
            match run_with_limit(Path::new(&self.words[0]), &args, dir, &[], CMD_TIME_LIMIT) {
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
                EngineOutcome::Error(format!("timed out after {} s", CMD_TIME_LIMIT.as_secs())),
                printed,
            );
        }
        let all = format!("{}\n{}", output.stdout, output.stderr);
        let last_line = all
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
        let outcome = match &test.info.meta.negative {
            Some(negative) => {
                if output.code != Some(0) && all.contains(&negative.error_type) {
                    EngineOutcome::Pass
                } else {
                    EngineOutcome::Fail(format!(
                        "expected a {} ({}): {last_line}",
                        negative.error_type,
                        output.status_text()
                    ))
                }
            }
            None if output.code != Some(0) => {
                EngineOutcome::Fail(format!("{last_line} ({})", output.status_text()))
            }
            None if test.info.meta.has_flag("async") => {
                if let Some(failure) = output
                    .stdout
                    .lines()
                    .find_map(|l| l.strip_prefix("Test262:AsyncTestFailure:"))
                {
                    EngineOutcome::Fail(failure.to_string())
                } else if output
                    .stdout
                    .lines()
                    .any(|l| l == "Test262:AsyncTestComplete")
                {
                    EngineOutcome::Pass
                } else {
                    EngineOutcome::Fail(
                        "the async test ended without printing Test262:AsyncTestComplete"
                            .to_string(),
                    )
                }
            }
            None => EngineOutcome::Pass,
        };
        (outcome, printed)
    }

    fn run_one(&self, stage: &Path, test: &CorpusTest) -> EngineResult {
        let mut printed = Vec::new();
        let mut failures = Vec::new();
        let mut error = None;
        for mode in modes_for(&test.info.meta) {
            let (outcome, lines) = self.run_mode(stage, test, mode);
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
        EngineResult { outcome, printed }
    }
}

impl OtherEngine for HarnessCommand {
    fn name(&self) -> &str {
        &self.name
    }

    fn description(&self) -> String {
        format!(
            "`{}` (test262-harness conventions: one composed file per mode)",
            self.words.join(" ")
        )
    }

    fn run(&self, tests: &[CorpusTest]) -> Vec<EngineResult> {
        let stage = fresh_dir(&self.context.cache_dir, "cmd-stage").and_then(|stage| {
            copy_dir_skipping(
                &self.context.corpus.root,
                &stage.join("test"),
                &self.context.corpus.snapshots_dir(),
                &|_, t| t,
            )?;
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
        // Module tests overwrite their staged copy: one at a time per file is enough, as
        // each test runs its modes in order on one thread.
        let results = parallel_map(tests, self.context.jobs, |test| self.run_one(&stage, test));
        let _ = fs::remove_dir_all(&stage);
        results
    }
}

/// `FROM=TO` of `--rename`.
pub fn parse_rename(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((from, to)) if !from.is_empty() && !to.is_empty() => {
            Ok((from.to_string(), to.to_string()))
        }
        _ => Err(format!("--rename {text}: expected FROM=TO")),
    }
}
