//! `docs/other-engines.md`: what a conformance run found on each other engine, with the
//! reviewed findings of `conformance/other-engines.yaml` — each a divergence (or another
//! reading), the tests it explains, the line of the proposal's text it contradicts and a
//! minimal reproducer, which the tool runs on ours and on the engine every time it writes
//! the file, so the outputs shown are the engines' own.
//!
//! The file has one section per engine (`<!-- begin NAME -->` … `<!-- end NAME -->`):
//! regenerated for each engine that ran; kept as it was for an engine that is not
//! available (so a machine without node keeps the SES section). `--check` compares instead
//! of writing: the sections of the engines that ran, and the header.
//!
//! A test an engine fails is listed under its finding when one names it (the finding's
//! kind wins over the frontmatter's category: a test pinning a reading can still fail for
//! a deviation), else by its category: "open readings" (the test's `reading:`), "not yet
//! reviewed" (a failure no finding explains), or "needs a feature" (skipped, not supported).
//! A finding none of whose tests fails any more is listed as stale.

use super::classify::{Category, Row};
use super::corpus::Corpus;
use super::engines::{EngineOutcome, OtherEngine};
use super::hygiene;
use super::report::{md_cell, Report};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The reviewed findings file's default name, in the corpus root.
pub const FINDINGS_FILE: &str = "other-engines.yaml";

/// What a finding says about an engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The engine contradicts the text.
    Deviates,
    /// The text leaves the point open and the engine reads it otherwise than the test.
    OtherReading,
    /// The engine lacks a feature the test does not declare (its frontmatter should).
    Missing,
}

/// One reviewed finding.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The engine's name (`xs`, `ses`).
    pub engine: String,
    /// A short identifier, unique per engine.
    pub id: String,
    /// One line: what the engine does.
    pub title: String,
    pub kind: Kind,
    /// The tests it explains.
    pub tests: Vec<String>,
    /// The text it contradicts (or the reading it differs from): the clause and the quoted
    /// line.
    #[serde(default)]
    pub text: Option<String>,
    /// More about it (Markdown, one paragraph).
    #[serde(default)]
    pub note: Option<String>,
    /// A minimal program showing it, written with the proposal's names (the adapter's
    /// renames apply); it prints what differs.
    pub reproducer: String,
    /// Run the reproducer as a module (default: a script).
    #[serde(default)]
    pub module: bool,
}

/// Reads the findings file.
pub fn load(path: &Path) -> Result<Vec<Finding>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let findings: Vec<Finding> =
        serde_yaml_ng::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for (i, a) in findings.iter().enumerate() {
        if findings[..i]
            .iter()
            .any(|b| b.engine == a.engine && b.id == a.id)
        {
            return Err(format!(
                "{}: the id {} of {} is used twice",
                path.display(),
                a.id,
                a.engine
            ));
        }
    }
    Ok(findings)
}

/// Runs a reproducer on ours: what it printed, then `uncaught: ...` for an exception out of
/// it or its jobs (and each unhandled rejection).
pub fn run_on_ours(text: &str, module: bool, dir: &Path) -> Vec<String> {
    use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
    use compartments::host::module_host::FileModuleHost;
    use compartments::host::stack::on_big_stack;
    use compartments::syntax::parse_script;
    use std::sync::Arc;
    let file = dir.join(if module { "repro.mjs" } else { "repro.js" });
    if let Err(e) = fs::create_dir_all(dir).and_then(|()| fs::write(&file, text)) {
        return vec![format!("(cannot write {}: {e})", file.display())];
    }
    let name = file.display().to_string();
    let text = text.to_string();
    let result = on_big_stack(move || {
        let mut engine = Engine::new(EngineOptions {
            test262: false,
            capture_print: true,
        });
        let mut errors = Vec::new();
        if module {
            engine.set_module_loader(std::rc::Rc::new(FileModuleHost::with_module_sources()));
            match engine.evaluate_module(&name) {
                Ok(promise) => {
                    if let Err(u) = engine
                        .run_jobs()
                        .and_then(|()| engine.module_result(&promise))
                    {
                        errors.push(u.report);
                    }
                }
                Err(u) => errors.push(u.report),
            }
        } else {
            match parse_script(&text) {
                Ok(program) => {
                    let source = ScriptSource {
                        name: name.clone(),
                        text: Arc::from(text.as_str()),
                        program: Arc::new(program),
                    };
                    if let Err(u) = engine
                        .evaluate_script(&source)
                        .and_then(|()| engine.run_jobs())
                    {
                        errors.push(u.report);
                    }
                }
                Err(error) => errors.push(format!("Uncaught SyntaxError: {}", error.message)),
            }
        }
        errors.extend(
            engine
                .take_unhandled_rejections()
                .into_iter()
                .map(|u| u.report),
        );
        let mut lines = engine.take_printed();
        for report in errors {
            let first = report.lines().next().unwrap_or("").to_string();
            let first = first
                .strip_prefix("Uncaught (in promise) ")
                .or_else(|| first.strip_prefix("Uncaught "))
                .unwrap_or(&first)
                .to_string();
            lines.push(format!("uncaught: {first}"));
        }
        lines
    });
    let _ = fs::remove_file(&file);
    result.unwrap_or_else(|panic| vec![format!("(the interpreter panicked: {panic})")])
}

