//! `lockdown(options)` (SES; informal S2 `ses-lockdown`), in the phases SES's
//! `repairIntrinsics` and `hardenIntrinsics` run: check and read the options, remove what
//! the permits do not allow (`permits.rs`), tame the function constructors, the shared
//! `Date` and `Math` and `RegExp.prototype.compile` (`taming.rs`), enable property
//! overrides (`override_taming.rs`), then harden every intrinsic.
//!
//! The options are SES's (`../shared/spec/ses/lockdown.md`); each is validated, and an
//! unknown one is a TypeError naming it. Several exist in SES for a shim's environment and
//! have no effect here, because what they tame does not exist or is already tame (each is
//! listed in `OPTIONS` with why).

use super::harden::harden;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::get;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;
use crate::step;

/// An option of `lockdown`: its name, the values it takes (the first is the default), and
/// what it does here.
pub struct LockdownOption {
    pub name: &'static str,
    pub values: &'static [&'static str],
    pub effect: &'static str,
}

/// SES's options, in the order they are read.
pub const OPTIONS: &[LockdownOption] = &[
    LockdownOption {
        name: "regExpTaming",
        values: &["safe", "unsafe"],
        effect: "safe removes RegExp.prototype.compile (the legacy RegExp statics do not exist here)",
    },
    LockdownOption {
        name: "localeTaming",
        values: &["safe", "unsafe"],
        effect: "none: the locale methods already use the root locale, with no ambient locale to reveal",
    },
    LockdownOption {
        name: "consoleTaming",
        values: &["safe", "unsafe"],
        effect: "none: the host's console prints strings and has no custom methods to tame",
    },
    LockdownOption {
        name: "errorTaming",
        values: &["safe", "unsafe", "unsafe-debug"],
        effect: "none: errors have no stack property here",
    },
    LockdownOption {
        name: "errorTrapping",
        values: &["platform", "exit", "abort", "report", "none"],
        effect: "none: the host reports an uncaught error and exits 1",
    },
    LockdownOption {
        name: "reporting",
        values: &["platform", "console", "none"],
        effect: "where removed properties are reported: platform and console write a warning line to stderr, none is silent (the event log has them either way)",
    },
    LockdownOption {
        name: "unhandledRejectionTrapping",
        values: &["report", "none"],
        effect: "none: the host reports unhandled rejections",
    },
    LockdownOption {
        name: "evalTaming",
        values: &["safe-eval", "unsafe-eval", "no-eval"],
        effect: "no-eval makes the start compartment's eval and Function throw; safe-eval and unsafe-eval leave them (they already evaluate in the start compartment only)",
    },
    LockdownOption {
        name: "stackFiltering",
        values: &["concise", "omit-frames", "shorten-paths", "verbose"],
        effect: "none: there are no stacks to filter",
    },
    LockdownOption {
        name: "overrideTaming",
        values: &["moderate", "min", "severe"],
        effect: "which inherited properties stay assignable on derived objects (override_taming.rs)",
    },
    LockdownOption {
        name: "overrideDebug",
        values: &[],
        effect: "an array of property names: accepted and ignored (no debugger hooks)",
    },
    LockdownOption {
        name: "domainTaming",
        values: &["safe", "unsafe"],
        effect: "none: there is no Node.js domain module",
    },
    LockdownOption {
        name: "legacyRegeneratorRuntimeTaming",
        values: &["safe", "unsafe-ignore"],
        effect: "none: no regenerator-runtime is installed",
    },
    LockdownOption {
        name: "__hardenTaming__",
        values: &["safe", "unsafe"],
        effect: "unsafe makes harden a no-op that returns its argument (SES's performance escape hatch)",
    },
    LockdownOption {
        name: "mathTaming",
        values: &["safe", "unsafe"],
        effect: "deprecated in SES: accepted, Math.random is tamed in compartments either way",
    },
    LockdownOption {
        name: "dateTaming",
        values: &["safe", "unsafe"],
        effect: "deprecated in SES: accepted, Date is tamed in compartments either way",
    },
];

