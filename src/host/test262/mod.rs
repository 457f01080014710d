//! The test262 runner. Today it has one mode, parse-only: each test is parsed in the modes
//! its metadata asks for (INTERPRETING.md) and the outcome is compared with its `negative`
//! expectation. The CLI (`compartments test262 --parse-only`) and the integration test
//! `tests/test262_parse.rs` both drive it through [`run_parse_only`].

pub mod discover;
pub mod expectations;
pub mod frontmatter;
pub mod modes;
pub mod runner;
pub mod summary;
pub mod unsupported;

pub use discover::{collect_tests, find_test262_dir, TestCase};
pub use expectations::{read_expected, regressions, write_expected};
pub use frontmatter::{parse_metadata, Metadata, Negative};
pub use modes::{modes_for, Mode};
pub use runner::{parse_only_test, run_parse_only, Outcome, TestResult};
pub use summary::Summary;
pub use unsupported::{unsupported_feature, UNSUPPORTED_FEATURES};
