//! The `compartments` command line. Each subcommand lives in its own file under `cli/`.

mod conformance_command;
mod graph_command;
pub mod limits;
mod parse_command;
mod repl_command;
mod repl_input;
mod run_command;
mod test262_command;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub use conformance_command::{conformance, ConformanceArgs};
pub use graph_command::graph;
pub use parse_command::parse_file;
pub use repl_command::{repl, ReplArgs, REPL_HELP};
pub use run_command::run_file;
pub use test262_command::test262;

/// Exit status for an uncaught exception, a SyntaxError or an unhandled rejection (and
/// for tests that failed, for `parse` a file that does not parse).
pub const EXIT_UNCAUGHT: u8 = 1;
/// Exit status for a file that could not be read, or a command that cannot run as asked.
pub const EXIT_USAGE: u8 = 2;
/// Exit status of `run --module` when the module's top-level await never settled (as
/// node's).
pub const EXIT_UNSETTLED_TOP_LEVEL_AWAIT: u8 = 13;
/// Exit status when the interpreter panicked: always a bug.
pub const EXIT_INTERNAL_ERROR: u8 = 101;

/// The exit statuses, as `--help` lists them (the README's "Exit status" says the same).
pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0    success
  1    an uncaught exception, a SyntaxError or a promise rejected with no handler
       (test262: a test failed against expectations; parse: the file does not parse)
  2    usage error, or a file or stdin that cannot be read (or is not UTF-8)
  3    --time-limit: the time limit ended the run
  4    --heap-limit: the heap limit ended the run
  13   run --module: the module's top-level await never settled
  101  internal error: the interpreter panicked (a bug; please report it)";

#[derive(Debug, Parser)]
#[command(
    name = "compartments",
    version,
    about = "A spec-conformance reference interpreter for ECMAScript and TC39 Compartments",
    long_about = "A spec-conformance reference interpreter for ECMAScript and TC39 \
                  Compartments. With no command: the REPL (as `compartments repl`).",
    after_help = EXIT_STATUS_HELP
)]
pub struct Cli {
    /// With no command: the REPL (`compartments repl`).
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run FILE (`-`: stdin) as a Script, or a module; print(...) and console.log(...) write
    /// to stdout.
    #[command(after_help = EXIT_STATUS_HELP)]
    Run(RunArgs),
    /// The read-eval-print loop (also with no command): multi-line input, `.help` for its
    /// commands, history and line editing on a terminal.
    Repl(ReplArgs),
    /// Parse FILE; exit 0 if it parses, else print the SyntaxError and exit 1.
    Parse(ParseArgs),
    /// Run test262 tests: execute them (or only parse them, with --parse-only).
    Test262(Test262Args),
    /// Print the module graph of FILE in Graphviz DOT after a phase (load, link, evaluate).
    Graph(GraphArgs),
    /// Run the conformance corpus (conformance/) on ours and on other engines (XS, SES,
    /// node, a command) and report the differences.
    Conformance(ConformanceArgs),
}

/// `--feature`, shared by `run`, `repl`, `graph` and `test262`: the proposals the engine
/// runs with.
#[derive(Clone, Debug, Default, Args)]
pub struct FeatureArgs {
    /// The proposals to enable: source-phase-imports, import-defer, compartments (which
    /// brings source-phase-imports: SES's lockdown and harden come with it), all, or none
    /// (plain ECMAScript 2025: no ModuleSource, Module, Evaluators or Compartment globals,
    /// `import source`/`import.source`/`import defer`/`import.defer` are SyntaxErrors);
    /// repeatable or comma-separated. Default: all.
    #[arg(
        long = "feature",
        value_name = "FEATURE",
        value_delimiter = ',',
        value_parser = ["source-phase-imports", "import-defer", "compartments", "all", "none"]
    )]
    pub feature: Vec<String>,
}

impl FeatureArgs {
    /// The set the names make (all when none is given).
    pub fn features(&self) -> compartments::syntax::Features {
        compartments::syntax::Features::from_names(self.feature.iter().map(String::as_str))
            .expect("clap checked the feature names")
    }
}

