//! A progress bar on stderr for long runs, shown only when stderr is a terminal (so logs
//! and CI output stay clean).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts finished tests (and failures among them). Shared by the worker threads.
pub struct Progress {
    bar: ProgressBar,
    failed: AtomicUsize,
}

impl Progress {
    /// A bar for `len` tests on stderr if stderr is a terminal, else nothing drawn.
    pub fn on_stderr(len: usize) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} tests, {msg} [{elapsed} eta {eta}]")
        {
            bar.set_style(style);
        }
        bar.set_message("0 failed");
        Progress {
            bar,
            failed: AtomicUsize::new(0),
        }
    }

    /// Draws nothing.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            failed: AtomicUsize::new(0),
        }
    }

    /// One more test finished.
    pub fn finished_one(&self, failed: bool) {
        if failed {
            let failed = self.failed.fetch_add(1, Ordering::Relaxed) + 1;
            self.bar.set_message(format!("{failed} failed"));
        }
        self.bar.inc(1);
    }

    /// Removes the bar, so that the report that follows starts on a clean line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
