//! The spec-steps coverage check (spec-steps/README.md): every step transcribed in
//! `spec-steps/<clause-id>.yaml` is marked exactly once in `src/` with
//! `step!("<clause-id>", "<step>")`, every marker names a transcribed step, and every
//! ECMA-262 file agrees with the biblio (`../shared/spec/ecma262-biblio.json`, or
//! `ECMA262_BIBLIO`) on its clause's number and title. Prints the ECMA-262
//! abstract-operation coverage: operations with a spec-steps file / `op` entries in the biblio.

use compartments::trace::{embedded_files, parse_spec_steps, SpecStepsFile};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The biblio's entries.
fn biblio() -> Vec<serde_json::Value> {
    let path = std::env::var_os("ECMA262_BIBLIO").map_or_else(
        || manifest_dir().join("../shared/spec/ecma262-biblio.json"),
        PathBuf::from,
    );
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the biblio {}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("the biblio is JSON");
    json["entries"]
        .as_array()
        .expect("the biblio has an entries array")
        .clone()
}

/// The spec-steps files on disk: (file name, text), sorted by name.
fn yaml_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(manifest_dir().join("spec-steps"))
        .expect("spec-steps/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("a spec-steps file is readable");
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// How a marker marks its step.
#[derive(Debug, Clone, PartialEq)]
enum MarkerKind {
    /// `step!("clause", "step")`: the step's code is here.
    Step,
    /// `spec_assert!("clause", "step", condition)`: an Assert checked at run time.
    AssertChecked,
    /// `spec_assert!("clause", "step", by: "reason")`: an Assert that holds by
    /// construction (the reason says why).
    AssertBy(String),
    /// `step_done!("clause", "step", "where")`: a step whose work was done elsewhere.
    DoneElsewhere(String),
}

/// One marker (`step!`, `spec_assert!` or `step_done!`) in the source.
#[derive(Debug)]
struct Marker {
    clause: String,
    step: String,
    place: String,
    kind: MarkerKind,
    /// Whether the marker opens a block (the code before it ends with `{`): a branch or
    /// loop body, a match arm.
    opens_block: bool,
    /// Whether the code before the marker ends a block (`}`): for an "Else," step, the
    /// `if` before it that returned or continued.
    after_block: bool,
    /// The marker that comes right after this one, with no code between: (clause, step).
    next_marker: Option<(String, String)>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// A string literal at the start of `text` (after whitespace): its contents and the rest.
fn string_literal(text: &str) -> Option<(String, &str)> {
    let rest = text.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    let contents = &rest[..end];
    if contents.contains('\\') {
        return None;
    }
    Some((contents.to_string(), &rest[end + 1..]))
}

/// The marker macros the scanner knows.
const MARKER_MACROS: [&str; 3] = ["step!(", "spec_assert!(", "step_done!("];

/// The arguments of a marker after its `(`: clause, step, kind and the text after the `)`.
fn marker_arguments<'a>(
    name: &str,
    text: &'a str,
) -> Option<(String, String, MarkerKind, &'a str)> {
    let (clause, rest) = string_literal(text)?;
    let rest = rest.trim_start().strip_prefix(',')?;
    let (step, rest) = string_literal(rest)?;
    let rest = rest.trim_start();
    match name {
        "step!(" => {
            let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
            Some((clause, step, MarkerKind::Step, rest.strip_prefix(')')?))
        }
        "step_done!(" => {
            let (place, rest) = string_literal(rest.strip_prefix(',')?)?;
            if place.trim().is_empty() {
                return None;
            }
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
            Some((
                clause,
                step,
                MarkerKind::DoneElsewhere(place),
                rest.strip_prefix(')')?,
            ))
        }
        _ => {
            let rest = rest.strip_prefix(',')?.trim_start();
            if let Some(by) = rest.strip_prefix("by:") {
                let (reason, rest) = string_literal(by)?;
                let rest = rest.trim_start();
                let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
                if reason.trim().is_empty() {
                    return None;
                }
                Some((
                    clause,
                    step,
                    MarkerKind::AssertBy(reason),
                    rest.strip_prefix(')')?,
                ))
            } else {
                // A condition: up to the `)` that closes the macro call.
                let mut depth = 0usize;
                for (i, c) in rest.char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' if depth > 0 => depth -= 1,
                        ')' => {
                            let condition = rest[..i].trim().trim_end_matches(',').trim();
                            return (!condition.is_empty()).then(|| {
                                (clause, step, MarkerKind::AssertChecked, &rest[i + 1..])
                            });
                        }
                        _ => {}
                    }
                }
                None
            }
        }
    }
}