/// The phase after which `compartments graph` draws the module graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphPhase {
    /// After LoadRequestedModules.
    Load,
    /// After Link().
    Link,
    /// After Evaluate() and the jobs it queued.
    Evaluate,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The module graph's entry (a module file; required, as in `run --module`).
    #[arg(long)]
    pub module: PathBuf,
    /// Draw the graph after this phase.
    #[arg(long, value_enum, default_value = "evaluate")]
    pub phase: GraphPhase,
    #[command(flatten)]
    pub features: FeatureArgs,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Print each executed spec step to stderr: clause number, algorithm, step number and
    /// the step's text (the algorithms transcribed in spec-steps/).
    #[arg(long)]
    pub trace: bool,
    /// Run FILE as a module: its imports are files resolved against the importing file's
    /// directory.
    #[arg(long)]
    pub module: bool,
    /// Print the module event log to stdout, one JSON object per line, in order with the
    /// program's own output: each module [[Status]] change (with [[DFSIndex]],
    /// [[DFSAncestorIndex]], [[AsyncEvaluationOrder]], [[PendingAsyncDependencies]],
    /// [[EvaluationError]]), each HostLoadImportedModule request and its result, and each
    /// settlement of a promise the module algorithms made.
    #[arg(long)]
    pub events: bool,
    /// Also write FILE.html, a self-contained page of the run: the spec-step trace as a
    /// collapsible tree with links to each clause, the event log as a timeline, the module
    /// graph (for small programs: every step is traced).
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Call SES's lockdown() (default options) before running FILE: the intrinsics are
    /// hardened, the function constructors reached through prototypes throw, and
    /// compartments get a Date and Math without the clock and randomness.
    #[arg(long)]
    pub lockdown: bool,
    #[command(flatten)]
    pub features: FeatureArgs,
    #[command(flatten)]
    pub limits: limits::LimitArgs,
    /// The script (or, with --module, module) file; `-` reads it from stdin (named
    /// `<stdin>`; a module's imports are then resolved against the current directory).
    pub file: PathBuf,
    /// Arguments for the program, after `--`: the global `scriptArgs` is the Array
    /// [FILE, ARG...] (as QuickJS's `scriptArgs`).
    #[arg(last = true, value_name = "ARG")]
    pub args: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Parse with the Module goal (default: Script).
    #[arg(long)]
    pub module: bool,
    /// The source file.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct Test262Args {
    /// Only parse each test, in the modes its flags ask for, and check the outcome against
    /// its `negative: {phase: parse}` expectation.
    #[arg(long)]
    pub parse_only: bool,
    /// The test262 checkout (default: the nearest ancestor of each PATH that holds
    /// harness/assert.js). Test names are paths relative to it.
    #[arg(long, value_name = "DIR")]
    pub test262_dir: Option<PathBuf>,
    /// A list of tests that passed before (one name per line); exit 1 if any fails now.
    #[arg(long, value_name = "FILE")]
    pub expected: Option<PathBuf>,
    /// Write the sorted names of the tests that pass to FILE.
    #[arg(long, value_name = "FILE")]
    pub update_expected: Option<PathBuf>,
    /// The tests expected to fail (one name per line, `#` comments). Exit 1 when a test
    /// fails that FILE does not list, or a listed test passes. Without it, an execution
    /// run exits 1 on any failure.
    #[arg(long, value_name = "FILE")]
    pub expect: Option<PathBuf>,
    /// Rewrite the --expect FILE from this run (created if missing): failures added,
    /// passes removed, tests not run kept.
    #[arg(long, requires = "expect")]
    pub update_expect: bool,
    /// Write every test's outcome (name, outcome, message, per-mode results) to FILE as
    /// a JSON array.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Print each failing test and why.
    #[arg(short, long)]
    pub verbose: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Leave out the tests whose names (relative to the test262 directory, as `--expect`
    /// lists them) start with PREFIX, e.g. `test/built-ins/RegExp/property-escapes/generated`;
    /// repeatable.
    #[arg(long, value_name = "PREFIX")]
    pub exclude: Vec<String>,
    #[command(flatten)]
    pub limits: limits::LimitArgs,
    /// Call SES's lockdown() (default options) in each test's fresh realm, before its
    /// harness files, as XS's `xst -l` modes: tests run in strict mode only (or as
    /// modules); non-strict-only tests are skipped (docs/test262-lockdown.md).
    #[arg(long, conflicts_with = "parse_only")]
    pub lockdown: bool,
    /// With --lockdown: run the harness files and the test in a new Compartment (its
    /// globals: print, console and a $262 of its own; module tests as modules of the
    /// compartment), as XS's `xst -lc` mode.
    #[arg(long, requires = "lockdown")]
    pub compartment: bool,
    // --feature: a test whose `features` need a proposal that is off is skipped, with the
    // reason.
    #[command(flatten)]
    pub features: FeatureArgs,
    /// Test files or directories (walked recursively; `*.js`, not `*_FIXTURE*`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Runs the command line `args` (program name first) and returns the exit status.
pub fn main_with_args<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and --version are "errors" that print to stdout and exit 0.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    match cli.command {
        Some(Command::Run(args)) => run_file(&args),
        Some(Command::Parse(args)) => parse_file(&args),
        Some(Command::Test262(args)) => test262(&args),
        Some(Command::Graph(args)) => graph(&args),
        Some(Command::Repl(args)) => repl(&args),
        Some(Command::Conformance(args)) => conformance(&args),
        None => repl(&ReplArgs::default()),
    }
}

