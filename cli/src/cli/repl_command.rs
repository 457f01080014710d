//! `compartments repl` (and `compartments` with no command): the read-eval-print loop.
//!
//! Each input is a Script evaluated in one realm (or, in module mode, a module), its value
//! echoed as node's inspector shows it; input whose parse ended early continues on the next
//! line. An uncaught exception, a SyntaxError, a line that is not UTF-8 or an unknown
//! command is reported and the session goes on; it ends at the end of the input, Ctrl+D
//! or `.exit`. `import()` (and, in module mode, `import` declarations) load files relative
//! to the current directory. See `.help`.

use super::limits::LimitArgs;
use super::repl_input::{stdin_source, Input, LineSource};
use super::{EXIT_INTERNAL_ERROR, EXIT_USAGE};
use clap::Args;
use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::{catch_panic, on_big_stack};
use compartments::spec::resource_limits::Termination;
use compartments::syntax::{parse, Goal, ParseOptions, SyntaxError};
use std::cell::Cell;
use std::io::{self, Write};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;

/// The REPL's options (its own struct, so that other option groups can be flattened into
/// it).
#[derive(Debug, Default, Args)]
pub struct ReplArgs {
    /// Start in module mode (as `.module on`): each input is a module.
    #[arg(long)]
    pub module: bool,
    /// Start with `.trace on`: each executed spec step is printed to stderr.
    #[arg(long)]
    pub trace: bool,
    /// Start with `.events on`: the module event log is printed to stdout.
    #[arg(long)]
    pub events: bool,
    #[command(flatten)]
    pub features: super::FeatureArgs,
    /// (`--time-limit`: for each input, its evaluation and jobs; `--heap-limit`: the
    /// session's heap growth. Either one, when hit, ends the session with its exit status.)
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// What `.help` prints.
pub const REPL_HELP: &str = "\
.break            Abandon the input being typed over several lines (as Ctrl+C)
.events on|off    Print the module event log to stdout, one JSON line per event (as run --events)
.exit             End the session (as Ctrl+D)
.help             Print this help
.load FILE        Evaluate FILE as if typed (a Script; in module mode, a module whose imports are
                  relative to FILE)
.module [on|off]  Module mode (no argument: switch): each input is a module, with import
                  declarations (relative to the current directory) and top-level await; its
                  declarations stay in it (assign to globalThis to keep a value)
.trace on|off     Print each executed spec step to stderr (as run --trace)

Input whose parse ends early (an open bracket, a trailing operator) continues on the next
line, shown by '... '. import() loads files relative to the current directory. A value is
shown as node's util.inspect shows it (depth 2), an error as `Uncaught ...` on stderr.";

/// Runs the REPL on stdin: a line editor with history on a terminal, else plain lines
/// (no prompt). Exit status 0 at the end of the input or `.exit`, 101 if the interpreter
/// panicked on an input (the session went on), 2 when an option cannot be honoured, 3 or 4
/// when `--time-limit` or `--heap-limit` ended the session.
pub fn repl(args: &ReplArgs) -> ExitCode {
    if args.trace && !compartments::trace::MARKERS_COMPILED_IN {
        eprintln!("error: --trace: this build has the spec-step markers compiled out (feature no-trace-markers)");
        return ExitCode::from(EXIT_USAGE);
    }
    let result = on_big_stack(|| {
        let mut source = stdin_source();
        session(source.as_mut(), args)
    });
    match result {
        Ok(Err(usage)) => {
            eprintln!("{usage}");
            ExitCode::from(EXIT_USAGE)
        }
        // The reader of stdout went away (`| head`): end quietly, as `run` does.
        Ok(Ok((_, Some(Termination::OutputFailed(io::ErrorKind::BrokenPipe))))) => {
            ExitCode::SUCCESS
        }
        Ok(Ok((_, Some(termination)))) => {
            let (message, status) = args.limits.report(termination, None);
            eprintln!("{message}");
            ExitCode::from(status)
        }
        Ok(Ok((false, None))) => ExitCode::SUCCESS,
        Ok(Ok((true, None))) => ExitCode::from(EXIT_INTERNAL_ERROR),
        Err(panic) => {
            eprintln!("internal error: the REPL panicked (a bug): {panic}");
            ExitCode::from(EXIT_INTERNAL_ERROR)
        }
    }
}

/// The session over `source`: whether the interpreter panicked on some input, and the
/// limit that ended it, if one did (an error when the limits cannot be set).
fn session(
    source: &mut dyn LineSource,
    args: &ReplArgs,
) -> Result<(bool, Option<Termination>), String> {
    let mut session = Session::new(args.features.features(), args.limits)?;
    if args.trace {
        session.command(".trace on");
    }
    if args.events {
        session.command(".events on");
    }
    if args.module {
        session.command(".module on");
    }
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { "> " } else { "... " };
        let line = match source.read_line(prompt) {
            Input::Line(line) => line,
            Input::Interrupted => {
                if buffer.is_empty() {
                    println!("(To exit, press Ctrl+D or type .exit)");
                }
                buffer.clear();
                continue;
            }
            Input::End => break,
            Input::Invalid(why) => {
                let dropped = if buffer.is_empty() {
                    "it was skipped"
                } else {
                    "the input it belonged to was dropped"
                };
                eprintln!("error: {why}; {dropped}");
                buffer.clear();
                continue;
            }
        };
        if is_command(&line, buffer.is_empty()) {
            source.add_history(line.trim());
            if line.trim() == ".break" {
                buffer.clear();
                continue;
            }
            if session.command(&line) == Flow::Exit {
                break;
            }
            continue;
        }
        if buffer.is_empty() && line.trim().is_empty() {
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        if session.is_incomplete(&buffer) {
            continue;
        }
        source.add_history(buffer.trim_end());
        let input = std::mem::take(&mut buffer);
        session.evaluate_input(&input);
        if session.engine.termination().is_some() {
            break;
        }
    }
    // Input that was still open at the end: its SyntaxError.
    if !buffer.is_empty() && session.engine.termination().is_none() {
        session.evaluate_input(&buffer);
    }
    Ok((session.panicked, session.engine.termination()))
}

/// Whether `line` is a REPL command: `.` and a known keyword, or, when no input is open,
/// `.` and any word (an unknown one is reported). `.5` stays a number.
fn is_command(line: &str, fresh: bool) -> bool {
    let line = line.trim();
    let Some(word) = line.strip_prefix('.') else {
        return false;
    };
    let keyword: String = word
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if keyword.is_empty() {
        return false;
    }
    let rest = &word[keyword.len()..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return false;
    }
    fresh
        || matches!(
            keyword.as_str(),
            "break" | "events" | "exit" | "help" | "load" | "module" | "trace"
        )
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

struct Session {
    engine: Engine,
    module_mode: bool,
    /// Whether events are printed, once a sink is installed.
    events: Option<Rc<Cell<bool>>>,
    /// Inputs evaluated so far: input N is named `<repl:N>`.
    inputs: usize,
    panicked: bool,
    /// `--time-limit`: how long each input may run.
    time_limit: Option<std::time::Duration>,
}

impl Session {
    fn new(features: compartments::syntax::Features, limits: LimitArgs) -> Result<Session, String> {
        let mut engine = Engine::new(EngineOptions {
            features,
            ..EngineOptions::default()
        });
        // The heap limit counts from here; the time limit is set again for each input.
        limits.apply(&mut engine, None)?;
        engine.set_module_loader(Rc::new(FileModuleHost::with_module_sources()));
        Ok(Session {
            engine,
            time_limit: limits.time_limit,
            module_mode: false,
            events: None,
            inputs: 0,
            panicked: false,
        })
    }

    fn goal(&self) -> ParseOptions {
        self.engine.parse_options(if self.module_mode {
            ParseOptions::module()
        } else {
            ParseOptions::script()
        })
    }

    /// Whether `text` fails to parse only because it ended early, so that more lines may
    /// complete it: the error is at its end, or it is an unterminated comment or template.
    fn is_incomplete(&self, text: &str) -> bool {
        // (A parser panic, a bug, is reported when the input is evaluated.)
        match catch_panic(|| parse(text, self.goal())) {
            Ok(Err(error)) => ends_early(&error, text),
            Ok(Ok(_)) | Err(_) => false,
        }
    }

    /// Evaluates one complete input as the next `<repl:N>`.
    fn evaluate_input(&mut self, text: &str) {
        self.inputs += 1;
        let name = format!("<repl:{}>", self.inputs);
        self.evaluate(&name, text);
    }

    /// Evaluates `text` named `name` in the current mode, echoes its value (Script) or
    /// reports its error, then runs the jobs it queued and reports rejections no handler
    /// took. A panic of the interpreter is reported and the session goes on.
    fn evaluate(&mut self, name: &str, text: &str) {
        let module_mode = self.module_mode;
        if self.time_limit.is_some() {
            self.engine.set_time_limit(self.time_limit);
        }
        let engine = &mut self.engine;
        let outcome = catch_panic(|| {
            if module_mode {
                evaluate_module(engine, name, text);
            } else {
                evaluate_script(engine, name, text);
            }
            // The input's promise jobs run before the next prompt; an exception thrown out
            // of one is reported and the rest still run.
            // (Once a limit has ended the session, every job would throw again.)
            while engine.termination().is_none() {
                match engine.run_jobs() {
                    Ok(()) => break,
                    Err(uncaught) => report_uncaught(engine, &uncaught.report),
                }
            }
            if engine.termination().is_some() {
                return;
            }
            for rejection in engine.take_unhandled_rejections() {
                eprintln!("{}", rejection.report);
            }
        });
        if let Err(panic) = outcome {
            self.panicked = true;
            eprintln!("internal error: the interpreter panicked (a bug; the session goes on, but its state may be damaged): {panic}");
        }
        let _ = io::stdout().flush();
    }

    /// A `.` command; its argument errors are reported and the session goes on.
    fn command(&mut self, line: &str) -> Flow {
        let line = line.trim();
        let (keyword, argument) = match line.split_once(char::is_whitespace) {
            Some((keyword, argument)) => (keyword, argument.trim()),
            None => (line, ""),
        };
        match (keyword, argument) {
            (".exit", "") => return Flow::Exit,
            (".help", "") => println!("{REPL_HELP}"),
            (".break", "") => {}
            (".module", "") => self.set_module_mode(!self.module_mode),
            (".module", "on") => self.set_module_mode(true),
            (".module", "off") => self.set_module_mode(false),
            (".trace", "on" | "off") => {
                if compartments::trace::MARKERS_COMPILED_IN {
                    compartments::trace::set_enabled(argument == "on");
                } else {
                    eprintln!("error: .trace: this build has the spec-step markers compiled out (feature no-trace-markers)");
                }
            }
            (".events", "on" | "off") => self.set_events(argument == "on"),
            (".load", file) if !file.is_empty() => match std::fs::read(file) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => self.evaluate(file, &text),
                    Err(error) => eprintln!(
                        "error: {file} is not UTF-8 (invalid byte at offset {})",
                        error.utf8_error().valid_up_to()
                    ),
                },
                Err(error) => eprintln!("error: cannot read {file}: {error}"),
            },
            (".module" | ".trace" | ".events" | ".load" | ".exit" | ".help" | ".break", _) => {
                let usage = match keyword {
                    ".module" => ".module [on|off]",
                    ".trace" => ".trace on|off",
                    ".events" => ".events on|off",
                    ".load" => ".load FILE",
                    other => other,
                };
                eprintln!("error: usage: {usage}");
            }
            _ => eprintln!("error: unknown REPL command {keyword}; .help lists them"),
        }
        let _ = io::stdout().flush();
        Flow::Continue
    }

