//! The worker side: inputs run in-process, one fresh engine each, under the run limits of
//! `--time-limit` / `--heap-limit` (spec/resource_limits.rs), with every panic caught.
//! Findings that cannot be caught in-process (an abort, a hang past the limits, memory
//! past what the heap limit allows) end or stall the worker process; the supervisor
//! (`super::run`) sees that from outside and restarts it.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::host::stack::catch_panic;
use compartments::spec::resource_limits::{CountingAllocator, Termination};
use compartments::syntax::parse_script;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::io::{BufRead, Read, Write};
use std::sync::Arc;
use std::time::Duration;

/// What one input did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Ran to the end (its promise jobs too).
    Completed,
    /// An exception nothing caught.
    Threw,
    /// Not a Script.
    SyntaxError,
    /// Ended by the time limit.
    TimeLimit,
    /// Ended by the heap limit.
    HeapLimit,
    /// The interpreter panicked: always a bug (the message and where).
    Panic(String),
    /// One allocation of this many bytes, far past the heap limit: a size the program
    /// controls that nothing checked (an abort waiting to happen on a smaller machine).
    HugeAllocation(usize),
    /// The worker process died (an abort, a stack overflow, a signal).
    Crash(String),
    /// No answer long after the time limit: a loop no limit check reaches.
    Hang,
    /// The worker's resident memory passed the supervisor's bound.
    Memory(u64),
}

impl Verdict {
    /// Whether this is a finding to keep (a bug), not an ordinary outcome.
    pub fn is_finding(&self) -> bool {
        matches!(
            self,
            Verdict::Panic(_)
                | Verdict::HugeAllocation(_)
                | Verdict::Crash(_)
                | Verdict::Hang
                | Verdict::Memory(_)
        )
    }

    /// The kind, as the findings folder names files.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Completed => "completed",
            Verdict::Threw => "threw",
            Verdict::SyntaxError => "syntax-error",
            Verdict::TimeLimit => "time-limit",
            Verdict::HeapLimit => "heap-limit",
            Verdict::Panic(_) => "panic",
            Verdict::HugeAllocation(_) => "huge-allocation",
            Verdict::Crash(_) => "crash",
            Verdict::Hang => "hang",
            Verdict::Memory(_) => "memory",
        }
    }

    /// What identifies the same bug when minimising: the kind, and for a panic where it
    /// happened.
    pub fn signature(&self) -> String {
        match self {
            Verdict::Panic(message) => match message.rfind("(at ") {
                Some(at) => format!("panic {}", &message[at..]),
                None => format!("panic {message}"),
            },
            other => other.kind().to_string(),
        }
    }

    /// One line: kind, tab, detail.
    pub fn to_line(&self) -> String {
        let detail = match self {
            Verdict::Panic(message) | Verdict::Crash(message) => message.replace('\n', " "),
            Verdict::HugeAllocation(bytes) => bytes.to_string(),
            Verdict::Memory(kb) => kb.to_string(),
            _ => String::new(),
        };
        format!("{}\t{}", self.kind(), detail)
    }

    pub fn from_line(line: &str) -> Verdict {
        let (kind, detail) = line.split_once('\t').unwrap_or((line, ""));
        match kind {
            "completed" => Verdict::Completed,
            "threw" => Verdict::Threw,
            "syntax-error" => Verdict::SyntaxError,
            "time-limit" => Verdict::TimeLimit,
            "heap-limit" => Verdict::HeapLimit,
            "panic" => Verdict::Panic(detail.to_string()),
            "huge-allocation" => Verdict::HugeAllocation(detail.parse().unwrap_or(0)),
            "hang" => Verdict::Hang,
            "memory" => Verdict::Memory(detail.parse().unwrap_or(0)),
            _ => Verdict::Crash(format!("unreadable answer {line:?}")),
        }
    }
}

/// The limits every input runs under.
#[derive(Clone, Copy, Debug)]
pub struct InputLimits {
    pub time: Duration,
    pub heap_bytes: usize,
}

