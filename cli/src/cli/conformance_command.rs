//! `compartments conformance [--engine xs|ses|node]... [--engine-cmd CMD] [PATH...]`: runs
//! the conformance corpus (default `conformance/`) on ours — exactly as `cargo test --test
//! conformance` does, snapshots included — and on the other engines asked for, and writes
//! the report: Markdown on stdout, `--json FILE`, `--html FILE`. See
//! `crate::conformance` and conformance/README.md ("Running the files on another
//! engine").
//!
//! Exit status: 0 when every test passes on ours (its verdict, and its log equals its
//! reviewed snapshot), 1 otherwise or when `--check` finds `docs/other-engines.md` stale,
//! 2 for bad usage. Other engines' failures are the report's content, not errors; an engine
//! that cannot be had (no node, no npm, no xst and nothing to build it with) is a column
//! that says "not available" and why.

use super::EXIT_USAGE;
use crate::conformance::corpus::{find_harness_dir, Corpus};
use crate::conformance::engine_cmd::{command_engine, parse_rename, Conventions};
use crate::conformance::engines::{EngineContext, OtherEngine};
use crate::conformance::node::NodeEngine;
use crate::conformance::report::{self, EngineInfo, Report};
use crate::conformance::xs::XstEngine;
use crate::conformance::{classify, run_ours};
use crate::test262::HarnessCache;
use clap::Args;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The engines `--engine` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineName {
    /// Moddable's XS through xst (built from ../shared/engines when missing).
    Xs,
    /// node with the SES shim and @endo/module-source (installed with npm on first use).
    Ses,
    /// plain node (V8): the ECMA-262 tests only.
    Node,
}

