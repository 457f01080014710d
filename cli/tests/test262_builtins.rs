//! test262 execution over the `built-ins/` directories of the library issue 4 covers and
//! `Promise`, `AsyncGeneratorPrototype`, `AsyncGeneratorFunction` and
//! `AsyncFromSyncIteratorPrototype` (issue 5), `RegExp` and `RegExpStringIteratorPrototype`,
//! and binary data (`ArrayBuffer`, `SharedArrayBuffer`, `DataView`, `TypedArray`,
//! `TypedArrayConstructors`, `Atomics`; issue 16), through the `compartments test262` command. Fails when a test fails that
//! `tests/expectations/test262-builtins-failures.txt` does not list, or when a listed test
//! passes (the list must stay honest). Features not implemented yet are skipped through
//! `src/host/test262/unsupported.rs`.

mod common;

const EXPECT: &str = "tests/expectations/test262-builtins-failures.txt";
const DIRECTORIES: &[&str] = &[
    "AbstractModuleSource",
    "Object",
    "Function",
    "Boolean",
    "Symbol",
    "Error",
    "NativeErrors",
    "AggregateError",
    "Number",
    "Math",
    "BigInt",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "decodeURI",
    "decodeURIComponent",
    "encodeURI",
    "encodeURIComponent",
    "String",
    "StringIteratorPrototype",
    "Array",
    "ArrayIteratorPrototype",
    "JSON",
    "Reflect",
    "Proxy",
    "Date",
    "Map",
    "MapIteratorPrototype",
    "Set",
    "SetIteratorPrototype",
    "WeakMap",
    "WeakSet",
    "WeakRef",
    "FinalizationRegistry",
    "Iterator",
    "Promise",
    "AsyncGeneratorPrototype",
    "AsyncGeneratorFunction",
    "AsyncFromSyncIteratorPrototype",
    "global",
    "Infinity",
    "NaN",
    "undefined",
    "ThrowTypeError",
    "RegExp",
    "RegExpStringIteratorPrototype",
    "ArrayBuffer",
    "SharedArrayBuffer",
    "DataView",
    "TypedArray",
    "TypedArrayConstructors",
    "Atomics",
];

/// Left out of the run: each of the 442 generated property-escape tests builds, in
/// JavaScript (harness/regExpUtils.js buildString), strings of every code point of the
/// property and of its complement (~1.1 million code points, one loop iteration each):
/// ~9 s of CPU per test here, ~35 minutes for the directory on two cores. Run them by hand
/// (`compartments test262 ../shared/test262/test/built-ins/RegExp/property-escapes`); a
/// sample of 51 (all of `strings/`, every 20th other) passed when RegExp landed.
const EXCLUDED: &[&str] = &["RegExp/property-escapes/generated"];

#[test]
fn test262_builtins_directories_do_not_regress() {
    common::run_with_expected_failures(
        env!("CARGO_BIN_EXE_compartments"),
        "built-ins",
        DIRECTORIES,
        EXCLUDED,
        EXPECT,
    );
}
