//! `spec-steps ID [--from SOURCE] [--algorithm N] [--number N] [--write]`: the
//! spec-steps YAML of clause ID (format: spec-steps/README.md), generated from the
//! specification sources in `../shared/spec` (or `$SHARED_SPEC_DIR`), so that transcribing
//! an algorithm is mechanical: `cargo run --release --bin spec-steps -- sec-ordinaryget`.
//!
//! - `--from SOURCE`: which document's text (`ecma262`, the default — the newer clause copy
//!   when there is one, else spec.html —, `import-defer`, `source-phase-imports`,
//!   `compartments`; a proposal's text is taken with its `<del>` parts dropped).
//! - `--algorithm N`: the clause's N-th algorithm (1, the default) when it has several.
//! - `--number N`: the clause number, for a proposal's clause (ECMA-262's come from the
//!   biblio, with the title).
//! - `--write`: write `spec-steps/ID.yaml` instead of printing it.

use compartments_cli::spec_text::{default_dir, to_yaml, Sources};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("spec-steps: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut id = None;
    let mut from = "ecma262".to_string();
    let mut algorithm = 1usize;
    let mut number = None;
    let mut write = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => from = value("--from")?,
            "--algorithm" => {
                algorithm = value("--algorithm")?
                    .parse()
                    .map_err(|_| "--algorithm takes a number from 1".to_string())?
            }
            "--number" => number = Some(value("--number")?),
            "--write" => write = true,
            "-h" | "--help" => {
                println!(
                    "usage: spec-steps ID [--from ecma262|import-defer|source-phase-imports|compartments] [--algorithm N] [--number N] [--write]"
                );
                return Ok(());
            }
            _ if id.is_none() && !arg.starts_with('-') => id = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?} (see --help)")),
        }
    }
    let id = id.ok_or("a clause id is needed (see --help)")?;
    let dir = default_dir();
    let sources = Sources::open(&dir).map_err(|e| {
        format!("{e} (the specification sources: ../shared/spec beside the repository, or SHARED_SPEC_DIR)")
    })?;
    let versions = sources.versions(&id);
    let version = versions
        .iter()
        .find(|v| v.source == from || (from == "ecma262" && v.source == "ecma262-copy"))
        .ok_or_else(|| {
            let found: Vec<&str> = versions.iter().map(|v| v.source.as_str()).collect();
            format!(
                "no clause {id} in {from} (it is in: {found:?}; `clause --find WORDS` finds ids)"
            )
        })?;
    let steps = version.algorithms.get(algorithm - 1).ok_or_else(|| {
        format!(
            "clause {id} has {} algorithm(s) in {}",
            version.algorithms.len(),
            version.source
        )
    })?;
    let (number, title, spec) = if from == "ecma262" {
        let (biblio_number, title) = sources
            .biblio_clause(&id)
            .ok_or_else(|| format!("{id} is not a clause of the biblio"))?;
        (number.unwrap_or(biblio_number), title, None)
    } else {
        let number = number.ok_or("--number is needed for a proposal's clause")?;
        (number, version.title.clone(), Some(from.as_str()))
    };
    let yaml = to_yaml(&id, &number, &title, spec, steps);
    if write {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../spec-steps")
            .join(format!("{id}.yaml"));
        std::fs::write(&path, yaml).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    } else {
        print!("{yaml}");
    }
    Ok(())
}
