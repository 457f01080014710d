//! Executing test262 tests: each mode of each test gets a fresh [`Engine`] (one realm)
//! on the worker thread, evaluates the harness files the test needs, then the test, and
//! the outcome is judged against the test's expectation ([`super::verdict`]).

use super::discover::TestCase;
use super::frontmatter::{parse_metadata, Metadata};
use super::harness::HarnessCache;
use super::modes::{modes_under, Mode, Ses};
use super::outcome::{combine_modes, ModeResult, Outcome, TestResult};
use super::pool::run_in_pool;
use super::progress::Progress;
use super::runner::{error_position, not_run, read_test};
use super::unsupported::{
    disabled_feature, unsupported_execution_feature, unsupported_feature, unsupported_flag,
};
use super::verdict::{
    judge_evaluation, judge_parse_error, judge_parsed, judge_resolution, Expectation,
};
use crate::cli::limits::LimitArgs;
use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::catch_panic;
use compartments::spec::module_semantics::ModuleLoader;
use compartments::spec::resource_limits::Termination;
use compartments::syntax::{parse, Features};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long one mode of a test may run (its harness files, the test, then its promise
/// jobs) before it fails with "timeout". The deadline is checked at every call and
/// construct, on every loop iteration and between jobs (`Agent::check_limits`).
pub const TEST_TIME_LIMIT: Duration = Duration::from_secs(30);

/// The engine every test runs in: with `$262`, and `print` captured for `async` tests.
pub fn test_engine_options() -> EngineOptions {
    EngineOptions {
        test262: true,
        capture_print: true,
        features: Features::all(),
    }
}

/// What [`EngineSetup::prepare`] calls with each mode's engine.
pub type PrepareEngine = dyn Fn(&mut Engine, Mode);

/// How each mode's engine is set up, beyond what every test gets (`$262`, captured
/// `print`, the time limit, the harness files). test262 runs use [`EngineSetup::test262`];
/// the conformance suite (`tests/conformance.rs`) gives the Compartments host and an event
/// sink.
pub struct EngineSetup<'a> {
    /// Makes the module host of one mode's engine (a fresh host per mode, as the engine
    /// is).
    pub module_loader: &'a dyn Fn() -> Rc<dyn ModuleLoader>,
    /// Called with each mode's engine once it is created, before the harness files run
    /// (e.g. to install an event sink).
    pub prepare: Option<&'a PrepareEngine>,
    /// `--time-limit` (default [`TEST_TIME_LIMIT`]) and `--heap-limit`, per mode.
    pub limits: LimitArgs,
    /// Lockdown first, and a compartment for the harness files and the test
    /// (`--lockdown`, `--compartment`).
    pub ses: Ses,
    /// The proposals the engine runs with (`--feature`): a test that needs another is
    /// skipped.
    pub features: Features,
}

/// test262's module host: `FileModuleHost::for_test262()`.
fn test262_module_loader() -> Rc<dyn ModuleLoader> {
    Rc::new(FileModuleHost::for_test262())
}

impl EngineSetup<'static> {
    /// What test262 runs get: the file-system host with `<module source>`
    /// ([`FileModuleHost::for_test262`]), nothing else.
    pub fn test262() -> EngineSetup<'static> {
        EngineSetup {
            module_loader: &test262_module_loader,
            prepare: None,
            limits: LimitArgs::default(),
            ses: Ses::Off,
            features: Features::all(),
        }
    }

    /// [`EngineSetup::test262`] under `ses`, with the proposals in `features`.
    pub fn test262_under(ses: Ses, features: Features) -> EngineSetup<'static> {
        EngineSetup {
            ses,
            features,
            ..EngineSetup::test262()
        }
    }
}

impl EngineSetup<'_> {
    /// The same set-up under `limits`.
    pub fn with_limits(self, limits: LimitArgs) -> Self {
        EngineSetup { limits, ..self }
    }

    /// The verdict on a mode that a limit ended, if one did.
    fn limit_outcome(&self, engine: &Engine) -> Option<Outcome> {
        let termination = engine.termination()?;
        let (message, _) = self.limits.report(termination, Some(TEST_TIME_LIMIT));
        let message = message.trim_start_matches("compartments: ");
        Some(Outcome::Fail(match termination {
            Termination::TimeLimit => format!("timeout: {message}"),
            _ => message.to_string(),
        }))
    }
}

/// The test being run: its file, text, metadata and what it expects.
struct Test<'a> {
    /// The test file (module tests are loaded from it, and resolve their imports — the
    /// `_FIXTURE.js` files — against its directory).
    path: &'a Path,
    text: &'a str,
    meta: &'a Metadata,
    expected: &'a Expectation,
    setup: &'a EngineSetup<'a>,
}

