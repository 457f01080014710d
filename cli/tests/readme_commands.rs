//! The README's "Commands" section against the command line itself (issue 22): every
//! subcommand and every option that `--help` lists (read from the clap definition the
//! binary uses) appears in a usage line of its command there, every option a usage line
//! writes exists, and the exit statuses and REPL commands are the binary's.
//!
//! A usage line is a code span or a line of a code block that starts with `compartments`;
//! its command is its second word when that names a subcommand.

use clap::CommandFactory;
use compartments_cli::cli::{Cli, EXIT_STATUS_HELP, REPL_HELP};
use std::collections::{BTreeMap, BTreeSet};

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    std::fs::read_to_string(path).expect("README.md")
}

/// The text of the README section that starts with `heading` (up to the next heading of
/// the same or a higher level).
fn section(readme: &str, heading: &str) -> String {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    let body = &readme[start + heading.len() + 2..];
    let end = body
        .lines()
        .scan(0, |offset, line| {
            let at = *offset;
            *offset += line.len() + 1;
            Some((at, line))
        })
        .find(|(_, line)| {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            hashes > 0 && hashes <= level && line[hashes..].starts_with(' ')
        })
        .map_or(body.len(), |(at, _)| at);
    body[..end].to_string()
}

/// The usage lines of `text`: code-block lines and code spans that start with
/// `compartments`, as words (brackets, `|` and a trailing `...` dropped).
fn usage_lines(text: &str) -> Vec<Vec<String>> {
    let mut spans = Vec::new();
    let mut prose = String::new();
    let mut in_block = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            spans.push(line.trim().to_string());
        } else {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    spans.extend(
        prose
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|span| span.split_whitespace().collect::<Vec<_>>().join(" ")),
    );
    spans
        .iter()
        .filter(|span| span.starts_with("compartments"))
        .map(|span| {
            span.split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '|'))
                .filter(|word| !word.is_empty())
                .map(|word| word.trim_end_matches("...").to_string())
                .take_while(|word| word != "#")
                .collect()
        })
        .collect()
}

/// Each subcommand's options as `--help` lists them: long and short flags, and the
/// value names of its positional arguments.
struct Options {
    flags: BTreeSet<String>,
    /// For each argument: the ways it can be written (`--jobs`, `-j`; or `PATH`).
    arguments: Vec<(String, Vec<String>)>,
}

fn options(command: &clap::Command) -> Options {
    let mut flags = BTreeSet::from(["--help".to_string()]);
    let mut arguments = Vec::new();
    for arg in command.get_arguments() {
        let id = arg.get_id().to_string();
        if id == "help" || id == "version" {
            continue;
        }
        let mut spellings = Vec::new();
        if let Some(long) = arg.get_long() {
            spellings.push(format!("--{long}"));
        }
        if let Some(short) = arg.get_short() {
            spellings.push(format!("-{short}"));
        }
        if arg.is_positional() {
            let names = arg
                .get_value_names()
                .map(|names| names.iter().map(|n| n.to_string()).collect())
                .unwrap_or_else(|| vec![id.to_uppercase()]);
            spellings.extend(names);
        } else {
            flags.extend(spellings.iter().cloned());
        }
        arguments.push((id, spellings));
    }
    Options { flags, arguments }
}

#[test]
fn the_readme_commands_section_matches_help() {
    let readme = readme();
    let commands = section(&readme, "## Commands");
    let cli = Cli::command();
    let subcommands: BTreeMap<String, clap::Command> = cli
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .map(|c| (c.get_name().to_string(), c.clone()))
        .collect();
    // The usage lines of each command ("" for `compartments` alone).
    let mut usage: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for words in usage_lines(&commands) {
        let command = match words.get(1) {
            Some(word) if subcommands.contains_key(word) => word.clone(),
            // `compartments COMMAND --help`: any command.
            Some(word) if word == "COMMAND" => String::new(),
            Some(word) if !word.starts_with('-') => {
                panic!("README: `compartments {word}` is not a command of --help")
            }
            _ => String::new(),
        };
        usage.entry(command).or_default().push(words);
    }
    let mut problems = Vec::new();
    for (name, command) in &subcommands {
        let Some(lines) = usage.get(name) else {
            problems.push(format!(
                "`compartments {name}` has no usage line in the README"
            ));
            continue;
        };
        let words: BTreeSet<&str> = lines.iter().flatten().map(String::as_str).collect();
        let options = options(command);
        // Every option of --help is written on a usage line of its command...
        for (id, spellings) in &options.arguments {
            if !spellings.iter().any(|s| words.contains(s.as_str())) {
                problems.push(format!(
                    "`compartments {name}`: the README shows no usage of {id} ({})",
                    spellings.join(" / ")
                ));
            }
        }
        // ...and every option written there exists.
        for word in &words {
            if word.starts_with('-') && *word != "-" && *word != "--" {
                let flag = word.split('=').next().unwrap_or(word);
                if !options.flags.contains(flag) {
                    problems.push(format!(
                        "`compartments {name}`: the README writes {word}, which --help does not list"
                    ));
                }
            }
        }
    }
    for words in usage.get("").into_iter().flatten() {
        for word in words.iter().skip(1) {
            assert!(
                ["COMMAND", "--help", "--version", "-h", "-V"].contains(&word.as_str()),
                "README: `compartments {word}`"
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_exit_statuses_are_the_binarys() {
    let codes = |text: &str, pattern: fn(&str) -> Option<&str>| -> BTreeSet<u32> {
        text.lines()
            .filter_map(pattern)
            .filter_map(|code| code.parse().ok())
            .collect()
    };
    let help = codes(EXIT_STATUS_HELP, |line| {
        line.strip_prefix("  ")?.split_whitespace().next()
    });
    let readme = readme();
    let table = section(&readme, "### Exit status");
    let documented = codes(&table, |line| line.strip_prefix("| `")?.split('`').next());
    assert_eq!(help, BTreeSet::from([0, 1, 2, 3, 4, 13, 101]));
    assert_eq!(documented, help, "README's exit statuses against --help");
}

#[test]
fn the_readme_lists_every_repl_command() {
    let readme = readme();
    let commands = section(&readme, "## Commands");
    let repl = commands
        .split("\n- ")
        .find(|bullet| bullet.starts_with("`compartments repl"))
        .expect("a README bullet for compartments repl");
    for line in REPL_HELP.lines().filter(|line| line.starts_with('.')) {
        let keyword = line.split_whitespace().next().unwrap_or_default();
        assert!(
            repl.contains(&format!("`{keyword}")),
            "the README's REPL bullet does not list {keyword}"
        );
    }
}
