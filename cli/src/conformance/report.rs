//! The reports of a conformance run: Markdown (stdout), JSON (`--json FILE`) and a
//! self-contained HTML page (`--html FILE`), each with the engines, the per-layer matrix,
//! every test's outcomes and each difference with its message and the first differing
//! printed line.

use super::classify::{Category, Row};
use super::engines::EngineOutcome;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// An engine column of the report.
#[derive(Clone, Debug, Serialize)]
pub struct EngineInfo {
    pub name: String,
    /// What ran (version, build, adapter), or why it could not.
    pub description: String,
    /// Whether it ran; a column of an engine that is not available says why instead.
    pub available: bool,
}

/// A whole run.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The corpus root as given.
    pub corpus: String,
    /// Ours.
    pub ours: String,
    /// The other engines, in the order of `Row::others`.
    pub engines: Vec<EngineInfo>,
    pub rows: Vec<Row>,
    pub summary: Vec<LayerSummary>,
}

/// Counts for one engine in one layer.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub pass: usize,
    pub deviates: usize,
    pub other_reading: usize,
    pub needs_feature: usize,
    pub ours_fails: usize,
}

/// One row of the matrix.
#[derive(Clone, Debug, Serialize)]
pub struct LayerSummary {
    /// `layer0`, ..., or `all`.
    pub layer: String,
    pub tests: usize,
    /// Ours: passes (verdict and snapshot), failures, skips.
    pub ours_pass: usize,
    pub ours_fail: usize,
    pub ours_skip: usize,
    /// Per other engine (`None` when not available).
    pub engines: Vec<Option<Counts>>,
}

impl Report {
    pub fn new(corpus: String, ours: String, engines: Vec<EngineInfo>, rows: Vec<Row>) -> Report {
        let summary = summarize(&rows, engines.len());
        Report {
            corpus,
            ours,
            engines,
            rows,
            summary,
        }
    }

    /// Whether every test passes on ours.
    pub fn ours_all_pass(&self) -> bool {
        self.rows.iter().all(|r| {
            !matches!(
                r.ours.outcome,
                EngineOutcome::Fail(_) | EngineOutcome::Error(_)
            )
        })
    }
}

/// The matrix: one row per layer (in name order), then `all`.
pub fn summarize(rows: &[Row], engines: usize) -> Vec<LayerSummary> {
    let mut layers: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in rows {
        layers.entry(row.layer.as_str()).or_default().push(row);
    }
    let mut out: Vec<LayerSummary> = layers
        .iter()
        .map(|(layer, rows)| summarize_layer(layer, rows, engines))
        .collect();
    let all: Vec<&Row> = rows.iter().collect();
    out.push(summarize_layer("all", &all, engines));
    out
}

fn summarize_layer(layer: &str, rows: &[&Row], engines: usize) -> LayerSummary {
    let mut summary = LayerSummary {
        layer: layer.to_string(),
        tests: rows.len(),
        ours_pass: 0,
        ours_fail: 0,
        ours_skip: 0,
        engines: Vec::new(),
    };
    for row in rows {
        match row.ours.outcome {
            EngineOutcome::Pass => summary.ours_pass += 1,
            EngineOutcome::Skip(_) | EngineOutcome::NotSupported(_) => summary.ours_skip += 1,
            _ => summary.ours_fail += 1,
        }
    }
    for e in 0..engines {
        let mut counts = Counts::default();
        let mut available = true;
        for row in rows {
            match row.others.get(e).and_then(Option::as_ref) {
                None => available = false,
                Some(cell) => match cell.category {
                    None => counts.pass += 1,
                    Some(Category::Deviates) => counts.deviates += 1,
                    Some(Category::OtherReading) => counts.other_reading += 1,
                    Some(Category::NeedsFeature) => counts.needs_feature += 1,
                    Some(Category::OursFails) => counts.ours_fails += 1,
                },
            }
        }
        summary
            .engines
            .push((available || rows.is_empty()).then_some(counts));
    }
    summary
}

/// Text for a Markdown table cell: one line, pipes escaped.
pub fn md_cell(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.replace('|', "\\|")
}

