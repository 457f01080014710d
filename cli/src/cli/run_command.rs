//! `compartments run FILE` and, with no command, the REPL.

use super::{RunArgs, EXIT_INTERNAL_ERROR, EXIT_USAGE};
use compartments::host::engine::{Engine, EngineOptions, ScriptSource, Uncaught};
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::on_big_stack;
use compartments::spec::resource_limits::Termination;
use compartments::syntax::parse_script;
use std::fs;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;

/// Runs FILE as a Script, then its promise jobs until none is left: exit 0; or a
/// SyntaxError / `Uncaught ...` report on stderr and exit 1 (an exception thrown out of
/// the script or a job ends the run, as in node); 2 when the file cannot be read. When the
/// jobs are done, every promise rejected with no handler is reported (`Uncaught (in
/// promise) ...`) and the exit code is 1. A run that `--time-limit` or `--heap-limit`
/// ended says so and exits 3 or 4 (limits.rs); when stdout is closed (`| head`) the run
/// ends quietly with exit 0, when it cannot be written (a full disk) with a message and 1.
pub fn run_file(args: &RunArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let text = match fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {name}: {error}");
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
    let events = args.events;
    let limits = args.limits;
    let result = on_big_stack(
        || -> Result<(Result<(), String>, Option<Termination>), String> {
            let mut engine = Engine::new(EngineOptions::default());
            // From here on: the limits count the parse too.
            limits.apply(&mut engine, None)?;
            if events {
                print_events(&mut engine);
            }
            let outcome = if args.module {
                run_module(&mut engine, &name)
            } else {
                run_script(&mut engine, &name, &text)
            };
            Ok((outcome, engine.termination()))
        },
    );
    let _ = io::stdout().flush();
    match result {
        Ok(Err(usage)) => {
            let _ = writeln!(io::stderr(), "{usage}");
            ExitCode::from(EXIT_USAGE)
        }
        Ok(Ok((_, Some(Termination::OutputFailed(io::ErrorKind::BrokenPipe))))) => {
            // The reader wanted no more (`| head`): end quietly, as other command-line
            // tools do.
            ExitCode::SUCCESS
        }
        Ok(Ok((_, Some(termination)))) => {
            let (message, status) = limits.report(termination, None);
            let _ = writeln!(io::stderr(), "{message}");
            ExitCode::from(status)
        }
        Ok(Ok((Ok(()), None))) => ExitCode::SUCCESS,
        Ok(Ok((Err(message), None))) => {
            let _ = write!(io::stderr(), "{message}");
            ExitCode::FAILURE
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

/// Parses and evaluates the script `name` (a SyntaxError is the report), then drains the
/// jobs and reports unhandled rejections.
fn run_script(engine: &mut Engine, name: &str, text: &str) -> Result<(), String> {
    let program = match parse_script(text) {
        Ok(program) => program,
        Err(error) => return Err(error.render(name, text)),
    };
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
/// reports unhandled rejections as for a script.
fn run_module(engine: &mut Engine, name: &str) -> Result<(), String> {
    engine.set_module_loader(std::rc::Rc::new(FileModuleHost::with_module_sources()));
    let promise = engine.evaluate_module(name).map_err(report)?;
    engine.run_jobs().map_err(report)?;
    engine.module_result(&promise).map_err(report)?;
    unhandled_rejections(engine)
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
fn report(uncaught: Uncaught) -> String {
    format!("{}\n", uncaught.report)
}

/// Once the jobs are done: the reports of the promises still rejected with no handler.
fn unhandled_rejections(engine: &mut Engine) -> Result<(), String> {
    let rejections = engine.take_unhandled_rejections();
    if rejections.is_empty() {
        Ok(())
    } else {
        Err(rejections.into_iter().map(report).collect())
    }
}

/// The REPL: each line read from stdin is a Script evaluated in one realm; its completion
/// value is echoed, an uncaught exception is reported and the session goes on. After each
/// line the promise jobs run and promises rejected with no handler are reported.
pub fn repl() -> ExitCode {
    let result = on_big_stack(|| {
        let mut engine = Engine::new(EngineOptions::default());
        let stdin = io::stdin();
        let mut line_number = 0;
        loop {
            print!("> ");
            let _ = io::stdout().flush();
            let mut line = String::new();
            match stdin.lock().read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            line_number += 1;
            let name = format!("<repl:{line_number}>");
            let program = match parse_script(&line) {
                Ok(program) => program,
                Err(error) => {
                    eprint!("{}", error.render(&name, &line));
                    continue;
                }
            };
            let source = ScriptSource {
                name,
                text: Arc::from(line.as_str()),
                program: Arc::new(program),
            };
            match engine.evaluate_script_value(&source) {
                Ok(value) => println!("{}", engine.display(&value)),
                Err(uncaught) => eprintln!("{}", uncaught.report),
            }
            // The line's promise jobs run before the next prompt; an exception thrown out
            // of one is reported and the rest still run.
            while let Err(uncaught) = engine.run_jobs() {
                eprintln!("{}", uncaught.report);
            }
            for rejection in engine.take_unhandled_rejections() {
                eprintln!("{}", rejection.report);
            }
        }
        println!();
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(panic) => {
            eprintln!("internal error: the interpreter panicked (a bug): {panic}");
            ExitCode::from(EXIT_INTERNAL_ERROR)
        }
    }
}
