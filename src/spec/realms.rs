//! 9.3 Realms (sec-code-realms): Realm Records and their intrinsics.
//!
//! With the Evaluators layer of the Compartments proposal, a realm's global object and
//! global environment belong to its default Evaluators record ([[Evaluators]]); code reaches
//! them through the running execution context's Evaluators, never through the realm
//! directly (docs/ARCHITECTURE.md, "Evaluators").

use super::evaluators::Evaluators;
use super::object_type::Object;
use super::source_positions::SourceText;
use super::value::Value;
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};
use std::sync::Arc;

macro_rules! intrinsics {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The well-known intrinsic objects (Table 6) that this interpreter creates.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Intrinsic {
            $($variant,)*
        }

        impl Intrinsic {
            pub const ALL: &'static [Intrinsic] = &[$(Intrinsic::$variant,)*];

            /// The intrinsic's name as the spec writes it, `%Array.prototype%`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Intrinsic::$variant => $name,)*
                }
            }
        }
    };
}

intrinsics! {
    ObjectPrototype => "%Object.prototype%",
    Object => "%Object%",
    FunctionPrototype => "%Function.prototype%",
    Function => "%Function%",
    ArrayPrototype => "%Array.prototype%",
    Array => "%Array%",
    ArrayPrototypeValues => "%Array.prototype.values%",
    ArrayIteratorPrototype => "%ArrayIteratorPrototype%",
    IteratorPrototype => "%Iterator.prototype%",
    Iterator => "%Iterator%",
    StringPrototype => "%String.prototype%",
    String => "%String%",
    StringIteratorPrototype => "%StringIteratorPrototype%",
    BooleanPrototype => "%Boolean.prototype%",
    Boolean => "%Boolean%",
    NumberPrototype => "%Number.prototype%",
    Number => "%Number%",
    BigIntPrototype => "%BigInt.prototype%",
    BigInt => "%BigInt%",
    SymbolPrototype => "%Symbol.prototype%",
    Symbol => "%Symbol%",
    ErrorPrototype => "%Error.prototype%",
    Error => "%Error%",
    EvalErrorPrototype => "%EvalError.prototype%",
    EvalError => "%EvalError%",
    RangeErrorPrototype => "%RangeError.prototype%",
    RangeError => "%RangeError%",
    ReferenceErrorPrototype => "%ReferenceError.prototype%",
    ReferenceError => "%ReferenceError%",
    SyntaxErrorPrototype => "%SyntaxError.prototype%",
    SyntaxError => "%SyntaxError%",
    TypeErrorPrototype => "%TypeError.prototype%",
    TypeError => "%TypeError%",
    URIErrorPrototype => "%URIError.prototype%",
    URIError => "%URIError%",
    AggregateErrorPrototype => "%AggregateError.prototype%",
    AggregateError => "%AggregateError%",
    ThrowTypeError => "%ThrowTypeError%",
    Eval => "%eval%",
    IsFinite => "%isFinite%",
    IsNaN => "%isNaN%",
    ParseFloat => "%parseFloat%",
    ParseInt => "%parseInt%",
    DecodeURI => "%decodeURI%",
    DecodeURIComponent => "%decodeURIComponent%",
    EncodeURI => "%encodeURI%",
    EncodeURIComponent => "%encodeURIComponent%",
    Math => "%Math%",
    Json => "%JSON%",
    JsonParse => "%JSON.parse%",
    AbstractModuleSource => "%AbstractModuleSource%",
    AbstractModuleSourcePrototype => "%AbstractModuleSource.prototype%",
    ModuleSource => "%ModuleSource%",
    ModuleSourcePrototype => "%ModuleSource.prototype%",
    Module => "%Module%",
    ModulePrototype => "%Module.prototype%",
    Evaluators => "%Evaluators%",
    EvaluatorsPrototype => "%Evaluators.prototype%",
    Compartment => "%Compartment%",
    CompartmentPrototype => "%Compartment.prototype%",
    Harden => "%harden%",
    Lockdown => "%lockdown%",
    StartDate => "%InitialDate%",
    StartMath => "%InitialMath%",
    StartAtomics => "%InitialAtomics%",
    Reflect => "%Reflect%",
    Proxy => "%Proxy%",
    RegExp => "%RegExp%",
    RegExpPrototype => "%RegExp.prototype%",
    RegExpPrototypeExec => "%RegExp.prototype.exec%",
    RegExpStringIteratorPrototype => "%RegExpStringIteratorPrototype%",
    Date => "%Date%",
    DatePrototype => "%Date.prototype%",
    Map => "%Map%",
    MapPrototype => "%Map.prototype%",
    MapIteratorPrototype => "%MapIteratorPrototype%",
    Set => "%Set%",
    SetPrototype => "%Set.prototype%",
    SetIteratorPrototype => "%SetIteratorPrototype%",
    WeakMap => "%WeakMap%",
    WeakMapPrototype => "%WeakMap.prototype%",
    WeakSet => "%WeakSet%",
    WeakSetPrototype => "%WeakSet.prototype%",
    WeakRef => "%WeakRef%",
    WeakRefPrototype => "%WeakRef.prototype%",
    FinalizationRegistry => "%FinalizationRegistry%",
    FinalizationRegistryPrototype => "%FinalizationRegistry.prototype%",
    // -- binary data (23.2, 25.1-25.4) --
    ArrayBuffer => "%ArrayBuffer%",
    ArrayBufferPrototype => "%ArrayBuffer.prototype%",
    SharedArrayBuffer => "%SharedArrayBuffer%",
    SharedArrayBufferPrototype => "%SharedArrayBuffer.prototype%",
    DataView => "%DataView%",
    DataViewPrototype => "%DataView.prototype%",
    Atomics => "%Atomics%",
    TypedArray => "%TypedArray%",
    TypedArrayPrototype => "%TypedArray.prototype%",
    Int8Array => "%Int8Array%",
    Int8ArrayPrototype => "%Int8Array.prototype%",
    Uint8Array => "%Uint8Array%",
    Uint8ArrayPrototype => "%Uint8Array.prototype%",
    Uint8ClampedArray => "%Uint8ClampedArray%",
    Uint8ClampedArrayPrototype => "%Uint8ClampedArray.prototype%",
    Int16Array => "%Int16Array%",
    Int16ArrayPrototype => "%Int16Array.prototype%",
    Uint16Array => "%Uint16Array%",
    Uint16ArrayPrototype => "%Uint16Array.prototype%",
    Int32Array => "%Int32Array%",
    Int32ArrayPrototype => "%Int32Array.prototype%",
    Uint32Array => "%Uint32Array%",
    Uint32ArrayPrototype => "%Uint32Array.prototype%",
    BigInt64Array => "%BigInt64Array%",
    BigInt64ArrayPrototype => "%BigInt64Array.prototype%",
    BigUint64Array => "%BigUint64Array%",
    BigUint64ArrayPrototype => "%BigUint64Array.prototype%",
    Float16Array => "%Float16Array%",
    Float16ArrayPrototype => "%Float16Array.prototype%",
    Float32Array => "%Float32Array%",
    Float32ArrayPrototype => "%Float32Array.prototype%",
    Float64Array => "%Float64Array%",
    Float64ArrayPrototype => "%Float64Array.prototype%",
    IteratorHelperPrototype => "%IteratorHelperPrototype%",
    WrapForValidIteratorPrototype => "%WrapForValidIteratorPrototype%",
    // -- control abstraction objects (27.2-27.7) --
    Promise => "%Promise%",
    PromisePrototype => "%Promise.prototype%",
    GeneratorFunction => "%GeneratorFunction%",
    GeneratorFunctionPrototype => "%GeneratorFunction.prototype%",
    GeneratorPrototype => "%GeneratorFunction.prototype.prototype%",
    AsyncFunction => "%AsyncFunction%",
    AsyncFunctionPrototype => "%AsyncFunction.prototype%",
    AsyncGeneratorFunction => "%AsyncGeneratorFunction%",
    AsyncGeneratorFunctionPrototype => "%AsyncGeneratorFunction.prototype%",
    AsyncGeneratorPrototype => "%AsyncGeneratorFunction.prototype.prototype%",
    AsyncIteratorPrototype => "%AsyncIteratorPrototype%",
    AsyncFromSyncIteratorPrototype => "%AsyncFromSyncIteratorPrototype%",
}

