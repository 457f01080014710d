//! Evaluators (Compartments proposal, layer 3, `3-evaluator.md`): the record that execution
//! contexts refer to instead of referring to a realm directly. It holds the global object
//! and global environment, the `eval`, `Function` and `Module` function objects bound to it,
//! and the import hook and import.meta object for dynamic import in scripts; it refers to
//! its realm for intrinsics. A realm has one default Evaluators (its [[Evaluators]]).
//!
//! The JavaScript `Evaluators` constructor (layer 3's API) comes with the Compartments
//! layers; this record is what it will create.

use super::environment_records::Env;
use super::object_type::Object;
use super::realms::Realm;
use super::value::Value;
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

/// An Evaluators record.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct EvaluatorsRecord {
    /// [[Realm]]: the realm whose intrinsics code evaluated through these evaluators uses.
    pub realm: Realm,
    /// [[GlobalObject]].
    pub global_object: Object,
    /// [[GlobalEnv]].
    pub global_env: Env,
    /// [[Eval]]: the `eval` function whose direct calls are direct eval.
    pub eval: GcRefCell<Option<Object>>,
    /// [[Function]]: the `Function` constructor bound to these evaluators.
    pub function: GcRefCell<Option<Object>>,
    /// [[Module]]: the `Module` constructor (layer 0, later).
    pub module: GcRefCell<Option<Object>>,
    /// [[ImportHook]]: undefined, or the hook dynamic import in scripts calls.
    pub import_hook: GcRefCell<Value>,
    /// [[ImportMeta]]: undefined, or the object the import hook receives.
    pub import_meta: GcRefCell<Value>,
}

#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Evaluators(pub Gc<EvaluatorsRecord>);

impl PartialEq for Evaluators {
    fn eq(&self, other: &Evaluators) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Evaluators {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Evaluators")
    }
}

impl Evaluators {
    /// A new Evaluators record for `realm` with the given global object and environment;
    /// its function objects are filled in by whoever creates them (they refer back to it).
    pub fn new(realm: Realm, global_object: Object, global_env: Env) -> Evaluators {
        Evaluators(Gc::new(EvaluatorsRecord {
            realm,
            global_object,
            global_env,
            eval: GcRefCell::new(None),
            function: GcRefCell::new(None),
            module: GcRefCell::new(None),
            import_hook: GcRefCell::new(Value::Undefined),
            import_meta: GcRefCell::new(Value::Undefined),
        }))
    }

    pub fn realm(&self) -> Realm {
        self.0.realm.clone()
    }

    pub fn global_object(&self) -> Object {
        self.0.global_object.clone()
    }

    pub fn global_env(&self) -> Env {
        self.0.global_env.clone()
    }

    /// [[Eval]].
    pub fn eval(&self) -> Option<Object> {
        self.0.eval.borrow().clone()
    }

    /// [[Function]].
    pub fn function(&self) -> Option<Object> {
        self.0.function.borrow().clone()
    }
}
