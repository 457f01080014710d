//! The test262 runner. Two kinds of run: parse-only (each test is parsed in the modes its
//! metadata asks for and the outcome compared with its `negative` expectation, through
//! [`run_parse_only`]; `tests/test262_parse.rs` drives it) and execution (each mode of each
//! test evaluated in a fresh engine after its harness files, through [`run_tests`]), both
//! as INTERPRETING.md describes. The CLI is `compartments test262 [--parse-only]`.

pub mod discover;
pub mod execute;
pub mod expectations;
pub mod expected_failures;
pub mod frontmatter;
pub mod harness;
pub mod json_report;
pub mod modes;
pub mod outcome;
pub mod pool;
pub mod progress;
pub mod runner;
pub mod summary;
pub mod unsupported;
pub mod verdict;

pub use discover::{collect_tests, find_test262_dir, TestCase};
pub use execute::{execute_source, execute_source_with, run_tests, EngineSetup};
pub use expectations::{read_expected, regressions, write_expected};
pub use expected_failures::{review, ExpectedFailures, Review};
pub use frontmatter::{parse_metadata, Metadata, Negative};
pub use harness::{harness_files, HarnessCache};
pub use json_report::write_json;
pub use modes::{modes_for, modes_under, Mode, Ses};
pub use outcome::{ModeResult, Outcome, TestResult};
pub use progress::Progress;
pub use runner::{parse_only_test, run_parse_only, run_parse_only_with};
pub use summary::Summary;
pub use unsupported::{unsupported_feature, unsupported_flag, UNSUPPORTED_FEATURES};
pub use verdict::Expectation;
