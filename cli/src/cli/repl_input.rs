//! Where the REPL's lines come from: a terminal, with line editing and history (rustyline),
//! or anything else (a pipe, a file), read line by line with no prompt. Neither ends the
//! session on a line that is not UTF-8: it is reported and skipped.

use rustyline::error::ReadlineError;
use rustyline::history::{FileHistory, History};
use rustyline::{Config, Editor};
use std::io::{self, BufRead, IsTerminal};
use std::path::PathBuf;

/// What reading a line gave.
pub enum Input {
    /// A line, without its line terminator.
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// The end of the input (Ctrl-D on a terminal).
    End,
    /// A line that could not be taken: why (it is skipped, the session goes on).
    Invalid(String),
}

/// A source of REPL lines.
pub trait LineSource {
    /// The next line, after showing `prompt` where there is a terminal.
    fn read_line(&mut self, prompt: &str) -> Input;
    /// Remembers a complete entry (one or more lines) in the history.
    fn add_history(&mut self, _entry: &str) {}
}

/// The source for this process: a line editor when stdin is a terminal, else stdin's lines.
pub fn stdin_source() -> Box<dyn LineSource> {
    if io::stdin().is_terminal() {
        match Terminal::new() {
            Ok(terminal) => return Box::new(terminal),
            Err(error) => eprintln!("warning: no line editing ({error}); reading plain lines"),
        }
    }
    Box::new(Lines::new(io::stdin().lock()))
}

/// Lines of a reader, UTF-8 checked one by one.
pub struct Lines<R: BufRead> {
    reader: R,
    line_number: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            line_number: 0,
        }
    }
}

impl<R: BufRead> LineSource for Lines<R> {
    fn read_line(&mut self, _prompt: &str) -> Input {
        let mut bytes = Vec::new();
        loop {
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) if bytes.is_empty() => return Input::End,
                Ok(_) => break,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    eprintln!("error: cannot read stdin: {error}");
                    return Input::End;
                }
            }
        }
        self.line_number += 1;
        if bytes.ends_with(b"\n") {
            bytes.pop();
            if bytes.ends_with(b"\r") {
                bytes.pop();
            }
        }
        match String::from_utf8(bytes) {
            Ok(line) => Input::Line(line),
            Err(error) => Input::Invalid(format!(
                "input line {} is not UTF-8 (invalid byte at column {})",
                self.line_number,
                error.utf8_error().valid_up_to() + 1
            )),
        }
    }
}

/// A terminal with rustyline's line editing (arrows, Ctrl-A/E/K/W, reverse search with
/// Ctrl-R) and a history file.
pub struct Terminal {
    editor: Editor<(), FileHistory>,
    history_file: Option<PathBuf>,
}

impl Terminal {
    fn new() -> rustyline::Result<Terminal> {
        let config = Config::builder()
            .auto_add_history(false)
            .max_history_size(1000)?
            .build();
        let mut editor = Editor::with_config(config)?;
        let history_file = history_file();
        if let Some(file) = &history_file {
            // A missing history file is a first session, not an error.
            let _ = editor.load_history(file);
        }
        Ok(Terminal {
            editor,
            history_file,
        })
    }
}

/// The history file: `COMPARTMENTS_REPL_HISTORY` (empty: none), else
/// `~/.compartments_repl_history` (as node's `NODE_REPL_HISTORY` and
/// `~/.node_repl_history`).
pub fn history_file() -> Option<PathBuf> {
    match std::env::var_os("COMPARTMENTS_REPL_HISTORY") {
        Some(file) if file.is_empty() => None,
        Some(file) => Some(PathBuf::from(file)),
        None => std::env::var_os("HOME")
            .filter(|home| !home.is_empty())
            .map(|home| PathBuf::from(home).join(".compartments_repl_history")),
    }
}

impl LineSource for Terminal {
    fn read_line(&mut self, prompt: &str) -> Input {
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(ReadlineError::Eof) => Input::End,
            // rustyline reads UTF-8: an invalid sequence is an InvalidData error (the rest
            // of the line is then read as the next one).
            Err(ReadlineError::Io(error)) if error.kind() == io::ErrorKind::InvalidData => {
                Input::Invalid("the line typed is not UTF-8".to_string())
            }
            Err(error) => {
                eprintln!("error: cannot read the terminal: {error}");
                Input::End
            }
        }
    }

    fn add_history(&mut self, entry: &str) {
        if self.editor.add_history_entry(entry).unwrap_or(false) {
            if let Some(file) = &self.history_file {
                // Saved after each entry, so that a session ended by a signal keeps it.
                if let Err(error) = self.editor.history_mut().save(file) {
                    eprintln!(
                        "warning: cannot save the history to {}: {error}",
                        file.display()
                    );
                    self.history_file = None;
                }
            }
        }
    }
}
