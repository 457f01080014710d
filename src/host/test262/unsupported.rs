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

/// `(flag, why tests with it cannot be executed yet)`. Only execution runs skip these.
pub const UNSUPPORTED_FLAGS: &[(&str, &str)] = &[
    // Module records, linking and HostLoadImportedModule come with the modules issue; this
    // also covers `negative: {phase: resolution}`, which only module tests have.
    ("module", "module tests need issue 6"),
    // Promise jobs and the `print`-based completion protocol need the job queue.
    ("async", "async tests need issue 5"),
];

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
        for list in [UNSUPPORTED_FEATURES, UNSUPPORTED_FLAGS] {
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
    fn module_and_async_flags_are_skipped_with_their_issue() {
        assert_eq!(
            unsupported_flag(&["onlyStrict", "async"]),
            Some(("async", "async tests need issue 5"))
        );
        assert_eq!(
            unsupported_flag(&["module"]),
            Some(("module", "module tests need issue 6"))
        );
        assert_eq!(unsupported_flag(&["raw", "noStrict", "generated"]), None);
    }
}
