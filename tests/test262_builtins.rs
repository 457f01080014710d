//! test262 execution over the `built-ins/` directories of the library issue 4 covers,
//! through the `compartments test262` command. Fails when a test fails that
//! `tests/expectations/test262-builtins-failures.txt` does not list, or when a listed test
//! passes (the list must stay honest). Features not implemented yet are skipped through
//! `src/host/test262/unsupported.rs`.

use std::path::PathBuf;
use std::process::Command;

const EXPECT: &str = "tests/expectations/test262-builtins-failures.txt";
const DIRECTORIES: &[&str] = &[
    "Object",
    "Function",
    "Boolean",
    "Symbol",
    "Error",
    "NativeErrors",
    "AggregateError",
    "Number",
    "Math",
    "BigInt",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "decodeURI",
    "decodeURIComponent",
    "encodeURI",
    "encodeURIComponent",
    "String",
    "StringIteratorPrototype",
    "Array",
    "ArrayIteratorPrototype",
    "JSON",
    "Reflect",
    "Proxy",
    "Date",
    "Map",
    "MapIteratorPrototype",
    "Set",
    "SetIteratorPrototype",
    "WeakMap",
    "WeakSet",
    "WeakRef",
    "FinalizationRegistry",
    "Iterator",
    "global",
    "Infinity",
    "NaN",
    "undefined",
    "ThrowTypeError",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn test262_dir() -> PathBuf {
    match std::env::var_os("TEST262_DIR") {
        Some(dir) => manifest_dir().join(dir),
        None => manifest_dir().join("../shared/test262"),
    }
}

#[test]
fn test262_builtins_directories_do_not_regress() {
    let dir = test262_dir();
    assert!(
        dir.join("harness/assert.js").is_file(),
        "test262 not found at {}: put the shared directory beside the repository \
         (../shared/test262) or set TEST262_DIR to a test262 checkout",
        dir.display()
    );
    let mut command = Command::new(env!("CARGO_BIN_EXE_compartments"));
    command
        .current_dir(manifest_dir())
        .arg("test262")
        .arg("--test262-dir")
        .arg(&dir)
        .arg("--expect")
        .arg(EXPECT);
    for d in DIRECTORIES {
        command.arg(dir.join("test/built-ins").join(d));
    }
    let output = command.output().expect("the compartments binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stdout.lines().last().unwrap_or_default();
    eprintln!("test262 built-ins: {summary}");
    assert!(
        output.status.success(),
        "test262 built-ins directories regressed (or listed failures now pass):\n{}\n{}\n\
         After checking each change, update the list with:\n    cargo run --release -- \
         test262 --expect {EXPECT} --update-expect {}",
        tail(&stdout, 60),
        tail(&stderr, 20),
        DIRECTORIES
            .iter()
            .map(|d| format!("../shared/test262/test/built-ins/{d}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
