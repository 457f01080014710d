//! `compartments run --report FILE.html`: runs the program as `compartments run` does and
//! writes one self-contained HTML page of the run — its output, the spec-step trace as a
//! collapsible tree ([`trace_tree`]), the event log as a timeline and the module graph as
//! inline SVG ([`svg_graph`]); the page is [`html`].
//!
//! The trace is captured for the run's thread (`compartments::trace::capture`), with each
//! event and printed line annotated where it happened. Tracing every step is slow and the
//! page grows with the steps: it is meant for small programs; the tree keeps the first
//! [`STEP_LIMIT`] steps and says how many it left out.

pub mod html;
pub mod svg_graph;
pub mod trace_tree;

pub use crate::conformance::report::html_escape;

use compartments::host::engine::{Engine, EngineOptions, ScriptSource, Uncaught};
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::on_big_stack;
use compartments::syntax::parse_script;
use serde_json::Value;
use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;
use trace_tree::{EVENT_MARK, PRINT_MARK};

/// Steps the tree keeps.
pub const STEP_LIMIT: usize = 20_000;

/// Exit statuses, as `compartments run` uses them.
const EXIT_USAGE: u8 = 2;
const EXIT_INTERNAL_ERROR: u8 = 101;

/// What a run left: its output, its uncaught errors, its events and its trace lines.
struct Run {
    printed: Vec<String>,
    errors: Vec<String>,
    events: Vec<Value>,
    raw_events: Vec<String>,
    trace: Vec<String>,
}

/// Runs `file` (a module with `module`), printing its output (and, with `events`, its
/// event log) as `compartments run` does, and writes the report to `report`.
pub fn run_with_report(file: &Path, module: bool, events: bool, report: &Path) -> ExitCode {
    if !compartments::trace::MARKERS_COMPILED_IN {
        eprintln!("error: --report: this build has the spec-step markers compiled out (feature no-trace-markers)");
        return ExitCode::from(EXIT_USAGE);
    }
    let name = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {name}: {error}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let result = on_big_stack(|| {
        let run = run_traced(&name, &text, module, events);
        let tree = trace_tree::build(&run.trace, STEP_LIMIT);
        let graph = svg_graph::module_graph_svg(&run.events);
        let page = html::render(&html::Page {
            file: &name,
            module,
            printed: &run.printed,
            errors: &run.errors,
            tree: &tree,
            events: &run.events,
            raw_events: &run.raw_events,
            graph: graph.as_deref(),
        });
        (page, run.errors)
    });
    let (page, errors) = match result {
        Ok(done) => done,
        Err(panic) => {
            eprintln!("internal error: the interpreter panicked on {name} (a bug): {panic}");
            return ExitCode::from(EXIT_INTERNAL_ERROR);
        }
    };
    if let Err(error) = std::fs::write(report, page) {
        eprintln!("error: cannot write {}: {error}", report.display());
        return ExitCode::from(EXIT_USAGE);
    }
    let _ = std::io::stdout().flush();
    for error in &errors {
        eprintln!("{}", error.trim_end());
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs the program with the trace captured.
fn run_traced(name: &str, text: &str, module: bool, print_events: bool) -> Run {
    let events: Rc<RefCell<Vec<(String, Value)>>> = Rc::new(RefCell::new(Vec::new()));
    let printed: Rc<RefCell<Vec<String>>> = Rc::new(RefCell::new(Vec::new()));
    let (errors, trace) = compartments::trace::capture(|| {
        let mut engine = Engine::new(EngineOptions {
            test262: false,
            capture_print: true,
        });
        let sink_events = events.clone();
        let sink_printed = printed.clone();
        engine.set_event_sink_with_output(
            Box::new(move |event| {
                let json = event.to_json();
                let mut events = sink_events.borrow_mut();
                compartments::trace::annotate(&format!("{EVENT_MARK}{}", events.len()));
                if print_events {
                    println!("{json}");
                }
                let value = serde_json::from_str(&json).unwrap_or(Value::Null);
                events.push((json, value));
            }),
            Box::new(move |line| {
                compartments::trace::annotate(&format!("{PRINT_MARK}{line}"));
                println!("{line}");
                sink_printed.borrow_mut().push(line.to_string());
            }),
        );
        let report = |u: Uncaught| u.report;
        let mut errors: Vec<String> = Vec::new();
        if module {
            engine.set_module_loader(Rc::new(FileModuleHost::with_module_sources()));
            let result = engine.evaluate_module(name).and_then(|promise| {
                engine
                    .run_jobs()
                    .and_then(|()| engine.module_result(&promise))
            });
            if let Err(u) = result {
                errors.push(report(u));
            }
        } else {
            match parse_script(text) {
                Ok(program) => {
                    let source = ScriptSource {
                        name: name.to_string(),
                        text: Arc::from(text),
                        program: Arc::new(program),
                    };
                    if let Err(u) = engine
                        .evaluate_script(&source)
                        .and_then(|()| engine.run_jobs())
                    {
                        errors.push(report(u));
                    }
                }
                Err(error) => errors.push(error.render(name, text)),
            }
        }
        if errors.is_empty() {
            errors.extend(engine.take_unhandled_rejections().into_iter().map(report));
        }
        errors
    });
    let (raw_events, events) = events.borrow().iter().cloned().unzip();
    let printed = printed.borrow().clone();
    Run {
        printed,
        errors,
        events,
        raw_events,
        trace,
    }
}