#[derive(Debug, Args)]
pub struct ConformanceArgs {
    /// Another engine to run the corpus on (repeatable): xs, ses, node.
    #[arg(long, value_enum, value_name = "NAME")]
    pub engine: Vec<EngineName>,
    /// Another engine as a command (see --conventions): e.g. `--engine-cmd "d8 --module"`.
    #[arg(long, value_name = "CMD")]
    pub engine_cmd: Option<String>,
    /// The conventions --engine-cmd speaks: xst's test262 mode, or test262-harness's (one
    /// composed file per mode).
    #[arg(long, value_enum, default_value = "harness", requires = "engine_cmd")]
    pub conventions: Conventions,
    /// The report's name for --engine-cmd (default: the program's file name).
    #[arg(long, value_name = "NAME", requires = "engine_cmd")]
    pub engine_name: Option<String>,
    /// With --conventions xst: rename IdentifierReferences FROM to TO in the staged copies
    /// of the tests (code only, never strings), e.g. `Module=ModuleStuff`. Repeatable.
    #[arg(long, value_name = "FROM=TO", requires = "engine_cmd")]
    pub rename: Vec<String>,
    /// Write each test's event log on ours to DIR/<test path without .js>.log (the body
    /// of its reviewed snapshot when the test passes).
    #[arg(long, value_name = "DIR")]
    pub events_dir: Option<PathBuf>,
    /// Write the report as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Write the report as a self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write docs/other-engines.md (the findings on each engine run, with reproducers) to
    /// FILE; with --check, compare FILE with what it would be instead.
    #[arg(long, value_name = "FILE")]
    pub other_engines: Option<PathBuf>,
    /// With --other-engines: exit 1 when FILE differs from the regenerated text (the
    /// sections of engines that are not available are not compared).
    #[arg(long, requires = "other_engines")]
    pub check: bool,
    /// The reviewed findings (default: other-engines.yaml in the corpus root).
    #[arg(long, value_name = "FILE")]
    pub findings: Option<PathBuf>,
    /// The test262 checkout whose harness/ the tests include (default: $TEST262_DIR, else
    /// shared/test262 beside the corpus root or an ancestor).
    #[arg(long, value_name = "DIR")]
    pub test262_dir: Option<PathBuf>,
    /// Where engines are built, installed and staged (default: target/conformance-engines).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Don't print the Markdown report.
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Test files or directories of the corpus (default: conformance/).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// What the version line of ours says.
fn ours_description() -> String {
    format!(
        "compartments {} (this build), the Compartments host, event log compared with the reviewed snapshots",
        env!("CARGO_PKG_VERSION")
    )
}

/// An engine asked for: its name, and the engine or why it is not available.
type Prepared = (String, Result<Box<dyn OtherEngine>, String>);

/// Prepares the other engines: each one, or why it is not available.
fn other_engines(args: &ConformanceArgs, context: &EngineContext) -> Result<Vec<Prepared>, String> {
    let mut engines: Vec<Prepared> = Vec::new();
    for engine in &args.engine {
        let (name, prepared): (&str, Result<Box<dyn OtherEngine>, String>) = match engine {
            EngineName::Xs => (
                "xs",
                XstEngine::xs(context).map(|e| Box::new(e) as Box<dyn OtherEngine>),
            ),
            EngineName::Ses => (
                "ses",
                NodeEngine::ses(context).map(|e| Box::new(e) as Box<dyn OtherEngine>),
            ),
            EngineName::Node => (
                "node",
                NodeEngine::node(context).map(|e| Box::new(e) as Box<dyn OtherEngine>),
            ),
        };
        if engines.iter().any(|(n, _)| n == name) {
            continue;
        }
        if let Err(why) = &prepared {
            eprintln!("conformance: {name}: not available: {why}");
        }
        engines.push((name.to_string(), prepared));
    }
    if let Some(command) = &args.engine_cmd {
        let renames = args
            .rename
            .iter()
            .map(|r| parse_rename(r))
            .collect::<Result<Vec<_>, _>>()?;
        let engine = command_engine(
            command,
            args.engine_name.as_deref(),
            args.conventions,
            renames,
            context,
        )?;
        engines.push((engine.name().to_string(), Ok(engine)));
    }
    Ok(engines)
}

pub fn conformance(args: &ConformanceArgs) -> ExitCode {
    match run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run(args: &ConformanceArgs) -> Result<ExitCode, String> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("conformance")]
    } else {
        args.paths.clone()
    };
    for path in &paths {
        if !path.exists() {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    let corpus = Corpus::holding(&paths[0]);
    let tests = corpus.collect(&paths)?;
    if tests.is_empty() {
        return Err(format!(
            "no tests under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let harness_dir = find_harness_dir(&corpus, args.test262_dir.as_deref())?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let context = EngineContext::new(
        corpus.clone(),
        harness_dir.clone(),
        args.cache_dir.clone(),
        jobs,
    );
    let engines = other_engines(args, &context)?;

    let harness = HarnessCache::new(Some(harness_dir));
    let ours = run_ours(&corpus, &tests, &harness, jobs)?;
    if let Some(dir) = &args.events_dir {
        write_event_logs(
            dir,
            &tests.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            &ours,
        )?;
    }
    let mut infos = Vec::new();
    let mut results = Vec::new();
    for (name, engine) in &engines {
        match engine {
            Ok(engine) => {
                eprintln!("conformance: running {} tests on {name}", tests.len());
                results.push(Some(engine.run(&tests)));
                infos.push(EngineInfo {
                    name: name.clone(),
                    description: engine.description(),
                    available: true,
                });
            }
            Err(why) => {
                results.push(None);
                infos.push(EngineInfo {
                    name: name.clone(),
                    description: why.clone(),
                    available: false,
                });
            }
        }
    }
    let rows = classify::rows(&corpus, &tests, &ours, &results);
    let shown_root = paths[0]
        .ancestors()
        .find(|p| fs::canonicalize(p).ok() == fs::canonicalize(&corpus.root).ok())
        .unwrap_or(&corpus.root)
        .display()
        .to_string();
    let report = Report::new(shown_root, ours_description(), infos, rows);
    if !args.quiet {
        print!("{}", report::markdown(&report));
    }
    if let Some(file) = &args.json {
        write(file, &report::json(&report))?;
    }
    if let Some(file) = &args.html {
        write(file, &report::html(&report))?;
    }
    let mut stale = false;
    if let Some(file) = &args.other_engines {
        let available: Vec<(String, Option<&dyn OtherEngine>)> = engines
            .iter()
            .map(|(name, engine)| (name.clone(), engine.as_ref().ok().map(|e| e.as_ref())))
            .collect();
        let scratch = context
            .cache_dir
            .join(format!("reproducers-{}", std::process::id()));
        stale = crate::conformance::findings::write_or_check(
            file,
            args.findings.as_deref(),
            &corpus,
            &available,
            &report,
            &scratch,
            args.check,
        )?;
        let _ = fs::remove_dir_all(&scratch);
    }
    let ok = report.ours_all_pass() && !stale;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn write(file: &Path, text: &str) -> Result<(), String> {
    fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

/// `--events-dir DIR`: each test's log as `DIR/<name without .js>.log`.
fn write_event_logs(
    dir: &Path,
    names: &[&str],
    ours: &[crate::conformance::ours::OurRun],
) -> Result<(), String> {
    for (name, run) in names.iter().zip(ours) {
        let file = dir.join(format!("{}.log", name.trim_end_matches(".js")));
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        write(&file, &run.log)?;
    }
    Ok(())
}
