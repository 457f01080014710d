//! `compartments conformance`, the command: on ours alone it runs the corpus exactly as
//! `cargo test --test conformance` does — every test passes and `--events-dir` writes each
//! test's log, byte for byte the body of its reviewed snapshot; with `--engine-cmd` it runs
//! another engine (here: ours again, through `compartments run`, speaking
//! test262-harness's conventions) and sorts its failures; and `docs/other-engines.md` is what
//! the tool writes for XS and SES (`--check`), for the engines this machine has.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn compartments(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_compartments"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("compartments runs")
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "compartments-conformance-{tag}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn ours_alone_reproduces_the_committed_snapshots_exactly() {
    let dir = temp_dir("events");
    let events = dir.join("events");
    let json = dir.join("report.json");
    let output = compartments(
        &[
            "conformance",
            "-q",
            "--events-dir",
            events.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ],
        &repository(),
    );
    assert!(
        output.status.success(),
        "compartments conformance failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let rows = report["rows"].as_array().unwrap();
    assert!(rows.len() >= 180, "the whole corpus ran: {}", rows.len());
    let snapshots = repository().join("conformance/snapshots");
    let mut compared = 0;
    for row in rows {
        let name = row["name"].as_str().unwrap();
        assert_eq!(row["ours"]["outcome"], "pass", "{name}: {}", row["ours"]);
        assert_eq!(row["ours"]["snapshot"], "matches", "{name}");
        let log =
            std::fs::read_to_string(events.join(format!("{}.log", name.trim_end_matches(".js"))))
                .unwrap();
        let snapshot = std::fs::read_to_string(snapshots.join(format!(
            "{}.snap",
            name.trim_end_matches(".js").replace('/', "__")
        )))
        .unwrap();
        // The snapshot's body: what follows its second `---` line.
        let body = snapshot.split_once("\n---\n").unwrap().1;
        assert_eq!(
            log.trim_end_matches('\n'),
            body.trim_end_matches('\n'),
            "{name}: the log is not the snapshot's body"
        );
        assert!(log.ends_with('\n') || log.is_empty());
        compared += 1;
    }
    assert_eq!(compared, rows.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn another_engine_by_command_is_run_and_its_failures_sorted() {
    // A small corpus: a test that passes, one that fails, one that pins a reading and
    // fails, one needing a module host the command does not have.
    let dir = temp_dir("cmd");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("layer9")).unwrap();
    std::fs::create_dir_all(corpus.join("snapshots")).unwrap();
    let test = |name: &str, frontmatter: &str, body: &str| {
        std::fs::write(
            corpus.join("layer9").join(name),
            format!("/*---\n{frontmatter}\n---*/\n{body}\n"),
        )
        .unwrap();
    };
    test(
        "passes.js",
        "description: passes\nflags: [onlyStrict]",
        "assert.sameValue(1 + 1, 2);",
    );
    test(
        "fails-elsewhere.js",
        "description: fails where print is not the engine's\nflags: [onlyStrict]",
        "print('line'); assert.sameValue(typeof $262.createRealm, 'function');",
    );
    test(
        "reading.js",
        "description: pins a reading\nflags: [onlyStrict]\nreading: compartment-evaluate",
        "assert.sameValue(typeof $262, 'object');",
    );
    let json = dir.join("report.json");
    let binary = env!("CARGO_BIN_EXE_compartments");
    let output = compartments(
        &[
            "conformance",
            "-q",
            "--engine-cmd",
            &format!("{binary} run"),
            "--engine-name",
            "self",
            "--test262-dir",
            repository().join("../shared/test262").to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
        &repository(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["engines"][0]["name"], "self");
    let cell = |name: &str| -> Value {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} ran"))["others"][0]
            .clone()
    };
    // `compartments run` has no $262: the tests that use it fail there.
    assert_eq!(cell("layer9/passes.js")["outcome"], "pass");
    assert_eq!(cell("layer9/fails-elsewhere.js")["outcome"], "fail");
    assert_eq!(cell("layer9/fails-elsewhere.js")["category"], "deviates");
    assert_eq!(cell("layer9/reading.js")["category"], "other-reading");
    // Ours printed the line too: no printed difference.
    assert!(cell("layer9/fails-elsewhere.js")
        .get("printed_difference")
        .is_none());
    let summary = report["summary"].as_array().unwrap();
    let all = summary.iter().find(|s| s["layer"] == "all").unwrap();
    assert_eq!(
        all["engines"][0],
        serde_json::json!({"pass": 1, "deviates": 1, "other_reading": 1, "needs_feature": 0, "ours_fails": 0})
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_engine_or_path_is_a_usage_error() {
    let output = compartments(
        &["conformance", "/nonexistent/compartments/corpus"],
        &repository(),
    );
    assert_eq!(output.status.code(), Some(2));
    let output = compartments(&["conformance", "--engine", "rhino"], &repository());
    assert_eq!(output.status.code(), Some(2));
}

/// docs/other-engines.md is what the tool writes today, for the engines this machine can
/// run (xst built from ../shared when it is not cached; SES installed with npm): the
/// sections of the others are kept and not compared. Set `COMPARTMENTS_SKIP_OTHER_ENGINES`
/// to leave it out.
#[test]
fn docs_other_engines_is_up_to_date() {
    if std::env::var_os("COMPARTMENTS_SKIP_OTHER_ENGINES").is_some() {
        eprintln!("COMPARTMENTS_SKIP_OTHER_ENGINES is set: docs/other-engines.md is not checked");
        return;
    }
    let output = compartments(
        &[
            "conformance",
            "-q",
            "--engine",
            "xs",
            "--engine",
            "ses",
            "--other-engines",
            "docs/other-engines.md",
            "--check",
        ],
        &repository(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "docs/other-engines.md is stale: regenerate it with `compartments conformance --engine xs --engine ses --other-engines docs/other-engines.md`\n{stderr}"
    );
}