    fn set_module_mode(&mut self, on: bool) {
        self.module_mode = on;
        if on {
            println!("module mode: each input is a module (import declarations, top-level await)");
        } else {
            println!("script mode: each input is a Script");
        }
    }

    fn set_events(&mut self, on: bool) {
        match &self.events {
            Some(printing) => printing.set(on),
            None if on => {
                let printing = Rc::new(Cell::new(true));
                let flag = printing.clone();
                self.engine.set_event_sink(Box::new(move |event| {
                    if flag.get() {
                        println!("{}", event.to_json());
                    }
                }));
                self.events = Some(printing);
            }
            None => {}
        }
    }
}

/// Whether a parse error means the text ended early: it is at the end of the text (only
/// whitespace after it), or it is an unterminated multi-line comment or template literal.
fn ends_early(error: &SyntaxError, text: &str) -> bool {
    let at = (error.span.start as usize).min(text.len());
    if text.get(at..).is_some_and(|rest| rest.trim().is_empty()) {
        return true;
    }
    if error.message.starts_with("unterminated comment") {
        return true;
    }
    // A template literal left open: the error is at its backquote, with no other after it.
    text.get(at..)
        .is_some_and(|rest| rest.starts_with('`') && !rest[1..].contains('`'))
}

/// A Script input: its completion value, or its SyntaxError or uncaught exception.
fn evaluate_script(engine: &mut Engine, name: &str, text: &str) {
    let program = match parse(text, engine.parse_options(ParseOptions::script())) {
        Ok(program) => program,
        Err(error) => {
            eprint!("{}", error.render(name, text));
            return;
        }
    };
    debug_assert!(matches!(program.goal, Goal::Script));
    let source = ScriptSource {
        name: name.to_string(),
        text: Arc::from(text),
        program: Arc::new(program),
    };
    match engine.evaluate_script_value(&source) {
        Ok(value) => println!("{}", engine.display(&value)),
        Err(uncaught) => report_uncaught(engine, &uncaught.report),
    }
}

