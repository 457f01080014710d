//! Evaluators (Compartments proposal, layer 3, `3-evaluator.md`): the record that execution
//! contexts refer to instead of referring to a realm directly. It holds the global object
//! and global environment, the `eval`, `Function` and `Module` function objects bound to it,
//! and the import hook and import.meta object for dynamic import in scripts; it refers to
//! its realm for intrinsics. A realm has one default Evaluators (its [[Evaluators]]).
//!
//! The JavaScript `Evaluators` constructor (`builtins/evaluators.rs`) creates these records;
//! so does realm initialization (the default one).

use super::abstract_module_records::Module;
use super::environment_records::Env;
use super::module_semantics::LoadPayload;
use super::object_type::Object;
use super::realms::Realm;
use super::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};

/// An Evaluators record.
#[derive(Finalize)]
pub struct EvaluatorsRecord {
    /// Which Evaluators this is, for the event log and the trace ("evaluators#1" is the
    /// first realm's default Evaluators).
    pub id: u64,
    /// [[Realm]]: the realm whose intrinsics code evaluated through these evaluators uses.
    pub realm: Realm,
    /// [[GlobalObject]].
    pub global_object: Object,
    /// [[GlobalEnv]].
    pub global_env: Env,
    /// [[GlobalEnv]].[[GlobalThisValue]] (`None` if [[GlobalEnv]] is not a Global
    /// Environment Record), read once: the field never changes (9.1.2.5 sets it), and
    /// OrdinaryCallBindThis reads it for every sloppy call with an undefined or null this
    /// (memory only).
    pub global_this: Option<Object>,
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
    /// [[LoadedModules]] and [[LoadingModules]] of dynamic import in script contexts
    /// through [[ImportHook]] (LoadImportedModule with these Evaluators as the referrer,
    /// C3.3): the importHook is called once per specifier, as a Module instance's is.
    pub loads: GcRefCell<ModuleLoads>,
}

// SAFETY: `id` holds no Gc pointer; every other field is traced.
unsafe impl Trace for EvaluatorsRecord {
    custom_trace!(this, mark, {
        mark(&this.realm);
        mark(&this.global_object);
        mark(&this.global_env);
        mark(&this.global_this);
        mark(&this.eval);
        mark(&this.function);
        mark(&this.module);
        mark(&this.import_hook);
        mark(&this.import_meta);
        mark(&this.loads);
    });
}

/// A referrer's memo of LoadImportedModule (Compartments layer 0): [[LoadedModules]]
/// (request → module) and [[LoadingModules]] (request → the load states waiting for it,
/// each with the phase it asked for).
#[derive(Default, Finalize)]
pub struct ModuleLoads {
    pub loaded: Vec<(ModuleRequest, Module)>,
    pub loading: Vec<(ModuleRequest, Vec<(LoadPayload, ImportPhase)>)>,
}

// SAFETY: requests and phases hold no Gc pointers; modules and payloads are traced.
unsafe impl Trace for ModuleLoads {
    custom_trace!(this, mark, {
        for (_, module) in &this.loaded {
            mark(module);
        }
        for (_, states) in &this.loading {
            for (payload, _) in states {
                mark(payload);
            }
        }
    });
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
    pub fn new(
        id: u64,
        realm: Realm,
        global_object: Object,
        global_env: Env,
        import_hook: Value,
        import_meta: Value,
    ) -> Evaluators {
        let global_this = global_env.global_this_value();
        Evaluators(Gc::new(EvaluatorsRecord {
            id,
            realm,
            global_object,
            global_env,
            global_this,
            eval: GcRefCell::new(None),
            function: GcRefCell::new(None),
            module: GcRefCell::new(None),
            import_hook: GcRefCell::new(import_hook),
            import_meta: GcRefCell::new(import_meta),
            loads: GcRefCell::new(ModuleLoads::default()),
        }))
    }

    /// The name the event log and the trace give these Evaluators.
    pub fn name(&self) -> String {
        format!("evaluators#{}", self.0.id)
    }

    /// [[ImportHook]].
    pub fn import_hook(&self) -> Value {
        self.0.import_hook.borrow().clone()
    }

    /// [[ImportMeta]].
    pub fn import_meta(&self) -> Value {
        self.0.import_meta.borrow().clone()
    }

    /// [[Module]].
    pub fn module(&self) -> Option<Object> {
        self.0.module.borrow().clone()
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