/// Runs one mode: parse the mode's text; unless that decides the verdict, evaluate the
/// test's harness files then the test in a fresh engine, run the promise jobs until none
/// is left, and judge the completion (an exception thrown out of a job counts as
/// uncaught). Promises rejected with no handler do not matter (test262 does not ask for
/// them to be reported).
fn run_mode(test: &Test, mode: Mode, harness: &HarnessCache) -> Outcome {
    let Test {
        path,
        text,
        meta,
        expected,
        setup,
    } = *test;
    let source: Arc<str> = Arc::from(mode.source(text));
    let program = match parse(&source, mode.options().with_features(setup.features)) {
        Ok(program) => program,
        Err(error) => {
            let position = error_position(text, mode, error.span.start as usize);
            return judge_parse_error(expected, &position, &error.message);
        }
    };
    if let Some(outcome) = judge_parsed(expected) {
        return outcome;
    }
    // Loaded only now: a test decided at parse time needs no harness.
    let scripts = match harness.scripts_for(meta) {
        Ok(scripts) => scripts,
        Err(error) => return Outcome::Fail(error),
    };
    let mut engine = Engine::new(EngineOptions {
        features: setup.features,
        ..test_engine_options()
    });
    if let Err(error) = setup.limits.apply(&mut engine, Some(TEST_TIME_LIMIT)) {
        return Outcome::Fail(error);
    }
    if let Some(prepare) = setup.prepare {
        prepare(&mut engine, mode);
    }
    // Module tests, and scripts that call import(), load the `_FIXTURE.js` files next to
    // the test: the file-system host resolves against the importing file's directory.
    engine.set_module_loader((setup.module_loader)());
    // --lockdown --compartment: the harness files run in the compartment, made after
    // lockdown; --lockdown: they run before it, as XS's `xst -l` runs them.
    if setup.ses == Ses::LockdownCompartment {
        if let Err(outcome) =
            lockdown(&mut engine).and_then(|()| enter_compartment(&mut engine, path))
        {
            return outcome;
        }
    }
    for script in &scripts {
        if let Err(uncaught) = engine.evaluate_script(script) {
            if let Some(outcome) = setup.limit_outcome(&engine) {
                return outcome;
            }
            return Outcome::Fail(format!("{} threw: {}", script.name, uncaught.report));
        }
    }
    if setup.ses == Ses::Lockdown {
        if let Err(outcome) = lockdown(&mut engine) {
            return outcome;
        }
    }
    if mode == Mode::Module {
        return run_module(&mut engine, path, expected, setup);
    }
    // Named by its path, so that import() resolves against the test's directory.
    let script = ScriptSource {
        name: path.display().to_string(),
        text: source,
        program: Arc::new(program),
    };
    let completion = engine
        .evaluate_script(&script)
        .and_then(|()| engine.run_jobs());
    if let Some(outcome) = setup.limit_outcome(&engine) {
        return outcome;
    }
    let printed = engine.take_printed();
    judge_evaluation(expected, completion, &printed)
}

/// `--lockdown`: lockdown() (default options) in the start realm.
fn lockdown(engine: &mut Engine) -> Result<(), Outcome> {
    engine
        .lockdown()
        .map_err(|uncaught| Outcome::Fail(format!("lockdown() threw: {}", uncaught.report)))
}

/// `--compartment`: a new compartment (with the host's globals, a `$262` of its own, and
/// the test file as the base of script code's relative imports) that the harness files
/// and the test then run in.
fn enter_compartment(engine: &mut Engine, path: &Path) -> Result<(), Outcome> {
    engine
        .enter_compartment(&path.display().to_string())
        .map_err(|uncaught| {
            Outcome::Fail(format!("new Compartment(...) threw: {}", uncaught.report))
        })
}

/// Runs a `module` test: the file is the entry module of a file-system module host (its
/// imports, the `_FIXTURE.js` files, resolve against its directory); loading and linking
/// are the resolution phase, evaluation (its promise, once the jobs have run) the runtime
/// phase.
fn run_module(
    engine: &mut Engine,
    path: &Path,
    expected: &Expectation,
    setup: &EngineSetup,
) -> Outcome {
    let specifier = path.display().to_string();
    let promise = match engine.evaluate_module(&specifier) {
        Ok(promise) => promise,
        Err(uncaught) => {
            if let Some(outcome) = setup.limit_outcome(engine) {
                return outcome;
            }
            return judge_resolution(expected, Err(uncaught));
        }
    };
    if let Expectation::ResolutionError(_) = expected {
        return judge_resolution(expected, Ok(()));
    }
    let completion = engine
        .run_jobs()
        .and_then(|()| engine.module_result(&promise));
    if let Some(outcome) = setup.limit_outcome(engine) {
        return outcome;
    }
    let printed = engine.take_printed();
    judge_evaluation(expected, completion, &printed)
}