/// A key for a template literal site (13.2.8.4 GetTemplateObject's [[Site]]): the source
/// text (kept alive, so its address stays unique) and the template's offset in it.
#[derive(Clone)]
pub struct TemplateSite {
    pub source: Arc<SourceText>,
    pub offset: u32,
}

impl TemplateSite {
    pub fn same(&self, other: &TemplateSite) -> bool {
        Arc::ptr_eq(&self.source, &other.source) && self.offset == other.offset
    }
}

/// A Realm Record (Table 24).
#[derive(Finalize)]
pub struct RealmRecord {
    /// [[Intrinsics]], indexed by [`Intrinsic`]. (A `std` cell, whose borrow is cheaper
    /// than the collector's: the record is traced by hand, and the list is only replaced
    /// in part by realm set-up and SES taming, never while it is traced.)
    pub intrinsics: std::cell::RefCell<Vec<Option<Object>>>,
    /// The default Evaluators record (Compartments layer 3), which holds [[GlobalObject]]
    /// and [[GlobalEnv]].
    pub evaluators: GcRefCell<Option<Evaluators>>,
    /// [[TemplateMap]].
    pub template_map: GcRefCell<Vec<(TemplateSite, Object)>>,
    /// [[HostDefined]].
    pub host_defined: GcRefCell<Value>,
    /// SES: `lockdown()` ran in this realm (its intrinsics are hardened, `harden` works).
    pub locked_down: GcRefCell<bool>,
}

