//! Step markers and `--trace`.
//!
//! `step!("sec-clause-id", "3.a")` marks where a spec algorithm's step is implemented. The
//! algorithms are transcribed in `spec-steps/<clause-id>.yaml` (format in
//! `spec-steps/README.md`); each YAML step has exactly one marker in the code and each marker
//! a YAML step (checked by `tests/spec_steps.rs`). The YAML files are embedded at build time
//! (`build.rs`).
//!
//! With tracing on (`compartments run --trace`, [`set_enabled`]), every marker that executes
//! prints one line to stderr — clause number, algorithm name, step number and step text:
//! `19.2.1.1 PerformEval step 6: Let inFunction be false.` — or, inside [`capture`], is
//! collected for the calling thread. With tracing off a marker costs one relaxed load and a
//! predictable branch; with the `no-trace-markers` feature it expands to nothing.
//!
//! `spec_assert!("sec-clause-id", "2", condition)` marks an `Assert:` step and checks it
//! (always: a failed spec assertion is a panic, see [`assertion_failed`]).
//!
//! **One test per call.** A hot algorithm with many markers puts
//! `#[checks_tracing_once]` (the `compartments-macros` crate, `macros/`; re-exported here)
//! on its function, so that it tests the tracing flag once per call instead of once per
//! marker. The attribute compiles the body twice: `if trace::enabled() { body } else {
//! body' }`, where `body'` is the same source with every marker in its untraced form
//! (`step!(untraced: "sec-x", "1")`, written by the attribute, never by hand: `step!` and
//! `step_done!` expand to `()`, `spec_assert!` checks its condition without recording the
//! step) and every `trace::enabled()` replaced by [`enabled_untraced`] (false). The traced
//! copy is kept off the hot path: for a free function with plainly named parameters it is
//! a nested `#[cold]` `#[inline(never)]` function with the same signature (so the function
//! keeps the size of its untraced copy, and is inlined as readily); for a method or a
//! generic function it stays inline behind a call of the empty `#[cold]` [`traced_call`].
//! With `no-trace-markers` only `body'` is compiled. The source keeps one body with its
//! markers, so the spec-steps check, `--trace` and the event log are unchanged. Tracing is
//! decided when the function is entered: a [`capture`] begun inside the call would not see
//! that call's own markers (none is). A marker that a `macro_rules!` macro expands to is
//! not rewritten and keeps its own test.

pub use compartments_macros::checks_tracing_once;
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/spec_steps.rs"));

/// Whether markers are compiled in (false when built with the `no-trace-markers` feature).
pub const MARKERS_COMPILED_IN: bool = cfg!(not(feature = "no-trace-markers"));

/// Whether any marker should report: tracing to stderr is on, or some thread captures.
static ENABLED: AtomicBool = AtomicBool::new(false);
/// Whether executed steps are printed to stderr (`--trace`).
static TO_STDERR: AtomicBool = AtomicBool::new(false);
/// How many [`capture`] calls are running (on any thread).
static CAPTURES: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The lines [`capture`] collects on this thread, when it is running.
    static SINK: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// Whether this thread's markers are silenced ([`quietly`]).
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Whether executed steps are being reported (the check every marker makes).
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

fn update_enabled() {
    let on = TO_STDERR.load(Ordering::SeqCst) || CAPTURES.load(Ordering::SeqCst) > 0;
    ENABLED.store(on, Ordering::SeqCst);
}

/// Turns the printing of executed steps to stderr on or off (process-wide). Turning it on
/// parses the embedded spec-step files (once per process).
pub fn set_enabled(on: bool) {
    if on {
        let _ = index();
    }
    TO_STDERR.store(on, Ordering::SeqCst);
    update_enabled();
}

/// Runs `f` with tracing on for this thread and returns what it returned with the trace
/// lines its executed markers produced (other threads are unaffected unless they trace
/// to stderr themselves).
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, Vec<String>) {
    let _ = index();
    /// Restores the enclosing sink (and the enabled flag) on the way out, panics included.
    struct Restore(Option<Vec<String>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CAPTURES.fetch_sub(1, Ordering::SeqCst);
            update_enabled();
            let previous = self.0.take();
            SINK.with(|sink| *sink.borrow_mut() = previous);
        }
    }
    let previous = SINK.with(|sink| sink.borrow_mut().replace(Vec::new()));
    CAPTURES.fetch_add(1, Ordering::SeqCst);
    update_enabled();
    let restore = Restore(previous);
    let result = f();
    let lines = SINK
        .with(|sink| sink.borrow_mut().take())
        .unwrap_or_default();
    drop(restore);
    (result, lines)
}