/// An uncaught exception's report, unless a limit ended the session (the session's end
/// says so instead).
fn report_uncaught(engine: &Engine, report: &str) {
    if engine.termination().is_none() {
        eprintln!("{report}");
    }
}

/// A module input: loaded (its imports relative to `name`'s directory: the current
/// directory for `<repl:N>`), linked and evaluated; its jobs run until its evaluation
/// settles or none is left (an error is reported; a top-level await still waiting is
/// said to be).
fn evaluate_module(engine: &mut Engine, name: &str, text: &str) {
    let promise = match engine.evaluate_module_text(name, text) {
        Ok(promise) => promise,
        Err(uncaught) => {
            report_uncaught(engine, &uncaught.report);
            return;
        }
    };
    while engine.termination().is_none() {
        match engine.run_jobs() {
            Ok(()) => break,
            Err(uncaught) => report_uncaught(engine, &uncaught.report),
        }
    }
    if engine.termination().is_some() {
        return;
    }
    if let Err(uncaught) = engine.module_result(&promise) {
        eprintln!("{}", uncaught.report);
    } else if engine.is_pending(&promise) {
        eprintln!(
            "Warning: the top-level await of {name} has not settled and no job is left to run; \
             it goes on if a later input settles what it waits for"
        );
    }
}