/// The options a `lockdown` call chose (each option's value; absent ones have their
/// default).
pub struct LockdownOptions {
    values: Vec<(&'static str, String)>,
}

impl LockdownOptions {
    /// The value of option `name`.
    pub fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

/// `lockdown ( options )` (%lockdown%).
pub fn lockdown_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let realm = agent.current_realm();
    lockdown(agent, &realm, &call.arg(0))?;
    Ok(Value::Undefined)
}

/// Lockdown ( realm, options ) (S2).
pub fn lockdown(agent: &mut Agent, realm: &Realm, options: &Value) -> JsResult<()> {
    // 1. If realm is locked down, throw a TypeError exception (SES_ALREADY_LOCKED_DOWN).
    step!("ses-lockdown", "1");
    if realm.is_locked_down() {
        return Err(agent.type_error("Already locked down (SES_ALREADY_LOCKED_DOWN)"));
    }
    // 2. Let chosen be ? ReadLockdownOptions(options).
    step!("ses-lockdown", "2");
    let chosen = read_options(agent, options)?;
    // 3. Perform ? RemoveUnpermitted(realm): every property of an intrinsic that a pristine
    //    realm's corresponding intrinsic does not have, or whose value is not the
    //    corresponding built-in, is deleted (and reported).
    step!("ses-lockdown", "3");
    let reporting = chosen.value("reporting").to_string();
    super::permits::remove_unpermitted(agent, realm, &reporting)?;
    // 4. Perform TameFunctionConstructors(realm), TameCompartmentConstructors(realm),
    //    TameWeakRefConstructors(realm), TameSharedDateAndMath(realm) and, if regExpTaming
    //    is safe, delete RegExp.prototype.compile; if evalTaming is no-eval, make the start
    //    compartment's eval and Function throw.
    step!("ses-lockdown", "4");
    super::taming::tame_function_constructors(agent, realm);
    super::taming::tame_compartment_constructors(agent, realm);
    super::taming::tame_weak_ref_constructors(agent, realm);
    super::taming::tame_shared_date_and_math(agent, realm);
    if chosen.value("regExpTaming") == "safe" {
        super::taming::remove_regexp_compile(agent, realm);
    }
    if chosen.value("evalTaming") == "no-eval" {
        super::taming::no_eval(agent, realm);
    }
    // 5. Perform EnablePropertyOverrides(realm, overrideTaming).
    step!("ses-lockdown", "5");
    super::override_taming::enable_property_overrides(agent, realm, chosen.value("overrideTaming"));
    // 6. For each intrinsic object I of realm.[[Intrinsics]], perform ? Harden(I).
    step!("ses-lockdown", "6");
    let intrinsics: Vec<Object> = realm
        .0
        .intrinsics
        .borrow()
        .iter()
        .flatten()
        .cloned()
        .collect();
    for intrinsic in intrinsics {
        harden(agent, &Value::Object(intrinsic))?;
    }
    // 7. Mark realm as locked down; harden now works (unless __hardenTaming__ is unsafe,
    //    which makes it return its argument untouched).
    step!("ses-lockdown", "7");
    *realm.0.locked_down.borrow_mut() = true;
    if chosen.value("__hardenTaming__") == "unsafe" {
        super::taming::harden_no_op(agent, realm);
    }
    crate::spec::event_log::locked_down(agent, &chosen);
    Ok(())
}

/// ReadLockdownOptions ( options ) (S2 step 2): each option of `OPTIONS`, in order, with
/// [[Get]]; a value that is not one of the option's values is a TypeError; then any other
/// own enumerable property is an unknown option, a TypeError naming it.
fn read_options(agent: &mut Agent, options: &Value) -> JsResult<LockdownOptions> {
    let options = match options {
        Value::Undefined => None,
        Value::Object(o) => Some(o.clone()),
        other => {
            return Err(agent.type_error(&format!(
                "lockdown(options): options must be an object, not {}",
                crate::spec::event_log::brief(other)
            )))
        }
    };
    let mut values = Vec::new();
    for option in OPTIONS {
        let value = match &options {
            Some(o) => get(agent, o, &PropertyKey::from_str(option.name))?,
            None => Value::Undefined,
        };
        let chosen = if value.is_undefined() {
            option.values.first().copied().unwrap_or("").to_string()
        } else if option.values.is_empty() {
            // overrideDebug: an array of property names.
            String::new()
        } else {
            let text = to_string(agent, &value)?.to_rust_string();
            if !option.values.contains(&text.as_str()) {
                return Err(agent.type_error(&format!(
                    "lockdown(): unrecognized {} {text:?} (expected one of {})",
                    option.name,
                    option.values.join(", ")
                )));
            }
            text
        };
        values.push((option.name, chosen));
    }
    if let Some(options) = &options {
        for key in options.own_property_keys(agent)? {
            let known = match &key {
                PropertyKey::String(s) => {
                    let s = s.to_rust_string();
                    OPTIONS.iter().any(|o| o.name == s)
                }
                _ => false,
            };
            if known {
                continue;
            }
            let enumerable = options
                .get_own_property(agent, &key)?
                .is_some_and(|d| d.enumerable == Some(true));
            if enumerable {
                return Err(agent.type_error(&format!(
                    "lockdown(): unknown option {}",
                    crate::spec::event_log::brief(&key.to_value())
                )));
            }
        }
    }
    Ok(LockdownOptions { values })
}

/// Creates %lockdown% and %harden%.
pub fn create_ses_intrinsics(agent: &mut Agent, realm: &Realm) {
    use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinSteps};
    use crate::spec::ecmascript_function_objects::FunctionName;
    let make = |agent: &mut Agent, name: &str, behaviour| {
        create_builtin_function(
            agent,
            BuiltinSteps::Behaviour(behaviour),
            1.0,
            FunctionName::Key(PropertyKey::from_str(name)),
            Some(realm.clone()),
            None,
            None,
            false,
        )
    };
    let lockdown = make(agent, "lockdown", lockdown_function);
    realm.set_intrinsic(Intrinsic::Lockdown, lockdown);
    let harden = make(agent, "harden", super::harden::harden_function);
    realm.set_intrinsic(Intrinsic::Harden, harden);
}
