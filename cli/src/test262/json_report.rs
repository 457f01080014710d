//! `--json FILE`: every test's outcome as a JSON array, in run order:
//!
//! ```json
//! [{"name": "test/x.js", "outcome": "fail", "message": "strict: ...",
//!   "modes": [{"mode": "sloppy", "outcome": "pass", "message": null},
//!             {"mode": "strict", "outcome": "fail", "message": "..."}]}]
//! ```
//!
//! `outcome` is `pass`, `fail` or `skip` (a panic is a `fail` whose message says it is a
//! bug); `message` is `null` for a pass; `modes` is empty when no mode ran.

use super::outcome::{ModeResult, TestResult};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct JsonTest<'a> {
    name: &'a str,
    outcome: &'static str,
    message: Option<String>,
    modes: Vec<JsonMode>,
}

#[derive(Serialize)]
struct JsonMode {
    mode: &'static str,
    outcome: &'static str,
    message: Option<String>,
}

fn json_mode(result: &ModeResult) -> JsonMode {
    JsonMode {
        mode: result.mode.name(),
        outcome: result.outcome.label(),
        message: result.outcome.message(),
    }
}

fn json_test(result: &TestResult) -> JsonTest<'_> {
    JsonTest {
        name: &result.name,
        outcome: result.outcome.label(),
        message: result.outcome.message(),
        modes: result.modes.iter().map(json_mode).collect(),
    }
}

/// The JSON array for `results`, one test per line.
pub fn json_text(results: &[TestResult]) -> Result<String, String> {
    let mut text = String::from("[");
    for (i, result) in results.iter().enumerate() {
        text.push_str(if i == 0 { "\n" } else { ",\n" });
        let line = serde_json::to_string(&json_test(result))
            .map_err(|e| format!("cannot write JSON for {}: {e}", result.name))?;
        text.push_str(&line);
    }
    text.push_str("\n]\n");
    Ok(text)
}

/// Writes [`json_text`] to `path`.
pub fn write_json(path: &Path, results: &[TestResult]) -> Result<(), String> {
    let error = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let text = json_text(results)?;
    let mut out = BufWriter::new(File::create(path).map_err(error)?);
    out.write_all(text.as_bytes()).map_err(error)?;
    out.flush().map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test262::modes::Mode;
    use crate::test262::outcome::Outcome;
    use serde_json::{json, Value};
    use std::path::PathBuf;

    fn result(name: &str, modes: Vec<ModeResult>, outcome: Outcome) -> TestResult {
        TestResult {
            name: name.to_string(),
            path: PathBuf::from(name),
            outcome,
            modes,
        }
    }

    #[test]
    fn one_object_per_test_with_its_modes() {
        let modes = vec![
            ModeResult {
                mode: Mode::Sloppy,
                outcome: Outcome::Pass,
            },
            ModeResult {
                mode: Mode::Strict,
                outcome: Outcome::Fail("threw".into()),
            },
        ];
        let results = [
            result(
                "test/a.js",
                modes.clone(),
                Outcome::Fail("strict: threw".into()),
            ),
            result("test/b.js", Vec::new(), Outcome::Skip("flag module".into())),
            result("test/c.js", Vec::new(), Outcome::Panic("boom".into())),
            result("test/\"q\".js", Vec::new(), Outcome::Pass),
        ];
        let text = json_text(&results).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            json!([
                {"name": "test/a.js", "outcome": "fail", "message": "strict: threw",
                 "modes": [{"mode": "sloppy", "outcome": "pass", "message": null},
                           {"mode": "strict", "outcome": "fail", "message": "threw"}]},
                {"name": "test/b.js", "outcome": "skip", "message": "flag module", "modes": []},
                {"name": "test/c.js", "outcome": "fail",
                 "message": "boom (a bug: it must never panic)", "modes": []},
                {"name": "test/\"q\".js", "outcome": "pass", "message": null, "modes": []},
            ])
        );
        assert_eq!(text.lines().count(), 6, "one test per line:\n{text}");
    }

    #[test]
    fn no_results_is_an_empty_array() {
        let value: Value = serde_json::from_str(&json_text(&[]).unwrap()).unwrap();
        assert_eq!(value, json!([]));
    }
}
