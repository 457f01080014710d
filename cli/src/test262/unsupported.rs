//! test262 features and flags this implementation does not support yet. A test whose
//! `features` name one of [`UNSUPPORTED_FEATURES`] is skipped (counted as skipped, never as
//! passed) in every run; a test with one of [`UNSUPPORTED_FLAGS`] is skipped when tests are
//! executed (parse-only runs still parse it).
//!
//! Every entry needs a reason: what is missing, and where it is tracked if anywhere. An
//! entry is a promise to come back, not a way to hide a failure: remove it as soon as the
//! feature works.

/// `(feature name as test262 spells it in features.txt, why it is unsupported)`.
pub const UNSUPPORTED_FEATURES: &[(&str, &str)] = &[(
    "decorators",
    "the decorators proposal (stage 3: `@dec`, `accessor` fields) is not part of ECMAScript \
     2025 and the grammar does not have it",
)];

/// `(feature, why it cannot be executed yet)`: features whose syntax parses but whose
/// runtime comes with a later issue. Only execution runs skip these (the parse-only run
/// still parses every such test). The list shrinks as the issues land.
pub const UNSUPPORTED_EXECUTION_FEATURES: &[(&str, &str)] = &[
    // Issue 6: modules.
    (
        "export-defer",
        "the deferred re-exports proposal (`export defer`), stage 2, not implemented",
    ),
    (
        "import-bytes",
        "a proposal past ES2025 (import bytes: modules whose value is a Uint8Array), not \
         implemented",
    ),
    // Proposals past ES2025.
    ("Temporal", "not part of ECMAScript 2025"),
    (
        "await-dictionary",
        "not part of ECMAScript 2025 (Promise.allKeyed, Promise.allSettledKeyed)",
    ),
    (
        "json-parse-with-source",
        "not part of ECMAScript 2025 (JSON.rawJSON, reviver context)",
    ),
    ("ShadowRealm", "not part of ECMAScript 2025"),
    ("Error.isError", "not part of ECMAScript 2025"),
    ("error-stack-accessor", "not part of ECMAScript 2025"),
    (
        "upsert",
        "not part of ECMAScript 2025 (Map.prototype.getOrInsert)",
    ),
    ("RegExp.escape", "not part of ECMAScript 2025"),
    ("uint8array-base64", "not part of ECMAScript 2025"),
    ("immutable-arraybuffer", "not part of ECMAScript 2025"),
    ("canonical-tz", "not part of ECMAScript 2025"),
    (
        "caller",
        "the optional `caller` extension of sloppy functions (ECMA-262 17.1 forbids it for \
         strict ones and leaves it to hosts) is not implemented",
    ),
    (
        "explicit-resource-management",
        "not part of ECMAScript 2025",
    ),
    ("iterator-chunking", "not part of ECMAScript 2025"),
    ("iterator-includes", "not part of ECMAScript 2025"),
    ("iterator-sequencing", "not part of ECMAScript 2025"),
    ("joint-iteration", "not part of ECMAScript 2025"),
    ("Iterator.prototype.join", "not part of ECMAScript 2025"),
    (
        "tail-call-optimization",
        "a tree-walking interpreter does not eliminate tail calls",
    ),
    ("IsHTMLDDA", "the host has no [[IsHTMLDDA]] object"),
    (
        "nonextensible-applies-to-private",
        "a proposal past ES2025 (PrivateFieldAdd on non-extensible objects)",
    ),
];

/// The first of `features` that an execution run cannot run yet, with the reason.
pub fn unsupported_execution_feature<S: AsRef<str>>(
    features: &[S],
) -> Option<(&'static str, &'static str)> {
    first_listed(UNSUPPORTED_EXECUTION_FEATURES, features)
}

/// `(flag, why tests with it cannot be executed)`. Only execution runs skip these.
/// (`module` tests run since issue 6, `async` ones since issue 5.)
pub const UNSUPPORTED_FLAGS: &[(&str, &str)] = &[(
    "CanBlockIsFalse",
    "this host's main agent can block ([[CanBlock]] is true, so Atomics.wait suspends it); \
     the test is for hosts whose main agent cannot",
)];

/// The first of `flags` that keeps a test from being executed, with the reason, if any.
pub fn unsupported_flag<S: AsRef<str>>(flags: &[S]) -> Option<(&'static str, &'static str)> {
    first_listed(UNSUPPORTED_FLAGS, flags)
}

/// The first of `features` that is unsupported, with the reason, if any.
pub fn unsupported_feature<S: AsRef<str>>(features: &[S]) -> Option<(&'static str, &'static str)> {
    first_listed(UNSUPPORTED_FEATURES, features)
}

/// The entry of `list` for the first of `names` that it lists.
fn first_listed<S: AsRef<str>>(
    list: &'static [(&'static str, &'static str)],
    names: &[S],
) -> Option<(&'static str, &'static str)> {
    names
        .iter()
        .find_map(|name| list.iter().find(|(n, _)| *n == name.as_ref()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_reason_and_a_unique_name() {
        for list in [
            UNSUPPORTED_FEATURES,
            UNSUPPORTED_FLAGS,
            UNSUPPORTED_EXECUTION_FEATURES,
        ] {
            for (i, (name, reason)) in list.iter().enumerate() {
                assert!(!name.trim().is_empty(), "entry {i} has no name");
                assert!(!reason.trim().is_empty(), "{name} has no reason");
                assert!(
                    list[..i].iter().all(|(n, _)| n != name),
                    "{name} is listed twice"
                );
            }
        }
    }

    #[test]
    fn no_features_means_supported() {
        assert_eq!(unsupported_feature::<&str>(&[]), None);
        assert_eq!(unsupported_flag::<&str>(&[]), None);
    }

    #[test]
    fn module_and_async_flags_run() {
        assert_eq!(unsupported_flag(&["onlyStrict", "async"]), None);
        assert_eq!(
            unsupported_execution_feature(&["Promise", "promise-try"]),
            None
        );
        assert_eq!(unsupported_flag(&["module"]), None);
        assert_eq!(unsupported_flag(&["raw", "noStrict", "generated"]), None);
    }
}
