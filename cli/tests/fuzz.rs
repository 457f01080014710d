//! One minute of the fuzz driver (issue 21 item 9; `cli/src/fuzz/`): generated programs and
//! mutated test262 and conformance files, each in a fresh engine under the run limits, must
//! give no finding (panic, abort, huge allocation, hang, runaway memory). The seed is fixed,
//! so the inputs are the same on every run up to where the minute ends. The long run is the
//! README's (`--minutes 600`).

use std::process::Command;

#[test]
fn a_minute_of_fuzzing_finds_nothing() {
    let findings = std::env::temp_dir().join(format!("compartments-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&findings);
    let output = Command::new(env!("CARGO_BIN_EXE_fuzz"))
        .args(["--minutes", "1", "--seed", "21", "--jobs", "1"])
        .arg("--findings")
        .arg(&findings)
        .output()
        .expect("the fuzz binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}");
    let kept: Vec<String> = std::fs::read_dir(&findings)
        .map(|dir| {
            dir.filter_map(|entry| entry.ok())
                .map(|entry| {
                    let path = entry.path();
                    format!(
                        "{}:\n{}",
                        path.display(),
                        std::fs::read_to_string(&path).unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(kept.is_empty(), "findings:\n{}", kept.join("\n"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    let inputs: u64 = stdout
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no input count in: {stdout}"));
    assert!(inputs > 100, "only {inputs} inputs in a minute: {stdout}");
    let _ = std::fs::remove_dir_all(&findings);
}
