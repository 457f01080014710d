//! What the test262 regression tests share: running `compartments test262` over some
//! directories with an expected-failures file, and failing with a useful report.

use std::path::PathBuf;
use std::process::Command;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn test262_dir() -> PathBuf {
    match std::env::var_os("TEST262_DIR") {
        Some(dir) => manifest_dir().join(dir),
        None => manifest_dir().join("../shared/test262"),
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Runs the test262 directories `test/{part}/{d}` for each of `directories` with
/// `--expect {expect}`, leaving out the tests under `test/{part}/{x}` for each of
/// `excluded`; panics (with the tail of the report and the command that rewrites the list)
/// when a test fails that the list does not name or a listed test passes.
pub fn run_with_expected_failures(
    binary: &str,
    part: &str,
    directories: &[&str],
    excluded: &[&str],
    expect: &str,
) {
    let dir = test262_dir();
    assert!(
        dir.join("harness/assert.js").is_file(),
        "test262 not found at {}: put the shared directory beside the repository \
         (../shared/test262) or set TEST262_DIR to a test262 checkout",
        dir.display()
    );
    let mut command = Command::new(binary);
    command
        .current_dir(manifest_dir())
        .arg("test262")
        .arg("--test262-dir")
        .arg(&dir)
        .arg("--expect")
        .arg(expect);
    for x in excluded {
        command.arg("--exclude").arg(format!("test/{part}/{x}"));
    }
    for d in directories {
        command.arg(dir.join("test").join(part).join(d));
    }
    let output = command.output().expect("the compartments binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stdout.lines().last().unwrap_or_default();
    eprintln!("test262 {part}: {summary}");
    assert!(
        output.status.success(),
        "test262 {part} directories regressed (or listed failures now pass):\n{}\n{}\n\
         After checking each change, update the list with:\n    cargo run --release -- \
         test262 --expect {expect} --update-expect {}{}",
        tail(&stdout, 60),
        tail(&stderr, 20),
        excluded
            .iter()
            .map(|x| format!("--exclude test/{part}/{x} "))
            .collect::<String>(),
        directories
            .iter()
            .map(|d| format!("../shared/test262/test/{part}/{d}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
}