thread_local! {
    /// The largest single allocation this thread asked for since the last reset.
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

/// The fuzz binary's global allocator: [`CountingAllocator`] (for the heap limit) that
/// also remembers each thread's largest request (for [`Verdict::HugeAllocation`]).
pub struct TrackingAllocator;

// SAFETY: every request goes to CountingAllocator (the system allocator, counted)
// unchanged; the bookkeeping is a const thread-local Cell, which never allocates.
unsafe impl GlobalAlloc for TrackingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { CountingAllocator.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: as `alloc`.
        unsafe { CountingAllocator.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with `layout`.
        unsafe { CountingAllocator.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: `ptr` came from `alloc` with `layout`.
        unsafe { CountingAllocator.realloc(ptr, layout, new_size) }
    }
}

fn note(size: usize) {
    LARGEST.with(|largest| {
        if size > largest.get() {
            largest.set(size);
        }
    });
}

/// The harness every input gets: test262's assert.js, sta.js, compareArray.js,
/// propertyHelper.js and doneprintHandle.js (what most tests include), parsed once.
pub fn load_harness(test262_dir: Option<&std::path::Path>) -> Vec<ScriptSource> {
    let Some(dir) = test262_dir else {
        return Vec::new();
    };
    [
        "assert.js",
        "sta.js",
        "compareArray.js",
        "propertyHelper.js",
        "doneprintHandle.js",
    ]
    .iter()
    .filter_map(|name| {
        let text = std::fs::read_to_string(dir.join("harness").join(name)).ok()?;
        let program = parse_script(&text).ok()?;
        Some(ScriptSource {
            name: format!("harness/{name}"),
            text: Arc::from(text.as_str()),
            program: Arc::new(program),
        })
    })
    .collect()
}

/// Runs one input in a fresh engine (with `$262`, printing captured) after `harness`,
/// under `limits`. Call it on a thread with a big stack.
pub fn run_input(text: &str, harness: &[ScriptSource], limits: InputLimits) -> Verdict {
    LARGEST.with(|largest| largest.set(0));
    let verdict = catch_panic(|| {
        let program = match parse_script(text) {
            Ok(program) => program,
            Err(_) => return Verdict::SyntaxError,
        };
        let mut engine = Engine::new(EngineOptions {
            test262: true,
            capture_print: true,
            ..EngineOptions::default()
        });
        engine.set_time_limit(Some(limits.time));
        engine.set_heap_limit(Some(limits.heap_bytes));
        let source = ScriptSource {
            name: "input.js".to_string(),
            text: Arc::from(text),
            program: Arc::new(program),
        };
        let mut completion = Ok(());
        for script in harness {
            completion = completion.and_then(|()| engine.evaluate_script(script));
        }
        let completion = completion
            .and_then(|()| engine.evaluate_script(&source))
            .and_then(|()| engine.run_jobs());
        match engine.termination() {
            Some(Termination::TimeLimit) => Verdict::TimeLimit,
            Some(Termination::HeapLimit) => Verdict::HeapLimit,
            _ if completion.is_err() => Verdict::Threw,
            _ => Verdict::Completed,
        }
    })
    .unwrap_or_else(Verdict::Panic);
    let largest = LARGEST.with(Cell::get);
    if !verdict.is_finding() && largest > limits.heap_bytes.saturating_mul(4).max(1 << 30) {
        return Verdict::HugeAllocation(largest);
    }
    verdict
}

/// The worker process: reads inputs from stdin (a decimal byte count, a newline, the
/// text), answers each with one line on stdout ([`Verdict::to_line`]).
pub fn worker_main(harness: Vec<ScriptSource>, limits: InputLimits) -> std::process::ExitCode {
    compartments::host::stack::install_quiet_panic_hook();
    let result = std::thread::Builder::new()
        .name("fuzz-worker".to_string())
        .stack_size(compartments::host::stack::PARSER_STACK_SIZE)
        .spawn(move || {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            let stdout = std::io::stdout();
            loop {
                let mut header = String::new();
                if input.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let Ok(len) = header.trim().parse::<usize>() else {
                    return;
                };
                let mut bytes = vec![0u8; len];
                if input.read_exact(&mut bytes).is_err() {
                    return;
                }
                let text = String::from_utf8_lossy(&bytes);
                let verdict = run_input(&text, &harness, limits);
                let mut out = stdout.lock();
                if writeln!(out, "{}", verdict.to_line()).is_err() || out.flush().is_err() {
                    return;
                }
            }
        })
        .and_then(|handle| {
            handle
                .join()
                .map_err(|_| std::io::Error::other("the worker thread panicked"))
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::FAILURE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_lines_round_trip() {
        for verdict in [
            Verdict::Completed,
            Verdict::Threw,
            Verdict::SyntaxError,
            Verdict::TimeLimit,
            Verdict::HeapLimit,
            Verdict::Panic("boom (at src/x.rs:1:2)".to_string()),
            Verdict::HugeAllocation(1 << 33),
            Verdict::Hang,
            Verdict::Memory(123),
        ] {
            assert_eq!(Verdict::from_line(&verdict.to_line()), verdict);
        }
        assert_eq!(
            Verdict::Panic("index out of bounds (at src/a.rs:3:4)".to_string()).signature(),
            "panic (at src/a.rs:3:4)"
        );
    }
}
