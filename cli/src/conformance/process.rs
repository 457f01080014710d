//! Running another engine's process with a time limit, and running many in parallel.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// What a finished (or killed) process left.
#[derive(Clone, Debug, Default)]
pub struct ProcessOutput {
    /// The exit code; `None` when a signal ended it (or it was killed).
    pub code: Option<i32>,
    /// The signal that ended it, on Unix.
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Killed after the time limit.
    pub timed_out: bool,
}

impl ProcessOutput {
    /// `exit status N`, `killed by signal N` or `timed out`.
    pub fn status_text(&self) -> String {
        if self.timed_out {
            return "timed out".to_string();
        }
        match (self.code, self.signal) {
            (Some(code), _) => format!("exit status {code}"),
            (None, Some(signal)) => format!("killed by signal {signal}{}", signal_name(signal)),
            (None, None) => "ended without a status".to_string(),
        }
    }
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        6 => " (SIGABRT)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => "",
    }
}

/// Runs `program args` in `dir` with stdin empty, reading its stdout and stderr, killing
/// it after `limit`. An error when it cannot be started.
pub fn run_with_limit(
    program: &Path,
    args: &[String],
    dir: &Path,
    env: &[(&str, String)],
    limit: Duration,
) -> Result<ProcessOutput, String> {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_reader = thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(pipe) = stdout.as_mut() {
            let _ = pipe.read_to_end(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    });
    let err_reader = thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(pipe) = stderr.as_mut() {
            let _ = pipe.read_to_end(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    #[cfg(unix)]
    let signal = {
        use std::os::unix::process::ExitStatusExt;
        status.and_then(|s| s.signal())
    };
    #[cfg(not(unix))]
    let signal = None;
    Ok(ProcessOutput {
        code: status.and_then(|s| s.code()),
        signal,
        stdout,
        stderr,
        timed_out,
    })
}

/// `f` applied to every item on `jobs` threads, the results in the items' order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(index) else { break };
                let result = f(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was run"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_the_order() {
        let items: Vec<usize> = (0..50).collect();
        assert_eq!(
            parallel_map(&items, 3, |n| n * 2),
            (0..50).map(|n| n * 2).collect::<Vec<_>>()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_process_runs_and_a_slow_one_is_killed() {
        let sh = Path::new("/bin/sh");
        let out = run_with_limit(
            sh,
            &["-c".into(), "echo hi; echo err >&2; exit 3".into()],
            Path::new("."),
            &[],
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (Some(3), "hi\n", "err\n")
        );
        let slow = run_with_limit(
            sh,
            &["-c".into(), "sleep 5".into()],
            Path::new("."),
            &[],
            Duration::from_millis(100),
        )
        .unwrap();
        assert!(slow.timed_out);
        assert_eq!(slow.status_text(), "timed out");
    }
}
