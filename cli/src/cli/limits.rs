//! `--time-limit SECONDS` and `--heap-limit MB` (issue 21), one clap [`Args`] struct that
//! every command running JavaScript flattens (`run`, `test262`, and the REPL), and the exit
//! codes and messages for a run the limits ended. The limits themselves are the library's
//! (`compartments::spec::resource_limits`): checked at every call, loop iteration and job
//! and in built-ins' long loops; once one is hit, every later check throws again, so the
//! program cannot catch its way past it.

use clap::Args;
use compartments::host::engine::Engine;
use compartments::spec::resource_limits::Termination;
use std::time::Duration;

/// Exit status when the time limit (`--time-limit`) ended the run.
pub const EXIT_TIME_LIMIT: u8 = 3;
/// Exit status when the heap limit (`--heap-limit`) ended the run.
pub const EXIT_HEAP_LIMIT: u8 = 4;

/// The resource limits of one run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Args)]
pub struct LimitArgs {
    /// Stop evaluating after SECONDS (a decimal number) of wall-clock time: parsing,
    /// evaluation and promise jobs (for test262: per test and mode, default 30). The run
    /// ends with "time limit ... exceeded" and exit status 3.
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub time_limit: Option<Duration>,
    /// Stop when the heap has grown by more than MB megabytes (2^20 bytes) since the run
    /// began (for test262: per test and mode), counted after a full collection. The run
    /// ends with "heap limit ... exceeded" and exit status 4.
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub heap_limit: Option<u64>,
}

/// A positive, finite number of seconds.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if !(seconds > 0.0 && seconds <= 1e9) {
        return Err(format!(
            "`{text}`: the time limit must be more than 0 and at most 1e9 seconds"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

impl LimitArgs {
    /// Sets the limits on `engine` (a time limit given by the command line, else
    /// `default_time`), from now on. An error when the heap cannot be counted (the host's
    /// global allocator is not the library's counting one).
    pub fn apply(&self, engine: &mut Engine, default_time: Option<Duration>) -> Result<(), String> {
        engine.set_time_limit(self.time_limit.or(default_time));
        let bytes = self
            .heap_limit
            .map(|mb| (mb as usize).saturating_mul(1 << 20));
        if !engine.set_heap_limit(bytes) {
            return Err(
                "error: --heap-limit: this program does not count its heap (its global allocator \
                 is not compartments' CountingAllocator)"
                    .to_string(),
            );
        }
        Ok(())
    }

    /// What a run that `termination` ended reports: the message for stderr and the exit
    /// status (an output failure: 1; a closed pipe is the caller's to end quietly).
    pub fn report(&self, termination: Termination, default_time: Option<Duration>) -> (String, u8) {
        match termination {
            Termination::TimeLimit => {
                let limit = self.time_limit.or(default_time).unwrap_or_default();
                (
                    format!(
                        "compartments: time limit of {} s exceeded",
                        limit.as_secs_f64()
                    ),
                    EXIT_TIME_LIMIT,
                )
            }
            Termination::HeapLimit => (
                format!(
                    "compartments: heap limit of {} MB exceeded",
                    self.heap_limit.unwrap_or_default()
                ),
                EXIT_HEAP_LIMIT,
            ),
            Termination::OutputFailed(kind) => (
                format!(
                    "compartments: cannot write to stdout: {}",
                    std::io::Error::from(kind)
                ),
                1,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_positive_decimal_numbers() {
        assert_eq!(parse_seconds("1"), Ok(Duration::from_secs(1)));
        assert_eq!(parse_seconds("0.25"), Ok(Duration::from_millis(250)));
        for bad in ["0", "-1", "x", "NaN", "inf", "1e10"] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
    }
}
