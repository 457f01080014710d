//! test262 features this implementation does not support yet. A test whose `features`
//! name one of them is skipped (counted as skipped, never as passed).
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

/// The first of `features` that is unsupported, with the reason, if any.
pub fn unsupported_feature<S: AsRef<str>>(features: &[S]) -> Option<(&'static str, &'static str)> {
    features.iter().find_map(|feature| {
        UNSUPPORTED_FEATURES
            .iter()
            .find(|(name, _)| *name == feature.as_ref())
            .copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_reason_and_a_unique_name() {
        for (i, (name, reason)) in UNSUPPORTED_FEATURES.iter().enumerate() {
            assert!(!name.trim().is_empty(), "entry {i} has no feature name");
            assert!(!reason.trim().is_empty(), "feature {name} has no reason");
            assert!(
                UNSUPPORTED_FEATURES[..i].iter().all(|(n, _)| n != name),
                "feature {name} is listed twice"
            );
        }
    }

    #[test]
    fn no_features_means_supported() {
        assert_eq!(unsupported_feature::<&str>(&[]), None);
    }
}