/// Every marker in `src/` (the macros' own file, src/trace.rs, left out), in file order;
/// markers whose arguments are not as the macro wants (two plain string literals, then
/// a condition, `by: "reason"` or `"where"`) are reported as problems.
/// Lines that are `//` comments are skipped.
fn markers(problems: &mut Vec<String>) -> Vec<Marker> {
    let src = manifest_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        if path == src.join("trace.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file is readable");
        // Blank out comment lines, keeping offsets (and so line numbers) intact.
        let code: String = text
            .split_inclusive('\n')
            .map(|line| {
                if line.trim_start().starts_with("//") {
                    " ".repeat(line.len() - 1) + if line.ends_with('\n') { "\n" } else { " " }
                } else {
                    line.to_string()
                }
            })
            .collect();
        let relative = path
            .strip_prefix(manifest_dir())
            .unwrap_or(&path)
            .display()
            .to_string();
        // Every macro call, in file order.
        let mut calls: Vec<(usize, &str)> = Vec::new();
        for name in MARKER_MACROS {
            let mut from = 0;
            while let Some(at) = code[from..].find(name) {
                let start = from + at;
                from = start + name.len();
                // The name must not be the tail of a longer name.
                let before = code[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                calls.push((start, name));
            }
        }
        calls.sort();
        for (start, name) in calls {
            let line = code[..start].matches('\n').count() + 1;
            let place = format!("{relative}:{line}");
            match marker_arguments(name, &code[start + name.len()..]) {
                Some((clause, step, kind, rest)) => {
                    let before = code[..start].trim_end();
                    let before = before.strip_suffix("crate::").unwrap_or(before).trim_end();
                    found.push(Marker {
                        clause,
                        step,
                        place,
                        kind,
                        opens_block: before.ends_with('{'),
                        after_block: before.ends_with('}'),
                        next_marker: next_marker(rest),
                    })
                }
                None => problems.push(format!(
                    "{place}: a {name}..) marker whose arguments are not as the macro wants"
                )),
            }
        }
    }
    found
}

/// The marker that starts `rest` (the code after a marker's `)`), if the next code is one.
fn next_marker(rest: &str) -> Option<(String, String)> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(';').unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix("crate::").unwrap_or(rest);
    let name = MARKER_MACROS.iter().find(|m| rest.starts_with(*m))?;
    let (clause, step, _, _) = marker_arguments(name, &rest[name.len()..])?;
    Some((clause, step))
}

/// Whether `child` is the first sub-step of `parent` (`2` → `2.a`, `2.a` → `2.a.i`).
fn is_first_child(parent: &str, child: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|tail| tail.strip_prefix('.'))
        .is_some_and(|last| matches!(last, "a" | "i" | "1"))
}

/// Phantom steps: a `step!` of a control step with sub-steps ("If ..., then", "For each
/// ..., do", "Repeat, while ...", "Else,") directly followed by its first sub-step's
/// marker, with no code between and not at the start of a block (for "Else,", not right
/// after the `if` block that returned): then no condition is tested and no loop runs where
/// the trace says so. Such a step is marked where its code is, or — when the work was done
/// elsewhere — with `step_done!` saying where.
fn phantom_steps(markers: &[Marker], files: &BTreeMap<String, SpecStepsFile>) -> Vec<String> {
    markers
        .iter()
        .filter(|m| m.kind == MarkerKind::Step && !m.opens_block)
        .filter(|m| {
            let text = files
                .get(&m.clause)
                .and_then(|f| f.steps.iter().find(|s| s.step == m.step))
                .map_or("", |s| s.text.trim_start());
            let is_else = text.starts_with("Else");
            let control = is_else
                || ["If ", "For each ", "Repeat", "While "]
                    .iter()
                    .any(|p| text.starts_with(p));
            control && !(is_else && m.after_block)
        })
        .filter_map(|m| {
            let (clause, next) = m.next_marker.as_ref()?;
            (*clause == m.clause && is_first_child(&m.step, next)).then(|| {
                format!(
                    "{}: step {} of {} is a phantom: its sub-step {next}'s marker follows with \
                     no code between (put the marker where its code is, or use step_done!)",
                    m.place, m.step, m.clause
                )
            })
        })
        .collect()
}

