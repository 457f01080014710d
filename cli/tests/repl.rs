//! The REPL (`compartments repl`, and `compartments` with no command), driven through
//! stdin (a pipe: no prompts, every line read) and through a pseudo-terminal (prompts,
//! line editing, history, Ctrl+C and Ctrl+D).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("repl")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// Runs the REPL in `dir` on `input` (piped): status, stdout, stderr.
fn repl(dir: &Path, args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_compartments"))
        .args(args)
        .current_dir(dir)
        .env("COMPARTMENTS_REPL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the compartments binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("the REPL reads its input");
    let output = child.wait_with_output().expect("the REPL ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn repl_lines(input: &str) -> (i32, Vec<String>, String) {
    let dir = scratch("lines");
    let (status, stdout, stderr) = repl(&dir, &["repl"], input.as_bytes());
    (status, stdout.lines().map(str::to_string).collect(), stderr)
}

#[test]
fn the_repl_is_listed_in_help() {
    let dir = scratch("help");
    let (status, stdout, _) = repl(&dir, &["--help"], b"");
    assert_eq!(status, 0);
    assert!(stdout.contains("\n  repl "), "{stdout}");
    assert!(stdout.contains("With no command: the REPL"), "{stdout}");
}

#[test]
fn input_continues_while_its_parse_ends_early() {
    let (status, lines, stderr) = repl_lines(
        "function add(a,\n  b) {\n  return a + b;\n}\nadd(1,\n 2)\n\
         [1,\n 2]\n`two\nlines`\n/* a comment\n over lines */ 3\n({\n  a: 1\n})\n",
    );
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert_eq!(
        lines,
        [
            "undefined",
            "3",
            "[ 1, 2 ]",
            "'two\\nlines'",
            "3",
            "{ a: 1 }"
        ]
    );
    // Input still open at the end is a SyntaxError; one that cannot be completed is one
    // at once, and the session goes on; `.break` abandons an open input.
    let (status, lines, stderr) = repl_lines("1 +* 2\n'ok'\n[1,\n.break\n'after'\n(1,\n");
    assert_eq!(status, 0);
    assert_eq!(lines, ["'ok'", "'after'"]);
    assert!(stderr.starts_with("SyntaxError: unexpected token `*`\n --> <repl:1>:1:4\n"));
    assert!(
        stderr.contains("SyntaxError: unexpected end of input\n --> <repl:4>:2:1\n"),
        "{stderr}"
    );
}

#[test]
fn values_are_shown_as_node_shows_them() {
    let (status, lines, stderr) = repl_lines(
        "'text'\n\"it's\"\n-0\n12n\nSymbol('s')\nnull\nundefined\n[1, 'a', [2, [3, [4]]]]\n\
         ({a: 1, 'b-c': {d: {e: {f: 1}}}, [Symbol.iterator]: 0})\n\
         [ , 1, , , ]\nvar o = {}; o.self = o; o\n\
         new Map([['k', {v: 1}]])\nnew Set([1, 'x'])\n\
         Promise.resolve(7)\nnew Promise(() => {})\n\
         function named() {}; named\n(() => {})\nclass A {}; class B extends A {}; B\n\
         (async function* g() {})\n({ get x() { return 1; } })\nObject.create(null)\n\
         new Date(0)\n/a+/gu\nnew String('s')\nnew Proxy({p: 1}, { get() { throw 1; } })\n\
         [new TypeError('inner')]\nArray.from({length: 120}, (_, i) => i).length\n",
    );
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert_eq!(
        lines,
        [
            "'text'",
            "\"it's\"",
            "-0",
            "12n",
            "Symbol(s)",
            "null",
            "undefined",
            "[ 1, 'a', [ 2, [ 3, [Array] ] ] ]",
            "{ a: 1, 'b-c': { d: { e: [Object] } }, [Symbol(Symbol.iterator)]: 0 }",
            "[ <1 empty item>, 1, <2 empty items> ]",
            "<ref *1> { self: [Circular *1] }",
            "Map(1) { 'k' => { v: 1 } }",
            "Set(2) { 1, 'x' }",
            "Promise { 7 }",
            "Promise { <pending> }",
            "[Function: named]",
            "[Function (anonymous)]",
            "[class B extends A]",
            "[AsyncGeneratorFunction: g]",
            "{ x: [Getter] }",
            "[Object: null prototype] {}",
            "1970-01-01T00:00:00.000Z",
            "/a+/gu",
            "[String: 's']",
            "{ p: 1 }",
            "[ [TypeError: inner] ]",
            "120",
        ]
    );
    // Long arrays: 100 items, then a count; short numbers in right-aligned columns.
    let (_, lines, _) = repl_lines("Array.from({length: 120}, (_, i) => i)\n");
    assert_eq!(lines.first().map(String::as_str), Some("["));
    assert_eq!(
        lines[1],
        "   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,"
    );
    assert_eq!(lines[lines.len() - 2], "  ... 20 more items");
    // An error: its name, message and where it was made.
    let (_, lines, _) = repl_lines("new RangeError('r')\n");
    assert_eq!(lines, ["RangeError: r", "    at <repl:1>:1:1"]);
}

#[test]
fn errors_and_bad_input_never_end_the_session() {
    let dir = scratch("bad_input");
    let mut input = Vec::new();
    input.extend_from_slice(
        b"var a = {};\na.b.c\nthrow 'thrown'\nPromise.reject(new Error('r'));\n",
    );
    input.extend_from_slice(b"\xff\xfe not UTF-8\n[1,\n\xc3\n2]\n");
    input.extend_from_slice(b".nope\n.trace maybe\n.load missing.js\n'still here'\n");
    input.extend_from_slice(b"Promise.resolve().then(() => { throw new Error('in a job'); }), 1\n");
    input.extend_from_slice(b"'last'\n");
    let (status, stdout, stderr) = repl(&dir, &[], &input);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        stdout,
        "undefined\nPromise { <rejected> [Error: r] }\n'still here'\n1\n'last'\n"
    );
    let expected = [
        "Uncaught TypeError: cannot convert undefined to an object",
        "    at <repl:2>:1:5",
        "Uncaught 'thrown'",
        "    at <repl:3>:1:1",
        "Uncaught (in promise) Error: r",
        "    at <repl:4>:1:16",
        "error: input line 5 is not UTF-8 (invalid byte at column 1); it was skipped",
        "error: input line 7 is not UTF-8 (invalid byte at column 1); the input it belonged to \
         was dropped",
        "SyntaxError: unexpected token `]`",
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[..expected.len()], expected, "{stderr}");
    for message in [
        "error: unknown REPL command .nope; .help lists them",
        "error: usage: .trace on|off",
        "error: cannot read missing.js: ",
        "Uncaught (in promise) Error: in a job",
    ] {
        assert!(stderr.contains(message), "{message} in {stderr}");
    }
}

#[test]
fn module_mode_imports_files_relative_to_the_working_directory() {
    let dir = scratch("modules");
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    std::fs::write(dir.join("lib/a.js"), "export const v = 41;\n").unwrap();
    std::fs::write(
        dir.join("lib/load.js"),
        "import { v } from './a.js';\nglobalThis.loaded = v + 1;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("script.js"),
        "var fromScript = 'script';\nfromScript\n",
    )
    .unwrap();
    let input = "import('./lib/a.js').then(ns => globalThis.ns = ns), 0\nns.v\nns\n\
                 .module\nimport { v } from './lib/a.js'; print(v);\n\
                 import { v } from './lib/a.js'; const w = await Promise.resolve(v + 1); \
                 print(w);\n\
                 await Promise.reject(new Error('tla'));\n\
                 await new Promise(() => {});\n\
                 .load lib/load.js\n.module off\nloaded\n.load script.js\nfromScript\n\
                 .module on\nexport default 1\n.module off\n.module maybe\n";
    let (status, stdout, stderr) = repl(&dir, &[], input.as_bytes());
    assert_eq!(status, 0);
    assert_eq!(
        stdout,
        "0\n41\n[Module: null prototype] { v: 41 }\n\
         module mode: each input is a module (import declarations, top-level await)\n\
         41\n42\nscript mode: each input is a Script\n42\n'script'\n'script'\n\
         module mode: each input is a module (import declarations, top-level await)\n\
         script mode: each input is a Script\n"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "Uncaught Error: tla",
            "    at <repl:6>:1:22",
            "Warning: the top-level await of <repl:7> has not settled and no job is left to \
             run; it goes on if a later input settles what it waits for",
            "error: usage: .module [on|off]",
        ],
        "{stderr}"
    );
}

