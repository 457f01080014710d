//! What the spec-step markers cost when tracing is off: runs recursive fib(22)
//! (benches/js/fib.js: ResolveBinding on every call) and an eval-heavy loop
//! (benches/js/eval_loop.js: PerformEval, EvalDeclarationInstantiation,
//! CreateDynamicFunction) and prints the median time of each.
//!
//! Compare the two builds (docs/ARCHITECTURE.md, "Spec steps and tracing"):
//!
//! ```sh
//! cargo bench --bench trace_cost                                # markers compiled in, tracing off
//! cargo bench --bench trace_cost --features no-trace-markers    # markers compiled out
//! ```
//!
//! `-- --runs N` sets the number of runs per program (default 15).

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use compartments::trace;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROGRAMS: &[&str] = &["fib", "eval_loop"];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn source(name: &str) -> ScriptSource {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/js")
        .join(format!("{name}.js"));
    let text = std::fs::read_to_string(&path).expect("the benchmark program exists");
    let program = Arc::new(parse_script(&text).expect("the benchmark program parses"));
    ScriptSource {
        name: path.display().to_string(),
        text: Arc::from(text.as_str()),
        program,
    }
}

fn run_once(source: &ScriptSource) -> Duration {
    let start = Instant::now();
    let mut engine = Engine::new(EngineOptions::default());
    engine
        .evaluate_script(source)
        .expect("the benchmark program runs");
    start.elapsed()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(15);
    let mode = if trace::MARKERS_COMPILED_IN {
        "markers compiled in, tracing off"
    } else {
        "markers compiled out (no-trace-markers)"
    };
    trace::set_enabled(false);
    // Evaluation recurses on the native stack; run on a big one as the CLI does.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let sources: Vec<_> = PROGRAMS.iter().map(|name| source(name)).collect();
            // One warm-up run each, then the programs alternate so that a slow spell of
            // the machine hits both alike.
            for source in &sources {
                run_once(source);
            }
            let mut times = vec![Vec::new(); sources.len()];
            for _ in 0..runs {
                for (source, times) in sources.iter().zip(&mut times) {
                    times.push(run_once(source));
                }
            }
            for (name, times) in PROGRAMS.iter().zip(times) {
                println!(
                    "{name:10} median {:8.2} ms over {runs} runs ({mode})",
                    median(times).as_secs_f64() * 1e3
                );
            }
        })
        .expect("a benchmark thread starts");
    handle.join().expect("the benchmarks ran");
}
