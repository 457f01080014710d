//! The command line as a JavaScript user meets it (issue 22): `run -` and `run FILE --
//! ARG...`, the exit statuses, error locations at the failing expression, the messages
//! of SyntaxErrors and JSON modules, an unsettled top-level await, and a caught
//! `import defer` evaluation error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("command_line")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), text).expect("a scratch file");
}

/// Runs `compartments ARGS` in `dir` with `stdin` as its input: status, stdout, stderr.
fn compartments(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_compartments"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the compartments binary runs");
    // A program that does not read stdin may close it first.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("the binary finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `run FILE` of a script `text` written to `name`.
fn run_script(test: &str, name: &str, text: &str) -> (i32, String, String) {
    let dir = scratch(test);
    write(&dir, name, text);
    compartments(&dir, &["run", name], b"")
}

#[test]
fn run_reads_the_program_from_stdin() {
    let dir = scratch("stdin");
    write(&dir, "lib.js", "export const v = 41;\n");
    let (status, stdout, stderr) = compartments(&dir, &["run", "-"], b"print(6 * 7);\n");
    assert_eq!((status, stdout.as_str()), (0, "42\n"), "{stderr}");
    // A module from stdin imports relative to the current directory.
    let (status, stdout, stderr) = compartments(
        &dir,
        &["run", "--module", "-"],
        b"import { v } from './lib.js'; print(v + await 1);\n",
    );
    assert_eq!((status, stdout.as_str()), (0, "42\n"), "{stderr}");
    // Errors name the program <stdin>.
    let (status, _, stderr) = compartments(&dir, &["run", "-"], b"\n  null.x;\n");
    assert_eq!(status, 1);
    assert!(stderr.contains("    at <stdin>:2:8"), "{stderr}");
}

#[test]
fn run_gives_the_arguments_after_double_dash_as_script_args() {
    let dir = scratch("script_args");
    write(&dir, "args.js", "print(JSON.stringify(scriptArgs));\n");
    let (status, stdout, stderr) = compartments(
        &dir,
        &["run", "args.js", "--", "a", "b c", "--module", "-"],
        b"",
    );
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stdout, "[\"args.js\",\"a\",\"b c\",\"--module\",\"-\"]\n");
    let (_, stdout, _) = compartments(&dir, &["run", "args.js"], b"");
    assert_eq!(stdout, "[\"args.js\"]\n");
    let (_, stdout, _) = compartments(&dir, &["run", "--module", "args.js", "--", "x"], b"");
    assert_eq!(stdout, "[\"args.js\",\"x\"]\n");
}

#[test]
fn exit_statuses_are_as_documented() {
    let dir = scratch("exit_statuses");
    write(&dir, "ok.js", "print('ok');\n");
    write(&dir, "throws.js", "throw new Error('no');\n");
    write(&dir, "syntax.js", "var = 1;\n");
    write(&dir, "rejects.js", "Promise.reject(1);\n");
    write(&dir, "latin1.js", b"print('\xe9');\n");
    write(&dir, "tla.js", "await new Promise(() => {});\n");
    let status = |args: &[&str], stdin: &[u8]| compartments(&dir, args, stdin).0;
    assert_eq!(status(&["run", "ok.js"], b""), 0);
    assert_eq!(status(&["run", "throws.js"], b""), 1);
    assert_eq!(status(&["run", "syntax.js"], b""), 1);
    assert_eq!(status(&["run", "rejects.js"], b""), 1);
    assert_eq!(status(&["parse", "syntax.js"], b""), 1);
    // Usage and I/O errors.
    assert_eq!(status(&["run", "missing.js"], b""), 2);
    assert_eq!(status(&["run", "latin1.js"], b""), 2);
    assert_eq!(status(&["run", "-"], b"print('\xe9');"), 2);
    assert_eq!(status(&["run", "--no-such-option", "ok.js"], b""), 2);
    assert_eq!(status(&["run"], b""), 2);
    assert_eq!(status(&["no-such-command"], b""), 2);
    // An unsettled top-level await (see its own test).
    assert_eq!(status(&["run", "--module", "tla.js"], b""), 13);
    // --help and --version succeed; the REPL ends with 0 at the end of its input.
    assert_eq!(status(&["--help"], b""), 0);
    assert_eq!(status(&["--version"], b""), 0);
    assert_eq!(status(&[], b"throw 1\n"), 0);
    // The constants the binary uses are the documented ones (101, an internal error,
    // cannot be provoked without a bug).
    use compartments_cli::cli::*;
    assert_eq!(
        (
            EXIT_UNCAUGHT,
            EXIT_USAGE,
            EXIT_UNSETTLED_TOP_LEVEL_AWAIT,
            EXIT_INTERNAL_ERROR
        ),
        (1, 2, 13, 101)
    );
    for code in ["0 ", "1 ", "2 ", "13 ", "101 "] {
        assert!(EXIT_STATUS_HELP.contains(&format!("\n  {code}")), "{code}");
    }
}

