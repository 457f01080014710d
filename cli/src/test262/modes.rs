//! The ways a test262 test is run, chosen from its flags (INTERPRETING.md, "Strict Mode").

use super::frontmatter::Metadata;
use compartments::syntax::{Goal, ParseOptions};
use std::borrow::Cow;

/// What INTERPRETING.md prepends to run a test in strict mode.
pub const USE_STRICT_PREFIX: &str = "\"use strict\";\n";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Non-strict Script.
    Sloppy,
    /// Script with `"use strict";\n` prepended.
    Strict,
    /// Module goal (`module` flag).
    Module,
    /// `raw` flag: a non-strict Script, the text untouched.
    Raw,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Sloppy => "sloppy",
            Mode::Strict => "strict",
            Mode::Module => "module",
            Mode::Raw => "raw",
        }
    }

    /// The parse options for this mode. Strict mode comes from the prepended directive,
    /// not from the options, so that the directive prologue is what gets tested.
    pub fn options(self) -> ParseOptions {
        match self {
            Mode::Module => ParseOptions::module(),
            Mode::Sloppy | Mode::Strict | Mode::Raw => ParseOptions {
                goal: Goal::Script,
                strict: false,
            },
        }
    }

    /// The text to parse in this mode.
    pub fn source(self, text: &str) -> Cow<'_, str> {
        match self {
            Mode::Strict => Cow::Owned(format!("{USE_STRICT_PREFIX}{text}")),
            Mode::Sloppy | Mode::Module | Mode::Raw => Cow::Borrowed(text),
        }
    }

    /// How many bytes this mode adds before the test's own text.
    pub fn prefix_len(self) -> usize {
        match self {
            Mode::Strict => USE_STRICT_PREFIX.len(),
            Mode::Sloppy | Mode::Module | Mode::Raw => 0,
        }
    }
}

/// What a run does to the start realm before each test (`compartments test262 --lockdown
/// [--compartment]`), as XS's `xst -l` and `xst -lc` do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ses {
    /// Nothing: the test262 host as INTERPRETING.md describes it.
    #[default]
    Off,
    /// `lockdown()` (default options) first; the harness files and the test then run in
    /// the start realm.
    Lockdown,
    /// `lockdown()`, then a new Compartment, in which the harness files and the test run
    /// (a module test is loaded and evaluated as a module of the compartment).
    LockdownCompartment,
}

impl Ses {
    /// The suffix of this run's name (`lockdown`, `lockdown-compartment`), if any.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Ses::Off => None,
            Ses::Lockdown => Some("lockdown"),
            Ses::LockdownCompartment => Some("lockdown-compartment"),
        }
    }
}

/// Why a test that runs only as non-strict code is skipped under lockdown.
pub const SLOPPY_UNDER_LOCKDOWN: &str = "non-strict code only (noStrict or raw): Hardened JavaScript is strict code, so lockdown runs skip it, as XS's do";

/// The modes a test runs in under `ses`: [`modes_for`], without the non-strict ones when
/// the realm is locked down (Hardened JavaScript is strict code; `Compartment.prototype.
/// evaluate` is strict; XS runs only the strict and module modes under lockdown). `Err`
/// with the reason to skip when no mode is left.
pub fn modes_under(meta: &Metadata, ses: Ses) -> Result<Vec<Mode>, &'static str> {
    let modes = modes_for(meta);
    if ses == Ses::Off {
        return Ok(modes);
    }
    let modes: Vec<Mode> = modes
        .into_iter()
        .filter(|mode| matches!(mode, Mode::Strict | Mode::Module))
        .collect();
    if modes.is_empty() {
        Err(SLOPPY_UNDER_LOCKDOWN)
    } else {
        Ok(modes)
    }
}

/// The modes a test runs in: `module` -> Module only; `raw` -> one untouched sloppy run;
/// `onlyStrict` -> strict only; `noStrict` -> sloppy only; otherwise sloppy and strict.
pub fn modes_for(meta: &Metadata) -> Vec<Mode> {
    if meta.has_flag("module") {
        vec![Mode::Module]
    } else if meta.has_flag("raw") {
        vec![Mode::Raw]
    } else if meta.has_flag("onlyStrict") {
        vec![Mode::Strict]
    } else if meta.has_flag("noStrict") {
        vec![Mode::Sloppy]
    } else {
        vec![Mode::Sloppy, Mode::Strict]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(flags: &[&str]) -> Metadata {
        Metadata {
            flags: flags.iter().map(|f| f.to_string()).collect(),
            ..Metadata::default()
        }
    }

    #[test]
    fn flags_choose_the_modes() {
        assert_eq!(modes_for(&flags(&[])), [Mode::Sloppy, Mode::Strict]);
        assert_eq!(modes_for(&flags(&["module"])), [Mode::Module]);
        assert_eq!(modes_for(&flags(&["raw"])), [Mode::Raw]);
        assert_eq!(modes_for(&flags(&["onlyStrict"])), [Mode::Strict]);
        assert_eq!(modes_for(&flags(&["noStrict"])), [Mode::Sloppy]);
        assert_eq!(modes_for(&flags(&["async", "module"])), [Mode::Module]);
    }

    #[test]
    fn lockdown_runs_strict_and_module_code_only() {
        for ses in [Ses::Lockdown, Ses::LockdownCompartment] {
            assert_eq!(modes_under(&flags(&[]), ses), Ok(vec![Mode::Strict]));
            assert_eq!(
                modes_under(&flags(&["module"]), ses),
                Ok(vec![Mode::Module])
            );
            assert_eq!(
                modes_under(&flags(&["onlyStrict"]), ses),
                Ok(vec![Mode::Strict])
            );
            assert_eq!(
                modes_under(&flags(&["noStrict"]), ses),
                Err(SLOPPY_UNDER_LOCKDOWN)
            );
            assert_eq!(
                modes_under(&flags(&["raw"]), ses),
                Err(SLOPPY_UNDER_LOCKDOWN)
            );
        }
        assert_eq!(
            modes_under(&flags(&[]), Ses::Off),
            Ok(vec![Mode::Sloppy, Mode::Strict])
        );
        assert_eq!(
            Ses::LockdownCompartment.name(),
            Some("lockdown-compartment")
        );
    }

    #[test]
    fn strict_mode_prepends_the_directive() {
        assert_eq!(Mode::Strict.source("x = 1;"), "\"use strict\";\nx = 1;");
        assert_eq!(Mode::Strict.prefix_len(), 14);
        assert_eq!(Mode::Raw.source("x = 1;"), "x = 1;");
        assert_eq!(Mode::Module.options().goal, Goal::Module);
        assert_eq!(Mode::Strict.options().goal, Goal::Script);
        assert!(!Mode::Strict.options().strict);
    }
}
