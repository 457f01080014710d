//! The internal slots that distinguish kinds of objects (the "additional internal slots"
//! of each object-creating operation). An ordinary object has none; each exotic object
//! and each built-in object with data slots has a variant here. Later issues add variants
//! (Promise, Map, module namespace, ...).

use super::arguments_exotic_objects::ParameterMap;
use super::bigint_type::JsBigInt;
use super::bound_function_exotic_objects::BoundFunctionData;
use super::builtin_function_objects::BuiltinFunctionData;
use super::ecmascript_function_objects::FunctionData;
use super::proxy_object_internal_methods::ProxyData;
use super::source_positions::SourcePosition;
use super::string_type::JsString;
use super::symbol_type::Symbol;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// The additional internal slots of an object, by kind.
///
/// Every variant's data takes at most 16 bytes, except String's (whose own tag word leaves
/// room for the others' tags): larger or rare slots are boxed, so that the kind takes 24
/// bytes in every object (memory only, issue 20).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum ObjectKind {
    /// No additional internal slots.
    Ordinary,
    /// An Array exotic object (10.4.2).
    Array,
    /// A String exotic object: [[StringData]] (10.4.3).
    String(JsString),
    /// [[BooleanData]].
    Boolean(bool),
    /// [[NumberData]].
    Number(f64),
    /// [[SymbolData]].
    Symbol(Symbol),
    /// [[BigIntData]].
    BigInt(JsBigInt),
    /// [[ErrorData]], with where the error was created (host data for reports).
    Error(Option<SourcePosition>),
    /// An arguments exotic object: `Some` parameter map when mapped (10.4.4), `None` for
    /// an unmapped arguments object (an ordinary object with [[ParameterMap]] undefined).
    Arguments(Option<Box<ParameterMap>>),
    /// An ECMAScript function object (10.2).
    Function(FunctionData),
    /// A built-in function object (10.3).
    Builtin(Box<BuiltinFunctionData>),
    /// A bound function exotic object (10.4.1).
    BoundFunction(Box<BoundFunctionData>),
    /// A Proxy exotic object (10.5).
    Proxy(ProxyData),
    /// A For-In Iterator object (14.7.5.10).
    ForInIterator(Box<ForInIteratorData>),
    /// %ArrayIteratorPrototype% instances: [[IteratedArrayLike]], [[ArrayLikeNextIndex]],
    /// [[ArrayLikeIterationKind]].
    ArrayIterator(Box<ArrayIteratorData>),
    /// %StringIteratorPrototype% instances: the string and the next code unit index.
    StringIterator(Box<(JsString, usize)>),
    /// [[DateValue]]: a time value (NaN for an invalid date).
    Date(f64),
    /// A RegExp instance (22.2.3.2 RegExpAlloc): [[OriginalSource]], [[OriginalFlags]],
    /// [[RegExpRecord]] and [[RegExpMatcher]]; `None` between RegExpAlloc and
    /// RegExpInitialize.
    RegExp(Option<Box<crate::spec::builtins::regexp::matcher::RegExpSlots>>),
    /// A RegExp String Iterator (22.2.9): its closure's captures and generator state.
    RegExpStringIterator(
        Box<crate::spec::builtins::regexp_string_iterator::RegExpStringIteratorData>,
    ),
    /// A module namespace exotic object (10.4.6).
    ModuleNamespace(Box<super::module_namespace_exotic_objects::NamespaceData>),
    /// A ModuleSource instance (Compartments layer 0): [[ModuleSource]].
    ModuleSource(super::builtins::module_source_objects::ModuleSourceHandle),
    /// A Module instance (Compartments layer 0): [[Module]], [[ModuleSourceInstance]],
    /// [[HandlerValue]], [[ImportHook]], [[ImportMetaHook]].
    ModuleInstance(Box<super::builtins::module_objects::ModuleInstanceData>),
    /// An Evaluators instance (Compartments layer 3): [[Evaluators]].
    Evaluators(super::evaluators::Evaluators),
    /// A Compartment instance (Compartments layer 4): [[Compartment]].
    Compartment(super::compartments::compartment_records::Compartment),
    /// A Module Imports Namespace exotic object (Compartments layer 2).
    ModuleImportsNamespace(
        Box<super::module_imports_namespace_exotic_objects::ImportsNamespaceData>,
    ),
    /// A host-defined module source object (source phase imports): the Module Record whose
    /// [[ModuleSource]] it is, which HostGetModuleSourceModuleRecord answers.
    HostModuleSource(super::abstract_module_records::Module),
    /// Data a host keeps in an object it created (for example `$262.agent`).
    HostValue(Box<Value>),
    // -- collections (Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry): add
    //    their variants here --
    /// [[MapData]] (24.1).
    Map(Box<crate::spec::builtins::map::MapData>),
    /// [[SetData]] (24.2): the same List, whose entries' values are unused.
    Set(Box<crate::spec::builtins::map::MapData>),
    /// A Map Iterator (24.1.5): the generator of CreateMapIterator.
    MapIterator(Box<crate::spec::builtins::map::CollectionIteratorData>),
    /// A Set Iterator (24.2.6): the generator of CreateSetIterator.
    SetIterator(Box<crate::spec::builtins::map::CollectionIteratorData>),
    /// [[WeakMapData]] (24.3).
    WeakMap(Box<crate::spec::builtins::weak_map::WeakMapData>),
    /// [[WeakSetData]] (24.4).
    WeakSet(Box<crate::spec::builtins::weak_set::WeakSetData>),
    /// [[WeakRefTarget]] (26.1).
    WeakRef(crate::spec::builtins::weak_ref::WeakTarget),
    /// [[Realm]], [[CleanupCallback]] and [[Cells]] (26.2).
    FinalizationRegistry(Box<crate::spec::builtins::finalization_registry::RegistryData>),
    // -- binary data (25.1-25.3, 10.4.5) --
    /// An ArrayBuffer (25.1): [[ArrayBufferData]], [[ArrayBufferByteLength]],
    /// [[ArrayBufferDetachKey]] and, when resizable, [[ArrayBufferMaxByteLength]].
    ArrayBuffer(Box<crate::spec::builtins::array_buffer::ArrayBufferData>),
    /// A SharedArrayBuffer (25.2): [[ArrayBufferData]] (a Shared Data Block) and
    /// [[ArrayBufferByteLength]], or, when growable, [[ArrayBufferByteLengthData]] and
    /// [[ArrayBufferMaxByteLength]].
    SharedArrayBuffer(Box<crate::spec::builtins::shared_array_buffer::SharedArrayBufferData>),
    /// A DataView (25.3): [[DataView]], [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]].
    DataView(Box<crate::spec::builtins::data_view::DataViewData>),
    /// A TypedArray exotic object (10.4.5): [[ViewedArrayBuffer]], [[TypedArrayName]],
    /// [[ContentType]], [[ByteLength]], [[ByteOffset]], [[ArrayLength]].
    TypedArray(Box<super::typed_array_exotic_objects::TypedArrayData>),
    // -- iterator helpers: add their variants here --
    /// Objects that Iterator.from wraps: [[Iterated]] (27.1.3.2.1).
    WrapForValidIterator(Box<super::builtins::iterator_helpers::IteratedRecord>),
    /// Iterator helper objects (27.1.2): [[GeneratorState]], [[UnderlyingIterator]] and
    /// the state of their closure.
    IteratorHelper(Box<super::builtins::iterator_helpers::IteratorHelperData>),
    // -- control abstraction objects (27.2-27.7) --
    /// A Promise instance (27.2.6).
    Promise(Box<super::promise_objects::PromiseData>),
    /// A generator instance (27.5): [[GeneratorState]], [[GeneratorContext]],
    /// [[GeneratorBrand]].
    Generator(Box<super::generator_objects::GeneratorData>),
    /// An AsyncGenerator instance (27.6.2): [[AsyncGeneratorState]],
    /// [[AsyncGeneratorContext]], [[AsyncGeneratorQueue]], [[GeneratorBrand]].
    AsyncGenerator(Box<super::async_generator_objects::AsyncGeneratorData>),
    /// An Async-from-Sync Iterator instance (27.1.6.3): [[SyncIteratorRecord]].
    AsyncFromSyncIterator(Box<super::async_from_sync_iterator_objects::SyncIteratorRecordSlot>),
    /// An internal object owning a suspended body (spec/execution_context_suspension.rs); never exposed.
    Continuation(crate::spec::execution_context_suspension::ContinuationHandle),
    /// An internal object carrying a return completion out of a `yield` through the
    /// evaluator's error channel (interp/generators.rs); never exposed.
    ReturnSignal(Box<Value>),
}

