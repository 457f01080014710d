//! Running a conformance test on our engine, exactly as `cargo test --test conformance`
//! does (that test calls [`run_test`]): each file runs as `compartments test262` runs a
//! test (`execute_source_with`: the same frontmatter, modes, harness files, `$DONE`,
//! `negative` and verdicts), with three differences in how each mode's engine is set up:
//!
//! - the module host is the Compartments host (`FileModuleHost::with_module_sources()`, as
//!   `compartments run` has: JavaScript modules get a ModuleSource), reading files under
//!   the corpus root so that modules are named relative to it (`layer0/x_FIXTURE.js`);
//! - the event log is on: every event as a JSON line, with the lines the test printed in
//!   between, as `compartments run --events` shows them, each mode's under a `== mode` line;
//! - for the files under `ses/`, the start global also has SES's `lockdown` and `harden`
//!   (%lockdown%, %harden%), as `compartments run` gives them: the mode's engine is remade
//!   with host hooks that define them besides test262's `$262` and `print`.
//!
//! A test passes when its verdict is a pass and its log equals its reviewed snapshot
//! (`snapshots/<dir>__<file>.snap`) when it has one ([`check_snapshot`]).

use super::corpus::{snapshot_body, Corpus};
use crate::test262::execute::{test_engine_options, TEST_TIME_LIMIT};
use crate::test262::{
    execute_source_with, EngineSetup, HarnessCache, Mode, ModeResult, Outcome, Ses,
};
use compartments::host::engine::Engine;
use compartments::host::host_globals::{define_ses_globals, host_hooks};
use compartments::host::module_host::FileModuleHost;
use compartments::spec::agents::{Agent, HostHooks};
use compartments::spec::completion_record::JsResult;
use compartments::spec::module_semantics::ModuleLoader;
use compartments::spec::realms::Realm;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// How one test went on our engine.
#[derive(Clone, Debug)]
pub struct OurRun {
    /// The test262 verdict (the snapshot is not part of it: see [`check_snapshot`]).
    pub outcome: Outcome,
    /// Each mode's verdict.
    pub modes: Vec<ModeResult>,
    /// The event log: each mode's events and printed lines under a `== mode` line.
    pub log: String,
    /// The lines the test printed, every mode's in order (no events, no mode lines).
    pub printed: Vec<String>,
}

/// Whether the test `name` is one of SES's escape tests (`ses/`), whose start global has
/// `lockdown` and `harden`.
pub fn is_ses_test(name: &str) -> bool {
    name.starts_with("ses/")
}

/// The host globals of a `ses/` test's realms: test262's (`$262`, `print`), then SES's
/// `lockdown` and `harden`.
fn define_test262_and_ses_globals(agent: &mut Agent, realm: &Realm) -> JsResult<()> {
    (host_hooks(true).define_host_globals)(agent, realm)?;
    define_ses_globals(realm);
    Ok(())
}

/// A test262 engine (as `execute_source_with` makes one: `$262`, captured `print`, the
/// time limit) whose realms also get `lockdown` and `harden`.
fn ses_engine() -> Engine {
    let hooks = HostHooks {
        define_host_globals: define_test262_and_ses_globals,
        ..host_hooks(true)
    };
    let mut engine = Engine::with_host_hooks(test_engine_options(), hooks);
    engine.set_time_limit(Some(TEST_TIME_LIMIT));
    engine
}

/// Runs the test `name` (relative to `root`) whose text is `text`: its verdict, its log
/// and what it printed. Parsing and evaluation are recursive: call it on a thread with a
/// big stack.
pub fn run_test(root: &Path, name: &str, text: &str, harness: &HarnessCache) -> OurRun {
    // The engine lives on this thread only; the log is shared with its sinks.
    let log: Rc<RefCell<String>> = Rc::new(RefCell::new(String::new()));
    let printed: Rc<RefCell<Vec<String>>> = Rc::new(RefCell::new(Vec::new()));
    let ses = is_ses_test(name);
    let prepare = {
        let log = log.clone();
        let printed = printed.clone();
        move |engine: &mut Engine, mode: Mode| {
            if ses {
                // Remade before anything ran in it (prepare runs before the harness files).
                *engine = ses_engine();
            }
            log.borrow_mut().push_str(&format!("== {}\n", mode.name()));
            let events = log.clone();
            let output = log.clone();
            let printed = printed.clone();
            engine.set_event_sink_with_output(
                Box::new(move |event| {
                    let mut log = events.borrow_mut();
                    log.push_str(&event.to_json());
                    log.push('\n');
                }),
                Box::new(move |line| {
                    let mut log = output.borrow_mut();
                    log.push_str(line);
                    log.push('\n');
                    printed.borrow_mut().push(line.to_string());
                }),
            );
        }
    };
    let root: PathBuf = root.to_path_buf();
    let loader = move || -> Rc<dyn ModuleLoader> {
        Rc::new(FileModuleHost::with_module_sources().under_root(root.clone()))
    };
    let setup = EngineSetup {
        module_loader: &loader,
        prepare: Some(&prepare),
        // The corpus's own hosts: ses/ files call lockdown() themselves.
        ses: Ses::Off,
        features: compartments::syntax::Features::all(),
        limits: Default::default(),
    };
    let (outcome, modes) = execute_source_with(Path::new(name), text, harness, &setup);
    let log = log.borrow().clone();
    let printed = printed.borrow().clone();
    OurRun {
        outcome,
        modes,
        log,
        printed,
    }
}

/// How a log compares with the test's reviewed snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotCheck {
    /// The log is the snapshot's body.
    Matches,
    /// The test has no snapshot.
    Missing,
    /// The snapshot cannot be read or has no insta header; why.
    Unreadable(String),
    /// They differ: the first differing line (1-based, in the body) and both texts
    /// (`None` past the end).
    Differs {
        line: usize,
        snapshot: Option<String>,
        log: Option<String>,
    },
}

/// Compares `log` with the reviewed snapshot of the test `name` in `corpus`, as insta does
/// (trailing white space at the end of the text aside).
pub fn check_snapshot(corpus: &Corpus, name: &str, log: &str) -> SnapshotCheck {
    let path = corpus.snapshot_path(name);
    if !path.is_file() {
        return SnapshotCheck::Missing;
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => return SnapshotCheck::Unreadable(format!("{}: {error}", path.display())),
    };
    let Some(body) = snapshot_body(&text) else {
        return SnapshotCheck::Unreadable(format!("{}: no insta header", path.display()));
    };
    match first_difference(body.trim_end(), log.trim_end()) {
        None => SnapshotCheck::Matches,
        Some((line, snapshot, log)) => SnapshotCheck::Differs {
            line,
            snapshot,
            log,
        },
    }
}

/// The first line (1-based) where `a` and `b` differ, with each one's line there.
pub fn first_difference(a: &str, b: &str) -> Option<(usize, Option<String>, Option<String>)> {
    let mut left = a.lines();
    let mut right = b.lines();
    let mut n = 0;
    loop {
        n += 1;
        match (left.next(), right.next()) {
            (None, None) => return None,
            (l, r) if l == r => continue,
            (l, r) => return Some((n, l.map(str::to_string), r.map(str::to_string))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_differences() {
        assert_eq!(first_difference("a\nb", "a\nb"), None);
        assert_eq!(
            first_difference("a\nb", "a\nc"),
            Some((2, Some("b".into()), Some("c".into())))
        );
        assert_eq!(
            first_difference("a", "a\nc"),
            Some((2, None, Some("c".into())))
        );
    }
}