/// An engine's section, or the text to keep.
struct Section {
    name: String,
    text: String,
}

/// The sections of an existing file, by engine name.
fn sections_of(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!-- begin ") {
        let after = &rest[start + "<!-- begin ".len()..];
        let Some(close) = after.find(" -->") else {
            break;
        };
        let name = after[..close].to_string();
        let end_marker = format!("<!-- end {name} -->");
        let Some(end) = rest[start..].find(&end_marker) else {
            break;
        };
        let section = &rest[start..start + end + end_marker.len()];
        out.insert(name, section.to_string());
        rest = &rest[start + end + end_marker.len()..];
    }
    out
}

/// The file's header (everything before the first section).
fn header() -> String {
    "# Other engines\n\n\
<!-- Generated by `compartments conformance --engine xs --engine ses --other-engines docs/other-engines.md`\n     \
from a run of conformance/ and the reviewed findings in conformance/other-engines.yaml: edit those, not this file. -->\n\n\
What the conformance corpus (`conformance/`, test262-format tests of the Compartments proposal and SES) finds on\n\
other implementations, engine by engine. Each engine's failures are sorted the way `compartments conformance`\n\
sorts them (conformance/README.md, \"Running the files on another engine\"):\n\n\
- **divergences from the text**: reviewed findings, each with the tests it explains, the line of the proposal it\n  \
contradicts and a minimal reproducer, run on ours and on the engine when this file was generated (the outputs\n  \
below are the engines' own);\n\
- **open readings**: the test pins a reading the proposal leaves open (`reading:` in its frontmatter, listed in\n  \
`cli/src/conformance/hygiene.rs` and docs/spec-issues.md) and the engine reads it otherwise;\n\
- **needs a feature**: the engine's runner skipped the test, or the adapter did not run it, for a feature\n  \
(`features:`) the engine lacks;\n\
- **not yet reviewed**: failures no finding explains yet.\n\n\
CI regenerates the sections of the engines it can run and fails when they differ from this file (`--check`); a\n\
section of an engine that is not available there is kept as it is.\n"
        .to_string()
}

