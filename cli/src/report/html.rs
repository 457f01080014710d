//! The HTML page of `compartments run --report FILE.html`: one self-contained file (inline
//! CSS, a few lines of inline script, inline SVG; nothing loaded from the network) with the
//! program's output, the spec-step trace as a collapsible tree of algorithm calls (each
//! with its clause number, name and a link to its clause), the event log as a timeline
//! (each event linked to where it happened in the trace) and the module graph.

use super::html_escape;
use super::trace_tree::{Node, Tree};
use serde_json::Value;
use std::fmt::Write as _;

/// What the page shows.
pub struct Page<'a> {
    /// The file that ran.
    pub file: &'a str,
    /// Run as a module.
    pub module: bool,
    pub printed: &'a [String],
    /// Uncaught exceptions and unhandled rejections, as reported.
    pub errors: &'a [String],
    pub tree: &'a Tree,
    pub events: &'a [Value],
    /// The events as `--events` prints them, one JSON line each.
    pub raw_events: &'a [String],
    /// The module graph's SVG, when modules were involved.
    pub graph: Option<&'a str>,
}

/// A short description of an event (the raw JSON line is shown beside it).
pub fn event_summary(event: &Value) -> String {
    let field = |key: &str| match &event[key] {
        Value::Null => "empty".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match event["event"].as_str().unwrap_or("") {
        "status" => format!(
            "{}: {} → {}",
            field("module"),
            field("from").replace("empty", "(created)"),
            field("to")
        ),
        "load-request" => format!("{} requests {}", field("referrer"), field("specifier")),
        "load-result" => match event.get("module") {
            Some(_) => format!(
                "{}: {} is {}",
                field("referrer"),
                field("specifier"),
                field("module")
            ),
            None => format!(
                "{}: {} failed: {}",
                field("referrer"),
                field("specifier"),
                field("error")
            ),
        },
        "promise" => format!("{} {}", field("promise"), field("state")),
        "hook" => format!("{} called", field("hook")),
        "evaluators" => format!("{} made (parent {})", field("evaluators"), field("parent")),
        "compartment" => format!("{} made (parent {})", field("compartment"), field("parent")),
        "descriptor" => format!(
            "{} {}: {}",
            field("compartment"),
            field("specifier"),
            field("kind")
        ),
        "memo" => format!(
            "{} {}: {}",
            field("compartment"),
            field("specifier"),
            field("state")
        ),
        other => other.to_string(),
    }
}

/// Renders the trace nodes into `out` (recursive over the tree's depth: call on a thread
/// with a big stack).
fn render_nodes(out: &mut String, tree: &Tree, nodes: &[Node], events: &[Value]) {
    for node in nodes {
        match node {
            Node::Step { step, text } => {
                // Sub-steps indented by their level, as the spec renders them.
                let level = step.matches('.').count();
                let _ = writeln!(
                    out,
                    "<li class=\"step\" style=\"padding-left: {}em\"><span class=\"stepno\">{}</span> {}</li>",
                    level as f64 * 1.2,
                    html_escape(step),
                    html_escape(text)
                );
            }
            Node::Event(i) => {
                let kind = events
                    .get(*i)
                    .and_then(|e| e["event"].as_str())
                    .unwrap_or("event");
                let _ = writeln!(
                    out,
                    "<li class=\"event\" id=\"trace-event-{i}\"><a href=\"#event-{i}\">event {i}: {}</a> {}</li>",
                    html_escape(kind),
                    html_escape(&events.get(*i).map(event_summary).unwrap_or_default())
                );
            }
            Node::Printed(line) => {
                let _ = writeln!(
                    out,
                    "<li class=\"printed\">printed <code>{}</code></li>",
                    html_escape(line)
                );
            }
            Node::Call(call) => {
                let clause = &tree.clauses[call.clause];
                let link = if clause.id.is_empty() {
                    String::new()
                } else {
                    format!(
                        " <a class=\"clause\" href=\"{}\" title=\"{}\">§</a>",
                        html_escape(&clause.url()),
                        html_escape(&clause.id)
                    )
                };
                let steps = call.step_count();
                let _ = writeln!(
                    out,
                    "<li class=\"call\"><details><summary><span class=\"num\">{}</span> <span class=\"alg\">{}</span>{link} <span class=\"count\">{steps} step{}</span></summary>\n<ol class=\"steps\">",
                    html_escape(&clause.number),
                    html_escape(&clause.name),
                    if steps == 1 { "" } else { "s" }
                );
                render_nodes(out, tree, &call.children, events);
                out.push_str("</ol></details></li>\n");
            }
        }
    }
}

/// The page.
pub fn render(page: &Page) -> String {
    let mut h = String::new();
    let title = format!("compartments run {}", page.file);
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>",
        html_escape(&title)
    );
    let outcome = if page.errors.is_empty() {
        "completed".to_string()
    } else {
        format!(
            "ended with {} uncaught error{}",
            page.errors.len(),
            if page.errors.len() == 1 { "" } else { "s" }
        )
    };
    let _ = writeln!(
        h,
        "<header><h1>compartments run{} <code>{}</code></h1>\n<p class=\"summary\">The {} {outcome}: {} spec steps traced{} in {} algorithm calls, {} events, {} printed lines.</p>\n\
         <nav><a href=\"#output\">Output</a> · <a href=\"#trace\">Spec-step trace</a> · <a href=\"#events\">Event log</a> · <a href=\"#graph\">Module graph</a></nav></header>",
        if page.module { " --module" } else { "" },
        html_escape(page.file),
        if page.module { "module" } else { "script" },
        page.tree.steps,
        if page.tree.truncated > 0 {
            format!(" (and {} more not shown)", page.tree.truncated)
        } else {
            String::new()
        },
        count_calls(&page.tree.roots),
        page.events.len(),
        page.printed.len()
    );
    h.push_str("<section id=\"output\"><h2>Output</h2>\n");
    if page.printed.is_empty() && page.errors.is_empty() {
        h.push_str("<p>(nothing printed)</p>\n");
    } else {
        h.push_str("<pre class=\"output\">");
        for line in page.printed {
            let _ = writeln!(h, "{}", html_escape(line));
        }
        for error in page.errors {
            let _ = writeln!(
                h,
                "<span class=\"error\">{}</span>",
                html_escape(error.trim_end())
            );
        }
        h.push_str("</pre>\n");
    }
    h.push_str("</section>\n<section id=\"trace\"><h2>Spec-step trace</h2>\n<p class=\"help\">Each algorithm call is a node (clause number, algorithm, § link to its clause, steps executed in it and below); open it for its steps in the order they ran, the calls they made, the events and printed lines. <button type=\"button\" id=\"expand-all\">Expand all</button> <button type=\"button\" id=\"collapse-all\">Collapse all</button></p>\n<ol class=\"tree\">\n");
    render_nodes(&mut h, page.tree, &page.tree.roots, page.events);
    h.push_str("</ol>\n</section>\n<section id=\"events\"><h2>Event log</h2>\n");
    if page.events.is_empty() {
        h.push_str("<p>(no events: the run made no module, hook, Evaluators or compartment)</p>\n");
    } else {
        h.push_str("<ol class=\"timeline\" start=\"0\">\n");
        for (i, event) in page.events.iter().enumerate() {
            let kind = event["event"].as_str().unwrap_or("event");
            let _ = writeln!(
                h,
                "<li id=\"event-{i}\" class=\"kind-{}\"><span class=\"kind\">{}</span> {} <a class=\"to-trace\" href=\"#trace-event-{i}\">in the trace</a><br><code class=\"raw\">{}</code></li>",
                html_escape(kind),
                html_escape(kind),
                html_escape(&event_summary(event)),
                html_escape(page.raw_events.get(i).map_or("", String::as_str))
            );
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n<section id=\"graph\"><h2>Module graph</h2>\n");
    match page.graph {
        Some(svg) => {
            h.push_str("<p class=\"help\">Each module with its last [[Status]] and fields; an arrow for each import that loaded it, labelled with the specifier; scripts and the realm as rounded boxes.</p>\n<div class=\"graph\">");
            h.push_str(svg);
            h.push_str("</div>\n");
        }
        None => h.push_str("<p>(no modules)</p>\n"),
    }
    let _ = writeln!(
        h,
        "</section>\n<script>\n{SCRIPT}\n</script>\n</body>\n</html>"
    );
    h
}

/// Calls in the tree (iterative).
fn count_calls(roots: &[Node]) -> usize {
    let mut count = 0;
    let mut stack: Vec<&Node> = roots.iter().collect();
    while let Some(node) = stack.pop() {
        if let Node::Call(call) = node {
            count += 1;
            stack.extend(call.children.iter());
        }
    }
    count
}

const CSS: &str = "body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 110em; }
header h1 { font-size: 1.4em; }
nav a { margin: 0 0.2em; }
section { margin-top: 1.5em; }
.help { color: #555; font-size: 0.9em; }
pre.output { background: #f6f6f6; padding: 0.6em; border: 1px solid #ddd; }
.error { color: #a00; }
ol.tree, ol.steps { list-style: none; padding-left: 1.2em; margin: 0; }
ol.tree { padding-left: 0; }
li.call > details > summary { cursor: pointer; padding: 1px 0; }
li.call > details > summary:hover { background: #eef3fb; }
.num { color: #666; font-family: monospace; }
.alg { font-weight: 600; }
.count { color: #888; font-size: 0.85em; }
a.clause { text-decoration: none; }
li.step { font-size: 0.92em; padding: 1px 0; }
.stepno { display: inline-block; min-width: 3em; margin-right: 0.4em; color: #666; font-family: monospace; }
li.event { font-size: 0.88em; color: #245; background: #eef6ee; margin: 1px 0; padding: 1px 4px; }
li.printed { font-size: 0.88em; background: #f4f0fa; padding: 1px 4px; }
li.event.target, li.highlight { outline: 2px solid #e80; }
ol.timeline { font-size: 0.9em; border-left: 3px solid #ccd; padding-left: 2.5em; }
ol.timeline li { margin: 3px 0; }
code.raw { font-size: 0.8em; color: #666; }
ol.timeline li:target { background: #fff3d6; }
.kind { display: inline-block; min-width: 7em; font-weight: 600; }
.kind-status .kind { color: #2a5; }
.kind-hook .kind { color: #a52; }
.kind-load-request .kind, .kind-load-result .kind { color: #25a; }
.kind-promise .kind { color: #85a; }
a.to-trace { font-size: 0.85em; margin-left: 0.5em; }
div.graph { overflow: auto; border: 1px solid #ddd; }";

/// Expand all / collapse all, and opening the trace nodes around an event when its
/// timeline link is followed.
const SCRIPT: &str = "(function () {
  'use strict';
  function setAll(open) {
    document.querySelectorAll('ol.tree details').forEach(function (d) { d.open = open; });
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) { return; }
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') { node.open = true; }
    }
    document.querySelectorAll('.highlight').forEach(function (n) { n.classList.remove('highlight'); });
    target.classList.add('highlight');
    target.scrollIntoView({ block: 'center' });
  }
  document.querySelectorAll('a.to-trace').forEach(function (a) {
    a.addEventListener('click', function (event) {
      event.preventDefault();
      reveal(a.getAttribute('href').slice(1));
    });
  });
})();";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::trace_tree::build;

    #[test]
    fn the_page_has_its_sections_and_no_external_resource() {
        let lines: Vec<String> = [
            "9.4.6 GetGlobalObject step 1: Let currentRealm be the current Realm Record.",
            "\u{1}event 0",
            "\u{1}print hello",
            "9.4.6 GetGlobalObject step 2: Return currentRealm.[[GlobalObject]].",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let tree = build(&lines, 100);
        let events = vec![serde_json::json!({"event": "status", "module": "a.js", "to": "new"})];
        let html = render(&Page {
            file: "a.js",
            module: true,
            printed: &["hello".to_string()],
            errors: &[],
            tree: &tree,
            events: &events,
            raw_events: &[r#"{"event":"status","module":"a.js","to":"new"}"#.to_string()],
            graph: Some("<svg></svg>"),
        });
        for needle in [
            "<details><summary><span class=\"num\">9.4.6</span> <span class=\"alg\">GetGlobalObject</span>",
            "href=\"https://tc39.es/ecma262/#sec-getglobalobject\"",
            "<li id=\"event-0\" class=\"kind-status\">",
            "id=\"trace-event-0\"",
            "printed <code>hello</code>",
            "<svg></svg>",
        ] {
            assert!(html.contains(needle), "{needle}");
        }
        assert!(
            !html.contains("src=\"http"),
            "nothing loaded from the network"
        );
        assert!(!html.contains("<link"), "no stylesheet links");
    }
}
