//! Parser throughput: parses at least 2 MiB of test262 source (the harness files, then
//! test files, each kept only if it parses on its own as a sloppy Script) several times
//! and prints the median MiB/s and every run's time.
//!
//! `cargo bench --bench parse_throughput`; `TEST262_DIR` overrides `../shared/test262`.
//! A plain binary (`harness = false`): without the shared directory, or without enough
//! parseable source, it says so and exits 0 (a bench is not a test).

use compartments::host::stack::{catch_panic, on_big_stack};
use compartments::syntax::parse_script;
use compartments_cli::test262::{collect_tests, parse_metadata};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 2 * 1024 * 1024;
const RUNS: usize = 7;

fn test262_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match std::env::var_os("TEST262_DIR") {
        Some(dir) => manifest.join(dir),
        None => manifest.join("../shared/test262"),
    }
}

/// The `.js` files of a directory, sorted, not recursive.
fn js_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    files.sort();
    files
}

/// Source texts that each parse as a sloppy Script, at least `TARGET_BYTES` in all if
/// there are enough. Module tests are left out: they are not Scripts.
fn corpus(dir: &Path) -> Vec<String> {
    let tests = collect_tests(
        &[dir.join("test/language"), dir.join("test/built-ins")],
        Some(dir),
    )
    .map(|discovery| discovery.cases)
    .unwrap_or_default();
    let candidates = js_files(&dir.join("harness"))
        .into_iter()
        .chain(tests.into_iter().map(|case| case.path));
    let mut chunks = Vec::new();
    let mut total = 0;
    for path in candidates {
        if total >= TARGET_BYTES {
            break;
        }
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let is_module = parse_metadata(&text).is_ok_and(|meta| meta.has_flag("module"));
        // A file that makes the parser panic is left out like one that does not parse.
        if !is_module && catch_panic(|| parse_script(&text).is_ok()).unwrap_or(false) {
            total += text.len();
            chunks.push(text);
        }
    }
    chunks
}

fn bench(dir: &Path) {
    let chunks = corpus(dir);
    let bytes: usize = chunks.iter().map(String::len).sum();
    if bytes < TARGET_BYTES {
        println!(
            "parse_throughput: only {:.2} MiB of test262 source parses as Script (in {} files); \
             need {} MiB: nothing measured",
            bytes as f64 / (1024.0 * 1024.0),
            chunks.len(),
            TARGET_BYTES / (1024 * 1024)
        );
        return;
    }
    let mib = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "parse_throughput: {} files, {mib:.2} MiB, {RUNS} runs",
        chunks.len()
    );
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for run in 1..=RUNS {
        let start = Instant::now();
        let mut failures = 0;
        for chunk in &chunks {
            failures += usize::from(parse_script(chunk).is_err());
        }
        let elapsed = start.elapsed();
        println!(
            "  run {run}: {:>8.1} ms  {:>6.2} MiB/s{}",
            elapsed.as_secs_f64() * 1000.0,
            mib / elapsed.as_secs_f64(),
            if failures > 0 {
                format!("  ({failures} chunks failed to parse this time!)")
            } else {
                String::new()
            }
        );
        times.push(elapsed);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "median: {:.1} ms, {:.2} MiB/s",
        median.as_secs_f64() * 1000.0,
        mib / median.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass test-harness
    // arguments. Neither matters to this plain binary.
    let dir = test262_dir();
    if !dir.join("harness/assert.js").is_file() {
        println!(
            "parse_throughput: test262 not found at {} (set TEST262_DIR): nothing measured",
            dir.display()
        );
        return;
    }
    // Parsing is recursive: run on a thread with a big stack.
    if let Err(panic) = on_big_stack(|| bench(&dir)) {
        println!("parse_throughput: the parser panicked (a bug): {panic}");
    }
}