/// Writes `file` (or, with `check`, compares it): returns whether it is stale.
pub fn write_or_check(
    file: &Path,
    findings_path: Option<&Path>,
    corpus: &Corpus,
    engines: &[(String, Option<&dyn OtherEngine>)],
    report: &Report,
    scratch: &Path,
    check: bool,
) -> Result<bool, String> {
    let findings_path: PathBuf =
        findings_path.map_or_else(|| corpus.root.join(FINDINGS_FILE), Path::to_path_buf);
    let findings = if findings_path.is_file() {
        load(&findings_path)?
    } else {
        Vec::new()
    };
    let existing = fs::read_to_string(file).unwrap_or_default();
    let old_sections = sections_of(&existing);
    let mut sections: Vec<Section> = Vec::new();
    for (index, (name, engine)) in engines.iter().enumerate() {
        match engine {
            Some(engine) => {
                let mine: Vec<&Finding> = findings.iter().filter(|f| &f.engine == name).collect();
                let text = engine_section(name, *engine, index, report, &mine, scratch);
                sections.push(Section {
                    name: name.clone(),
                    text,
                });
            }
            None => {
                if let Some(old) = old_sections.get(name) {
                    eprintln!(
                        "conformance: {name} is not available: its section of {} is kept as it was",
                        file.display()
                    );
                    sections.push(Section {
                        name: name.clone(),
                        text: old.clone(),
                    });
                }
            }
        }
    }
    // Sections of engines this run did not ask for are kept, after the others.
    for (name, old) in &old_sections {
        if !sections.iter().any(|s| &s.name == name) {
            sections.push(Section {
                name: name.clone(),
                text: old.clone(),
            });
        }
    }
    // In a check, a section made by another build of its engine (its "What ran" line differs:
    // another XS, another node) is not compared: the file says what it was made with.
    if check {
        for section in &mut sections {
            if let Some(old) = old_sections.get(&section.name) {
                if what_ran(old) != what_ran(&section.text) {
                    eprintln!(
                        "conformance: the {} section of {} was made with another build ({}); this run has {}: not compared",
                        section.name,
                        file.display(),
                        what_ran(old).unwrap_or("?"),
                        what_ran(&section.text).unwrap_or("?")
                    );
                    section.text = old.clone();
                }
            }
        }
    }
    let mut text = header();
    for section in &sections {
        text.push('\n');
        text.push_str(section.text.trim_end());
        text.push('\n');
    }
    if check {
        if text == existing {
            return Ok(false);
        }
        let (line, ours, theirs) =
            super::ours::first_difference(&existing, &text).unwrap_or((0, None, None));
        eprintln!(
            "conformance: {} is stale (regenerate it with --other-engines without --check): first difference at line {line}:\n  committed:   {}\n  regenerated: {}",
            file.display(),
            ours.as_deref().unwrap_or("(end of file)"),
            theirs.as_deref().unwrap_or("(end of file)")
        );
        return Ok(true);
    }
    fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(false)
}

/// A section's "What ran: ..." line.
fn what_ran(section: &str) -> Option<&str> {
    section.lines().find(|l| l.starts_with("What ran: "))
}

/// The display name of an engine in the document.
fn title_of(name: &str) -> String {
    match name {
        "xs" => "XS".to_string(),
        "ses" => "SES".to_string(),
        "node" => "node".to_string(),
        other => other.to_string(),
    }
}