/// An internal slot that RequireInternalSlot (10.1.15) tests for. Each names the slot the
/// spec's steps name; [`ObjectKind::has_internal_slot`] answers the test and
/// [`InternalSlot::holder`] says, for the TypeError's message, what kind of object has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InternalSlot {
    BooleanData,
    NumberData,
    StringData,
    SymbolData,
    BigIntData,
    DateValue,
    MapData,
    SetData,
    WeakMapData,
    WeakSetData,
    WeakRefTarget,
    /// FinalizationRegistry's [[Cells]].
    Cells,
    PromiseState,
    GeneratorState,
    AsyncGeneratorState,
    RegExpMatcher,
    /// ModuleSource's [[ModuleSource]] (Compartments layer 0).
    ModuleSource,
    /// Module's [[ModuleSourceInstance]] (Compartments layer 0).
    ModuleSourceInstance,
    /// %WrapForValidIteratorPrototype%'s [[Iterated]].
    Iterated,
    /// Iterator helpers' [[UnderlyingIterator]].
    UnderlyingIterator,
    /// A Compartment's [[Compartment]] (Compartments layer 4).
    Compartment,
    /// ArrayBuffer's and SharedArrayBuffer's [[ArrayBufferData]].
    ArrayBufferData,
    /// A resizable ArrayBuffer's or growable SharedArrayBuffer's [[ArrayBufferMaxByteLength]].
    ArrayBufferMaxByteLength,
    /// DataView's [[DataView]].
    DataView,
    /// TypedArray's [[TypedArrayName]].
    TypedArrayName,
    /// DataView's and TypedArray's [[ViewedArrayBuffer]].
    ViewedArrayBuffer,
}