/// The location line of an uncaught error report.
fn location(stderr: &str) -> &str {
    stderr
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("at "))
        .unwrap_or_else(|| panic!("no location in {stderr:?}"))
}

#[test]
fn an_uncaught_error_is_located_at_the_failing_expression() {
    // Each program, and where its error must be reported (line:column of the innermost
    // expression that failed: the property name of a member access or of a call's callee,
    // the start of an operator expression, `new`, an assignment or an identifier).
    let cases = [
        // The example: a member access on undefined, mid-line.
        (
            "var a = {b: undefined};\nvar x = 1; var y = a.b.c();\n",
            "2:24",
        ),
        ("var a = {};\nvar x = 1; var y = a.b.c;\n", "2:24"),
        ("var a = {};\nvar x = 1; var y = a.b[0];\n", "2:24"),
        // A callee that is not a function: at its name.
        ("var o = {};\nvar z = 1 + o.foo();\n", "2:15"),
        ("var f = 1;\n  f();\n", "2:3"),
        ("var o = {a() { return {}; }};\no.a().b();\n", "2:7"),
        // new of a non-constructor.
        ("var x = 1;\nvar y = 2, z = new x();\n", "2:16"),
        // Operators.
        ("var s = Symbol();\nvar t = 1 + (2 * s);\n", "2:14"),
        ("var x = 1;\nvar z = 1 + (x in 5);\n", "2:14"),
        ("var o = {};\nvar z = 1; z = -Symbol();\n", "2:16"),
        ("var s = Symbol();\nvar q = 1; q++, s++;\n", "2:17"),
        // An unresolvable identifier.
        ("var x = 1;\nvar y = x + (1, nope);\n", "2:17"),
        // Strict assignment to an undeclared name.
        ("'use strict';\nvar k = 0; undeclared = 1;\n", "2:12"),
        // An error after a call returned: the caller's location, not the callee's.
        (
            "function f() { return 1; }\n\n\nvar a = f() + null.x;\n",
            "4:20",
        ),
        // An error of a built-in: at the call.
        ("var j = 1;\nvar v = JSON.parse('{');\n", "2:14"),
        // A class constructor called without new: at the call.
        ("class C {}\nvar i = 0; C();\n", "2:12"),
        // An error object made by `new Error`: where it was made.
        (
            "function fail() {\n  var e = 1; throw new Error('x');\n}\nfail();\n",
            "2:20",
        ),
    ];
    for (i, (program, expected)) in cases.iter().enumerate() {
        let (status, _, stderr) = run_script("locations", "p.js", program);
        assert_eq!(status, 1, "{program}: {stderr}");
        assert_eq!(
            location(&stderr),
            format!("p.js:{expected}"),
            "case {i}: {program}\n{stderr}"
        );
    }
    // In a module too.
    let dir = scratch("module_location");
    write(&dir, "m.js", "const o = {};\nexport const v = 1 + o.f();\n");
    let (status, _, stderr) = compartments(&dir, &["run", "--module", "m.js"], b"");
    assert_eq!(status, 1);
    assert_eq!(location(&stderr), "m.js:2:24", "{stderr}");
}

#[test]
fn errors_have_no_stack_property() {
    // Error.prototype.stack is not part of ECMAScript (a stage 1 proposal); this
    // interpreter does not add it, so the location is in the uncaught report only.
    let (status, stdout, stderr) = run_script(
        "no_stack",
        "s.js",
        "print('stack' in Error.prototype, 'stack' in new Error('x'));\n",
    );
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(stdout, "false false\n");
}

#[test]
fn a_module_syntax_error_is_reported_once() {
    let dir = scratch("module_syntax_error");
    write(&dir, "main.js", "import './bad.js';\n");
    write(&dir, "bad.js", "export const x = ;\n");
    for entry in ["main.js", "bad.js"] {
        let (status, stdout, stderr) = compartments(&dir, &["run", "--module", entry], b"");
        assert_eq!((status, stdout.as_str()), (1, ""));
        assert!(
            stderr.starts_with("Uncaught SyntaxError: unexpected token `;`\n --> bad.js:1:18\n"),
            "{stderr}"
        );
        assert_eq!(stderr.matches("SyntaxError").count(), 1, "{stderr}");
    }
    // The script and parse commands say it as they did.
    let (_, _, stderr) = compartments(&dir, &["parse", "--module", "bad.js"], b"");
    assert!(
        stderr.starts_with("SyntaxError: unexpected token `;`\n"),
        "{stderr}"
    );
    // A caught one has the message without the name.
    write(
        &dir,
        "catch.js",
        "import('./bad.js').catch(e => print(e.name, e.message.split('\\n')[0]));\n",
    );
    let (_, stdout, _) = compartments(&dir, &["run", "catch.js"], b"");
    assert_eq!(stdout, "SyntaxError unexpected token `;`\n");
}