/// A message shortened to `max` characters for a table.
pub fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// `pass`, or the outcome and the category.
fn cell_label(outcome: &EngineOutcome, category: Option<Category>) -> String {
    match (outcome, category) {
        (EngineOutcome::Pass, None) => "pass".to_string(),
        (outcome, Some(category)) if category != Category::NeedsFeature => {
            format!("{} ({})", outcome.label(), category.short())
        }
        (outcome, _) => outcome.label().to_string(),
    }
}

/// The matrix as a Markdown table.
pub fn matrix_markdown(report: &Report) -> String {
    let mut md = String::new();
    let mut header = "| layer | tests | ours |".to_string();
    let mut rule = "|---|---:|---:|".to_string();
    for engine in &report.engines {
        let _ = write!(
            header,
            " {0} pass | {0} deviates | {0} other reading | {0} needs feature |",
            engine.name
        );
        rule.push_str("---:|---:|---:|---:|");
    }
    let _ = writeln!(md, "{header}\n{rule}");
    for layer in &report.summary {
        let ours = if layer.ours_fail == 0 && layer.ours_skip == 0 {
            format!("{}", layer.ours_pass)
        } else {
            format!(
                "{} ({} fail, {} skip)",
                layer.ours_pass, layer.ours_fail, layer.ours_skip
            )
        };
        let name = if layer.layer == "all" {
            "**all**".to_string()
        } else {
            format!("`{}`", layer.layer)
        };
        let _ = write!(md, "| {name} | {} | {ours} |", layer.tests);
        for counts in &layer.engines {
            match counts {
                Some(c) => {
                    let _ = write!(
                        md,
                        " {} | {} | {} | {} |",
                        c.pass, c.deviates, c.other_reading, c.needs_feature
                    );
                }
                None => md.push_str(" n/a | n/a | n/a | n/a |"),
            }
        }
        md.push('\n');
    }
    md
}

/// The Markdown report (stdout).
pub fn markdown(report: &Report) -> String {
    let mut md = String::new();
    let names: Vec<&str> = report.engines.iter().map(|e| e.name.as_str()).collect();
    let _ = writeln!(
        md,
        "# Conformance: ours{}\n",
        if names.is_empty() {
            String::new()
        } else {
            format!(" and {}", names.join(", "))
        }
    );
    let _ = writeln!(md, "{} tests in `{}`.\n", report.rows.len(), report.corpus);
    let _ = writeln!(md, "| engine | what ran |\n|---|---|");
    let _ = writeln!(md, "| ours | {} |", md_cell(&report.ours));
    for engine in &report.engines {
        let what = if engine.available {
            engine.description.clone()
        } else {
            format!("**not available**: {}", engine.description)
        };
        let _ = writeln!(md, "| {} | {} |", engine.name, md_cell(&what));
    }
    let _ = writeln!(md, "\n## Summary\n");
    md.push_str(&matrix_markdown(report));
    let _ = writeln!(
        md,
        "\nA test passes on ours when its verdict is a pass and its event log equals its reviewed \
         snapshot. Another engine's test is *deviates* when it fails there and pins no open \
         reading, *other reading* when it fails and its frontmatter names the open reading it \
         pins (`reading:`), *needs feature* when that engine's runner skipped it or the \
         adapter did not run it for a feature (`features:`) the engine lacks.\n"
    );
    let _ = writeln!(md, "## Tests\n");
    let mut header = "| test | ours |".to_string();
    let mut rule = "|---|---|".to_string();
    for name in &names {
        let _ = write!(header, " {name} |");
        rule.push_str("---|");
    }
    let _ = writeln!(md, "{header}\n{rule}");
    for row in &report.rows {
        let _ = write!(
            md,
            "| `{}` | {} |",
            row.name,
            cell_label(&row.ours.outcome, None)
        );
        for cell in &row.others {
            match cell {
                Some(cell) => {
                    let _ = write!(md, " {} |", cell_label(&cell.outcome, cell.category));
                }
                None => md.push_str(" n/a |"),
            }
        }
        md.push('\n');
    }
    let ours_failures: Vec<&Row> = report
        .rows
        .iter()
        .filter(|r| r.ours.outcome != EngineOutcome::Pass)
        .collect();
    if !ours_failures.is_empty() {
        let _ = writeln!(md, "\n## Ours: not passing\n");
        for row in ours_failures {
            let _ = writeln!(
                md,
                "- `{}`: {} — {}",
                row.name,
                row.ours.outcome.label(),
                md_cell(row.ours.outcome.message())
            );
        }
    }
    for (e, engine) in report.engines.iter().enumerate() {
        if !engine.available {
            continue;
        }
        let _ = writeln!(md, "\n## {}: differences\n", engine.name);
        let mut any = false;
        for category in [
            Category::Deviates,
            Category::OtherReading,
            Category::NeedsFeature,
            Category::OursFails,
        ] {
            let rows: Vec<(&Row, &super::classify::Cell)> = report
                .rows
                .iter()
                .filter_map(|r| r.others[e].as_ref().map(|c| (r, c)))
                .filter(|(_, c)| c.category == Some(category))
                .collect();
            if rows.is_empty() {
                continue;
            }
            any = true;
            let _ = writeln!(md, "### {} ({})\n", category.label(), rows.len());
            for (row, cell) in rows {
                let _ = write!(
                    md,
                    "- `{}` — {}: {}",
                    row.name,
                    cell.outcome.label(),
                    md_cell(cell.outcome.message())
                );
                if category == Category::OtherReading {
                    let _ = write!(md, " (reading: {})", row.readings.join(", "));
                }
                if let Some(d) = &cell.printed_difference {
                    let _ = write!(
                        md,
                        " First differing printed line ({}): ours `{}`, {} `{}`.",
                        d.line,
                        md_cell(d.ours.as_deref().unwrap_or("(none)")),
                        engine.name,
                        md_cell(d.theirs.as_deref().unwrap_or("(none)"))
                    );
                }
                md.push('\n');
            }
            md.push('\n');
        }
        if !any {
            let _ = writeln!(md, "None: every test passes on both.");
        }
    }
    md
}

