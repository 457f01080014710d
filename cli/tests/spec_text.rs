//! The spec-steps texts against the specification's own (issue 17): for every transcription
//! in `spec-steps/` that is not `informal`, its step numbers and texts must equal an
//! algorithm of its clause — ECMA-262's (`../shared/spec/ecma262/spec.html`, or the newer
//! copy of the clause beside it) or a proposal's `.emu` with its deletions dropped —, with
//! the markup rendered as the specification prints it (`compartments_cli::spec_text`).
//! Where a transcription deliberately differs, `spec-steps/deviations/spec-text.yaml` lists
//! the steps and says why; the list must be exact (a listed step that no longer differs is
//! a failure too).
//!
//! The sources are read from `../shared/spec` beside the repository, or `$SHARED_SPEC_DIR`.
//! They are required: without them the test fails and says so (CI has them, as it has
//! test262).

use compartments::trace::{embedded_files, parse_spec_steps, SpecStepsFile};
use compartments_cli::spec_text::{default_dir, Sources, Step};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One entry of the deviations list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Deviation {
    /// The clause id (the spec-steps file's id).
    id: String,
    /// The document the transcription is compared with: `ecma262`, `ecma262-copy`, a
    /// proposal's name, or `none` when no source has the clause.
    against: String,
    /// Why the whole file differs (for `against: none`).
    #[serde(default)]
    reason: Option<String>,
    /// The steps that differ, each with the reason. A key is one or more step patterns
    /// separated by spaces: a step number (`7.c`), or a step number and `+` for the step
    /// and all its sub-steps (`7.c+`).
    #[serde(default)]
    steps: BTreeMap<String, String>,
}

/// Whether `pattern` (`7.c` or `7.c+`) covers step `step`.
fn covers(pattern: &str, step: &str) -> bool {
    match pattern.strip_suffix('+') {
        Some(root) => step == root || step.starts_with(&format!("{root}.")),
        None => step == pattern,
    }
}

fn deviations() -> Vec<Deviation> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec-steps/deviations/spec-text.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sources() -> Sources {
    let dir = default_dir();
    Sources::open(&dir).unwrap_or_else(|e| {
        panic!(
            "the specification sources are missing: {e}.\n\
             This test compares spec-steps/ with ../shared/spec (beside the repository);\n\
             put the shared directory there or set SHARED_SPEC_DIR to its spec/ directory."
        )
    })
}

/// Differing steps: step number → (our text, the specification's text).
type Diff = BTreeMap<String, (String, String)>;

/// The steps of `yaml` that differ from `spec`: a different text, or a number only one has.
fn differing_steps(yaml: &SpecStepsFile, spec: &[Step]) -> Diff {
    let ours: BTreeMap<&str, String> = yaml
        .steps
        .iter()
        .map(|s| {
            (
                s.step.as_str(),
                s.text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    let theirs: BTreeMap<&str, &str> = spec
        .iter()
        .map(|s| (s.number.as_str(), s.text.as_str()))
        .collect();
    let numbers: BTreeSet<&str> = ours.keys().chain(theirs.keys()).copied().collect();
    numbers
        .into_iter()
        .filter_map(|n| {
            let a = ours.get(n).map(String::as_str).unwrap_or("(no such step)");
            let b = theirs.get(n).copied().unwrap_or("(no such step)");
            (a != b).then(|| (n.to_string(), (a.to_string(), b.to_string())))
        })
        .collect()
}

#[test]
fn every_formal_transcription_has_the_specifications_text() {
    let sources = sources();
    let deviations = deviations();
    let mut listed: BTreeMap<&str, &Deviation> = BTreeMap::new();
    let mut problems = Vec::new();
    for deviation in &deviations {
        if listed.insert(deviation.id.as_str(), deviation).is_some() {
            problems.push(format!("deviations: {} is listed twice", deviation.id));
        }
        if deviation.steps.values().any(|r| r.trim().is_empty())
            || deviation
                .reason
                .as_ref()
                .is_some_and(|r| r.trim().is_empty())
        {
            problems.push(format!("deviations: {} has an empty reason", deviation.id));
        }
    }
    let (mut checked, mut exact, mut deviating_steps) = (0, 0, 0);
    let mut seen = BTreeSet::new();
    for (name, text) in embedded_files() {
        let file = parse_spec_steps(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if file.informal {
            continue;
        }
        checked += 1;
        seen.insert(file.id.clone());
        let deviation = listed.get(file.id.as_str());
        let versions = sources.versions(&file.id);
        if deviation.is_some_and(|d| d.against == "none") {
            if !versions.is_empty() {
                problems.push(format!(
                    "{name}: listed as in no source, but {} has the clause",
                    versions[0].source
                ));
            }
            if deviation.is_some_and(|d| d.reason.is_none()) {
                problems.push(format!("deviations: {} needs a reason", file.id));
            }
            continue;
        }
        if versions.is_empty() {
            problems.push(format!(
                "{name}: no source has clause {} (spec.html, the copies, the proposals)",
                file.id
            ));
            continue;
        }
        // The algorithm that matches best, among those of the listed document or all.
        let mut best: Option<(&str, Diff)> = None;
        for version in &versions {
            if deviation.is_some_and(|d| d.against != version.source) {
                continue;
            }
            for algorithm in &version.algorithms {
                let diff = differing_steps(&file, algorithm);
                if best.as_ref().is_none_or(|(_, b)| diff.len() < b.len()) {
                    best = Some((version.source.as_str(), diff));
                }
            }
        }
        let Some((source, diff)) = best else {
            problems.push(format!(
                "{name}: deviations name {:?}, which has no algorithm of the clause",
                deviation.map(|d| d.against.as_str())
            ));
            continue;
        };
        let patterns: Vec<&str> = deviation
            .map(|d| d.steps.keys().flat_map(|k| k.split_whitespace()).collect())
            .unwrap_or_default();
        if diff.is_empty() && deviation.is_none() {
            exact += 1;
        }
        deviating_steps += diff.len();
        for (step, (ours, theirs)) in &diff {
            if !patterns.iter().any(|p| covers(p, step)) {
                problems.push(format!(
                    "{name} step {step} differs from {source}:\n    ours:  {ours}\n    spec:  {theirs}"
                ));
            }
        }
        for pattern in &patterns {
            if !diff.keys().any(|step| covers(pattern, step)) {
                problems.push(format!(
                    "deviations: {} step {pattern} is listed but equals {source}'s text",
                    file.id
                ));
            }
        }
    }
    for id in listed.keys() {
        if !seen.contains(*id) {
            problems.push(format!("deviations: {id} is not a formal spec-steps file"));
        }
    }
    println!(
        "spec text: {checked} formal transcriptions checked, {exact} equal to the specification's \
         text, {} with listed deviations ({deviating_steps} steps)",
        listed.len()
    );
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
