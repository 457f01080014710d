//! The fuzz driver (issue 21, `cargo run --release -p compartments-cli --bin fuzz -- --help`):
//! inputs from a grammar-aware generator (`generate.rs`) and from mutating and splicing
//! test262's and the conformance suite's files (`mutate.rs`), each run in-process in a
//! fresh engine under the run limits (`--time-limit`, `--heap-limit`: the same
//! `Engine::set_time_limit` / `set_heap_limit` as `compartments run`), with panics caught
//! (`worker.rs`). The inputs run in worker processes that the supervisor (here) feeds one
//! input at a time and watches: a worker that dies (an abort), stops answering (a hang no
//! limit check reaches) or grows past `--max-rss-mb` is a finding too, and is restarted.
//! Every finding — panic, huge allocation, crash, hang, memory — is minimised (`minimize.rs`)
//! and kept in the findings folder as `KIND-HASH.js`, the verdict in a comment at the top.
//! A run with a fixed `--seed` and `--inputs` makes the same inputs every time (CI runs
//! one, `cli/tests/fuzz.rs`).

pub mod generate;
pub mod minimize;
pub mod mutate;
pub mod rng;
pub mod worker;

use clap::Parser;
use rng::Rng;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use worker::{InputLimits, Verdict};

/// The fuzz driver's command line.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "fuzz",
    about = "Fuzz the compartments interpreter: generated programs and mutated test262 / conformance files, run in-process under time and heap limits; findings are minimised into a folder"
)]
pub struct FuzzArgs {
    /// Stop after this many minutes (with --inputs: whichever comes first).
    #[arg(long, value_name = "N")]
    pub minutes: Option<f64>,
    /// Stop after this many inputs.
    #[arg(long, value_name = "N")]
    pub inputs: Option<u64>,
    /// The random seed (each job uses seed + job index); the same seed and --inputs make
    /// the same inputs.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker processes run in parallel.
    #[arg(short, long, default_value_t = 1)]
    pub jobs: usize,
    /// Where findings are written (created when needed).
    #[arg(long, value_name = "DIR", default_value = "target/fuzz-findings")]
    pub findings: PathBuf,
    /// The test262 checkout to mutate (and whose harness each input gets); default:
    /// ../shared/test262 from the current directory or the repository.
    #[arg(long, value_name = "DIR")]
    pub test262_dir: Option<PathBuf>,
    /// More directories of `.js` files to mutate (default: the repository's conformance/).
    #[arg(long, value_name = "DIR")]
    pub sources: Vec<PathBuf>,
    /// Each input's time limit, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub time_limit_ms: u64,
    /// Each input's heap limit, in MB.
    #[arg(long, default_value_t = 256)]
    pub heap_limit_mb: usize,
    /// A worker silent this much longer than the time limit is hung (seconds).
    #[arg(long, default_value_t = 20)]
    pub hang_after: u64,
    /// A worker whose resident memory passes this many MB is killed (a memory finding).
    #[arg(long, default_value_t = 3072)]
    pub max_rss_mb: u64,
    /// Re-run of minimisation candidates at most per finding.
    #[arg(long, default_value_t = 400)]
    pub minimize_runs: usize,
    /// Run the `.js` files of DIR (e.g. earlier findings) instead of generating inputs.
    #[arg(long, value_name = "DIR")]
    pub replay: Option<PathBuf>,
    /// (Internal) be a worker process: read inputs on stdin.
    #[arg(long, hide = true)]
    pub worker: bool,
}

impl FuzzArgs {
    fn limits(&self) -> InputLimits {
        InputLimits {
            time: Duration::from_millis(self.time_limit_ms),
            heap_bytes: self.heap_limit_mb.saturating_mul(1 << 20),
        }
    }

    fn test262(&self) -> Option<PathBuf> {
        if let Some(dir) = &self.test262_dir {
            return Some(dir.clone());
        }
        let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        [
            PathBuf::from("../shared/test262"),
            repository.join("../shared/test262"),
        ]
        .into_iter()
        .find(|dir| dir.join("harness/assert.js").is_file())
    }

    fn source_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = self.sources.clone();
        if dirs.is_empty() {
            dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance"));
        }
        if let Some(test262) = self.test262() {
            dirs.push(test262.join("test"));
        }
        dirs
    }
}