/// The JSON report.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `text` escaped for HTML text and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSS class of a cell.
fn css_class(outcome: &EngineOutcome, category: Option<Category>) -> &'static str {
    match (outcome, category) {
        (EngineOutcome::Pass, None) => "pass",
        (_, Some(Category::Deviates)) => "deviates",
        (_, Some(Category::OtherReading)) => "reading",
        (_, Some(Category::NeedsFeature)) => "feature",
        (EngineOutcome::Skip(_) | EngineOutcome::NotSupported(_), _) => "feature",
        _ => "fail",
    }
}

/// The self-contained HTML report: no scripts, no external resources.
pub fn html(report: &Report) -> String {
    let mut h = String::new();
    let names: Vec<&str> = report.engines.iter().map(|e| e.name.as_str()).collect();
    let title = format!(
        "Conformance: ours{}",
        if names.is_empty() {
            String::new()
        } else {
            format!(" and {}", names.join(", "))
        }
    );
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>",
        html_escape(&title),
        REPORT_CSS
    );
    let _ = writeln!(h, "<h1>{}</h1>", html_escape(&title));
    let _ = writeln!(
        h,
        "<p>{} tests in <code>{}</code>.</p>",
        report.rows.len(),
        html_escape(&report.corpus)
    );
    let _ = writeln!(h, "<table><tr><th>engine</th><th>what ran</th></tr>");
    let _ = writeln!(
        h,
        "<tr><td>ours</td><td>{}</td></tr>",
        html_escape(&report.ours)
    );
    for engine in &report.engines {
        let what = if engine.available {
            html_escape(&engine.description)
        } else {
            format!(
                "<strong>not available</strong>: {}",
                html_escape(&engine.description)
            )
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{what}</td></tr>",
            html_escape(&engine.name)
        );
    }
    let _ = writeln!(
        h,
        "</table>\n<h2>Summary</h2>\n<table>\n<tr><th>layer</th><th>tests</th><th>ours</th>"
    );
    for name in &names {
        let _ = write!(
            h,
            "<th>{0} pass</th><th class=\"deviates\">{0} deviates</th><th class=\"reading\">{0} other reading</th><th class=\"feature\">{0} needs feature</th>",
            html_escape(name)
        );
    }
    h.push_str("</tr>\n");
    for layer in &report.summary {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}{}</td>",
            html_escape(&layer.layer),
            layer.tests,
            layer.ours_pass,
            if layer.ours_fail + layer.ours_skip > 0 {
                format!(" ({} fail, {} skip)", layer.ours_fail, layer.ours_skip)
            } else {
                String::new()
            }
        );
        for counts in &layer.engines {
            match counts {
                Some(c) => {
                    let _ = write!(
                        h,
                        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                        c.pass, c.deviates, c.other_reading, c.needs_feature
                    );
                }
                None => h.push_str("<td colspan=\"4\">not available</td>"),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n<h2>Tests</h2>\n<p>Hover a cell for its message.</p>\n<table class=\"tests\">\n<tr><th>test</th><th>ours</th>");
    for name in &names {
        let _ = write!(h, "<th>{}</th>", html_escape(name));
    }
    h.push_str("</tr>\n");
    for row in &report.rows {
        let _ = write!(
            h,
            "<tr><td title=\"{}\"><code>{}</code></td><td class=\"{}\" title=\"{}\">{}</td>",
            html_escape(&row.description),
            html_escape(&row.name),
            css_class(&row.ours.outcome, None),
            html_escape(row.ours.outcome.message()),
            html_escape(&cell_label(&row.ours.outcome, None))
        );
        for cell in &row.others {
            match cell {
                Some(cell) => {
                    let mut title = cell.outcome.message().to_string();
                    if let Some(d) = &cell.printed_difference {
                        let _ = write!(
                            title,
                            "\nfirst differing printed line ({}): ours {:?}, theirs {:?}",
                            d.line,
                            d.ours.as_deref().unwrap_or("(none)"),
                            d.theirs.as_deref().unwrap_or("(none)")
                        );
                    }
                    let _ = write!(
                        h,
                        "<td class=\"{}\" title=\"{}\">{}</td>",
                        css_class(&cell.outcome, cell.category),
                        html_escape(&title),
                        html_escape(&cell_label(&cell.outcome, cell.category))
                    );
                }
                None => h.push_str("<td>n/a</td>"),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    for (e, engine) in report.engines.iter().enumerate() {
        if !engine.available {
            continue;
        }
        let _ = writeln!(h, "<h2>{}: differences</h2>", html_escape(&engine.name));
        for category in [
            Category::Deviates,
            Category::OtherReading,
            Category::NeedsFeature,
            Category::OursFails,
        ] {
            let rows: Vec<_> = report
                .rows
                .iter()
                .filter_map(|r| r.others[e].as_ref().map(|c| (r, c)))
                .filter(|(_, c)| c.category == Some(category))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let _ = writeln!(
                h,
                "<details{}><summary>{} ({})</summary><ul>",
                if category == Category::Deviates {
                    " open"
                } else {
                    ""
                },
                category.label(),
                rows.len()
            );
            for (row, cell) in rows {
                let _ = write!(
                    h,
                    "<li><code>{}</code> — {}: {}",
                    html_escape(&row.name),
                    cell.outcome.label(),
                    html_escape(cell.outcome.message())
                );
                if let Some(d) = &cell.printed_difference {
                    let _ = write!(
                        h,
                        " <em>First differing printed line ({}): ours <code>{}</code>, {} <code>{}</code>.</em>",
                        d.line,
                        html_escape(d.ours.as_deref().unwrap_or("(none)")),
                        html_escape(&engine.name),
                        html_escape(d.theirs.as_deref().unwrap_or("(none)"))
                    );
                }
                h.push_str("</li>\n");
            }
            h.push_str("</ul></details>\n");
        }
    }
    h.push_str("</body>\n</html>\n");
    h
}

const REPORT_CSS: &str = "body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; font-size: 0.9em; text-align: left; }
td.pass { background: #e3f4e3; }
td.deviates, th.deviates { background: #f8d7d7; }
td.reading, th.reading { background: #fdf0c8; }
td.feature, th.feature { background: #e6e6f2; }
td.fail { background: #f3c0c0; }
code { font-size: 0.95em; }
li { margin: 0.2em 0; }";