impl InternalSlot {
    /// The slot's name as the specification writes it.
    pub fn name(self) -> &'static str {
        match self {
            InternalSlot::BooleanData => "[[BooleanData]]",
            InternalSlot::NumberData => "[[NumberData]]",
            InternalSlot::StringData => "[[StringData]]",
            InternalSlot::SymbolData => "[[SymbolData]]",
            InternalSlot::BigIntData => "[[BigIntData]]",
            InternalSlot::DateValue => "[[DateValue]]",
            InternalSlot::MapData => "[[MapData]]",
            InternalSlot::SetData => "[[SetData]]",
            InternalSlot::WeakMapData => "[[WeakMapData]]",
            InternalSlot::WeakSetData => "[[WeakSetData]]",
            InternalSlot::WeakRefTarget => "[[WeakRefTarget]]",
            InternalSlot::Cells => "[[Cells]]",
            InternalSlot::PromiseState => "[[PromiseState]]",
            InternalSlot::GeneratorState => "[[GeneratorState]]",
            InternalSlot::AsyncGeneratorState => "[[AsyncGeneratorState]]",
            InternalSlot::RegExpMatcher => "[[RegExpMatcher]]",
            InternalSlot::ModuleSource => "[[ModuleSource]]",
            InternalSlot::ModuleSourceInstance => "[[ModuleSourceInstance]]",
            InternalSlot::Iterated => "[[Iterated]]",
            InternalSlot::UnderlyingIterator => "[[UnderlyingIterator]]",
            InternalSlot::Compartment => "[[Compartment]]",
            InternalSlot::ArrayBufferData => "[[ArrayBufferData]]",
            InternalSlot::ArrayBufferMaxByteLength => "[[ArrayBufferMaxByteLength]]",
            InternalSlot::DataView => "[[DataView]]",
            InternalSlot::TypedArrayName => "[[TypedArrayName]]",
            InternalSlot::ViewedArrayBuffer => "[[ViewedArrayBuffer]]",
        }
    }

    /// What has the slot, as a noun phrase ("a Map").
    pub fn holder(self) -> &'static str {
        match self {
            InternalSlot::BooleanData => "a Boolean",
            InternalSlot::NumberData => "a Number",
            InternalSlot::StringData => "a String",
            InternalSlot::SymbolData => "a Symbol",
            InternalSlot::BigIntData => "a BigInt",
            InternalSlot::DateValue => "a Date",
            InternalSlot::MapData => "a Map",
            InternalSlot::SetData => "a Set",
            InternalSlot::WeakMapData => "a WeakMap",
            InternalSlot::WeakSetData => "a WeakSet",
            InternalSlot::WeakRefTarget => "a WeakRef",
            InternalSlot::Cells => "a FinalizationRegistry",
            InternalSlot::PromiseState => "a Promise",
            InternalSlot::GeneratorState => "a generator",
            InternalSlot::AsyncGeneratorState => "an async generator",
            InternalSlot::RegExpMatcher => "a RegExp",
            InternalSlot::ModuleSource => "a ModuleSource",
            InternalSlot::ModuleSourceInstance => "a Module",
            InternalSlot::Iterated => "an Iterator.from wrapper",
            InternalSlot::UnderlyingIterator => "an iterator helper",
            InternalSlot::Compartment => "a Compartment",
            InternalSlot::ArrayBufferData => "an ArrayBuffer or SharedArrayBuffer",
            InternalSlot::ArrayBufferMaxByteLength => {
                "a resizable ArrayBuffer or growable SharedArrayBuffer"
            }
            InternalSlot::DataView => "a DataView",
            InternalSlot::TypedArrayName => "a TypedArray",
            InternalSlot::ViewedArrayBuffer => "a TypedArray or DataView",
        }
    }
}

