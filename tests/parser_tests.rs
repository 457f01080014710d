//! The parser against test262-parser-tests (`../shared/test262-parser-tests`, or the
//! directory named by the `TEST262_PARSER_TESTS` environment variable):
//!
//! - `pass/*.js` must parse;
//! - `fail/*.js` and `early/*.js` must be rejected with a SyntaxError;
//! - `pass-explicit/X` must parse to the same tree as `pass/X`, parentheses disregarded.
//!
//! Files ending `.module.js` use the Module goal, the others Script. Known failures are
//! listed in `tests/parser_tests_exceptions.txt` (see its header); a listed file that
//! passes fails its test, so the list stays honest.

use compartments::host::stack::on_big_stack;
use compartments::syntax::{parse, ParseOptions};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Once, OnceLock};

/// A test failure whose message datatest-stable prints as is (it prints errors with
/// `{:?}`, which would quote a `String` and escape its newlines).
struct Failure(String);

impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

fn failure(message: impl Into<String>) -> Box<dyn std::error::Error> {
    Box::new(Failure(message.into()))
}

const ENV_VAR: &str = "TEST262_PARSER_TESTS";
const EXCEPTIONS_FILE: &str = "parser_tests_exceptions.txt";

/// The tree of a valid program with spans and parentheses disregarded, so that each
/// `pass-explicit/` file can be compared with its `pass/` twin.
fn normalized_tree(source: &str, options: ParseOptions) -> Option<String> {
    compartments::syntax::normalized_tree(source, options).ok()
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The test262-parser-tests directory: `$TEST262_PARSER_TESTS` (relative to the crate root
/// when relative) or `../shared/test262-parser-tests`.
fn corpus_dir() -> PathBuf {
    match std::env::var_os(ENV_VAR) {
        Some(dir) => manifest_dir().join(dir),
        None => manifest_dir().join("../shared/test262-parser-tests"),
    }
}

fn corpus_present() -> bool {
    corpus_dir().join("pass").is_dir()
}

fn missing_message() -> String {
    format!(
        "test262-parser-tests not found at {}: put the shared directory beside the repository \
         (../shared/test262-parser-tests) or set {ENV_VAR} to the directory holding pass/, \
         pass-explicit/, fail/ and early/",
        corpus_dir().display()
    )
}

/// The harness root. datatest-stable walks its root when the harness is built and panics
/// if it is missing, so without the corpus every entry points at the exceptions file
/// instead, and its test fails with [`missing_message`].
fn root() -> String {
    if corpus_present() {
        corpus_dir().display().to_string()
    } else {
        static WARN: Once = Once::new();
        WARN.call_once(|| eprintln!("error: {}", missing_message()));
        manifest_dir().join("tests").display().to_string()
    }
}

fn pattern(dir: &str) -> String {
    if corpus_present() {
        format!(r"^{}/[^/]*\.js$", regex_escape(dir))
    } else {
        format!(r"^{}$", regex_escape(EXCEPTIONS_FILE))
    }
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escape = !c.is_ascii_alphanumeric() && c != '/' && c != '_';
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

fn exceptions_path() -> PathBuf {
    manifest_dir().join("tests").join(EXCEPTIONS_FILE)
}

/// One line of the exceptions file: the path and the reason (empty if missing).
fn parse_exceptions(text: &str) -> Vec<(usize, String, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(i, line)| {
            let line = line.trim();
            let (path, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            (i + 1, path.to_string(), reason.trim().to_string())
        })
        .collect()
}

/// The exceptions, path -> reason (an unreadable file counts as empty here and is reported
/// by `exceptions_file`).
fn exceptions() -> &'static HashMap<String, String> {
    static EXCEPTIONS: OnceLock<HashMap<String, String>> = OnceLock::new();
    EXCEPTIONS.get_or_init(|| {
        let text = fs::read_to_string(exceptions_path()).unwrap_or_default();
        parse_exceptions(&text)
            .into_iter()
            .map(|(_, path, reason)| (path, reason))
            .collect()
    })
}

/// `path` relative to the corpus, with `/` separators.
fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(corpus_dir()).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn options_for(path: &Path) -> ParseOptions {
    let is_module = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().ends_with(".module.js"));
    if is_module {
        ParseOptions::module()
    } else {
        ParseOptions::script()
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Parses `path` on a big stack: `Ok(tree dump)` if it parses, `Err(why)` if not.
fn parse_file(path: &Path) -> Result<Result<Option<String>, String>, String> {
    let source = read(path)?;
    let name = relative(path);
    on_big_stack(|| match parse(&source, options_for(path)) {
        Ok(_) => Ok(normalized_tree(&source, options_for(path))),
        Err(error) => Err(error.render(&name, &source)),
    })
    .map_err(|panic| format!("{name}: the parser panicked (a bug: it must never panic): {panic}"))
}

/// Runs `check` on `path` and applies the exceptions list.
fn run(path: &Path, check: fn(&Path) -> Result<(), String>) -> datatest_stable::Result<()> {
    if !corpus_present() {
        return Err(failure(missing_message()));
    }
    let name = relative(path);
    match (check(path), exceptions().get(&name)) {
        (Ok(()), None) => Ok(()),
        (Err(why), None) => Err(failure(why)),
        (Err(why), Some(reason)) => {
            println!("expected failure {name} ({reason}): {}", why.trim_end());
            Ok(())
        }
        (Ok(()), Some(reason)) => Err(failure(format!(
            "{name} passes now but tests/{EXCEPTIONS_FILE} lists it as a known failure \
             ({reason}): remove its line"
        ))),
    }
}

fn must_parse(path: &Path) -> Result<(), String> {
    parse_file(path)?.map(drop)
}

fn must_fail(path: &Path) -> Result<(), String> {
    match parse_file(path)? {
        Ok(_) => Err(format!(
            "{} parsed, but it must be rejected with a SyntaxError",
            relative(path)
        )),
        Err(_) => Ok(()),
    }
}

/// The first line where two dumps differ, for the failure message.
fn first_difference(a: &str, b: &str) -> String {
    let mut lines = a.lines().zip(b.lines()).enumerate();
    match lines.find(|(_, (x, y))| x != y) {
        Some((i, (x, y))) => format!("line {}: `{x}` vs `{y}`", i + 1),
        None => format!(
            "one dump is a prefix of the other ({} vs {} lines)",
            a.lines().count(),
            b.lines().count()
        ),
    }
}

fn same_tree_as_pass(path: &Path) -> Result<(), String> {
    let explicit = parse_file(path)??;
    let twin = path
        .parent()
        .and_then(Path::parent)
        .zip(path.file_name())
        .map(|(root, name)| root.join("pass").join(name))
        .ok_or_else(|| format!("{} has no pass/ twin", relative(path)))?;
    let plain = parse_file(&twin)??;
    match (explicit, plain) {
        (Some(explicit), Some(plain)) if explicit != plain => Err(format!(
            "{} and {} give different trees (parentheses disregarded): {}",
            relative(path),
            relative(&twin),
            first_difference(&explicit, &plain)
        )),
        _ => Ok(()),
    }
}

fn pass(path: &Path) -> datatest_stable::Result<()> {
    run(path, must_parse)
}

fn fail(path: &Path) -> datatest_stable::Result<()> {
    run(path, must_fail)
}

fn early(path: &Path) -> datatest_stable::Result<()> {
    run(path, must_fail)
}

fn pass_explicit(path: &Path) -> datatest_stable::Result<()> {
    run(path, same_tree_as_pass)
}

/// The exceptions file itself: every entry has a reason, names an existing file of the
/// corpus, and appears once.
fn exceptions_file(path: &Path) -> datatest_stable::Result<()> {
    let text = read(path).map_err(failure)?;
    let mut problems = Vec::new();
    let mut seen = HashMap::new();
    for (line, name, reason) in parse_exceptions(&text) {
        if reason.is_empty() {
            problems.push(format!("line {line}: {name} has no reason"));
        }
        let known_dir = ["pass/", "pass-explicit/", "fail/", "early/"]
            .iter()
            .any(|dir| name.starts_with(dir));
        if !known_dir {
            problems.push(format!(
                "line {line}: {name} is not under pass/, pass-explicit/, fail/ or early/"
            ));
        } else if corpus_present() && !corpus_dir().join(&name).is_file() {
            problems.push(format!("line {line}: {name} does not exist"));
        }
        if let Some(first) = seen.insert(name.clone(), line) {
            problems.push(format!(
                "line {line}: {name} is already listed on line {first}"
            ));
        }
    }
    if !corpus_present() {
        problems.push(missing_message());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(failure(format!(
            "tests/{EXCEPTIONS_FILE}:\n  {}",
            problems.join("\n  ")
        )))
    }
}

datatest_stable::harness! {
    { test = pass, root = root(), pattern = pattern("pass") },
    { test = pass_explicit, root = root(), pattern = pattern("pass-explicit") },
    { test = fail, root = root(), pattern = pattern("fail") },
    { test = early, root = root(), pattern = pattern("early") },
    {
        test = exceptions_file,
        root = manifest_dir().join("tests").display().to_string(),
        pattern = format!(r"^{}$", regex_escape(EXCEPTIONS_FILE)),
    },
}