#[test]
fn a_json_module_error_names_the_file_and_position() {
    let dir = scratch("json_module");
    write(&dir, "data.json", "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n");
    write(
        &dir,
        "main.js",
        "import data from './data.json' with { type: 'json' };\n",
    );
    let (status, _, stderr) = compartments(&dir, &["run", "--module", "main.js"], b"");
    assert_eq!(status, 1);
    assert_eq!(
        stderr,
        "Uncaught SyntaxError: data.json is not valid JSON: JSON.parse: expected a JSON value: \
         unexpected ']' at position 25\n    at data.json:3:14\n"
    );
    // A position after non-ASCII text (counted in UTF-16 units by JSON.parse), and the
    // end of the text.
    write(&dir, "data.json", "{\"é😀\": x}");
    let (_, _, stderr) = compartments(&dir, &["run", "--module", "main.js"], b"");
    assert!(
        stderr.ends_with("position 8\n    at data.json:1:8\n"),
        "{stderr}"
    );
    write(&dir, "data.json", "{\"é😀\": [");
    let (_, _, stderr) = compartments(&dir, &["run", "--module", "main.js"], b"");
    assert!(
        stderr.ends_with("(position 9)\n    at data.json:1:9\n"),
        "{stderr}"
    );
}

#[test]
fn a_syntax_error_in_a_megabyte_line_shows_a_window_around_the_caret() {
    let program = format!(
        "var x = {}@{};\n",
        "1+".repeat(500_000),
        "+2".repeat(500_000)
    );
    let (status, _, stderr) = run_script("long_line", "big.js", &program);
    assert_eq!(status, 1);
    assert!(stderr.len() < 1_000, "{} bytes of stderr", stderr.len());
    assert!(stderr.contains(" --> big.js:1:1000009\n"), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let text = lines[3].strip_prefix("1 | ").expect("the source line");
    let carets = lines[4].strip_prefix("  | ").expect("the caret line");
    assert!(text.starts_with("...") && text.ends_with("..."), "{text}");
    assert_eq!(text.find('@'), carets.find('^'), "{stderr}");
}

#[test]
fn an_unsettled_top_level_await_is_reported_with_exit_13() {
    let dir = scratch("unsettled");
    write(&dir, "dep.js", "await new Promise(() => {});\n");
    write(&dir, "main.js", "import './dep.js';\nprint('never');\n");
    write(
        &dir,
        "settled.js",
        "await new Promise(r => r());\nprint('done');\n",
    );
    let (status, stdout, stderr) = compartments(&dir, &["run", "--module", "main.js"], b"");
    assert_eq!((status, stdout.as_str()), (13, ""));
    assert_eq!(
        stderr,
        "Warning: unsettled top-level await in main.js: its evaluation is still waiting and no \
         job is left to run\n"
    );
    let (status, stdout, _) = compartments(&dir, &["run", "--module", "settled.js"], b"");
    assert_eq!((status, stdout.as_str()), (0, "done\n"));
}

#[test]
fn a_caught_import_defer_evaluation_error_is_not_an_unhandled_rejection() {
    // docs/spec-issues.md, "import defer: EvaluateModuleSync marks the rejection handled".
    let dir = scratch("import_defer");
    write(
        &dir,
        "throws.js",
        "throw new Error('boom');\nexport let x = 1;\n",
    );
    write(
        &dir,
        "main.js",
        "import defer * as ns from './throws.js';\n\
         try { ns.x; } catch (e) { print('caught', e.message); }\n\
         try { ns.x; } catch (e) { print('caught again', e.message); }\n",
    );
    let (status, stdout, stderr) = compartments(&dir, &["run", "--module", "main.js"], b"");
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert_eq!(stdout, "caught boom\ncaught again boom\n");
    // Not caught: one report, of the exception, exit 1.
    write(
        &dir,
        "uncaught.js",
        "import defer * as ns from './throws.js';\nns.x;\n",
    );
    let (status, _, stderr) = compartments(&dir, &["run", "--module", "uncaught.js"], b"");
    assert_eq!(status, 1);
    assert_eq!(stderr, "Uncaught Error: boom\n    at throws.js:1:7\n");
}
