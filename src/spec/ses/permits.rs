//! RemoveUnpermitted ( realm ) (SES's permits; informal S3 `ses-permits`): every intrinsic
//! keeps only the properties ECMA-262 (and the proposals this interpreter implements)
//! give it. What those are is read off a pristine realm made for the purpose — this
//! interpreter's intrinsics are exactly the standard's, so a fresh realm is the permits
//! table — and compared with the live realm along the same paths: a property the pristine
//! intrinsic lacks, or whose value is not the corresponding built-in (a replaced method, a
//! swapped intrinsic), is deleted and reported; a [[Prototype]] that is not the pristine
//! one's counterpart is reported and restored.

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinSteps;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use crate::step;
use std::collections::{HashMap, HashSet};

/// RemoveUnpermitted ( realm ) (S3).
pub fn remove_unpermitted(agent: &mut Agent, realm: &Realm, reporting: &str) -> JsResult<()> {
    // 1. Let pristine be a new realm, made as InitializeHostDefinedRealm makes one, with no
    //    host-defined global properties.
    step!("ses-permits", "1");
    let pristine = pristine_realm(agent)?;
    // 2. Let pairs be the List of (realm's %I%, pristine's %I%) for each intrinsic I.
    step!("ses-permits", "2");
    let mut walk = Walk::default();
    for which in Intrinsic::ALL {
        let (Some(live), Some(clean)) = (
            realm.0.intrinsics.borrow()[*which as usize].clone(),
            pristine.0.intrinsics.borrow()[*which as usize].clone(),
        ) else {
            continue;
        };
        walk.intrinsic_of.insert(clean.identity(), live.clone());
        walk.pair(live, clean, which.name().to_string());
    }
    // 3. For each pair (live, clean) of pairs (including pairs appended meanwhile):
    step!("ses-permits", "3");
    let mut index = 0;
    while index < walk.pairs.len() {
        let (live, clean, path) = walk.pairs[index].clone();
        index += 1;
        // a. If live.[[Prototype]] is not the counterpart of clean.[[Prototype]], report
        //    it and set live.[[Prototype]] to that counterpart.
        step!("ses-permits", "3.a");
        let clean_proto = clean.data().prototype.clone();
        let expected = clean_proto.as_ref().map(|p| walk.counterpart(p));
        let live_proto = live.data().prototype.clone();
        if let Some(Some(expected)) = expected {
            if live_proto.as_ref() != Some(&expected) {
                report(
                    agent,
                    reporting,
                    &format!("{path}.[[Prototype]]"),
                    "restored",
                );
                live.data_mut().prototype = Some(expected);
            }
        }
        // b. For each own property key k of live:
        step!("ses-permits", "3.b");
        let keys: Vec<PropertyKey> = live.data().properties.0.keys().collect();
        for key in keys {
            let property_path = format!("{path}.{}", key_name(&key));
            let live_property = live.own_property(&key);
            let clean_property = clean.own_property(&key);
            // i. If clean has no property k, or it has one whose value does not match,
            //    delete live's property k and report it.
            step!("ses-permits", "3.b.i");
            let permitted = match (&live_property, &clean_property) {
                (Some(live_property), Some(clean_property)) => {
                    walk.matches(live_property, clean_property, &property_path)
                }
                _ => false,
            };
            if !permitted {
                let configurable = live_property.as_ref().is_some_and(Property::configurable);
                if !configurable {
                    return Err(agent.type_error(&format!(
                        "lockdown(): cannot remove {property_path}: it is not configurable"
                    )));
                }
                live.data_mut().properties.0.shift_remove(&key);
                report(agent, reporting, &property_path, "removed");
            }
        }
    }
    Ok(())
}

/// The walk's state: pairs of (live, pristine) objects still to compare, and what is
/// already paired.
#[derive(Default)]
struct Walk {
    pairs: Vec<(Object, Object, String)>,
    paired: HashSet<*const ()>,
    /// Pristine intrinsic → live intrinsic.
    intrinsic_of: HashMap<*const (), Object>,
    /// Pristine object → the live object it was paired with.
    counterpart_of: HashMap<*const (), Object>,
}

impl Walk {
    fn pair(&mut self, live: Object, clean: Object, path: String) {
        if self.paired.insert(clean.identity()) {
            self.counterpart_of.insert(clean.identity(), live.clone());
            self.pairs.push((live, clean, path));
        }
    }

