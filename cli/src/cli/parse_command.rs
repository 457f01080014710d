//! `compartments parse [--module] FILE`.

use super::{ParseArgs, EXIT_INTERNAL_ERROR, EXIT_USAGE};
use compartments::host::stack::on_big_stack;
use compartments::syntax::{parse, ParseOptions};
use std::fs;
use std::process::ExitCode;

/// Parses the file: exit 0 if it parses; else the rendered SyntaxError on stderr and
/// exit 1. A file that cannot be read (or is not UTF-8) exits 2; a parser panic, 101.
pub fn parse_file(args: &ParseArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let source = match fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => source,
            Err(error) => {
                eprintln!("error: {name} is not valid UTF-8 text: {error}");
                return ExitCode::from(EXIT_USAGE);
            }
        },
        Err(error) => {
            eprintln!("error: cannot read {name}: {error}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let options = if args.module {
        ParseOptions::module()
    } else {
        ParseOptions::script()
    };
    // Render inside the worker too: only `String`s need to cross the thread boundary.
    let result = on_big_stack(|| {
        parse(&source, options)
            .map(drop)
            .map_err(|e| e.render(&name, &source))
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(rendered)) => {
            eprint!("{rendered}");
            ExitCode::FAILURE
        }
        Err(panic) => {
            eprintln!("internal error: the parser panicked on {name} (a bug): {panic}");
            ExitCode::from(EXIT_INTERNAL_ERROR)
        }
    }
}