/// Adds `line` to this thread's running [`capture`], if there is one: how a test
/// interleaves its own notes (module events, printed lines) with the executed steps.
pub fn annotate(line: &str) {
    SINK.with(|sink| {
        if let Some(lines) = sink.borrow_mut().as_mut() {
            lines.push(line.to_string());
        }
    });
}

/// Reports that `step` of the algorithm in clause `clause` (its id) executes.
#[cold]
#[inline(never)]
pub fn record(clause: &'static str, step: &'static str) {
    if QUIET.with(Cell::get) {
        return;
    }
    emit(format_step(clause, step));
}

/// Adds a trace line to this thread's capture, or prints it to stderr.
fn emit(line: String) {
    let line = SINK.with(|sink| match sink.borrow_mut().as_mut() {
        Some(lines) => {
            lines.push(line);
            None
        }
        None => Some(line),
    });
    if let Some(mut line) = line {
        if TO_STDERR.load(Ordering::Relaxed) {
            line.push('\n');
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
        }
    }
}

/// Reports that `step` of clause `clause`, whose work was done elsewhere ([`step_done!`]),
/// is passed.
#[cold]
#[inline(never)]
pub fn record_done(clause: &'static str, step: &'static str, place: &'static str) {
    if QUIET.with(Cell::get) {
        return;
    }
    emit(format_step_done(clause, step, place));
}

/// The trace line of a step done elsewhere: `<number> <name> step <step> (done <place>):
/// <text>`.
pub fn format_step_done(clause: &str, step: &str, place: &str) -> String {
    let line = format_step(clause, step);
    let marker = format!(" step {step}:");
    match line.find(&marker) {
        Some(at) => format!(
            "{} step {step} (done {place}):{}",
            &line[..at],
            &line[at + marker.len()..]
        ),
        None => format!("{line} (done {place})"),
    }
}

/// The trace line for `step` of clause `clause`:
/// `<number> <name> step <step>: <text>`, where the name is the title up to its parameter
/// list. A marker without a transcription (which the spec-steps test forbids) prints its
/// clause id instead.
pub fn format_step(clause: &str, step: &str) -> String {
    match index().get(clause) {
        Some(algorithm) => match algorithm.steps.get(step) {
            Some(text) => format!(
                "{} {} step {step}: {text}",
                algorithm.number, algorithm.name
            ),
            None => format!(
                "{} {} step {step}: (not transcribed)",
                algorithm.number, algorithm.name
            ),
        },
        None => format!("{clause} step {step}: (not transcribed)"),
    }
}

/// One `spec-steps/<clause-id>.yaml` file (format: `spec-steps/README.md`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecStepsFile {
    /// The clause id (`sec-performeval`), as in the ECMA-262 biblio for `ecma262` files.
    pub id: String,
    /// The clause number (`19.2.1.1`).
    pub number: String,
    /// The clause title (`PerformEval ( source, strictCaller, direct )`).
    pub title: String,
    /// The document the algorithm comes from: `ecma262` (the default), or a proposal's
    /// name for algorithms that are not in ECMA-262.
    #[serde(default = "default_spec")]
    pub spec: String,
    /// True when the clause has no numbered algorithm and the steps are our transcription
    /// of its prose (a host hook's default behaviour, the Compartments layers).
    #[serde(default)]
    pub informal: bool,
    /// The steps in document order.
    pub steps: Vec<SpecStep>,
}

fn default_spec() -> String {
    "ecma262".to_string()
}

/// One step of a [`SpecStepsFile`].
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecStep {
    /// The step number as the spec renders it: `1`, `2.a`, `2.a.i`, `2.a.i.1`, ...
    pub step: String,
    /// The step's text.
    pub text: String,
}

impl SpecStepsFile {
    /// The algorithm's name: the title without its parameter list.
    pub fn name(&self) -> &str {
        self.title
            .split_once(" (")
            .map_or(self.title.as_str(), |(name, _)| name)
            .trim()
    }
}

/// Parses and checks one spec-steps file: required fields non-empty, step numbers well
/// formed and in document order (each step is the first child of the one before it or the
/// next sibling of it or of one of its ancestors), no step text empty.
pub fn parse_spec_steps(text: &str) -> Result<SpecStepsFile, String> {
    let file: SpecStepsFile = serde_yaml_ng::from_str(text).map_err(|e| e.to_string())?;
    if file.id.trim().is_empty() || file.number.trim().is_empty() || file.title.trim().is_empty() {
        return Err("id, number and title must not be empty".to_string());
    }
    if file.steps.is_empty() {
        return Err("no steps".to_string());
    }
    let mut previous: Vec<usize> = Vec::new();
    for step in &file.steps {
        let path = parse_step_number(&step.step)
            .ok_or_else(|| format!("step {:?} is not a step number", step.step))?;
        if !follows(&previous, &path) {
            return Err(format!(
                "step {} does not follow step {} in document order",
                step.step,
                render_step_number(&previous)
            ));
        }
        if step.text.trim().is_empty() {
            return Err(format!("step {} has no text", step.step));
        }
        previous = path;
    }
    Ok(file)
}