    /// The live object standing for pristine `clean`, when known.
    fn counterpart(&self, clean: &Object) -> Option<Object> {
        self.intrinsic_of
            .get(&clean.identity())
            .or_else(|| self.counterpart_of.get(&clean.identity()))
            .cloned()
    }

    /// Whether the live property may stay: same kind (data or accessor), and each object
    /// value is the pristine one's counterpart (an intrinsic the same intrinsic, a built-in
    /// function the same built-in); objects not yet known are paired for the walk.
    fn matches(&mut self, live: &Property, clean: &Property, path: &str) -> bool {
        match (live, clean) {
            (Property::Data { value: lv, .. }, Property::Data { value: cv, .. }) => {
                self.value_matches(lv, cv, path)
            }
            (
                Property::Accessor {
                    get: lg, set: ls, ..
                },
                Property::Accessor {
                    get: cg, set: cs, ..
                },
            ) => {
                let value = crate::spec::object_type::accessor_attribute_value;
                self.accessor_matches(&value(lg), &value(cg), &format!("{path}[[Get]]"))
                    && self.accessor_matches(&value(ls), &value(cs), &format!("{path}[[Set]]"))
            }
            _ => false,
        }
    }

    /// A getter or setter: both undefined, or matching functions.
    fn accessor_matches(&mut self, live: &Value, clean: &Value, path: &str) -> bool {
        match (live, clean) {
            (Value::Undefined, Value::Undefined) => true,
            (Value::Object(_), Value::Object(_)) => self.value_matches(live, clean, path),
            _ => false,
        }
    }

    fn value_matches(&mut self, live: &Value, clean: &Value, path: &str) -> bool {
        let Value::Object(clean) = clean else {
            // A primitive-valued standard property: whatever value it has now is allowed
            // (a writable one may have been assigned; the non-writable ones cannot change).
            return true;
        };
        let Value::Object(live) = live else {
            return false;
        };
        if let Some(expected) = self.counterpart(clean) {
            return *live == expected;
        }
        if !same_builtin(live, clean) {
            return false;
        }
        self.pair(live.clone(), clean.clone(), path.to_string());
        true
    }
}

/// Whether `live` can stand for pristine `clean`: the same built-in function (its steps),
/// or, for objects that are not built-in functions, an object of the same kind.
fn same_builtin(live: &Object, clean: &Object) -> bool {
    let live_data = live.data();
    let clean_data = clean.data();
    match (&live_data.kind, &clean_data.kind) {
        (ObjectKind::Builtin(l), ObjectKind::Builtin(c)) => match (&l.steps, &c.steps) {
            (BuiltinSteps::Behaviour(l), BuiltinSteps::Behaviour(c)) => {
                std::ptr::fn_addr_eq(*l, *c)
            }
            (BuiltinSteps::Closure(_), BuiltinSteps::Closure(_)) => {
                l.initial_name == c.initial_name
            }
            _ => false,
        },
        (ObjectKind::Builtin(_), _) | (_, ObjectKind::Builtin(_)) => false,
        (l, c) => std::mem::discriminant(l) == std::mem::discriminant(c),
    }
}

fn key_name(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Symbol(s) => format!("[{}]", s.descriptive_string().to_rust_string()),
        other => crate::spec::event_log::brief(&other.to_value())
            .trim_matches('"')
            .to_string(),
    }
}

/// Reports a property lockdown removed (or a prototype it restored): always in the event
/// log; on stderr unless `reporting` is none.
fn report(agent: &mut Agent, reporting: &str, path: &str, what: &str) {
    crate::spec::event_log::lockdown_removed(agent, path, what);
    if reporting != "none" {
        eprintln!("lockdown: {what} {path}");
    }
}

/// A realm made as InitializeHostDefinedRealm makes one, without host-defined globals and
/// without changing the agent's counters of Evaluators and compartments (so names in the
/// event log stay as they were).
fn pristine_realm(agent: &mut Agent) -> JsResult<Realm> {
    let saved_hook = agent.host.define_host_globals;
    let saved_counts = (agent.evaluators_count, agent.compartments_count);
    agent.host.define_host_globals = |_, _| Ok(());
    let realm = crate::spec::realm_initialization::initialize_host_defined_realm(agent);
    agent.host.define_host_globals = saved_hook;
    (agent.evaluators_count, agent.compartments_count) = saved_counts;
    realm
}