#[test]
fn every_transcribed_step_is_marked_once_and_every_marker_is_transcribed() {
    let mut problems = Vec::new();

    // The YAML files: well formed, named after their id, agreeing with the biblio.
    let entries = biblio();
    let clauses: HashMap<&str, &serde_json::Value> = entries
        .iter()
        .filter(|e| e["type"] == "clause")
        .filter_map(|e| Some((e["id"].as_str()?, e)))
        .collect();
    let mut files: BTreeMap<String, SpecStepsFile> = BTreeMap::new();
    for (name, text) in yaml_files() {
        let file = match parse_spec_steps(&text) {
            Ok(file) => file,
            Err(error) => {
                problems.push(format!("spec-steps/{name}: malformed: {error}"));
                continue;
            }
        };
        if name != format!("{}.yaml", file.id) {
            problems.push(format!("spec-steps/{name}: its id is {}", file.id));
        }
        let mut seen = BTreeSet::new();
        for step in &file.steps {
            if !seen.insert(step.step.as_str()) {
                problems.push(format!("spec-steps/{name}: step {} twice", step.step));
            }
        }
        if file.spec == "ecma262" {
            match clauses.get(file.id.as_str()) {
                None => problems.push(format!(
                    "spec-steps/{name}: {} is not a clause id of the ECMA-262 biblio",
                    file.id
                )),
                Some(clause) => {
                    if clause["number"] != file.number.as_str() {
                        problems.push(format!(
                            "spec-steps/{name}: number {} but the biblio says {}",
                            file.number, clause["number"]
                        ));
                    }
                    if clause["title"] != file.title.as_str() {
                        problems.push(format!(
                            "spec-steps/{name}: title {:?} but the biblio says {}",
                            file.title, clause["title"]
                        ));
                    }
                }
            }
        }
        if files.insert(file.id.clone(), file).is_some() {
            problems.push(format!("spec-steps/{name}: a second file for its id"));
        }
    }

    // The markers against the transcriptions.
    let markers = markers(&mut problems);
    let mut marked: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for marker in &markers {
        marked
            .entry((marker.clause.as_str(), marker.step.as_str()))
            .or_default()
            .push(marker.place.as_str());
        match files.get(&marker.clause) {
            None => problems.push(format!(
                "{}: step!({:?}, {:?}) but there is no spec-steps/{}.yaml",
                marker.place, marker.clause, marker.step, marker.clause
            )),
            Some(file) if !file.steps.iter().any(|s| s.step == marker.step) => {
                problems.push(format!(
                    "{}: step!({:?}, {:?}) but spec-steps/{}.yaml has no step {}",
                    marker.place, marker.clause, marker.step, marker.clause, marker.step
                ))
            }
            Some(_) => {}
        }
    }
    // Assert steps are marked by spec_assert!, and spec_assert! marks Assert steps only.
    let mut asserts_checked = 0;
    let mut asserts_by: Vec<&Marker> = Vec::new();
    for marker in &markers {
        let Some(step) = files
            .get(&marker.clause)
            .and_then(|file| file.steps.iter().find(|s| s.step == marker.step))
        else {
            continue;
        };
        let is_assert = step.text.trim_start().starts_with("Assert:");
        match &marker.kind {
            MarkerKind::AssertChecked | MarkerKind::AssertBy(_) if !is_assert => {
                problems.push(format!(
                    "{}: spec_assert! marks step {} of {}, which is not an Assert step",
                    marker.place, marker.step, marker.clause
                ))
            }
            MarkerKind::Step | MarkerKind::DoneElsewhere(_) if is_assert => problems.push(format!(
                "{}: step {} of {} is an Assert step: mark it with spec_assert! and check it",
                marker.place, marker.step, marker.clause
            )),
            MarkerKind::AssertChecked => asserts_checked += 1,
            MarkerKind::AssertBy(_) => asserts_by.push(marker),
            _ => {}
        }
    }
    // No phantom steps.
    problems.extend(phantom_steps(&markers, &files));
    let mut step_count = 0;
    for file in files.values() {
        for step in &file.steps {
            step_count += 1;
            match marked.get(&(file.id.as_str(), step.step.as_str())) {
                None => problems.push(format!(
                    "spec-steps/{}.yaml: step {} has no step! marker in src/",
                    file.id, step.step
                )),
                Some(places) if places.len() > 1 => problems.push(format!(
                    "spec-steps/{}.yaml: step {} is marked {} times: {}",
                    file.id,
                    step.step,
                    places.len(),
                    places.join(", ")
                )),
                Some(_) => {}
            }
        }
    }

    // Coverage: ECMA-262 abstract operations (the biblio's `op` entries) with a file.
    let ops: Vec<&serde_json::Value> = entries.iter().filter(|e| e["type"] == "op").collect();
    let op_clause = |op: &&serde_json::Value| {
        op["refId"]
            .as_str()
            .or_else(|| op["id"].as_str())
            .map(str::to_string)
    };
    let ecma262_ids: BTreeSet<&str> = files
        .values()
        .filter(|f| f.spec == "ecma262")
        .map(|f| f.id.as_str())
        .collect();
    let covered: BTreeSet<String> = ops
        .iter()
        .filter_map(op_clause)
        .filter(|id| ecma262_ids.contains(id.as_str()))
        .collect();
    // The same figure by the other route: files whose clause the biblio gives an aoid that
    // is an operation.
    let op_names: BTreeSet<&str> = ops.iter().filter_map(|op| op["aoid"].as_str()).collect();
    let covered_by_aoid = ecma262_ids
        .iter()
        .filter(|id| {
            clauses
                .get(*id)
                .and_then(|c| c["aoid"].as_str())
                .is_some_and(|aoid| op_names.contains(aoid))
        })
        .count();
    assert_eq!(covered.len(), covered_by_aoid, "coverage computed two ways");
    assert!(!ops.is_empty() && covered.len() <= ops.len());
    let informal = files.values().filter(|f| f.informal).count();
    println!(
        "spec-steps: {} files ({} informal), {} steps, {} markers",
        files.len(),
        informal,
        step_count,
        markers.len()
    );
    let done_elsewhere = markers
        .iter()
        .filter(|m| matches!(m.kind, MarkerKind::DoneElsewhere(_)))
        .count();
    println!("steps done elsewhere (step_done!): {done_elsewhere}");
    println!(
        "Assert steps: {} checked at run time (spec_assert! with a condition), {} holding by \
         construction (spec_assert! with by: \"reason\")",
        asserts_checked,
        asserts_by.len()
    );
    println!(
        "ECMA-262 abstract-operation coverage: {} / {} ({:.1} %) — operations with a \
         spec-steps file / op entries in the biblio",
        covered.len(),
        ops.len(),
        100.0 * covered.len() as f64 / ops.len() as f64
    );

    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_binary_embeds_exactly_the_spec_steps_files() {
    let on_disk = yaml_files();
    let embedded: Vec<(String, String)> = embedded_files()
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    assert_eq!(
        embedded, on_disk,
        "build.rs embeds spec-steps/*.yaml as they are"
    );
}

#[test]
fn the_marker_scanner_reads_markers_and_rejects_malformed_ones() {
    assert_eq!(
        string_literal(r#"  "sec-x", "2.a")"#),
        Some(("sec-x".to_string(), r#", "2.a")"#))
    );
    assert_eq!(string_literal("sec-x"), None);
    assert_eq!(string_literal(r#""a\"b""#), None);
    // The three marker macros' arguments.
    let kind = |name: &str, text: &str| marker_arguments(name, text).map(|(_, _, k, _)| k);
    assert_eq!(kind("step!(", r#""sec-x", "1");"#), Some(MarkerKind::Step));
    assert_eq!(
        kind("spec_assert!(", r#""sec-x", "1", a.len() == f(b, (c)));"#),
        Some(MarkerKind::AssertChecked)
    );
    assert_eq!(
        kind("spec_assert!(", r#""sec-x", "1", by: "the type");"#),
        Some(MarkerKind::AssertBy("the type".to_string()))
    );
    assert_eq!(kind("spec_assert!(", r#""sec-x", "1");"#), None);
    assert_eq!(kind("spec_assert!(", r#""sec-x", "1", by: "");"#), None);
    assert_eq!(
        kind(
            "step_done!(",
            r#""sec-x", "8", "ParseModule, at parse time");"#
        ),
        Some(MarkerKind::DoneElsewhere(
            "ParseModule, at parse time".to_string()
        ))
    );
    assert_eq!(kind("step_done!(", r#""sec-x", "8");"#), None);
    assert_eq!(
        next_marker(";\n    crate::step!(\"sec-x\", \"2.a\");"),
        Some(("sec-x".to_string(), "2.a".to_string()))
    );
    assert_eq!(next_marker(";\n    let x = 1;"), None);
    assert!(is_first_child("2", "2.a") && is_first_child("2.a", "2.a.i"));
    assert!(!is_first_child("2", "2.b") && !is_first_child("2", "3") && !is_first_child("2", "2"));
    // The scan of the real source finds the markers of a known algorithm in order.
    let mut problems = Vec::new();
    let found = markers(&mut problems);
    let get_global_object: Vec<&str> = found
        .iter()
        .filter(|m| m.clause == "sec-getglobalobject")
        .map(|m| m.step.as_str())
        .collect();
    assert_eq!(get_global_object, ["1", "2"]);
    assert!(found
        .iter()
        .all(|m| m.place.starts_with("src/") && !m.place.starts_with("src/trace.rs")));
}
