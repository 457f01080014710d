//! Running tests in parallel on worker threads with big stacks (parsing and evaluation
//! are recursive), in the order given.

use super::discover::TestCase;
use super::outcome::TestResult;
use super::progress::Progress;
use compartments::host::stack::PARSER_STACK_SIZE;
use rayon::prelude::*;

/// Runs `run` on every case, on `threads` worker threads (one per core when `None`) each
/// with a [`PARSER_STACK_SIZE`] stack, counting each finished test on `progress`. The
/// results are in the order of `cases`. `run` must catch its own panics. Fails only when
/// the thread pool cannot be built.
pub fn run_in_pool<F>(
    cases: &[TestCase],
    threads: Option<usize>,
    progress: &Progress,
    run: F,
) -> Result<Vec<TestResult>, String>
where
    F: Fn(&TestCase) -> TestResult + Sync,
{
    let mut builder = rayon::ThreadPoolBuilder::new()
        .stack_size(PARSER_STACK_SIZE)
        .thread_name(|i| format!("test262-{i}"));
    if let Some(threads) = threads {
        builder = builder.num_threads(threads);
    }
    let pool = builder
        .build()
        .map_err(|e| format!("cannot start the test262 worker threads: {e}"))?;
    let results = pool.install(|| {
        cases
            .par_iter()
            .map(|case| {
                let result = run(case);
                progress.finished_one(result.outcome.is_failure());
                result
            })
            .collect()
    });
    progress.finish();
    Ok(results)
}