/// Runs the test `name` whose text is `text` in every mode its flags ask for: its outcome
/// and each mode's. A panic in a mode is that mode's [`Outcome::Panic`]. Parsing and
/// evaluation are recursive: call it on a thread with a big stack.
pub fn execute_source(
    name: &str,
    text: &str,
    harness: &HarnessCache,
) -> (Outcome, Vec<ModeResult>) {
    execute_source_at(Path::new(name), text, harness, Ses::Off, Features::all())
}

/// [`execute_source`] for the test file at `path`, under `ses`, with the proposals in
/// `features`.
pub fn execute_source_at(
    path: &Path,
    text: &str,
    harness: &HarnessCache,
    ses: Ses,
    features: Features,
) -> (Outcome, Vec<ModeResult>) {
    execute_source_with(
        path,
        text,
        harness,
        &EngineSetup::test262_under(ses, features),
    )
}

/// [`execute_source_at`] with each mode's engine set up as `setup` says: the same
/// metadata, modes, harness files and verdicts as a test262 run.
pub fn execute_source_with(
    path: &Path,
    text: &str,
    harness: &HarnessCache,
    setup: &EngineSetup,
) -> (Outcome, Vec<ModeResult>) {
    let meta = match parse_metadata(text) {
        Ok(meta) => meta,
        Err(error) => return not_run(Outcome::Fail(error)),
    };
    if let Some((feature, reason)) = unsupported_feature(&meta.features) {
        return not_run(Outcome::Skip(format!(
            "unsupported feature {feature}: {reason}"
        )));
    }
    if let Some((feature, reason)) = unsupported_execution_feature(&meta.features) {
        return not_run(Outcome::Skip(format!(
            "unsupported feature {feature}: {reason}"
        )));
    }
    if let Some((flag, reason)) = unsupported_flag(&meta.flags) {
        return not_run(Outcome::Skip(format!("flag {flag}: {reason}")));
    }
    if let Some(why) = disabled_feature(&meta.features, setup.features) {
        return not_run(Outcome::Skip(why));
    }
    let expected = match Expectation::of(&meta) {
        Ok(expected) => expected,
        Err(error) => return not_run(Outcome::Fail(error)),
    };
    let test = Test {
        path,
        text,
        meta: &meta,
        expected: &expected,
        setup,
    };
    let modes = match modes_under(&meta, setup.ses) {
        Ok(modes) => modes,
        Err(reason) => return not_run(Outcome::Skip(reason.to_string())),
    };
    let modes: Vec<ModeResult> = modes
        .into_iter()
        .map(|mode| {
            let outcome = catch_panic(|| run_mode(&test, mode, harness))
                .unwrap_or_else(|panic| Outcome::Panic(format!("panicked: {panic}")));
            ModeResult { mode, outcome }
        })
        .collect();
    (combine_modes(&modes), modes)
}

/// Reads and executes one test under `ses` and `limits`, with the proposals in `features`.
pub fn execute_test(
    case: &TestCase,
    harness: &HarnessCache,
    ses: Ses,
    features: Features,
    limits: &LimitArgs,
) -> TestResult {
    let setup = EngineSetup::test262_under(ses, features).with_limits(*limits);
    let (outcome, modes) = match read_test(&case.path) {
        Ok(text) => execute_source_with(&case.path, &text, harness, &setup),
        Err(error) => not_run(Outcome::Fail(error)),
    };
    TestResult {
        name: case.name.clone(),
        path: case.path.clone(),
        outcome,
        modes,
    }
}