#[test]
fn trace_and_events_turn_on_and_off() {
    let dir = scratch("trace_events");
    std::fs::write(dir.join("m.js"), "export {};\n").unwrap();
    let input = ".trace on\n(0, eval)('1')\n.trace off\n(0, eval)('2')\n\
                 .events on\nimport('./m.js'), 3\n.events off\nimport('./m.js'), 4\n";
    let (status, stdout, stderr) = repl(&dir, &["repl"], input.as_bytes());
    assert_eq!(status, 0);
    assert!(
        stderr.contains("19.2.1 eval step 1: Return ? PerformEval(x, false, false).\n"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("19.2.1 eval step 1:").count(), 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[..2], ["1", "2"]);
    assert!(lines[2].starts_with("{\"event\":\"load-request\",\"referrer\":\"script:<repl:3>\""));
    assert!(lines.contains(&"3"));
    // Off again: 4's import() settles after its echo with no event printed.
    assert_eq!(lines.last(), Some(&"4"));
    assert!(stdout.matches("\"event\"").count() >= 3, "{stdout}");
    // The options start with them on; .help lists every command.
    let (_, stdout, stderr) = repl(&dir, &["repl", "--trace", "--module"], b"1;\n.help\n");
    assert!(stderr.contains(" step 1: "), "{stderr}");
    assert!(stdout.starts_with("module mode"), "{stdout}");
    for command in [
        ".break",
        ".events on|off",
        ".exit",
        ".help",
        ".load FILE",
        ".module",
        ".trace on|off",
    ] {
        assert!(
            stdout.contains(&format!("\n{command}")),
            "{command} in {stdout}"
        );
    }
    let (_, stdout, _) = repl(&dir, &["repl", "--events"], b"import('./m.js'), 0\n");
    assert!(
        stdout.starts_with("{\"event\":\"load-request\""),
        "{stdout}"
    );
}

#[test]
fn exit_ends_the_session() {
    let dir = scratch("exit");
    let (status, stdout, _) = repl(&dir, &[], b"1\n.exit\n2\n");
    assert_eq!((status, stdout.as_str()), (0, "1\n"));
}

/// A pseudo-terminal session: the REPL with line editing, in `dir`, with its history in
/// `history`.
fn terminal(dir: &Path, history: &Path) -> rexpect::session::PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_compartments"));
    command
        .current_dir(dir)
        .env("COMPARTMENTS_REPL_HISTORY", history)
        .env("TERM", "xterm");
    rexpect::session::spawn_command(command, Some(20_000)).expect("the REPL starts on a pty")
}

