//! `compartments run FILE [-- ARG...]` (FILE `-`: stdin).

use super::{
    RunArgs, EXIT_INTERNAL_ERROR, EXIT_UNCAUGHT, EXIT_UNSETTLED_TOP_LEVEL_AWAIT, EXIT_USAGE,
};
use compartments::host::engine::{Engine, EngineOptions, ScriptSource, Uncaught};
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::on_big_stack;
use compartments::spec::resource_limits::Termination;
use compartments::syntax::{parse, ParseOptions};
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// How a run that did not succeed ends: the exit status and what goes to stderr.
struct Failure {
    status: u8,
    message: String,
}

impl From<String> for Failure {
    /// An uncaught exception's (or SyntaxError's) report: exit status 1.
    fn from(message: String) -> Failure {
        Failure {
            status: EXIT_UNCAUGHT,
            message,
        }
    }
}

/// The program text of `run`: FILE, or stdin for `-` (named `<stdin>`); an error message
/// when it cannot be read or is not UTF-8.
pub fn read_program(file: &Path) -> Result<(String, String), String> {
    let (name, bytes) = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read stdin: {error}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let name = file.display().to_string();
        let bytes = fs::read(file).map_err(|error| format!("cannot read {name}: {error}"))?;
        (name, bytes)
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(error) => Err(format!(
            "{name} is not UTF-8 (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        )),
    }
}

/// Runs FILE as a Script (after `lockdown()` with `--lockdown`), then its promise jobs
/// until none is left: exit 0; or a
/// SyntaxError / `Uncaught ...` report on stderr and exit 1 (an exception thrown out of
/// the script or a job ends the run, as in node); 2 when the file cannot be read. When the
/// jobs are done, every promise rejected with no handler is reported (`Uncaught (in
/// promise) ...`) and the exit code is 1; a module whose top-level await never settled is
/// reported and the exit code is 13, as node's. The global `scriptArgs` is [FILE, ARG...].
/// A run that `--time-limit` or `--heap-limit` ended says so and exits 3 or 4 (limits.rs);
/// when stdout is closed (`| head`) the run ends quietly with exit 0, when it cannot be
/// written (a full disk) with a message and 1.
pub fn run_file(args: &RunArgs) -> ExitCode {
    if let Some(report) = &args.report {
        return crate::report::run_with_report(
            &args.file,
            args.module,
            args.events,
            args.features.features(),
            report,
        );
    }
    let (name, text) = match read_program(&args.file) {
        Ok(program) => program,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if args.trace {
        if !compartments::trace::MARKERS_COMPILED_IN {
            eprintln!("error: --trace: this build has the spec-step markers compiled out (feature no-trace-markers)");
            return ExitCode::from(EXIT_USAGE);
        }
        // On before the realm exists, so that its creation is traced too.
        compartments::trace::set_enabled(true);
    }
    let mut script_args = vec![args.file.display().to_string()];
    script_args.extend(args.args.iter().cloned());
    let lockdown = args.lockdown;
    let limits = args.limits;
    let features = args.features.features();
    let result = on_big_stack(|| {
        let mut engine = Engine::new(EngineOptions {
            features,
            ..EngineOptions::default()
        });
        // From here on: the limits count the parse too.
        if let Err(message) = limits.apply(&mut engine, None) {
            return Err(Failure {
                status: EXIT_USAGE,
                message: format!("{message}\n"),
            });
        }
        let outcome = run_in(&mut engine, args, &name, &text, &script_args, lockdown);
        let _ = io::stdout().flush();
        match engine.termination() {
            None => outcome,
            // The reader wanted no more (`| head`): end quietly, as other command-line
            // tools do.
            Some(Termination::OutputFailed(io::ErrorKind::BrokenPipe)) => Ok(()),
            Some(termination) => {
                let (message, status) = limits.report(termination, None);
                Err(Failure {
                    status,
                    message: format!("{message}\n"),
                })
            }
        }
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => {
            let _ = io::stdout().flush();
            let _ = write!(io::stderr(), "{}", failure.message);
            ExitCode::from(failure.status)
        }
        Err(panic) => {
            let _ = writeln!(
                io::stderr(),
                "internal error: the interpreter panicked on {name} (a bug): {panic}"
            );
            ExitCode::from(EXIT_INTERNAL_ERROR)
        }
    }
}

/// The run in `engine` (its limits set): FILE's engine set up (module loader,
/// `scriptArgs`, `--events`, `--lockdown`), then the module or the script (parsed first:
/// a SyntaxError is reported before anything runs), its jobs and unhandled rejections.
fn run_in(
    engine: &mut Engine,
    args: &RunArgs,
    name: &str,
    text: &str,
    script_args: &[String],
    lockdown: bool,
) -> Result<(), Failure> {
    let set_up = |engine: &mut Engine| -> Result<(), Failure> {
        // import() in a script, and a module's imports: files relative to the importer.
        engine.set_module_loader(std::rc::Rc::new(FileModuleHost::with_module_sources()));
        let script_args_value = engine.string_array(script_args);
        engine.define_global("scriptArgs", script_args_value);
        if args.events {
            print_events(engine);
        }
        if lockdown {
            engine.lockdown().map_err(report)?;
        }
        Ok(())
    };
    if args.module {
        set_up(engine)?;
        let stdin = args.file.as_os_str() == "-";
        return run_module(engine, name, text, stdin);
    }
    let options = ParseOptions::script().with_features(args.features.features());
    let program = match parse(text, options) {
        Ok(program) => program,
        Err(error) => return Err(Failure::from(error.render(name, text))),
    };
    set_up(engine)?;
    let source = ScriptSource {
        name: name.to_string(),
        text: Arc::from(text),
        program: Arc::new(program),
    };
    engine.evaluate_script(&source).map_err(report)?;
    engine.run_jobs().map_err(report)?;
    unhandled_rejections(engine)
}

/// Evaluates the module `name` with the file-system module host (a load, link or parse
/// error, or the rejection of its evaluation, is the report), then drains the jobs and
/// reports unhandled rejections as for a script, and a top-level await that never settled.
/// From stdin, the module is `text` and its imports are resolved against the current
/// directory.
fn run_module(engine: &mut Engine, name: &str, text: &str, stdin: bool) -> Result<(), Failure> {
    let promise = if stdin {
        engine.evaluate_module_text(name, text)
    } else {
        engine.evaluate_module(name)
    }
    .map_err(report)?;
    engine.run_jobs().map_err(report)?;
    engine.module_result(&promise).map_err(report)?;
    let rejections = unhandled_rejections(engine);
    if engine.is_pending(&promise) {
        let mut message = rejections.err().map_or_else(String::new, |f| f.message);
        message.push_str(&unsettled_warning(name));
        return Err(Failure {
            status: EXIT_UNSETTLED_TOP_LEVEL_AWAIT,
            message,
        });
    }
    rejections
}

/// What `run --module` says of a module whose evaluation never finished.
pub fn unsettled_warning(name: &str) -> String {
    format!(
        "Warning: unsettled top-level await in {name}: its evaluation is still waiting and no \
         job is left to run\n"
    )
}

/// `--events`: each event as a JSON line on stdout, where `print` and `console.log` write
/// too, so the two stay in order.
fn print_events(engine: &mut Engine) {
    // A write error ends the run at the program's next `print` (which sees it too).
    engine.set_event_sink(Box::new(|event| {
        let _ = writeln!(io::stdout().lock(), "{}", event.to_json());
    }));
}

/// An uncaught exception's report, as one stderr block.
fn report(uncaught: Uncaught) -> Failure {
    Failure::from(format!("{}\n", uncaught.report))
}

/// Once the jobs are done: the reports of the promises still rejected with no handler.
fn unhandled_rejections(engine: &mut Engine) -> Result<(), Failure> {
    let rejections = engine.take_unhandled_rejections();
    if rejections.is_empty() {
        Ok(())
    } else {
        Err(Failure::from(
            rejections
                .into_iter()
                .map(|r| format!("{}\n", r.report))
                .collect::<String>(),
        ))
    }
}