/// Executes `cases` under `ses` in parallel on `threads` worker threads (one per core when
/// `None`), sharing `harness`, counting finished tests on `progress`, each mode under
/// `limits`. The results are in the order of `cases`. Fails only when the thread pool
/// cannot be built.
pub fn run_tests(
    cases: &[TestCase],
    harness: &HarnessCache,
    threads: Option<usize>,
    progress: &Progress,
    ses: Ses,
    features: Features,
    limits: &LimitArgs,
) -> Result<Vec<TestResult>, String> {
    run_in_pool(cases, threads, progress, |case| {
        execute_test(case, harness, ses, features, limits)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Outcome, Vec<ModeResult>) {
        execute_source("test/x.js", text, &HarnessCache::new(None))
    }

    #[test]
    fn unsupported_features_are_skipped_with_their_reason() {
        let (outcome, _) = run("/*---\nfeatures: [decorators]\n---*/\n");
        assert!(matches!(outcome, Outcome::Skip(ref why) if why.contains("decorators")));
    }

    #[test]
    fn a_parse_negative_needs_no_harness_and_passes_in_every_mode() {
        // No harness directory: loading a harness file would fail the test.
        let text = "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n\
                    $DONOTEVALUATE();\nvar 1;\n";
        let (outcome, modes) = run(text);
        assert_eq!(outcome, Outcome::Pass);
        let modes: Vec<Mode> = modes.iter().map(|m| m.mode).collect();
        assert_eq!(modes, [Mode::Sloppy, Mode::Strict]);
    }

    #[test]
    fn a_missing_harness_fails_each_mode_naming_the_file() {
        let (outcome, modes) = run("/*---\nincludes: [compareArray.js]\n---*/\n");
        match outcome {
            Outcome::Fail(why) => assert!(why.starts_with("sloppy: harness/assert.js:"), "{why}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(modes.len(), 2);
    }

    #[test]
    fn bad_metadata_or_phase_fails_without_running() {
        let (outcome, modes) = run("/*---\nflags: [\n---*/");
        assert!(matches!(outcome, Outcome::Fail(ref why) if why.contains("frontmatter")));
        assert!(modes.is_empty());
        let (outcome, _) = run("/*---\nnegative:\n  phase: later\n  type: TypeError\n---*/");
        assert!(matches!(outcome, Outcome::Fail(ref why) if why.contains("`later`")));
    }

    #[test]
    fn each_mode_is_judged_and_named() {
        // A parse error is located in the test's own text.
        let text = "/*---\nflags: [raw]\n---*/\nvar 1;\n";
        let (outcome, _) = run(text);
        match outcome {
            Outcome::Fail(why) => {
                assert!(
                    why.starts_with("raw: unexpected SyntaxError at 4:5"),
                    "{why}"
                )
            }
            other => panic!("{other:?}"),
        }
        let text = "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\nwith (a) {}\n";
        let harness = HarnessCache::new(None);
        let (outcome, modes) = execute_source("w.js", text, &harness);
        // Sloppy: `with` parses, so the parse-negative fails; strict: it does not parse.
        assert_eq!(modes.len(), 2);
        assert_eq!(modes[1].outcome, Outcome::Pass);
        assert!(modes[0].outcome.is_failure());
        assert!(matches!(outcome, Outcome::Fail(ref why) if why.starts_with("sloppy: parsed")));
    }

    /// A harness directory with empty assert.js and sta.js and a doneprintHandle.js whose
    /// `$DONE` prints what the real one prints.
    fn async_harness() -> HarnessCache {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "compartments-async-harness-{}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        for (name, text) in [
            ("assert.js", ""),
            ("sta.js", ""),
            (
                "doneprintHandle.js",
                "function $DONE(error) {
                   if (error) { print('Test262:AsyncTestFailure:' + error); }
                   else { print('Test262:AsyncTestComplete'); }
                 }",
            ),
        ] {
            std::fs::write(dir.join(name), text).expect("a harness file");
        }
        HarnessCache::new(Some(dir))
    }

    #[test]
    fn async_tests_are_judged_after_their_jobs_run() {
        let harness = async_harness();
        let run = |body: &str| {
            let text = format!("/*---\nflags: [async]\n---*/\n{body}");
            execute_source("test/a.js", &text, &harness).0
        };
        // $DONE is only called from a job: the queue must be drained.
        assert_eq!(
            run("Promise.resolve().then(function () { $DONE(); });"),
            Outcome::Pass
        );
        let never = run("Promise.resolve();");
        assert!(
            matches!(never, Outcome::Fail(ref why) if why.contains("without printing")),
            "{never:?}"
        );
        let failed = run("Promise.reject(new Error('x')).then(function () { $DONE(); }, $DONE);");
        assert!(
            matches!(failed, Outcome::Fail(ref why) if why.contains("AsyncTestFailure:Error: x")),
            "{failed:?}"
        );
    }

    #[test]
    fn an_exception_out_of_a_job_fails_a_test_and_an_unhandled_rejection_does_not() {
        let harness = async_harness();
        let run = |body: &str| {
            let text = format!("/*---\nflags: [onlyStrict]\n---*/\n{body}");
            execute_source("test/j.js", &text, &harness).0
        };
        assert_eq!(run("Promise.reject(new Error('ignored'));"), Outcome::Pass);
        let thrown = run("var p = Promise.resolve(1);
             p.constructor = {};
             p.constructor[Symbol.species] = function (executor) {
               executor(function () { throw new Error('from a job'); }, function () {});
             };
             p.then(function () {});");
        assert!(
            matches!(thrown, Outcome::Fail(ref why) if why.contains("Uncaught Error: from a job")),
            "{thrown:?}"
        );
    }

    #[test]
    fn unreadable_tests_fail() {
        let case = TestCase {
            path: "/nonexistent/compartments/t.js".into(),
            name: "t.js".into(),
        };
        let result = execute_test(
            &case,
            &HarnessCache::new(None),
            Ses::Off,
            Features::all(),
            &LimitArgs::default(),
        );
        assert!(result.outcome.is_failure());
        assert!(result.modes.is_empty());
    }
}
