//! test262 under SES's lockdown (issue 15 item 5), through `compartments test262
//! --lockdown` and `compartments test262 --lockdown --compartment`, the two modes of XS's
//! `xst -l` and `xst -lc` (docs/test262-lockdown.md): on a subset of the directories, so
//! that CI stays short, each mode is checked against its expected-failures file, which
//! gives every listed test a reason — a consequence of the frozen intrinsics or of the
//! tamed powers, or a failure the test has without lockdown too. The full run is
//! documented in docs/test262-lockdown.md.

mod common;

const LOCKDOWN_EXPECT: &str = "tests/expectations/test262-lockdown-failures.txt";
const COMPARTMENT_EXPECT: &str = "tests/expectations/test262-lockdown-compartment-failures.txt";

/// The subset CI runs (under `test/`): the built-ins whose properties and prototypes most
/// tests check (most of the lockdown failures are there), the function constructors, Date
/// and Math (tamed), binary data, and the language directories of modules, eval and the
/// global scope (module tests run as modules of the compartment).
const PATHS: &[&str] = &[
    "built-ins/Object",
    "built-ins/Function",
    "built-ins/GeneratorFunction",
    "built-ins/AsyncFunction",
    "built-ins/AsyncGeneratorFunction",
    "built-ins/GeneratorPrototype",
    "built-ins/AsyncGeneratorPrototype",
    "built-ins/ThrowTypeError",
    "built-ins/Promise",
    "built-ins/Date",
    "built-ins/Math",
    "built-ins/JSON",
    "built-ins/Reflect",
    "built-ins/Proxy",
    "built-ins/Symbol",
    "built-ins/Error",
    "built-ins/NativeErrors",
    "built-ins/AggregateError",
    "built-ins/Iterator",
    "built-ins/Map",
    "built-ins/WeakMap",
    "built-ins/WeakSet",
    "built-ins/WeakRef",
    "built-ins/FinalizationRegistry",
    "built-ins/Boolean",
    "built-ins/BigInt",
    "built-ins/TypedArray",
    "built-ins/TypedArrayConstructors",
    "built-ins/ArrayBuffer",
    "built-ins/DataView",
    "language/module-code",
    "language/import",
    "language/export",
    "language/expressions/dynamic-import",
    "language/eval-code",
    "language/global-code",
    "language/function-code",
    "language/arguments-object",
    "language/types",
];

/// Left out of the subset: tests that take ~15 s each here with or without lockdown (the
/// plain built-ins run has them).
const EXCLUDED: &[&str] = &[
    "built-ins/TypedArray/prototype/copyWithin/coerced-values-end-detached.js",
    "built-ins/TypedArray/prototype/copyWithin/coerced-values-end-detached-prototype.js",
    "built-ins/TypedArray/prototype/copyWithin/coerced-values-start-detached.js",
];

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| name.to_string()).collect()
}

#[test]
fn test262_subset_under_lockdown_does_not_regress() {
    common::run_paths_with_expected_failures(
        env!("CARGO_BIN_EXE_compartments"),
        "test262 --lockdown",
        &["--lockdown"],
        &strings(PATHS),
        &strings(EXCLUDED),
        LOCKDOWN_EXPECT,
    );
}

#[test]
fn test262_subset_under_lockdown_in_a_compartment_does_not_regress() {
    common::run_paths_with_expected_failures(
        env!("CARGO_BIN_EXE_compartments"),
        "test262 --lockdown --compartment",
        &["--lockdown", "--compartment"],
        &strings(PATHS),
        &strings(EXCLUDED),
        COMPARTMENT_EXPECT,
    );
}

/// What a reason may say: a consequence of lockdown (frozen intrinsics, the tamed function
/// constructors, Date, Math and Atomics — `waitAsync` without timers in a compartment —,
/// override taming) or why the test fails without it.
const REASON_KINDS: &[&str] = &[
    "frozen intrinsics: ",
    "tamed function constructors: ",
    "tamed Date: ",
    "tamed Math: ",
    "tamed Atomics: ",
    "overrideTaming: ",
    "fails without lockdown too: ",
    "Compartments, not lockdown: ",
    "test262 host, not lockdown: ",
];

#[test]
fn every_listed_failure_has_a_reason_of_a_known_kind() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in [LOCKDOWN_EXPECT, COMPARTMENT_EXPECT] {
        let text = std::fs::read_to_string(root.join(file)).expect("the list exists");
        let mut listed = 0;
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            listed += 1;
            let (name, reason) = line
                .split_once(" # ")
                .unwrap_or_else(|| panic!("{file}: no reason for {line}"));
            assert!(name.trim_end().starts_with("test/"), "{file}: {line}");
            assert!(
                REASON_KINDS.iter().any(|kind| reason.starts_with(kind)),
                "{file}: the reason for {name} is none of {REASON_KINDS:?}: {reason}"
            );
        }
        assert!(listed > 0, "{file} lists nothing");
    }
}