/// The `compartments` binary's entry point.
pub fn main() -> ExitCode {
    // Panics caught per test (or per file) are reported with their location; the
    // default hook would print a backtrace for each one.
    compartments::host::stack::install_quiet_panic_hook();
    main_with_args(std::env::args_os())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn test262_parse_only_arguments() {
        let cli = Cli::try_parse_from([
            "compartments",
            "test262",
            "--parse-only",
            "--test262-dir",
            "t262",
            "--expected",
            "e.txt",
            "--update-expected",
            "u.txt",
            "-v",
            "a",
            "b.js",
        ])
        .unwrap();
        let Some(Command::Test262(args)) = cli.command else {
            panic!("not test262");
        };
        assert!(args.parse_only && args.verbose);
        assert_eq!(args.test262_dir, Some(PathBuf::from("t262")));
        assert_eq!(args.expected, Some(PathBuf::from("e.txt")));
        assert_eq!(args.update_expected, Some(PathBuf::from("u.txt")));
        assert_eq!(args.paths, [PathBuf::from("a"), PathBuf::from("b.js")]);
    }

    #[test]
    fn test262_execution_arguments() {
        let cli = Cli::try_parse_from([
            "compartments",
            "test262",
            "--expect",
            "x.txt",
            "--update-expect",
            "--json",
            "out.json",
            "-j",
            "2",
            "test",
        ])
        .unwrap();
        let Some(Command::Test262(args)) = cli.command else {
            panic!("not test262");
        };
        assert!(!args.parse_only && args.update_expect);
        assert_eq!(args.expect, Some(PathBuf::from("x.txt")));
        assert_eq!(args.json, Some(PathBuf::from("out.json")));
        assert_eq!(args.jobs, Some(2));
        // --update-expect rewrites the --expect file: it needs one.
        let error =
            Cli::try_parse_from(["compartments", "test262", "--update-expect", "t"]).unwrap_err();
        assert_eq!(
            error.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
    }

    #[test]
    fn lockdown_arguments() {
        let cli = Cli::try_parse_from([
            "compartments",
            "test262",
            "--lockdown",
            "--compartment",
            "t",
        ])
        .unwrap();
        let Some(Command::Test262(args)) = cli.command else {
            panic!("not test262");
        };
        assert!(args.lockdown && args.compartment);
        // --compartment runs after lockdown; lockdown does not apply to parsing.
        for bad in [
            &["compartments", "test262", "--compartment", "t"][..],
            &["compartments", "test262", "--parse-only", "--lockdown", "t"],
        ] {
            assert!(Cli::try_parse_from(bad).is_err(), "{bad:?}");
        }
        let cli =
            Cli::try_parse_from(["compartments", "run", "--lockdown", "--module", "a.js"]).unwrap();
        let Some(Command::Run(args)) = cli.command else {
            panic!("not run");
        };
        assert!(args.lockdown && args.module);
    }

    #[test]
    fn parse_arguments() {
        let cli = Cli::try_parse_from(["compartments", "parse", "--module", "m.js"]).unwrap();
        let Some(Command::Parse(args)) = cli.command else {
            panic!("not parse");
        };
        assert!(args.module);
        assert_eq!(args.file, PathBuf::from("m.js"));
    }

    #[test]
    fn run_arguments() {
        let cli = Cli::try_parse_from(["compartments", "run", "--trace", "a.js"]).unwrap();
        let Some(Command::Run(args)) = cli.command else {
            panic!("not run");
        };
        assert!(args.trace);
        assert_eq!(args.file, PathBuf::from("a.js"));
        let cli = Cli::try_parse_from(["compartments", "run", "a.js"]).unwrap();
        let Some(Command::Run(args)) = cli.command else {
            panic!("not run");
        };
        assert!(!args.trace && !args.events);
        let cli =
            Cli::try_parse_from(["compartments", "run", "--module", "--events", "a.js"]).unwrap();
        let Some(Command::Run(args)) = cli.command else {
            panic!("not run");
        };
        assert!(args.module && args.events);
    }

    #[test]
    fn test262_on_a_missing_path_exits_2() {
        for parse_only in [&["--parse-only"][..], &[]] {
            let mut args = vec!["compartments", "test262"];
            args.extend_from_slice(parse_only);
            args.push("/nonexistent/compartments/test");
            assert_eq!(main_with_args(args), ExitCode::from(EXIT_USAGE));
        }
    }

    #[test]
    fn unreadable_file_exits_2() {
        let status = main_with_args(["compartments", "parse", "/nonexistent/compartments.js"]);
        assert_eq!(status, ExitCode::from(EXIT_USAGE));
    }
}
