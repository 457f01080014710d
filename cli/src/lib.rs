//! The `compartments` command line and the test262 runner, over the `compartments`
//! library: `cli` parses the arguments and runs each command; `test262` discovers, runs and
//! reports test262-format tests; `conformance` runs the conformance corpus on ours and on other
//! engines (also the suite of `tests/conformance.rs`); `report` writes the HTML page of
//! `compartments run --report`.

pub mod cli;
pub mod conformance;
pub mod fuzz;
pub mod report;
pub mod spec_text;
pub mod test262;