// SAFETY: the template sites and `locked_down` hold no Gc pointers; every other field is
// traced.
unsafe impl Trace for RealmRecord {
    custom_trace!(this, mark, {
        for object in this.intrinsics.borrow().iter() {
            mark(object);
        }
        mark(&this.evaluators);
        for (_, object) in this.template_map.borrow().iter() {
            mark(object);
        }
        mark(&this.host_defined);
    });
}

#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Realm(pub Gc<RealmRecord>);

impl PartialEq for Realm {
    fn eq(&self, other: &Realm) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Realm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Realm")
    }
}

impl Realm {
    /// A realm with no intrinsics yet (CreateRealm's record; see realm_setup.rs).
    pub fn new_empty() -> Realm {
        Realm(Gc::new(RealmRecord {
            intrinsics: std::cell::RefCell::new(vec![None; Intrinsic::ALL.len()]),
            evaluators: GcRefCell::new(None),
            template_map: GcRefCell::new(Vec::new()),
            host_defined: GcRefCell::new(Value::Undefined),
            locked_down: GcRefCell::new(false),
        }))
    }

    /// Whether `lockdown()` ran in this realm.
    pub fn is_locked_down(&self) -> bool {
        *self.0.locked_down.borrow()
    }

    /// The intrinsic object `which` (%name%) of this realm.
    pub fn intrinsic(&self, which: Intrinsic) -> Object {
        // (The failures out of line: the common path has no panic's formatting in its frame.)
        if let Ok(intrinsics) = self.0.intrinsics.try_borrow() {
            if let Some(Some(object)) = intrinsics.get(which as usize) {
                return object.clone();
            }
        }
        intrinsic_missing(which)
    }

    pub fn set_intrinsic(&self, which: Intrinsic, object: Object) {
        self.0.intrinsics.borrow_mut()[which as usize] = Some(object);
    }

    /// The realm's default Evaluators record.
    pub fn evaluators(&self) -> Evaluators {
        self.0
            .evaluators
            .borrow()
            .clone()
            .expect("a realm's Evaluators are set when the realm is initialized")
    }
}

/// [`Realm::intrinsic`] of an intrinsic not created yet (or of a realm whose intrinsics are
/// being replaced): a bug in the realm's set-up.
#[cold]
#[inline(never)]
fn intrinsic_missing(which: Intrinsic) -> ! {
    panic!("intrinsic {} used before it was created", which.name())
}
