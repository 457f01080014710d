//! Interpreter benchmarks: recursive fib(22), a 10^6-iteration arithmetic loop, object and
//! closure churn, string building, 10^6 element writes and reads on a Float64Array and on a
//! DataView (python3: array and struct), 10^7 short-lived objects (with peak RSS), and
//! 100,000 suspended generators (peak RSS). Each JS
//! program in benches/js/ runs in a fresh engine; the median of the runs is printed with
//! the ratio to `python3` running the same algorithm (benches/py/) in the same session,
//! when python3 is on the PATH.
//!
//! `cargo bench --bench runtime` (all), or `cargo bench --bench runtime -- fib loop` (some).

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROGRAMS: &[(&str, usize)] = &[
    ("fib", 7),
    ("loop", 5),
    ("churn", 5),
    ("strings", 5),
    ("typed_array", 5),
    ("data_view", 5),
    ("alloc", 1),
    // Last: its peak RSS (about 1 GB) would hide the others'.
    ("generators", 3),
];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn run_js(name: &str, runs: usize) -> Duration {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/js")
        .join(format!("{name}.js"));
    let text = std::fs::read_to_string(&path).expect("the benchmark program exists");
    let program = Arc::new(parse_script(&text).expect("the benchmark program parses"));
    let source = ScriptSource {
        name: path.display().to_string(),
        text: Arc::from(text.as_str()),
        program,
    };
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let mut engine = Engine::new(EngineOptions::default());
            engine
                .evaluate_script(&source)
                .expect("the benchmark program runs");
            start.elapsed()
        })
        .collect();
    median(times)
}

fn run_python(name: &str, runs: usize) -> Option<Duration> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/py")
        .join(format!("{name}.py"));
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new("python3").arg(&path).status().ok()?;
        if !status.success() {
            return None;
        }
        times.push(start.elapsed());
    }
    Some(median(times))
}

/// Peak resident set size of this process so far, in MB (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    // Evaluation recurses on the native stack; run on a big one as the CLI does.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            for (name, runs) in PROGRAMS {
                if !filters.is_empty() && !filters.iter().any(|f| f == name) {
                    continue;
                }
                let js = run_js(name, *runs);
                let python = run_python(name, (*runs).min(3));
                let ratio = python.map_or("python3 not available".to_string(), |p| {
                    format!(
                        "python3 {:.1} ms, ratio js/python {:.2}",
                        p.as_secs_f64() * 1e3,
                        js.as_secs_f64() / p.as_secs_f64()
                    )
                });
                let rss = peak_rss_mb()
                    .map_or(String::new(), |mb| format!(", peak RSS so far {mb:.0} MB"));
                println!(
                    "{name:8} median {:9.1} ms over {runs} runs; {ratio}{rss}",
                    js.as_secs_f64() * 1e3
                );
            }
        })
        .expect("a benchmark thread starts");
    handle.join().expect("the benchmarks ran");
}
