//! What the test262 regression tests share: running `compartments test262` over some
//! directories with an expected-failures file, and failing with a useful report.
#![allow(dead_code)] // each test binary uses part of it

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
    let in_part = |names: &[&str]| -> Vec<String> {
        names.iter().map(|name| format!("{part}/{name}")).collect()
    };
    run_paths_with_expected_failures(
        binary,
        &format!("test262 {part}"),
        &[],
        &in_part(directories),
        &in_part(excluded),
        expect,
    );
}

/// Runs `compartments test262 {options}` over `test/{p}` for each of `paths` (directories
/// or files) with `--expect {expect}`, leaving out the tests under `test/{x}` for each of
/// `excluded`; panics as [`run_with_expected_failures`] does. `label` names the run in the
/// output.
pub fn run_paths_with_expected_failures(
    binary: &str,
    label: &str,
    options: &[&str],
    paths: &[String],
    excluded: &[String],
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
        .args(options)
        .arg("--test262-dir")
        .arg(&dir)
        .arg("--expect")
        .arg(expect);
    for x in excluded {
        command.arg("--exclude").arg(format!("test/{x}"));
    }
    for p in paths {
        command.arg(dir.join("test").join(p));
    }
    let output = command.output().expect("the compartments binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stdout.lines().last().unwrap_or_default();
    eprintln!("{label}: {summary}");
    assert!(
        output.status.success(),
        "{label} regressed (or listed failures now pass):\n{}\n{}\n\
         After checking each change, update the list with:\n    cargo run --release -- \
         test262 {}--expect {expect} --update-expect {}{}",
        tail(&stdout, 60),
        tail(&stderr, 20),
        options.iter().map(|o| format!("{o} ")).collect::<String>(),
        excluded
            .iter()
            .map(|x| format!("--exclude test/{x} "))
            .collect::<String>(),
        paths
            .iter()
            .map(|p| format!("../shared/test262/test/{p}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
}