#[test]
fn on_a_terminal_the_repl_prompts_edits_and_keeps_history() {
    let dir = scratch("terminal");
    let history = dir.join("history");
    let mut p = terminal(&dir, &history);
    p.exp_string("> ").unwrap();
    p.send_line("1 + 1").unwrap();
    p.exp_string("2").unwrap();
    p.exp_string("> ").unwrap();
    // Multi-line input: a continuation prompt.
    p.send_line("[1,").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("2]").unwrap();
    p.exp_string("[ 1, 2 ]").unwrap();
    p.exp_string("> ").unwrap();
    // Line editing: Ctrl+A goes to the start of the line.
    p.send("0 + 5").unwrap();
    p.send_control('a').unwrap();
    p.send("1").unwrap();
    p.send_line("").unwrap();
    p.exp_string("15").unwrap();
    p.exp_string("> ").unwrap();
    // Ctrl+C abandons the line; at an empty prompt it says how to leave.
    p.send("'abandoned'").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("> ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("(To exit, press Ctrl+D or type .exit)")
        .unwrap();
    p.exp_string("> ").unwrap();
    // Bytes that are not UTF-8 are reported; the session goes on.
    {
        let mut raw = p.process().get_file_handle().unwrap();
        raw.write_all(b"\xff\r").unwrap();
        raw.flush().unwrap();
    }
    p.exp_string("not UTF-8").unwrap();
    p.send_line("'still here'").unwrap();
    p.exp_string("'still here'").unwrap();
    p.exp_string("> ").unwrap();
    // History: the up arrow recalls the previous entry.
    p.send("\x1b[A").unwrap();
    p.send_line("").unwrap();
    p.exp_string("'still here'").unwrap();
    p.exp_string("> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    let saved = std::fs::read_to_string(&history).expect("the history file");
    for entry in ["1 + 1", "[1,\n2]", "10 + 5", "'still here'"] {
        assert!(
            saved.contains(&entry.replace('\n', "\\n")) || saved.contains(entry),
            "{entry} in {saved:?}"
        );
    }
    // A new session starts with that history.
    let mut p = terminal(&dir, &history);
    p.exp_string("> ").unwrap();
    p.send("\x1b[A").unwrap();
    p.send_line("").unwrap();
    p.exp_string("'still here'").unwrap();
    p.send_line(".exit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn the_limits_end_the_session_with_their_exit_status() {
    // --time-limit is each input's: two inputs of 0.5 s each pass a 0.8 s limit, and a
    // third that never ends is stopped; nothing after it runs.
    let dir = scratch("limits");
    let wait = "var t = Date.now(); while (Date.now() - t < 500) {}; 'waited'\n";
    let input = format!("{wait}{wait}while (true) {{}}\n'after'\n");
    let (status, stdout, stderr) = repl(&dir, &["repl", "--time-limit", "0.8"], input.as_bytes());
    assert_eq!(status, 3, "stderr: {stderr}");
    assert_eq!(stdout.lines().collect::<Vec<_>>(), ["'waited'", "'waited'"]);
    assert_eq!(stderr, "compartments: time limit of 0.8 s exceeded\n");
    // --heap-limit is the session's: what the inputs keep adds up.
    let grow =
        "globalThis.kept = (globalThis.kept || []).concat([new Array(1e6).fill(1)]); kept.length\n";
    let (status, stdout, stderr) = repl(
        &dir,
        &["repl", "--heap-limit", "64"],
        grow.repeat(100).as_bytes(),
    );
    assert_eq!(status, 4, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stderr, "compartments: heap limit of 64 MB exceeded\n");
    assert!(stdout.lines().count() < 100, "{stdout}");
}