impl ObjectKind {
    /// Whether an object of this kind has the internal slot `slot`.
    pub fn has_internal_slot(&self, slot: InternalSlot) -> bool {
        match slot {
            InternalSlot::BooleanData => matches!(self, ObjectKind::Boolean(_)),
            InternalSlot::NumberData => matches!(self, ObjectKind::Number(_)),
            InternalSlot::StringData => matches!(self, ObjectKind::String(_)),
            InternalSlot::SymbolData => matches!(self, ObjectKind::Symbol(_)),
            InternalSlot::BigIntData => matches!(self, ObjectKind::BigInt(_)),
            InternalSlot::DateValue => matches!(self, ObjectKind::Date(_)),
            InternalSlot::MapData => matches!(self, ObjectKind::Map(_)),
            InternalSlot::SetData => matches!(self, ObjectKind::Set(_)),
            InternalSlot::WeakMapData => matches!(self, ObjectKind::WeakMap(_)),
            InternalSlot::WeakSetData => matches!(self, ObjectKind::WeakSet(_)),
            InternalSlot::WeakRefTarget => matches!(self, ObjectKind::WeakRef(_)),
            InternalSlot::Cells => matches!(self, ObjectKind::FinalizationRegistry(_)),
            InternalSlot::PromiseState => matches!(self, ObjectKind::Promise(_)),
            InternalSlot::GeneratorState => matches!(self, ObjectKind::Generator(_)),
            InternalSlot::AsyncGeneratorState => matches!(self, ObjectKind::AsyncGenerator(_)),
            // RegExpAlloc creates the slot (`None` until RegExpInitialize fills it).
            InternalSlot::RegExpMatcher => matches!(self, ObjectKind::RegExp(_)),
            InternalSlot::ModuleSource => matches!(self, ObjectKind::ModuleSource(_)),
            InternalSlot::ModuleSourceInstance => matches!(self, ObjectKind::ModuleInstance(_)),
            InternalSlot::Iterated => matches!(self, ObjectKind::WrapForValidIterator(_)),
            InternalSlot::UnderlyingIterator => matches!(self, ObjectKind::IteratorHelper(_)),
            InternalSlot::Compartment => matches!(self, ObjectKind::Compartment(_)),
            InternalSlot::ArrayBufferData => {
                matches!(
                    self,
                    ObjectKind::ArrayBuffer(_) | ObjectKind::SharedArrayBuffer(_)
                )
            }
            InternalSlot::ArrayBufferMaxByteLength => match self {
                ObjectKind::ArrayBuffer(b) => b.max_byte_length.is_some(),
                ObjectKind::SharedArrayBuffer(b) => b.max_byte_length.is_some(),
                _ => false,
            },
            InternalSlot::DataView => matches!(self, ObjectKind::DataView(_)),
            InternalSlot::TypedArrayName => matches!(self, ObjectKind::TypedArray(_)),
            InternalSlot::ViewedArrayBuffer => {
                matches!(self, ObjectKind::DataView(_) | ObjectKind::TypedArray(_))
            }
        }
    }
}

/// 14.7.5.10 For-In Iterator Objects: [[Object]], [[ObjectWasVisited]], [[VisitedKeys]],
/// [[RemainingKeys]].
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ForInIteratorData {
    pub object: Value,
    pub object_was_visited: bool,
    pub visited_keys: Vec<Value>,
    pub remaining_keys: Vec<Value>,
}

/// The kind of values an array iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum IterationKind {
    Key,
    Value,
    KeyValue,
}

#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ArrayIteratorData {
    /// `None` once the iterator is exhausted.
    pub iterated: Option<Value>,
    pub next_index: u64,
    pub kind: IterationKind,
}
