//! The `compartments` command line and the test262 runner, over the `compartments`
//! library: `cli` parses the arguments and runs each command; `test262` discovers, runs and
//! reports test262-format tests (also the conformance suite of `tests/conformance.rs`).

pub mod cli;
pub mod fuzz;
pub mod test262;