/// The `fuzz` binary's entry point.
pub fn main() -> ExitCode {
    let args = FuzzArgs::parse();
    if args.worker {
        let harness = worker::load_harness(args.test262().as_deref());
        return worker::worker_main(harness, args.limits());
    }
    match run(&args) {
        Ok(report) => {
            println!("{report}");
            if report.findings.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("fuzz: {error}");
            ExitCode::from(2)
        }
    }
}

/// A worker process and the channel its answers arrive on.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<String>,
}

impl Worker {
    fn start(args: &FuzzArgs) -> Result<Worker, String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
        let mut command = Command::new(exe);
        command
            .arg("--worker")
            .arg("--time-limit-ms")
            .arg(args.time_limit_ms.to_string())
            .arg("--heap-limit-mb")
            .arg(args.heap_limit_mb.to_string());
        if let Some(dir) = args.test262() {
            command.arg("--test262-dir").arg(dir);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start a worker: {e}"))?;
        let stdin = child.stdin.take().ok_or("no worker stdin")?;
        let stdout = child.stdout.take().ok_or("no worker stdout")?;
        let (sender, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            answers,
        })
    }

    /// Resident memory of the worker in kB (VmRSS), when /proc tells it.
    fn rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs inputs through a worker (restarted whenever one dies or is killed).
pub struct Runner<'a> {
    args: &'a FuzzArgs,
    worker: Option<Worker>,
}

impl<'a> Runner<'a> {
    pub fn new(args: &'a FuzzArgs) -> Runner<'a> {
        Runner { args, worker: None }
    }

    /// The verdict on `text`.
    pub fn run(&mut self, text: &str) -> Result<Verdict, String> {
        if self.worker.is_none() {
            self.worker = Some(Worker::start(self.args)?);
        }
        let worker = self.worker.as_mut().expect("started above");
        let sent =
            write!(worker.stdin, "{}\n{}", text.len(), text).and_then(|()| worker.stdin.flush());
        if sent.is_err() {
            let status = worker.child.try_wait().ok().flatten();
            self.worker = None;
            return Ok(Verdict::Crash(format!("the worker was gone ({status:?})")));
        }
        let started = Instant::now();
        let deadline = Duration::from_millis(self.args.time_limit_ms)
            + Duration::from_secs(self.args.hang_after);
        loop {
            match worker.answers.recv_timeout(Duration::from_millis(50)) {
                Ok(line) => return Ok(Verdict::from_line(&line)),
                Err(RecvTimeoutError::Disconnected) => {
                    let status = worker.child.wait().ok();
                    self.worker = None;
                    return Ok(Verdict::Crash(format!("the worker died: {status:?}")));
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            if let Some(kb) = worker.rss_kb() {
                if kb > self.args.max_rss_mb * 1024 {
                    self.worker = None;
                    return Ok(Verdict::Memory(kb));
                }
            }
            if started.elapsed() > deadline {
                self.worker = None;
                return Ok(Verdict::Hang);
            }
        }
    }
}

/// What a fuzz run did.
#[derive(Debug, Default)]
pub struct Report {
    pub inputs: u64,
    pub generated: u64,
    pub mutated: u64,
    pub by_verdict: BTreeMap<String, u64>,
    pub findings: Vec<PathBuf>,
    pub seconds: f64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} inputs in {:.0} s ({:.0}/s): {} generated, {} mutated from test262 and conformance files",
            self.inputs,
            self.seconds,
            self.inputs as f64 / self.seconds.max(1e-9),
            self.generated,
            self.mutated
        )?;
        let outcomes: Vec<String> = self
            .by_verdict
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        writeln!(f, "outcomes: {}", outcomes.join(", "))?;
        if self.findings.is_empty() {
            write!(f, "findings: none")
        } else {
            write!(f, "findings: {}", self.findings.len())?;
            for path in &self.findings {
                write!(f, "\n  {}", path.display())?;
            }
            Ok(())
        }
    }
}

/// Shared by the jobs of one run.
struct Shared {
    report: Mutex<Report>,
    next_input: AtomicU64,
    stop: AtomicBool,
    started: Instant,
    sources: Vec<PathBuf>,
    /// Signatures already kept (one file per bug).
    seen: Mutex<std::collections::HashSet<String>>,
}

