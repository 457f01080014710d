//! test262 execution over the `language/` directories issues 3, 5 and 6 cover (expressions,
//! statements, types, eval-code, function-code, arguments-object, block-scope,
//! global-code, module-code, import, export, literals), through the `compartments test262` command. Fails when a test fails that
//! `tests/expectations/test262-language-failures.txt` does not list, or when a listed test
//! passes (the list must stay honest). Features not implemented yet are skipped through
//! `src/host/test262/unsupported.rs`.

mod common;

const EXPECT: &str = "tests/expectations/test262-language-failures.txt";
const DIRECTORIES: &[&str] = &[
    "expressions",
    "statements",
    "types",
    "eval-code",
    "function-code",
    "arguments-object",
    "block-scope",
    "global-code",
    "module-code",
    "import",
    "export",
    "literals",
];

#[test]
fn test262_language_directories_do_not_regress() {
    common::run_with_expected_failures(
        env!("CARGO_BIN_EXE_compartments"),
        "language",
        DIRECTORIES,
        &[],
        EXPECT,
    );
}