/// `2.a.iv.1` → `[2, 1, 4, 1]`: levels cycle through decimal, lower-case letter and
/// lower-case roman numeral, as the spec renders nested algorithm steps.
pub fn parse_step_number(step: &str) -> Option<Vec<usize>> {
    step.split('.')
        .enumerate()
        .map(|(level, part)| match level % 3 {
            0 => part
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0 && !part.starts_with('0')),
            1 => {
                let mut chars = part.chars();
                match (chars.next(), chars.next()) {
                    (Some(c @ 'a'..='z'), None) => Some(c as usize - 'a' as usize + 1),
                    _ => None,
                }
            }
            _ => from_roman(part),
        })
        .collect()
}

/// The inverse of [`parse_step_number`].
pub fn render_step_number(path: &[usize]) -> String {
    path.iter()
        .enumerate()
        .map(|(level, n)| match level % 3 {
            0 => n.to_string(),
            1 => char::from_u32('a' as u32 + *n as u32 - 1)
                .map_or_else(|| n.to_string(), String::from),
            _ => to_roman(*n),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether `next` may come right after `previous` in document order.
fn follows(previous: &[usize], next: &[usize]) -> bool {
    if next.is_empty() {
        return false;
    }
    let (parent, last) = next.split_at(next.len() - 1);
    if previous.is_empty() {
        // The first step of an algorithm.
        return next == [1];
    }
    // The first child of `previous`.
    if parent == previous {
        return last[0] == 1;
    }
    // The next sibling of `previous` or of one of its ancestors.
    parent.len() < previous.len()
        && previous[..parent.len()] == *parent
        && previous[parent.len()] + 1 == last[0]
}

const ROMAN: &[(usize, &str)] = &[
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
];

fn to_roman(mut n: usize) -> String {
    let mut out = String::new();
    for (value, digits) in ROMAN {
        while n >= *value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

fn from_roman(text: &str) -> Option<usize> {
    let mut rest = text;
    let mut n = 0;
    for (value, digits) in ROMAN {
        while let Some(tail) = rest.strip_prefix(digits) {
            n += value;
            rest = tail;
        }
    }
    // Only canonical numerals: the round trip must give the text back.
    (rest.is_empty() && n > 0 && to_roman(n) == text).then_some(n)
}

/// A transcribed algorithm, as the tracer prints it.
struct Algorithm {
    number: String,
    name: String,
    steps: HashMap<String, String>,
}

/// The embedded spec-step files by clause id, parsed on first use. A file that does not
/// parse (which the spec-steps test forbids) is left out.
fn index() -> &'static HashMap<String, Algorithm> {
    static INDEX: OnceLock<HashMap<String, Algorithm>> = OnceLock::new();
    INDEX.get_or_init(|| {
        SPEC_STEP_FILES
            .iter()
            .filter_map(|(_, text)| parse_spec_steps(text).ok())
            .map(|file| {
                let algorithm = Algorithm {
                    number: file.number.clone(),
                    name: file.name().to_string(),
                    steps: file
                        .steps
                        .iter()
                        .map(|s| {
                            let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
                            (s.step.clone(), text)
                        })
                        .collect(),
                };
                (file.id, algorithm)
            })
            .collect()
    })
}

/// The embedded spec-step files: (file name, YAML text), in file-name order.
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    SPEC_STEP_FILES
}

/// Marks the implementation of one step of a spec algorithm (see the module docs).
#[cfg(not(feature = "no-trace-markers"))]
#[macro_export]
macro_rules! step {
    (untraced: $clause:literal, $step:literal) => {
        ()
    };
    ($clause:literal, $step:literal) => {
        if $crate::trace::enabled() {
            $crate::trace::record($clause, $step);
        }
    };
}

/// Marks the implementation of one step of a spec algorithm; compiled out by the
/// `no-trace-markers` feature.
#[cfg(feature = "no-trace-markers")]
#[macro_export]
macro_rules! step {
    (untraced: $clause:literal, $step:literal) => {
        ()
    };
    ($clause:literal, $step:literal) => {};
}

/// Marks a step whose work was done elsewhere — by the parser at parse time, by an earlier
/// algorithm — so that no code runs for it here: `step_done!("sec-parsemodule", "10",
/// "by the parser (module static semantics), in step 1")`. `--trace` prints the step with
/// where it was done (`... step 10 (done by the parser ...): For each ...`), so that a
/// trace never claims work that is not happening.
#[cfg(not(feature = "no-trace-markers"))]
#[macro_export]
macro_rules! step_done {
    (untraced: $clause:literal, $step:literal, $place:literal) => {
        ()
    };
    ($clause:literal, $step:literal, $place:literal) => {
        if $crate::trace::enabled() {
            $crate::trace::record_done($clause, $step, $place);
        }
    };
}

/// Marks a step whose work was done elsewhere; compiled out by the `no-trace-markers`
/// feature.
#[cfg(feature = "no-trace-markers")]
#[macro_export]
macro_rules! step_done {
    (untraced: $clause:literal, $step:literal, $place:literal) => {
        ()
    };
    ($clause:literal, $step:literal, $place:literal) => {};
}

/// Marks an `Assert:` step of a spec algorithm and checks it (see the module docs).
///
/// `spec_assert!("sec-x", "3", condition)` traces the step as [`step!`] does, then
/// evaluates `condition` (always, tracing on or off, markers compiled in or out) and, when
/// it is false, reports the failed assertion with [`assertion_failed`]: a panic whose
/// message starts with `spec assertion failed:` and quotes the step — in tests and fuzzing
/// a failing test, in the CLI an internal error. A failed spec assertion means that our
/// code or the specification is wrong; no input may cause one.
///
/// `spec_assert!("sec-x", "3", by: "reason")` is for the few Asserts that no run-time
/// check can state (a claim about the future, "The following loop will terminate") or
/// that the Rust types already guarantee: the reason says why, and the spec-steps test
/// counts these apart from the checked ones.
#[macro_export]
macro_rules! spec_assert {
    (untraced: $clause:literal, $step:literal, by: $reason:literal) => {};
    (untraced: $clause:literal, $step:literal, $condition:expr) => {
        if !($condition) {
            $crate::trace::assertion_failed($clause, $step, stringify!($condition));
        }
    };
    ($clause:literal, $step:literal, by: $reason:literal) => {
        $crate::step!($clause, $step);
    };
    ($clause:literal, $step:literal, $condition:expr) => {
        $crate::step!($clause, $step);
        if !$crate::trace::quietly(|| $condition) {
            $crate::trace::assertion_failed($clause, $step, stringify!($condition));
        }
    };
}

/// `trace::enabled()` in the untraced copy of a `#[checks_tracing_once]` function (see the
/// module docs): false, as the function found it on entry.
#[inline(always)]
pub const fn enabled_untraced() -> bool {
    false
}

/// Called first in the traced copy of a `#[checks_tracing_once]` function's body (see the
/// module docs): empty, and `#[cold]`, so that the code generator keeps the untraced copy on
/// the fall-through path. (The `black_box` keeps the call: a call to a function with no
/// effect would be deleted before block placement, and the hint with it.)
#[cold]
#[inline(never)]
pub fn traced_call() {
    std::hint::black_box(());
}

/// Calls `f` with this thread's markers silenced when tracing is on: a [`spec_assert!`]
/// condition may call traced operations (a module graph walk) that the algorithm does not
/// perform, and `--trace` must show only what the algorithm does.
#[inline(always)]
pub fn quietly<R>(f: impl FnOnce() -> R) -> R {
    if !enabled() {
        return f();
    }
    quietly_traced(f)
}

#[cold]
#[inline(never)]
fn quietly_traced<R>(f: impl FnOnce() -> R) -> R {
    /// Restores the previous state on the way out, panics included.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            QUIET.with(|quiet| quiet.set(self.0));
        }
    }
    let _restore = Restore(QUIET.with(|quiet| quiet.replace(true)));
    f()
}

/// Reports a failed `Assert:` step ([`spec_assert!`]): panics with
/// `spec assertion failed: <the step's trace line> (checked as `<condition>`)`.
#[cold]
#[inline(never)]
#[track_caller]
pub fn assertion_failed(clause: &'static str, step: &'static str, condition: &'static str) -> ! {
    panic!(
        "{ASSERTION_FAILED}: {} (checked as `{condition}`)",
        format_step(clause, step)
    )
}

/// The start of the panic message of a failed spec assertion ([`assertion_failed`]).
pub const ASSERTION_FAILED: &str = "spec assertion failed";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_numbers_round_trip_through_the_three_numbering_styles() {
        for text in ["1", "12", "2.a", "3.b.iv", "3.b.iv.2", "10.d.ix.1.c.xii"] {
            let path = parse_step_number(text).unwrap();
            assert_eq!(render_step_number(&path), text);
        }
        assert_eq!(parse_step_number("2.a.iv.1"), Some(vec![2, 1, 4, 1]));
        for bad in [
            "", "0", "01", "a", "1.1", "1.A", "1.a.a", "1.a.iiii", "1..a", "1.a.i.x",
        ] {
            assert_eq!(parse_step_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn document_order_allows_children_and_later_siblings_only() {
        let ok = |prev: &str, next: &str| {
            follows(
                &parse_step_number(prev).unwrap(),
                &parse_step_number(next).unwrap(),
            )
        };
        assert!(ok("1", "2"));
        assert!(ok("1", "1.a"));
        assert!(ok("1.a", "1.b"));
        assert!(ok("1.a.ii.3", "2"));
        assert!(ok("1.a.ii.3", "1.b"));
        assert!(ok("1.a.ii.3", "1.a.iii"));
        assert!(!ok("1", "3"));
        assert!(!ok("1", "1.b"));
        assert!(!ok("2", "1"));
        assert!(!ok("1.a", "1.a"));
        assert!(!ok("1.a.ii", "1.c"));
        assert!(follows(&[], &[1]));
        assert!(!follows(&[], &[2]));
    }

    #[test]
    fn a_file_with_steps_out_of_order_or_unknown_fields_is_rejected() {
        let good = "id: sec-x\nnumber: '1.2'\ntitle: X ( a )\nsteps:\n  - step: '1'\n    text: Return a.\n";
        let file = parse_spec_steps(good).unwrap();
        assert_eq!(file.name(), "X");
        assert_eq!(file.spec, "ecma262");
        assert!(!file.informal);
        let skipped = good.replace("step: '1'", "step: '2'");
        assert!(parse_spec_steps(&skipped)
            .unwrap_err()
            .contains("document order"));
        let unknown = format!("{good}extra: 1\n");
        assert!(parse_spec_steps(&unknown).is_err());
        let empty_text = good.replace("Return a.", "''");
        assert!(parse_spec_steps(&empty_text)
            .unwrap_err()
            .contains("no text"));
    }

    /// A function under `#[checks_tracing_once]` (its markers name real steps only so that
    /// the trace lines can be compared; tests/spec_steps.rs does not read this file).
    #[crate::trace::checks_tracing_once]
    fn marked_once(x: u32) -> u32 {
        crate::step!("sec-getglobalobject", "1");
        crate::spec_assert!("sec-getglobalobject", "2", x < 10);
        x + 1
    }

    #[test]
    fn checks_tracing_once_records_when_tracing_and_always_checks_asserts() {
        // Untraced (or traced by another thread's capture: nothing reaches this thread).
        assert_eq!(marked_once(1), 2);
        let (result, lines) = capture(|| marked_once(2));
        assert_eq!(result, 3);
        assert_eq!(
            lines,
            [
                format_step("sec-getglobalobject", "1"),
                format_step("sec-getglobalobject", "2")
            ]
        );
        for traced in [false, true] {
            let failed = std::panic::catch_unwind(|| {
                if traced {
                    capture(|| marked_once(20)).0
                } else {
                    marked_once(20)
                }
            });
            let message = failed.expect_err("the Assert fails");
            let message = message
                .downcast_ref::<String>()
                .expect("a formatted panic message");
            assert!(message.starts_with(ASSERTION_FAILED), "{message}");
            assert!(message.contains("x < 10"), "{message}");
        }
    }

    #[test]
    fn every_embedded_file_parses_and_a_trace_line_quotes_the_step() {
        assert!(!embedded_files().is_empty());
        for (name, text) in embedded_files() {
            let file = parse_spec_steps(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(format!("{}.yaml", file.id), *name);
        }
        assert_eq!(
            format_step("sec-getglobalobject", "2"),
            "9.4.6 GetGlobalObject step 2: Return currentRealm.[[GlobalObject]]."
        );
        assert!(format_step("sec-getglobalobject", "9").ends_with("(not transcribed)"));
        assert_eq!(
            format_step_done("sec-getglobalobject", "2", "by the host"),
            "9.4.6 GetGlobalObject step 2 (done by the host): Return currentRealm.[[GlobalObject]]."
        );
        assert!(format_step("sec-no-such-clause", "1").starts_with("sec-no-such-clause"));
    }
}
