//! The proposals this engine implements beyond ECMAScript 2025, each of which can be turned
//! off: with none of them the engine is plain ECMAScript 2025 (no `ModuleSource`, `Module`,
//! `Evaluators` or `Compartment` globals; `import source`, `import.source(...)`,
//! `import defer` and `import.defer(...)` are SyntaxErrors; hosts give modules no
//! [[ModuleSource]]), so that a spec author can see how a proposal changes a result.
//!
//! The set travels with the parse ([`super::ParseOptions::features`]: the builder rejects a
//! proposal's syntax when its feature is off) and with the agent (`Agent::features`: the
//! realm's global bindings and the host's module sources). Every other branch of the
//! algorithms that a proposal adds is reached only through that syntax or those globals, so
//! with them gone the algorithms take their ECMAScript 2025 paths.

use std::fmt;

/// A set of proposals (a bit set; [`Features::default`] is all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Features(u8);

impl Features {
    /// Source phase imports: `import source x from "m"`, `import.source(m)`,
    /// %AbstractModuleSource% and the modules' [[ModuleSource]].
    pub const SOURCE_PHASE_IMPORTS: Features = Features(1);
    /// Deferred module evaluation: `import defer * as ns from "m"`, `import.defer(m)`.
    pub const IMPORT_DEFER: Features = Features(2);
    /// The Compartments proposal (and the SES lockdown built on it): the `ModuleSource`,
    /// `Module`, `Evaluators` and `Compartment` globals. It needs source phase imports
    /// (a ModuleSource is an %AbstractModuleSource%, `import.source(module)` gives its
    /// source), so enabling it enables them.
    pub const COMPARTMENTS: Features = Features(4);

    /// The names `--feature` takes, with the feature each stands for.
    pub const NAMES: [(&'static str, Features); 3] = [
        ("source-phase-imports", Features::SOURCE_PHASE_IMPORTS),
        ("import-defer", Features::IMPORT_DEFER),
        ("compartments", Features::COMPARTMENTS),
    ];

    /// Every proposal: the default.
    pub const fn all() -> Features {
        Features(1 | 2 | 4)
    }

    /// No proposal: plain ECMAScript 2025.
    pub const fn none() -> Features {
        Features(0)
    }

    /// Whether every feature of `other` is in this set.
    pub const fn contains(self, other: Features) -> bool {
        self.0 & other.0 == other.0
    }

    /// This set with `other`'s features added (and what they need: compartments brings
    /// source phase imports).
    pub const fn with(self, other: Features) -> Features {
        let mut bits = self.0 | other.0;
        if bits & Features::COMPARTMENTS.0 != 0 {
            bits |= Features::SOURCE_PHASE_IMPORTS.0;
        }
        Features(bits)
    }

    pub const fn source_phase_imports(self) -> bool {
        self.contains(Features::SOURCE_PHASE_IMPORTS)
    }

    pub const fn import_defer(self) -> bool {
        self.contains(Features::IMPORT_DEFER)
    }

    pub const fn compartments(self) -> bool {
        self.contains(Features::COMPARTMENTS)
    }

    /// The set named by `names`, each a feature name, `all` or `none` (which adds
    /// nothing: `--feature none` alone is plain ECMAScript 2025), separated by commas or
    /// given one by one; an empty list is `all`. An unknown name is an error naming the
    /// ones known.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Features, String> {
        let mut set = Features::none();
        let mut any = false;
        for name in names.into_iter().flat_map(|n| n.split(',')) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            any = true;
            set = match name {
                "all" => set.with(Features::all()),
                "none" => set,
                _ => match Features::NAMES.iter().find(|(n, _)| *n == name) {
                    Some((_, feature)) => set.with(*feature),
                    None => {
                        return Err(format!(
                            "unknown feature '{name}' (known: {}, all, none)",
                            Features::NAMES.map(|(n, _)| n).join(", ")
                        ))
                    }
                },
            };
        }
        Ok(if any { set } else { Features::all() })
    }
}

impl Default for Features {
    fn default() -> Features {
        Features::all()
    }
}

impl fmt::Display for Features {
    /// The names of the features in the set, comma-separated; `none` for the empty set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Features::NAMES
            .iter()
            .filter(|(_, feature)| self.contains(*feature))
            .map(|(name, _)| *name)
            .collect();
        if names.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&names.join(","))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Features;

    #[test]
    fn names_make_sets() {
        assert_eq!(Features::from_names([]), Ok(Features::all()));
        assert_eq!(Features::from_names(["all"]), Ok(Features::all()));
        assert_eq!(Features::from_names(["none"]), Ok(Features::none()));
        assert_eq!(
            Features::from_names(["import-defer,source-phase-imports"]),
            Ok(Features::IMPORT_DEFER.with(Features::SOURCE_PHASE_IMPORTS))
        );
        let compartments = Features::from_names(["compartments"]).unwrap();
        assert!(compartments.compartments() && compartments.source_phase_imports());
        assert!(!compartments.import_defer());
        assert!(Features::from_names(["bogus"])
            .unwrap_err()
            .contains("unknown feature"));
        assert_eq!(Features::none().to_string(), "none");
        assert_eq!(
            Features::all().to_string(),
            "source-phase-imports,import-defer,compartments"
        );
    }
}