/// One engine's section.
fn engine_section(
    name: &str,
    engine: &dyn OtherEngine,
    index: usize,
    report: &Report,
    findings: &[&Finding],
    scratch: &Path,
) -> String {
    let title = title_of(name);
    let mut md = String::new();
    let _ = writeln!(md, "<!-- begin {name} -->\n## {title}\n");
    let _ = writeln!(md, "What ran: {}.\n", engine.description());
    // The matrix for this engine.
    let _ = writeln!(md, "| layer | tests | pass | deviates | other reading | needs feature |\n|---|---:|---:|---:|---:|---:|");
    for layer in &report.summary {
        if let Some(Some(c)) = layer.engines.get(index) {
            let label = if layer.layer == "all" {
                "**all**".to_string()
            } else {
                format!("`{}`", layer.layer)
            };
            let _ = writeln!(
                md,
                "| {label} | {} | {} | {} | {} | {} |",
                layer.tests, c.pass, c.deviates, c.other_reading, c.needs_feature
            );
        }
    }
    md.push('\n');
    let _ = writeln!(
        md,
        "Without findings, *deviates* and *other reading* are the frontmatter's sorting; below, each reviewed \
         finding takes its tests to its own kind.\n"
    );
    let cell_of = |row: &Row| row.others.get(index).and_then(Option::as_ref).cloned();
    let failing = |test: &str| -> Option<(String, Option<Category>)> {
        let row = report.rows.iter().find(|r| r.name == test)?;
        let cell = cell_of(row)?;
        match cell.outcome {
            EngineOutcome::Pass => None,
            ref outcome => Some((
                format!("{}: {}", outcome.label(), outcome.message()),
                cell.category,
            )),
        }
    };
    let explained: Vec<&str> = findings
        .iter()
        .flat_map(|f| f.tests.iter().map(String::as_str))
        .collect();
    let mut stale: Vec<&Finding> = Vec::new();
    for (kind, heading) in [
        (Kind::Deviates, "Divergences from the text"),
        (Kind::OtherReading, "Other readings (reviewed)"),
        (
            Kind::Missing,
            "Features the engine lacks that tests do not declare",
        ),
    ] {
        let of_kind: Vec<&&Finding> = findings.iter().filter(|f| f.kind == kind).collect();
        let live: Vec<&&Finding> = of_kind
            .iter()
            .copied()
            .filter(|f| f.tests.iter().any(|t| failing(t).is_some()))
            .collect();
        stale.extend(
            of_kind
                .iter()
                .filter(|f| !live.iter().any(|l| l.id == f.id))
                .map(|f| **f),
        );
        if live.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {heading} ({})\n", live.len());
        for finding in live {
            let _ = writeln!(md, "#### `{}`: {}\n", finding.id, finding.title);
            for test in &finding.tests {
                match failing(test) {
                    Some((message, _)) => {
                        let _ = writeln!(
                            md,
                            "- `{test}` — {}",
                            md_cell(&super::report::shorten(&message, 240))
                        );
                    }
                    None => {
                        let _ = writeln!(md, "- `{test}` — passes now");
                    }
                }
            }
            md.push('\n');
            if let Some(text) = &finding.text {
                let _ = writeln!(md, "The text: {}\n", text.trim());
            }
            if let Some(note) = &finding.note {
                let _ = writeln!(md, "{}\n", note.trim());
            }
            let kind = if finding.module { "module" } else { "script" };
            let _ = writeln!(
                md,
                "Reproducer ({kind}):\n\n```js\n{}\n```\n",
                finding.reproducer.trim_end()
            );
            let ours = run_on_ours(&finding.reproducer, finding.module, &scratch.join("ours"));
            let theirs = engine
                .run_snippet(&finding.reproducer, finding.module)
                .unwrap_or_else(|e| vec![format!("(could not run: {e})")]);
            let _ = writeln!(
                md,
                "Ours prints:\n\n```text\n{}\n```\n",
                lines_or_nothing(&ours)
            );
            let _ = writeln!(
                md,
                "{title} prints:\n\n```text\n{}\n```\n",
                lines_or_nothing(&theirs)
            );
            if ours == theirs {
                let _ = writeln!(
                    md,
                    "**The outputs agree now: the reproducer no longer shows the divergence.**\n"
                );
            }
        }
    }
    // Failures no finding explains, by category.
    let mut readings: Vec<(&Row, String)> = Vec::new();
    let mut unreviewed: Vec<(&Row, String)> = Vec::new();
    let mut features: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for row in &report.rows {
        let Some(cell) = cell_of(row) else { continue };
        if explained.contains(&row.name.as_str()) {
            continue;
        }
        let message = format!("{}: {}", cell.outcome.label(), cell.outcome.message());
        match cell.category {
            Some(Category::OtherReading) => readings.push((row, message)),
            Some(Category::Deviates) => unreviewed.push((row, message)),
            Some(Category::NeedsFeature) => {
                let why = needed_feature(cell.outcome.message());
                features.entry(why).or_default().push(&row.name);
            }
            Some(Category::OursFails) | None => {}
        }
    }
    if !readings.is_empty() {
        let _ = writeln!(md, "### Open readings ({} tests)\n", readings.len());
        let mut by_reading: BTreeMap<String, Vec<(&Row, String)>> = BTreeMap::new();
        for (row, message) in readings {
            by_reading
                .entry(row.readings.join(", "))
                .or_default()
                .push((row, message));
        }
        for (ids, rows) in by_reading {
            let described: Vec<String> = ids
                .split(", ")
                .map(|id| match hygiene::reading(id) {
                    Some((_, what, section)) => {
                        format!("`{id}` ({what}; docs/spec-issues.md, \"{section}\")")
                    }
                    None => format!("`{id}`"),
                })
                .collect();
            let _ = writeln!(md, "Reading {}:\n", described.join("; "));
            for (row, message) in rows {
                let _ = writeln!(
                    md,
                    "- `{}` — {}",
                    row.name,
                    md_cell(&super::report::shorten(&message, 240))
                );
            }
            md.push('\n');
        }
    }
    if !unreviewed.is_empty() {
        let _ = writeln!(md, "### Not yet reviewed ({} tests)\n", unreviewed.len());
        for (row, message) in unreviewed {
            let _ = writeln!(
                md,
                "- `{}` — {}",
                row.name,
                md_cell(&super::report::shorten(&message, 240))
            );
        }
        md.push('\n');
    }
    if !features.is_empty() {
        let total: usize = features.values().map(Vec::len).sum();
        let _ = writeln!(md, "### Needs a feature {title} lacks ({total} tests)\n");
        for (why, tests) in features {
            let list: Vec<String> = tests.iter().map(|t| format!("`{t}`")).collect();
            let _ = writeln!(
                md,
                "- {} ({}): {}",
                md_cell(&why),
                tests.len(),
                list.join(", ")
            );
        }
        md.push('\n');
    }
    if !stale.is_empty() {
        let _ = writeln!(md, "### Stale findings ({})\n", stale.len());
        for finding in stale {
            let _ = writeln!(
                md,
                "- `{}` ({}): none of its tests fails any more: {}",
                finding.id,
                finding.title,
                finding.tests.join(", ")
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "<!-- end {name} -->");
    md
}

/// The feature a skip or "not supported" message names (`feature X: ...`, `skipped by
/// xst: feature X`), or the message.
fn needed_feature(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("feature ") {
        return match rest.split_once(": ") {
            Some((feature, why)) => {
                format!("{feature}: {}", why.split_once(' ').map_or(why, |(_, w)| w))
            }
            None => rest.to_string(),
        };
    }
    if let Some(rest) = message.strip_prefix("skipped by xst: feature ") {
        return format!("{rest} (xst skips it)");
    }
    message.to_string()
}

fn lines_or_nothing(lines: &[String]) -> String {
    if lines.is_empty() {
        "(nothing)".to_string()
    } else {
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_found_by_engine() {
        let text = "# h\n<!-- begin xs -->\n## XS\na\n<!-- end xs -->\n\n<!-- begin ses -->\nb\n<!-- end ses -->\n";
        let sections = sections_of(text);
        assert_eq!(
            sections["xs"],
            "<!-- begin xs -->\n## XS\na\n<!-- end xs -->"
        );
        assert_eq!(sections["ses"], "<!-- begin ses -->\nb\n<!-- end ses -->");
    }

    #[test]
    fn feature_messages_are_grouped_by_feature() {
        assert_eq!(
            needed_feature("feature Evaluators: xs has no Evaluators (layer 3)"),
            "Evaluators: has no Evaluators (layer 3)"
        );
        assert_eq!(
            needed_feature("skipped by xst: feature source-phase-imports"),
            "source-phase-imports (xst skips it)"
        );
    }

    #[test]
    fn findings_parse_and_ids_are_unique() {
        let dir =
            std::env::temp_dir().join(format!("compartments-findings-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("f.yaml");
        let one = "- engine: xs\n  id: a\n  title: t\n  kind: deviates\n  tests: [layer0/x.js]\n  reproducer: print(1);\n";
        fs::write(&file, one).unwrap();
        assert_eq!(load(&file).unwrap().len(), 1);
        fs::write(&file, format!("{one}{one}")).unwrap();
        assert!(load(&file).unwrap_err().contains("used twice"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_reproducer_runs_on_ours() {
        let dir = std::env::temp_dir().join(format!("compartments-repro-{}", std::process::id()));
        let lines = run_on_ours(
            "print(1 + 1); Promise.resolve().then(() => print('job')); ",
            false,
            &dir,
        );
        assert_eq!(lines, ["2", "job"]);
        let thrown = run_on_ours("print('a'); null.x;", false, &dir);
        assert_eq!(thrown[0], "a");
        assert!(thrown[1].starts_with("uncaught: TypeError"), "{thrown:?}");
        let module = run_on_ours("print(typeof import.meta);", true, &dir);
        assert_eq!(module, ["object"]);
        let _ = fs::remove_dir_all(&dir);
    }
}