/// Runs the fuzzer as `args` say: the report, or why it could not run.
pub fn run(args: &FuzzArgs) -> Result<Report, String> {
    if args.minutes.is_none() && args.inputs.is_none() && args.replay.is_none() {
        return Err("give --minutes, --inputs or --replay".to_string());
    }
    let sources = match &args.replay {
        Some(dir) => mutate::collect_sources(std::slice::from_ref(dir)),
        None => mutate::collect_sources(&args.source_dirs()),
    };
    let shared = Arc::new(Shared {
        report: Mutex::new(Report::default()),
        next_input: AtomicU64::new(0),
        stop: AtomicBool::new(false),
        started: Instant::now(),
        sources,
        seen: Mutex::new(Default::default()),
    });
    let jobs = args.jobs.max(1);
    std::thread::scope(|scope| -> Result<(), String> {
        let handles: Vec<_> = (0..jobs)
            .map(|job| {
                let shared = Arc::clone(&shared);
                scope.spawn(move || run_job(args, &shared, job))
            })
            .collect();
        for handle in handles {
            handle
                .join()
                .map_err(|_| "a fuzz job panicked".to_string())??;
        }
        Ok(())
    })?;
    let mut report = std::mem::take(&mut *shared.report.lock().unwrap_or_else(|e| e.into_inner()));
    report.seconds = shared.started.elapsed().as_secs_f64();
    Ok(report)
}

fn run_job(args: &FuzzArgs, shared: &Shared, job: usize) -> Result<(), String> {
    let mut runner = Runner::new(args);
    let deadline = args
        .minutes
        .map(|m| shared.started + Duration::from_secs_f64(m * 60.0));
    loop {
        if shared.stop.load(Ordering::Relaxed) || deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(());
        }
        let index = shared.next_input.fetch_add(1, Ordering::Relaxed);
        let (text, generated) = match &args.replay {
            Some(_) => match shared.sources.get(index as usize) {
                Some(path) => (mutate::read_source(path), false),
                None => return Ok(()),
            },
            None => {
                if args.inputs.is_some_and(|n| index >= n) {
                    return Ok(());
                }
                make_input(args.seed, index, &shared.sources)
            }
        };
        let verdict = runner.run(&text)?;
        {
            let mut report = shared.report.lock().unwrap_or_else(|e| e.into_inner());
            report.inputs += 1;
            if report.inputs.is_multiple_of(10_000) {
                let seconds = shared.started.elapsed().as_secs_f64();
                eprintln!(
                    "fuzz: {} inputs, {:.0} s, {:.0}/s, {} findings",
                    report.inputs,
                    seconds,
                    report.inputs as f64 / seconds,
                    report.findings.len()
                );
            }
            if generated {
                report.generated += 1;
            } else {
                report.mutated += 1;
            }
            *report
                .by_verdict
                .entry(verdict.kind().to_string())
                .or_default() += 1;
        }
        if verdict.is_finding() {
            let signature = verdict.signature();
            let new = shared
                .seen
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(signature.clone());
            if new {
                let minimal =
                    minimize::minimize(&mut runner, &text, &signature, args.minimize_runs)?;
                let path = keep_finding(&args.findings, &verdict, &minimal, index, args.seed)?;
                eprintln!(
                    "fuzz: job {job}: {} -> {}",
                    verdict.to_line(),
                    path.display()
                );
                shared
                    .report
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .findings
                    .push(path);
            }
        }
    }
}

/// Input number `index` of the run with `seed`: a generated program or a mutated source
/// file (whether it was generated).
pub fn make_input(seed: u64, index: u64, sources: &[PathBuf]) -> (String, bool) {
    let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01B3).wrapping_add(index));
    if sources.is_empty() || rng.one_in(3) {
        let text = generate::Generator::new(&mut rng).program();
        return (text, true);
    }
    let first: &PathBuf = rng.pick(sources);
    let second: &PathBuf = rng.pick(sources);
    let (first, second) = (mutate::read_source(first), mutate::read_source(second));
    (mutate::mutate(&mut rng, &first, &second), false)
}

/// Writes a minimised finding as `KIND-HASH.js` with its verdict in a leading comment.
fn keep_finding(
    dir: &Path,
    verdict: &Verdict,
    text: &str,
    index: u64,
    seed: u64,
) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir.join(format!("{}-{hash:016x}.js", verdict.kind()));
    let header = format!(
        "// fuzz finding: {} (seed {seed}, input {index}; minimised)\n",
        verdict.to_line().replace('\t', ": ")
    );
    std::fs::write(&path, format!("{header}{text}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}
