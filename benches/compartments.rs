//! Compartment benchmarks (issues 14 and 15): `lockdown()` alone (its in-process time
//! leaves out the engine's own start-up, so it is what lockdown costs), creating 1,000
//! compartments, importing a 200-module
//! chain inside one compartment, and the same chain across 200 compartments linked by
//! `{ namespace, compartment }` descriptors (benches/js/compartments_*.js,
//! compartment_chain.js). Each program runs in a fresh engine; the median of the runs is
//! printed with, when XS's `xst` is available, xst's median on the same file in the same
//! session and the ratio (xst ÷ ours: above 1, ours is faster).
//!
//! `cargo bench --bench compartments`. xst is looked up in `$XST`, then
//! `target/peers/xst`; build it with `bash ../shared/engines/build-xst.sh target/peers`.
//! xst is timed as a whole process (start-up included), so ours is too, through the
//! `compartments` binary (`target/release/compartments`, from `cargo build --release`),
//! beside the in-process time.
//! The programs use only what both engines have (`Compartment` with `modules` and
//! `resolveHook`, `ModuleSource`, `importNow`, `print`).

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROGRAMS: &[(&str, usize)] = &[
    ("lockdown", 11),
    ("compartments_create", 7),
    ("compartment_chain", 9),
    ("compartments_linked", 9),
];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn program_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/js")
        .join(format!("{name}.js"))
}

fn run_ours(name: &str, runs: usize) -> Duration {
    let path = program_path(name);
    let text = std::fs::read_to_string(&path).expect("the benchmark program exists");
    let program = Arc::new(parse_script(&text).expect("the benchmark program parses"));
    let source = ScriptSource {
        name: path.display().to_string(),
        text: Arc::from(text.as_str()),
        program,
    };
    let times = (0..runs)
        .map(|_| {
            let engine_start = Instant::now();
            let mut engine = Engine::new(EngineOptions {
                test262: false,
                capture_print: true,
                ..EngineOptions::default()
            });
            let start = Instant::now();
            engine
                .evaluate_script(&source)
                .expect("the benchmark program runs");
            // lockdown: the program alone; the others: engine start-up included.
            if name == "lockdown" {
                start.elapsed()
            } else {
                engine_start.elapsed()
            }
        })
        .collect();
    median(times)
}

fn xst() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("XST").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/xst")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

fn run_process(command: &Path, flag: &str, name: &str, runs: usize) -> Option<Duration> {
    let path = program_path(name);
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(command)
            .arg(flag)
            .arg(&path)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        times.push(start.elapsed());
    }
    Some(median(times))
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let xst = xst();
    if xst.is_none() {
        println!("(xst not found: set XST or build target/peers/xst for the comparison)");
    }
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/compartments");
    let binary = binary.is_file().then_some(binary);
    if binary.is_none() {
        println!("(target/release/compartments not built: whole-process times left out)");
    }
    for (name, runs) in PROGRAMS {
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let ours = run_ours(name, *runs);
        print!(
            "{name:22} ours in-process {:>7.1} ms",
            ours.as_secs_f64() * 1e3
        );
        let process = binary
            .as_deref()
            .and_then(|b| run_process(b, "run", name, *runs));
        if let Some(process) = process {
            print!("   ours process {:>7.1} ms", process.as_secs_f64() * 1e3);
        }
        let peer = xst
            .as_deref()
            .and_then(|x| run_process(x, "-s", name, *runs));
        if let Some(peer) = peer {
            print!("   xst process {:>7.1} ms", peer.as_secs_f64() * 1e3);
            if let Some(process) = process {
                print!(
                    "   xst/ours {:.2}",
                    peer.as_secs_f64() / process.as_secs_f64()
                );
            }
        }
        println!();
    }
}
