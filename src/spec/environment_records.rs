//! 9.1 Environment Records (sec-environment-records): declarative, function, object and
//! global Environment Records, their concrete methods, and the operations of 9.1.2.
//! (Module Environment Records come with modules.)
//!
//! Each concrete method is a method of [`Env`] that dispatches on the record's kind, as the
//! spec's per-type method tables do. Object and global records call into objects (user
//! code, proxies), so no borrow of a record is held across such a call.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_type::{Object, PropertyKey};
use super::operations_on_objects::{
    define_property_or_throw, get, has_own_property, has_property, set,
};
use super::property_descriptor::PropertyDescriptor;
use super::reference_record::{Reference, ReferenceBase, ReferenceName};
use super::type_conversion::to_boolean;
use super::value::Value;
use crate::spec::abstract_module_records::Module;
use crate::syntax::ast::{Ident, Place};
use boa_gc::{custom_trace, Finalize, Gc, Trace};
use std::sync::Arc;

/// A shared copy of a binding name, interned per thread: creating a binding does not
/// allocate its name each time a function runs. (An `Arc`, the same as the parse tree's
/// names: a binding of a parameter shares its identifier's name without this lookup.)
pub fn interned_name(name: &str) -> Arc<str> {
    thread_local! {
        static NAMES: std::cell::RefCell<rustc_hash::FxHashSet<Arc<str>>> =
            std::cell::RefCell::new(rustc_hash::FxHashSet::default());
    }
    NAMES.with(|names| {
        if let Some(interned) = names.borrow().get(name) {
            return interned.clone();
        }
        let interned: Arc<str> = Arc::from(name);
        names.borrow_mut().insert(interned.clone());
        interned
    })
}

/// One binding of a declarative record.
#[derive(Finalize)]
pub struct Binding {
    /// (Interned when it can be: no reference count to update as the binding is made and
    /// dropped; [`BindingName`].)
    pub name: BindingName,
    /// `syntax::ast::name_hash(name)`: what an identifier reaching the binding through its
    /// place checks (docs/ARCHITECTURE.md, "Identifier places").
    pub name_hash: u32,
    /// `None` while uninitialized.
    pub value: Option<Value>,
    pub mutable: bool,
    /// Immutable bindings: a strict binding (assignment always throws).
    pub strict: bool,
    /// Mutable bindings: may be deleted.
    pub deletable: bool,
    /// An indirect (import) binding of a Module Environment Record (9.1.1.5.5): the target
    /// module and the name of the binding in its environment.
    /// (Boxed, memory only: a binding is smaller, and few are imports.)
    pub import: Option<Box<(Module, Arc<str>)>>,
}

impl Binding {
    /// A mutable, not deletable binding of `name` (whose [`crate::syntax::ast::name_hash`]
    /// is `name_hash`) holding `value` (`None`: uninitialized).
    #[inline]
    pub fn mutable(name: BindingName, name_hash: u32, value: Option<Value>) -> Binding {
        Binding {
            name,
            name_hash,
            value,
            mutable: true,
            strict: false,
            deletable: false,
            import: None,
        }
    }
}

impl Binding {
    /// Whether the binding is one [`Binding::mutable`] makes (whatever its name and value).
    #[inline(always)]
    pub fn is_plain_mutable(&self) -> bool {
        self.mutable && !self.strict && !self.deletable && self.import.is_none()
    }
}

// SAFETY: only `value` and the import target can hold Gc pointers, and they are traced.
unsafe impl Trace for Binding {
    custom_trace!(this, mark, {
        mark(&this.value);
        if let Some(import) = &this.import {
            mark(&import.0);
        }
    });
}

/// The bindings of a Declarative Environment Record (9.1.1.1), in creation order. Past
/// [`INDEXED_FROM`] bindings, an index of their positions by name: each of a function's
/// 40,000 parameters is looked up as it is bound, and a scan per lookup was quadratic.
#[derive(Default, Finalize)]
pub struct DeclarativeRecord {
    bindings: Vec<Binding>,
    /// Name to position in `bindings`, once there are `INDEXED_FROM` of them. Holds no Gc
    /// pointer (names are `Arc<str>`), so it needs no tracing.
    /// (Boxed, memory only: most records never have one.)
    index: Option<Box<rustc_hash::FxHashMap<BindingName, usize>>>,
}

// SAFETY: only the bindings can hold Gc pointers (the index maps names to positions), and
// each is traced.
unsafe impl Trace for DeclarativeRecord {
    custom_trace!(this, mark, {
        for binding in this.bindings.iter() {
            mark(binding);
        }
    });
}

/// How many bindings a declarative record holds before it indexes them: below that a scan
/// of the few names is cheaper than hashing one.
const INDEXED_FROM: usize = 16;

/// Most room of a binding list that a returning call gives back for reuse (memory only;
/// docs/ARCHITECTURE.md, "Calls").
const POOLED_ROOM: usize = 4;

/// Most emptied lists kept for each room (calls nested deeper allocate their own).
const POOL_DEPTH: usize = 64;

/// Most room of the binding list a spare Function Environment Record keeps
/// ([`Env::recycle_function_record`]; a record with more is not kept).
const SPARE_ROOM: usize = 8;

/// Most spare Function Environment Records an agent keeps
/// ([`Env::recycle_function_record`]).
pub const SPARE_RECORDS: usize = 64;

/// A spare Function Environment Record ([`Env::recycle_function_record`]) in
/// `Agent::spare_function_environments`, with the code whose plain call
/// (`ecmascript_function_objects::plain_call`) last used it, when that call recycled it:
/// its bindings are then exactly that code's parameters and vars, uninitialized, in that
/// order (no such code can add, remove or reshape a binding), so a later plain call of the
/// same code fills them without checking them. Holding the code keeps the pointer
/// comparison sound (the parse node cannot be freed and its address reused meanwhile) and
/// lets that call use this handle instead of cloning F's; the call's source text handle
/// (its context's) is kept with it for the same use. Memory only: the handles are moved
/// from call to call instead of being cloned and dropped (two atomic operations each).
pub struct SpareRecord {
    pub env: Env,
    pub code: Option<std::sync::Arc<crate::syntax::ast::Function>>,
    pub source: Option<std::sync::Arc<super::source_positions::SourceText>>,
}

thread_local! {
    /// Emptied binding lists by room (index: room - 1). They hold no binding, so nothing
    /// in them needs tracing.
    static BINDING_LISTS: std::cell::RefCell<[Vec<Vec<Binding>>; POOLED_ROOM]> =
        const { std::cell::RefCell::new([const { Vec::new() }; POOLED_ROOM]) };
}

/// An empty binding list with room for exactly `room` bindings: one given back by
/// [`Env::release_function_bindings`] when there is one of that room.
#[inline]
pub fn binding_list(room: usize) -> Vec<Binding> {
    if (1..=POOLED_ROOM).contains(&room) {
        let reused = BINDING_LISTS
            .try_with(|lists| lists.try_borrow_mut().ok()?[room - 1].pop())
            .ok()
            .flatten();
        if let Some(list) = reused {
            return list;
        }
    }
    Vec::with_capacity(room)
}

impl DeclarativeRecord {
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.bindings.iter().position(|b| &*b.name == name),
        }
    }

    fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    fn add(&mut self, name: &str, mutable: bool, strict: bool, deletable: bool) {
        self.push(Binding {
            name: BindingName::of(name),
            name_hash: crate::syntax::ast::name_hash(name),
            value: None,
            mutable,
            strict,
            deletable,
            import: None,
        });
    }

    /// Appends a binding, keeping the index. (A record never binds a name twice: each
    /// Create…Binding asserts that it has no binding for it.)
    #[inline]
    fn push(&mut self, binding: Binding) {
        let position = self.bindings.len();
        if let Some(index) = &mut self.index {
            index.insert(binding.name.clone(), position);
        }
        self.bindings.push(binding);
        self.index_when_large();
    }

    /// Makes the name index once the record has [`INDEXED_FROM`] bindings (memory only:
    /// a lookup by name is the same with it or without).
    /// (The test inline, the index made out of line: most records never get one.)
    #[inline]
    fn index_when_large(&mut self) {
        if self.index.is_none() && self.bindings.len() >= INDEXED_FROM {
            self.make_index();
        }
    }

    #[inline(never)]
    fn make_index(&mut self) {
        let mut index = rustc_hash::FxHashMap::default();
        for (i, b) in self.bindings.iter().enumerate() {
            index.insert(b.name.clone(), i);
        }
        self.index = Some(Box::new(index));
    }

    /// Removes the binding at `position`, keeping the index.
    fn remove(&mut self, position: usize) {
        let removed = self.bindings.remove(position);
        if let Some(index) = &mut self.index {
            index.remove(&removed.name);
            for i in index.values_mut() {
                if *i > position {
                    *i -= 1;
                }
            }
        }
    }
}

/// [[ThisBindingStatus]] of a Function Environment Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum ThisBindingStatus {
    Lexical,
    Initialized,
    Uninitialized,
}

/// Table 18: the additional fields of Function Environment Records (9.1.1.3).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct FunctionFields {
    pub this_value: Value,
    pub this_binding_status: ThisBindingStatus,
    /// [[FunctionObject]]. (`None` only in a spare record, [`Env::recycle_function_record`],
    /// which no code can reach, and in the record of a plain call of an arrow function
    /// (`ecmascript_function_objects::plain_call`), whose [[ThisBindingStatus]] is
    /// ~lexical~: HasSuperBinding, GetNewTarget, GetSuperBase, PerformEval and `super()`
    /// read the field only of a record whose status is not.)
    pub function_object: Option<Object>,
    /// [[NewTarget]]: an Object or undefined (`None`). (An `Option<Object>` rather than a
    /// Value: one word, which keeps a function record, the largest kind, small.)
    pub new_target: Option<Object>,
}

/// The fields of an Object Environment Record (9.1.1.2).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ObjectRecord {
    pub binding_object: Object,
    pub is_with_environment: bool,
}

/// The fields of a Global Environment Record (9.1.1.4, Table 20).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct GlobalFields {
    pub object_record: ObjectRecord,
    pub global_this_value: Object,
    pub declarative_record: DeclarativeRecord,
    /// Not a spec field: a process-wide unique number for this record and the set of
    /// names its declarative part binds, renewed whenever that set changes. The identifier
    /// places of global object properties check it (docs/ARCHITECTURE.md).
    #[unsafe_ignore_trace]
    pub version: u64,
}

/// A new [`GlobalFields::version`].
fn next_global_version() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// What kind of Environment Record, with the fields of that kind. (`repr(u64)`: an explicit
/// tag, so that telling the kinds apart on every identifier access is one comparison
/// rather than a decoding of niche values; a whole word rather than a byte, so that a new
/// record's fields are written as words and copied into the heap without a 16-byte load
/// spanning a byte store and a word store — a store-forwarding stall.)
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
#[repr(u64)]
pub enum EnvKind {
    // (The three kinds with a `DeclarativeRecord` first, then the global record: telling
    // them apart is one comparison of the tag each, `slot_binding`.)
    Declarative(DeclarativeRecord),
    Function(DeclarativeRecord, FunctionFields),
    /// A Module Environment Record (9.1.1.5): a declarative record that can also hold
    /// immutable indirect (import) bindings.
    Module(DeclarativeRecord),
    Global(GlobalFields),
    Object(ObjectRecord),
}

/// An Environment Record: [[OuterEnv]], which never changes while code can reach the
/// record (so walking the chain borrows no cell), and the kind with its fields and
/// bindings.
#[derive(Finalize)]
pub struct EnvironmentRecord {
    /// [[OuterEnv]]. Written only by [`Env::recycle_function_record`] and
    /// [`Env::reuse_function_record`], through the only handle to the record.
    outer: std::cell::UnsafeCell<Option<Env>>,
    pub kind: KindCell,
}

// SAFETY: [[OuterEnv]] and the kind are traced; the collector runs only inside an
// allocation, never while `outer` is being written (no allocation happens then).
unsafe impl Trace for EnvironmentRecord {
    custom_trace!(this, mark, {
        // SAFETY: a shared read of the cell, which no one writes during a collection.
        mark(unsafe { &*this.outer.get() });
        mark(&this.kind);
    });
}

/// The mutable part of an Environment Record, in a standard `RefCell`: its borrow flag is
/// checked inline (the collector's `GcRefCell` calls out of line to release a borrow, on
/// every identifier access).
#[derive(Finalize)]
pub struct KindCell(std::cell::RefCell<EnvKind>);

// SAFETY: traced as boa_gc traces its own GcRefCell: the contents unless the cell is
// borrowed for writing (then its Gc pointers are not counted as held by the heap, so the
// collector keeps them alive as roots until the borrow ends).
unsafe impl Trace for KindCell {
    custom_trace!(this, mark, {
        // (Unguarded: no count of a shared borrow is written and taken back per record
        // traced.) SAFETY: the reference lives only while the contents are traced, and
        // tracing (counting handles, marking) runs no code that borrows a record mutably.
        if let Ok(kind) = unsafe { this.0.try_borrow_unguarded() } {
            mark(kind);
        }
    });
}

/// A handle to an Environment Record.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Env(Gc<EnvironmentRecord>);

impl PartialEq for Env {
    fn eq(&self, other: &Env) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Env")
    }
}

/// Which concrete method table applies, with what the object-backed ones need (cloned out
/// so that no borrow is held while user code runs).
enum Dispatch {
    Declarative,
    Module,
    Object(ObjectRecord),
    Global(ObjectRecord),
}

impl Env {
    fn new(outer: Option<Env>, kind: EnvKind) -> Env {
        Env(Gc::new(EnvironmentRecord {
            outer: std::cell::UnsafeCell::new(outer),
            kind: KindCell(std::cell::RefCell::new(kind)),
        }))
    }

    /// The record's kind and fields, borrowed.
    #[inline(always)]
    pub fn kind(&self) -> std::cell::Ref<'_, EnvKind> {
        self.0.kind.0.borrow()
    }

    /// The record's kind and fields, borrowed mutably.
    #[inline(always)]
    pub fn kind_mut(&self) -> std::cell::RefMut<'_, EnvKind> {
        self.0.kind.0.borrow_mut()
    }

    /// [[OuterEnv]].
    pub fn outer(&self) -> Option<Env> {
        self.outer_ref().cloned()
    }

    /// [[OuterEnv]], borrowed.
    #[inline(always)]
    pub fn outer_ref(&self) -> Option<&Env> {
        // SAFETY: the cell is written only through `&mut Env` when that handle is the only
        // one to the record (`recycle_function_record`, `reuse_function_record`); this
        // shared borrow comes from another use of a handle, so none is being written.
        unsafe { (*self.0.outer.get()).as_ref() }
    }

    fn dispatch(&self) -> Dispatch {
        match &*self.kind() {
            EnvKind::Declarative(_) | EnvKind::Function(..) => Dispatch::Declarative,
            EnvKind::Module(_) => Dispatch::Module,
            EnvKind::Object(o) => Dispatch::Object(o.clone()),
            EnvKind::Global(g) => Dispatch::Global(g.object_record.clone()),
        }
    }

    /// Runs `f` on the declarative part of a declarative, function or global record.
    /// Room for `additional` more bindings in this declarative record, exactly (not an
    /// Environment Record method: memory only).
    pub fn reserve_bindings(&self, additional: usize) {
        self.with_declarative(|d| {
            if d.bindings.capacity() == 0 {
                d.bindings = binding_list(additional);
            } else {
                d.bindings.reserve_exact(additional);
            }
        });
    }

    /// Appends `bindings` to this declarative or function record in one borrow, with room
    /// for exactly `capacity` more (FunctionDeclarationInstantiation's untraced path for a
    /// new function environment: each binding is what CreateMutableBinding, 9.1.1.1.2, and
    /// InitializeBinding, 9.1.1.1.4, make of a name the record does not have).
    pub fn append_bindings(&self, capacity: usize, bindings: impl Iterator<Item = Binding>) {
        self.with_declarative(|d| {
            // (A new record's first room allocated at once, without a vector's growth.)
            if d.bindings.capacity() == 0 {
                d.bindings = binding_list(capacity);
            } else {
                d.bindings.reserve_exact(capacity);
            }
            if d.index.is_none() && d.bindings.len() + capacity < INDEXED_FROM {
                // (Fewer than INDEXED_FROM bindings: no index to keep.)
                for binding in bindings {
                    d.bindings.push(binding);
                }
            } else {
                for binding in bindings {
                    d.push(binding);
                }
            }
        });
    }

    /// Gives the bindings `fill` pushes (at most `room`, new distinct names) to this new
    /// declarative or function record that has none yet, in one borrow, as
    /// [`Env::append_bindings`] would append them: pushed into the record's own list when
    /// it has the room (a reused record, [`Env::recycle_function_record`]), else into one
    /// from [`binding_list`]. `fill` runs while the record is borrowed: it must not reach
    /// records.
    #[inline]
    pub fn fill_new_bindings(&self, room: usize, fill: impl FnOnce(&mut Vec<Binding>)) {
        self.with_declarative(|d| {
            if d.bindings.is_empty() && d.index.is_none() && room < INDEXED_FROM {
                if d.bindings.capacity() == 0 {
                    d.bindings = binding_list(room);
                } else if d.bindings.capacity() < room {
                    d.bindings.reserve_exact(room);
                }
                fill(&mut d.bindings);
            } else {
                let mut list = Vec::with_capacity(room);
                fill(&mut list);
                d.bindings.reserve_exact(list.len());
                for binding in list {
                    d.push(binding);
                }
            }
        });
    }

    fn with_declarative<R>(&self, f: impl FnOnce(&mut DeclarativeRecord) -> R) -> R {
        let mut record = self.kind_mut();
        match &mut *record {
            EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d) => f(d),
            EnvKind::Global(g) => {
                let count = g.declarative_record.bindings.len();
                let result = f(&mut g.declarative_record);
                if g.declarative_record.bindings.len() != count {
                    g.version = next_global_version();
                }
                result
            }
            EnvKind::Object(_) => unreachable!("an Object Environment Record has no bindings"),
        }
    }

    pub fn is_global(&self) -> bool {
        matches!(*self.kind(), EnvKind::Global(_))
    }

    pub fn is_function(&self) -> bool {
        matches!(*self.kind(), EnvKind::Function(..))
    }

    pub fn is_module(&self) -> bool {
        matches!(*self.kind(), EnvKind::Module(_))
    }

    pub fn is_object(&self) -> bool {
        matches!(*self.kind(), EnvKind::Object(_))
    }

    // ---------------------------------------------------------------------------------
    // The abstract methods of Table 16
    // ---------------------------------------------------------------------------------

    /// HasBinding(N): 9.1.1.1.1, 9.1.1.2.1, 9.1.1.4.1.
    pub fn has_binding(&self, agent: &mut Agent, name: &str) -> JsResult<bool> {
        match self.dispatch() {
            // 9.1.1.1.1 1. If envRec has a binding for name, return true. 2. Return false.
            Dispatch::Declarative | Dispatch::Module => Ok(self.with_declarative(|d| d.has(name))),
            Dispatch::Object(record) => object_has_binding(agent, &record, name),
            Dispatch::Global(record) => {
                // 9.1.1.4.1 1. Let DclRec be envRec.[[DeclarativeRecord]].
                // 2. If ! DclRec.HasBinding(N) is true, return true.
                if self.with_declarative(|d| d.has(name)) {
                    return Ok(true);
                }
                // 3. Let ObjRec be envRec.[[ObjectRecord]].
                // 4. Return ? ObjRec.HasBinding(N).
                object_has_binding(agent, &record, name)
            }
        }
    }

    /// CreateMutableBinding(N, D): 9.1.1.1.2, 9.1.1.2.2, 9.1.1.4.2.
    pub fn create_mutable_binding(
        &self,
        agent: &mut Agent,
        name: &str,
        deletable: bool,
    ) -> JsResult<()> {
        match self.dispatch() {
            Dispatch::Declarative | Dispatch::Module => {
                // 1. Assert: envRec does not already have a binding for N.
                // 2. Create a mutable binding in envRec for N and record that it is
                //    uninitialized. If D is true, record that the newly created binding may
                //    be deleted by a subsequent DeleteBinding call.
                self.with_declarative(|d| d.add(name, true, false, deletable));
                Ok(())
            }
            Dispatch::Object(record) => {
                // 9.1.1.2.2 1. Let bindingObject be envRec.[[BindingObject]].
                // 2. Perform ? DefinePropertyOrThrow(bindingObject, N, PropertyDescriptor {
                //    [[Value]]: undefined, [[Writable]]: true, [[Enumerable]]: true,
                //    [[Configurable]]: D }).
                define_property_or_throw(
                    agent,
                    &record.binding_object,
                    &PropertyKey::from_identifier(name),
                    PropertyDescriptor::data(Value::Undefined, true, true, deletable),
                )
            }
            Dispatch::Global(_) => {
                // 9.1.1.4.2 1. Let DclRec be envRec.[[DeclarativeRecord]].
                // 2. If ! DclRec.HasBinding(N) is true, throw a TypeError exception.
                if self.with_declarative(|d| d.has(name)) {
                    return Err(agent.type_error(&format!("{name} has already been declared")));
                }
                // 3. Return ! DclRec.CreateMutableBinding(N, D).
                self.with_declarative(|d| d.add(name, true, false, deletable));
                Ok(())
            }
        }
    }

    /// CreateImmutableBinding(N, S): 9.1.1.1.3, 9.1.1.4.3.
    pub fn create_immutable_binding(
        &self,
        agent: &mut Agent,
        name: &str,
        strict: bool,
    ) -> JsResult<()> {
        if self.is_global() && self.with_declarative(|d| d.has(name)) {
            // 9.1.1.4.3 2. If ! DclRec.HasBinding(N) is true, throw a TypeError exception.
            return Err(agent.type_error(&format!("{name} has already been declared")));
        }
        // 9.1.1.1.3 2. Create an immutable binding in envRec for N and record that it is
        //    uninitialized. If S is true, record that the newly created binding is a strict
        //    binding.
        self.with_declarative(|d| d.add(name, false, strict, false));
        Ok(())
    }

    /// InitializeBinding(N, V): 9.1.1.1.4, 9.1.1.2.4, 9.1.1.4.4.
    pub fn initialize_binding(&self, agent: &mut Agent, name: &str, value: Value) -> JsResult<()> {
        match self.dispatch() {
            Dispatch::Object(record) => {
                // 9.1.1.2.4 1. Perform ? envRec.SetMutableBinding(N, V, false).
                object_set_mutable_binding(agent, &record, name, value, false)
            }
            Dispatch::Global(record) => {
                // 9.1.1.4.4 2. If ! DclRec.HasBinding(N) is true, then
                //    a. Return ! DclRec.InitializeBinding(N, V).
                if self.with_declarative(|d| d.has(name)) {
                    self.initialize_declarative(name, value);
                    return Ok(());
                }
                // 3. Assert: If the binding exists, it must be in the Object Environment
                //    Record. 4. Let ObjRec be envRec.[[ObjectRecord]].
                // 5. Return ? ObjRec.InitializeBinding(N, V).
                object_set_mutable_binding(agent, &record, name, value, false)
            }
            Dispatch::Declarative | Dispatch::Module => {
                self.initialize_declarative(name, value);
                Ok(())
            }
        }
    }

    /// 9.1.1.1.4 1. Assert: envRec must have an uninitialized binding for N.
    /// 2. Set the bound value for N in envRec to V.
    /// 3. Record that the binding for N in envRec has been initialized.
    fn initialize_declarative(&self, name: &str, value: Value) {
        self.with_declarative(|d| {
            if let Some(i) = d.position(name) {
                d.bindings[i].value = Some(value);
            }
        })
    }

    /// SetMutableBinding(N, V, S): 9.1.1.1.5, 9.1.1.2.5, 9.1.1.4.5.
    pub fn set_mutable_binding(
        &self,
        agent: &mut Agent,
        name: &str,
        value: Value,
        strict: bool,
    ) -> JsResult<()> {
        match self.dispatch() {
            Dispatch::Declarative | Dispatch::Module => {
                declarative_set_mutable_binding(agent, self, name, value, strict)
            }
            Dispatch::Object(record) => {
                object_set_mutable_binding(agent, &record, name, value, strict)
            }
            Dispatch::Global(record) => {
                // 9.1.1.4.5 2. If ! DclRec.HasBinding(N) is true, then
                //    a. Return ? DclRec.SetMutableBinding(N, V, S).
                if self.with_declarative(|d| d.has(name)) {
                    return declarative_set_mutable_binding(agent, self, name, value, strict);
                }
                // 4. Return ? ObjRec.SetMutableBinding(N, V, S).
                object_set_mutable_binding(agent, &record, name, value, strict)
            }
        }
    }

    /// GetBindingValue(N, S): 9.1.1.1.6, 9.1.1.2.6, 9.1.1.4.6.
    pub fn get_binding_value(
        &self,
        agent: &mut Agent,
        name: &str,
        strict: bool,
    ) -> JsResult<Value> {
        match self.dispatch() {
            Dispatch::Declarative => declarative_get_binding_value(agent, self, name),
            Dispatch::Module => module_get_binding_value(agent, self, name, strict),
            Dispatch::Object(record) => object_get_binding_value(agent, &record, name, strict),
            Dispatch::Global(record) => {
                // 9.1.1.4.6 2. If ! DclRec.HasBinding(N) is true, then
                //    a. Return ? DclRec.GetBindingValue(N, S).
                if self.with_declarative(|d| d.has(name)) {
                    return declarative_get_binding_value(agent, self, name);
                }
                // 4. Return ? ObjRec.GetBindingValue(N, S).
                object_get_binding_value(agent, &record, name, strict)
            }
        }
    }

    /// DeleteBinding(N): 9.1.1.1.7, 9.1.1.2.7, 9.1.1.4.7.
    pub fn delete_binding(&self, agent: &mut Agent, name: &str) -> JsResult<bool> {
        match self.dispatch() {
            Dispatch::Declarative | Dispatch::Module => Ok(self.delete_declarative(name)),
            Dispatch::Object(record) => {
                // 9.1.1.2.7 2. Return ? bindingObject.[[Delete]](N).
                record
                    .binding_object
                    .delete(agent, &PropertyKey::from_identifier(name))
            }
            Dispatch::Global(record) => {
                // 9.1.1.4.7 2. If ! DclRec.HasBinding(N) is true, then
                //    a. Return ! DclRec.DeleteBinding(N).
                if self.with_declarative(|d| d.has(name)) {
                    return Ok(self.delete_declarative(name));
                }
                // 4. Let globalObject be ObjRec.[[BindingObject]].
                // 5. Let existingProp be ? HasOwnProperty(globalObject, N).
                let key = PropertyKey::from_identifier(name);
                // 6. If existingProp is true, then
                //    a. Return ? ObjRec.DeleteBinding(N).
                if has_own_property(agent, &record.binding_object, &key)? {
                    return record.binding_object.delete(agent, &key);
                }
                // 7. Return true.
                Ok(true)
            }
        }
    }

    /// 9.1.1.1.7 1. Assert: envRec has a binding for N.
    /// 2. If the binding for N in envRec cannot be deleted, return false.
    /// 3. Remove the binding for N from envRec. 4. Return true.
    fn delete_declarative(&self, name: &str) -> bool {
        self.with_declarative(|d| match d.position(name) {
            Some(i) if d.bindings[i].deletable => {
                d.remove(i);
                true
            }
            Some(_) => false,
            None => true,
        })
    }

    /// HasThisBinding(): 9.1.1.1.8, 9.1.1.2.8, 9.1.1.3.2, 9.1.1.4.8.
    pub fn has_this_binding(&self) -> bool {
        match &*self.kind() {
            EnvKind::Declarative(_) | EnvKind::Object(_) => false,
            // 9.1.1.3.2 1. If envRec.[[ThisBindingStatus]] is ~lexical~, return false;
            //    otherwise, return true.
            EnvKind::Function(_, f) => f.this_binding_status != ThisBindingStatus::Lexical,
            EnvKind::Global(_) => true,
            // 9.1.1.5.3 HasThisBinding ( )
            EnvKind::Module(_) => {
                // 1. Return true.
                crate::step!("sec-module-environment-records-hasthisbinding", "1");
                true
            }
        }
    }

    /// HasSuperBinding(): 9.1.1.1.9, 9.1.1.2.9, 9.1.1.3.3, 9.1.1.4.9.
    pub fn has_super_binding(&self) -> bool {
        match &*self.kind() {
            EnvKind::Function(_, f) => {
                // 1. If envRec.[[ThisBindingStatus]] is ~lexical~, return false.
                // 2. If envRec.[[FunctionObject]].[[HomeObject]] is undefined, return false;
                //    otherwise, return true.
                f.this_binding_status != ThisBindingStatus::Lexical
                    && f.function_object
                        .as_ref()
                        .and_then(super::ecmascript_function_objects::home_object)
                        .is_some()
            }
            _ => false,
        }
    }

    /// WithBaseObject(): 9.1.1.1.10, 9.1.1.2.10, 9.1.1.4.10.
    pub fn with_base_object(&self) -> Value {
        match &*self.kind() {
            // 9.1.1.2.10 1. If envRec.[[IsWithEnvironment]] is true, return
            //    envRec.[[BindingObject]]. 2. Otherwise, return undefined.
            EnvKind::Object(o) if o.is_with_environment => Value::Object(o.binding_object.clone()),
            _ => Value::Undefined,
        }
    }

    /// GetThisBinding(): 9.1.1.3.4 (function) and 9.1.1.4.11 (global).
    pub fn get_this_binding(&self, agent: &mut Agent) -> JsResult<Value> {
        let record = self.kind();
        match &*record {
            EnvKind::Function(_, f) => {
                // 1. Assert: envRec.[[ThisBindingStatus]] is not ~lexical~.
                // 2. If envRec.[[ThisBindingStatus]] is ~uninitialized~, throw a
                //    ReferenceError exception.
                if f.this_binding_status == ThisBindingStatus::Uninitialized {
                    drop(record);
                    return Err(agent
                        .reference_error("must call super constructor before accessing 'this'"));
                }
                // 3. Return envRec.[[ThisValue]].
                Ok(f.this_value.clone())
            }
            // 9.1.1.4.11 1. Return envRec.[[GlobalThisValue]].
            EnvKind::Global(g) => Ok(Value::Object(g.global_this_value.clone())),
            // 9.1.1.5.4 GetThisBinding ( )
            EnvKind::Module(_) => {
                // 1. Return undefined.
                crate::step!("sec-module-environment-records-getthisbinding", "1");
                Ok(Value::Undefined)
            }
            _ => Ok(Value::Undefined),
        }
    }

    /// [[GlobalThisValue]] of a Global Environment Record (`None` for other records).
    pub fn global_this_value(&self) -> Option<Object> {
        match &*self.kind() {
            EnvKind::Global(g) => Some(g.global_this_value.clone()),
            _ => None,
        }
    }

    /// The [[FunctionObject]] and [[NewTarget]] of a Function Environment Record.
    pub fn function_fields(&self) -> Option<(Object, Value)> {
        match &*self.kind() {
            EnvKind::Function(_, f) => Some((
                f.function_object.clone()?,
                f.new_target.clone().map_or(Value::Undefined, Value::Object),
            )),
            _ => None,
        }
    }

    /// [[BindingObject]] of an Object Environment Record, or of a global record's
    /// [[ObjectRecord]].
    pub fn binding_object(&self) -> Option<Object> {
        match &*self.kind() {
            EnvKind::Object(o) => Some(o.binding_object.clone()),
            EnvKind::Global(g) => Some(g.object_record.binding_object.clone()),
            _ => None,
        }
    }

    /// Whether a declarative (or function, or global declarative part) record has a binding
    /// for `name` (no user code can run).
    pub fn has_declarative_binding(&self, name: &str) -> bool {
        match &*self.kind() {
            EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d) => d.has(name),
            EnvKind::Global(g) => g.declarative_record.has(name),
            EnvKind::Object(_) => false,
        }
    }

    /// Whether a declarative record has an initialized binding for `name`.
    pub fn has_initialized_binding(&self, name: &str) -> bool {
        match &*self.kind() {
            EnvKind::Declarative(d) | EnvKind::Function(d, _) => d
                .position(name)
                .is_some_and(|i| d.bindings[i].value.is_some()),
            _ => false,
        }
    }

    /// The names bound in a declarative record, in creation order.
    pub fn declarative_names(&self) -> Vec<Arc<str>> {
        match &*self.kind() {
            EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d) => {
                d.bindings.iter().map(|b| b.name.to_shared()).collect()
            }
            EnvKind::Global(g) => g
                .declarative_record
                .bindings
                .iter()
                .map(|b| b.name.to_shared())
                .collect(),
            EnvKind::Object(_) => Vec::new(),
        }
    }
}

/// ResolveBinding(name) followed by GetValue, in one walk of the environment chain
/// (13.1.3 IdentifierReference evaluation then GetValue): for a declarative record,
/// HasBinding and GetBindingValue only read the record, so one search does both; object
/// and global records run their concrete methods as written.
pub fn get_identifier_value(
    agent: &mut Agent,
    env: Env,
    name: &str,
    strict: bool,
) -> JsResult<Value> {
    find_identifier_value(agent, env, name, strict).map(|(_, value)| value)
}

/// [`get_identifier_value`], also giving the Environment Record that has the binding (the
/// [[Base]] of the Reference Record ResolveBinding would have made).
pub fn find_identifier_value(
    agent: &mut Agent,
    env: Env,
    name: &str,
    strict: bool,
) -> JsResult<(Env, Value)> {
    let mut current = Some(env);
    while let Some(env) = current {
        enum Found {
            Value(Value),
            Uninitialized,
            Missing(Option<Env>),
            Object,
        }
        let found = {
            let record = env.kind();
            match &*record {
                EnvKind::Declarative(d) | EnvKind::Function(d, _) => match d.position(name) {
                    Some(i) => match &d.bindings[i].value {
                        Some(v) => Found::Value(v.clone()),
                        None => Found::Uninitialized,
                    },
                    None => Found::Missing(env.outer()),
                },
                // A global record whose declarative part lacks the name and whose global
                // object is ordinary with an own data property for it: HasBinding is true
                // and GetBindingValue reads that property, with no code run.
                EnvKind::Global(g) if !g.declarative_record.has(name) => {
                    match own_ordinary_data(
                        &g.object_record.binding_object,
                        &PropertyKey::from_identifier(name),
                    ) {
                        Some(v) => Found::Value(v),
                        None => Found::Object,
                    }
                }
                // A module record's indirect bindings read another module's environment.
                EnvKind::Object(_) | EnvKind::Global(_) | EnvKind::Module(_) => Found::Object,
            }
        };
        match found {
            Found::Value(v) => return Ok((env, v)),
            Found::Uninitialized => {
                return Err(
                    agent.reference_error(&format!("cannot access '{name}' before initialization"))
                )
            }
            Found::Missing(outer) => current = outer,
            Found::Object => {
                if env.has_binding(agent, name)? {
                    let value = env.get_binding_value(agent, name, strict)?;
                    return Ok((env, value));
                }
                current = env.outer();
            }
        }
    }
    // GetValue on an unresolvable reference: throw a ReferenceError exception.
    Err(agent.reference_error(&format!("{name} is not defined")))
}

/// 9.1.1.1.5 SetMutableBinding ( N, V, S ) of a Declarative Environment Record.
fn declarative_set_mutable_binding(
    agent: &mut Agent,
    env: &Env,
    name: &str,
    value: Value,
    strict: bool,
) -> JsResult<()> {
    enum Outcome {
        Missing,
        Uninitialized,
        Set,
        Immutable(bool),
    }
    let outcome = env.with_declarative(|d| match d.position(name) {
        None => Outcome::Missing,
        Some(i) => {
            let binding = &mut d.bindings[i];
            // 2. If the binding for N in envRec is a strict binding, set S to true.
            let strict = strict || binding.strict;
            if binding.import.is_some() {
                // An indirect binding is an initialized immutable strict binding.
                Outcome::Immutable(true)
            } else if binding.value.is_none() {
                // 3. If the binding for N in envRec has not yet been initialized, then
                //    a. Throw a ReferenceError exception.
                Outcome::Uninitialized
            } else if binding.mutable {
                // 4. Else if the binding for N in envRec is a mutable binding, then
                //    a. Change its bound value to V.
                binding.value = Some(value.clone());
                Outcome::Set
            } else {
                // 5. Else, a. Assert: This is an attempt to change the value of an
                //    immutable binding. b. If S is true, throw a TypeError exception.
                Outcome::Immutable(strict)
            }
        }
    });
    match outcome {
        Outcome::Missing => {
            // 1. If envRec does not have a binding for N, then
            //    a. If S is true, throw a ReferenceError exception.
            if strict {
                return Err(agent.reference_error(&format!("{name} is not defined")));
            }
            //    b. Perform ! envRec.CreateMutableBinding(N, true).
            //    c. Perform ! envRec.InitializeBinding(N, V).
            env.with_declarative(|d| d.add(name, true, false, true));
            env.initialize_declarative(name, value);
            Ok(())
        }
        Outcome::Uninitialized => {
            Err(agent.reference_error(&format!("cannot access '{name}' before initialization")))
        }
        Outcome::Set | Outcome::Immutable(false) => Ok(()),
        Outcome::Immutable(true) => {
            Err(agent.type_error(&format!("assignment to constant variable '{name}'")))
        }
    }
}

/// 9.1.1.1.6 GetBindingValue ( N, S ) of a Declarative Environment Record.
fn declarative_get_binding_value(agent: &mut Agent, env: &Env, name: &str) -> JsResult<Value> {
    // 1. Assert: envRec has a binding for N.
    // 2. If the binding for N in envRec is an uninitialized binding, throw a ReferenceError.
    // 3. Return the value currently bound to N in envRec.
    let value =
        env.with_declarative(|d| d.position(name).and_then(|i| d.bindings[i].value.clone()));
    value.ok_or_else(|| {
        agent.reference_error(&format!("cannot access '{name}' before initialization"))
    })
}

/// GetBindingValue ( N, S ) of a Module Environment Record (9.1.1.5.1).
fn module_get_binding_value(
    agent: &mut Agent,
    env: &Env,
    name: &str,
    strict: bool,
) -> JsResult<Value> {
    // 1. Assert: S is true.
    crate::spec_assert!(
        "sec-module-environment-records-getbindingvalue-n-s",
        "1",
        strict
    );
    // 2. Assert: envRec has a binding for N.
    let binding = env.with_declarative(|d| {
        d.position(name)
            .map(|i| d.bindings[i].import.as_deref().cloned())
    });
    crate::spec_assert!(
        "sec-module-environment-records-getbindingvalue-n-s",
        "2",
        binding.is_some()
    );
    let import = binding.flatten();
    // 3. If the binding for N is an indirect binding, then
    crate::step!("sec-module-environment-records-getbindingvalue-n-s", "3");
    if let Some((module, target_name)) = import {
        // a. Let M and N2 be the indirection values provided when this binding for N was
        //    created.
        crate::step!("sec-module-environment-records-getbindingvalue-n-s", "3.a");
        // b. Let targetEnv be M.[[Environment]].
        crate::step!("sec-module-environment-records-getbindingvalue-n-s", "3.b");
        let target_env = module.environment();
        // c. If targetEnv is empty, throw a ReferenceError exception.
        crate::step!("sec-module-environment-records-getbindingvalue-n-s", "3.c");
        let Some(target_env) = target_env else {
            return Err(agent.reference_error(&format!(
                "cannot access '{name}' before its module is linked"
            )));
        };
        // d. Return ? targetEnv.GetBindingValue(N2, true).
        crate::step!("sec-module-environment-records-getbindingvalue-n-s", "3.d");
        return target_env.get_binding_value(agent, &target_name, true);
    }
    // 4. If the binding for N in envRec is an uninitialized binding, throw a ReferenceError
    //    exception.
    crate::step!("sec-module-environment-records-getbindingvalue-n-s", "4");
    // 5. Return the value currently bound to N in envRec.
    crate::step!("sec-module-environment-records-getbindingvalue-n-s", "5");
    declarative_get_binding_value(agent, env, name)
}

/// CreateImportBinding ( envRecord, name, targetModule, targetName ) (9.1.1.5.5).
pub fn create_import_binding(env: &Env, name: &str, target_module: Module, target_name: &str) {
    // 1. Assert: envRecord does not already have a binding for name.
    crate::spec_assert!(
        "sec-createimportbinding",
        "1",
        env.with_declarative(|d| d.position(name).is_none())
    );
    // 2. Assert: When targetModule.[[Environment]] is instantiated, it will have a direct
    //    binding for targetName.
    crate::spec_assert!("sec-createimportbinding", "2", by: "a claim about targetModule.[[Environment]] once instantiated: ResolveExport named targetName as a binding of targetModule itself");
    // 3. Create an immutable indirect binding in envRecord for name that references
    //    targetModule and targetName as its target binding and record that the binding is
    //    initialized.
    crate::step!("sec-createimportbinding", "3");
    env.with_declarative(|d| {
        d.push(Binding {
            name: BindingName::of(name),
            name_hash: crate::syntax::ast::name_hash(name),
            value: None,
            mutable: false,
            strict: true,
            deletable: false,
            import: Some(Box::new((target_module, interned_name(target_name)))),
        })
    });
    // 4. Return unused.
    crate::step!("sec-createimportbinding", "4");
}

/// NewModuleEnvironment ( E ) (9.1.2.6).
pub fn new_module_environment(outer: Option<Env>) -> Env {
    // 1. Let env be a new Module Environment Record containing no bindings.
    crate::step!("sec-newmoduleenvironment", "1");
    // 2. Set env.[[OuterEnv]] to E.
    crate::step!("sec-newmoduleenvironment", "2");
    // 3. Return env.
    crate::step!("sec-newmoduleenvironment", "3");
    Env::new(outer, EnvKind::Module(DeclarativeRecord::default()))
}

/// 9.1.1.2.1 HasBinding ( N ) of an Object Environment Record.
fn object_has_binding(agent: &mut Agent, record: &ObjectRecord, name: &str) -> JsResult<bool> {
    let key = PropertyKey::from_identifier(name);
    // Not observable: an ordinary binding object with an own property P answers
    // HasProperty(P) with true, and a non-with record asks nothing else.
    if !record.is_with_environment && own_ordinary_data(&record.binding_object, &key).is_some() {
        return Ok(true);
    }
    // 1. Let bindingObject be envRec.[[BindingObject]].
    // 2. Let foundBinding be ? HasProperty(bindingObject, N).
    // 3. If foundBinding is false, return false.
    if !has_property(agent, &record.binding_object, &key)? {
        return Ok(false);
    }
    // 4. If envRec.[[IsWithEnvironment]] is false, return true.
    if !record.is_with_environment {
        return Ok(true);
    }
    // 5. Let unscopables be ? Get(bindingObject, %Symbol.unscopables%).
    let unscopables_key = PropertyKey::Symbol(agent.well_known.unscopables.clone());
    let unscopables = get(agent, &record.binding_object, &unscopables_key)?;
    // 6. If unscopables is an Object, then
    if let Value::Object(unscopables) = unscopables {
        // a. Let blocked be ToBoolean(? Get(unscopables, N)).
        // b. If blocked is true, return false.
        if to_boolean(&get(agent, &unscopables, &key)?) {
            return Ok(false);
        }
    }
    // 7. Return true.
    Ok(true)
}

/// The value of an own data property of an object whose property lookups are the ordinary
/// ones (so that reading it runs no code), if it has one.
fn own_ordinary_data(object: &Object, key: &PropertyKey) -> Option<Value> {
    if !crate::spec::ordinary_object_internal_methods::has_ordinary_lookup(object) {
        return None;
    }
    object
        .data()
        .properties
        .0
        .lookup(key)
        .and_then(|property| property.data_value().cloned())
}

/// 9.1.1.2.5 SetMutableBinding ( N, V, S ) of an Object Environment Record.
fn object_set_mutable_binding(
    agent: &mut Agent,
    record: &ObjectRecord,
    name: &str,
    value: Value,
    strict: bool,
) -> JsResult<()> {
    let key = PropertyKey::from_identifier(name);
    // Not observable: for an ordinary binding object with an own writable data property P,
    // HasProperty(P) is true and Set(P, V) only replaces that property's value.
    if crate::spec::ordinary_object_internal_methods::has_ordinary_lookup(&record.binding_object)
        && crate::spec::ordinary_object_internal_methods::defines_ordinarily(&record.binding_object)
    {
        let mut data = record.binding_object.data_mut();
        if let Some(slot) = data
            .properties
            .0
            .get_mut(&key)
            .as_mut()
            .and_then(|property| property.writable_value())
        {
            *slot = value;
            return Ok(());
        }
    }
    // 1. Let bindingObject be envRec.[[BindingObject]].
    // 2. Let stillExists be ? HasProperty(bindingObject, N).
    let still_exists = has_property(agent, &record.binding_object, &key)?;
    // 3. If stillExists is false and S is true, throw a ReferenceError exception.
    if !still_exists && strict {
        return Err(agent.reference_error(&format!("{name} is not defined")));
    }
    // 4. Perform ? Set(bindingObject, N, V, S).
    set(agent, &record.binding_object, &key, value, strict)?;
    Ok(())
}

/// 9.1.1.2.6 GetBindingValue ( N, S ) of an Object Environment Record.
fn object_get_binding_value(
    agent: &mut Agent,
    record: &ObjectRecord,
    name: &str,
    strict: bool,
) -> JsResult<Value> {
    let key = PropertyKey::from_identifier(name);
    // Not observable: for an ordinary binding object with an own data property P, both
    // HasProperty(P) and Get(P) only read that property.
    if let Some(value) = own_ordinary_data(&record.binding_object, &key) {
        return Ok(value);
    }
    // 2. Let value be ? HasProperty(bindingObject, N).
    // 3. If value is false, then
    if !has_property(agent, &record.binding_object, &key)? {
        // a. If S is false, return undefined; otherwise throw a ReferenceError exception.
        if !strict {
            return Ok(Value::Undefined);
        }
        return Err(agent.reference_error(&format!("{name} is not defined")));
    }
    // 4. Return ? Get(bindingObject, N).
    get(agent, &record.binding_object, &key)
}

/// BindThisValue ( envRecord, value ) (9.1.1.3.1).
#[crate::trace::checks_tracing_once]
pub fn bind_this_value(agent: &mut Agent, env: &Env, value: Value) -> JsResult<()> {
    let mut record = env.kind_mut();
    let EnvKind::Function(_, f) = &mut *record else {
        unreachable!("BindThisValue on a record that is not a Function Environment Record");
    };
    // 1. Assert: envRecord.[[ThisBindingStatus]] is not lexical.
    crate::spec_assert!(
        "sec-bindthisvalue",
        "1",
        f.this_binding_status != ThisBindingStatus::Lexical
    );
    // 2. If envRecord.[[ThisBindingStatus]] is initialized, throw a ReferenceError.
    crate::step!("sec-bindthisvalue", "2");
    if f.this_binding_status == ThisBindingStatus::Initialized {
        drop(record);
        return Err(agent.reference_error("super() called twice in a derived constructor"));
    }
    // 3. Set envRecord.[[ThisValue]] to value.
    crate::step!("sec-bindthisvalue", "3");
    f.this_value = value;
    // 4. Set envRecord.[[ThisBindingStatus]] to initialized.
    crate::step!("sec-bindthisvalue", "4");
    f.this_binding_status = ThisBindingStatus::Initialized;
    // 5. Return unused.
    crate::step!("sec-bindthisvalue", "5");
    Ok(())
}

/// BindThisValue ( envRecord, V ) (9.1.1.3.1) steps 3-4 — set [[ThisValue]] to `value`
/// and [[ThisBindingStatus]] to initialized — for a record whose status is uninitialized
/// (steps 1-2 pass), as OrdinaryCallBindThis's steps 7-8 assert of the new record; not
/// while tracing (`bind_this_value` has the markers).
pub fn bind_new_this_value(env: &Env, value: Value) {
    if let EnvKind::Function(_, f) = &mut *env.kind_mut() {
        f.this_value = value;
        f.this_binding_status = ThisBindingStatus::Initialized;
    }
}

/// GetSuperBase ( envRecord ) (9.1.1.3.5).
pub fn get_super_base(agent: &mut Agent, env: &Env) -> JsResult<Value> {
    // 1. Let home be envRecord.[[FunctionObject]].[[HomeObject]].
    crate::step!("sec-getsuperbase", "1");
    let function = env.function_fields().map(|(f, _)| f);
    let home = function.and_then(|f| super::ecmascript_function_objects::home_object(&f));
    // 2. If home is undefined, return undefined.
    crate::step!("sec-getsuperbase", "2");
    let Some(home) = home else {
        return Ok(Value::Undefined);
    };
    // 3. Assert: home is an ordinary object.
    crate::spec_assert!("sec-getsuperbase", "3", by: "a [[HomeObject]] is an object literal, a class prototype or a class: ordinary objects");
    // 4. Return ! home.[[GetPrototypeOf]]().
    crate::step!("sec-getsuperbase", "4");
    Ok(home.get_prototype_of(agent)?.into())
}

mod binding_names;
mod environment_record_operations;
mod function_record_reuse;
mod global_environment_records;
mod identifier_places;
pub use binding_names::BindingName;
pub use environment_record_operations::{
    binding_of_lexical_name, get_identifier_reference, new_declarative_environment,
    new_declarative_environment_of_names, new_declarative_environment_with,
    new_function_environment, new_function_environment_of, new_global_environment,
    new_object_environment,
};
pub use global_environment_records::{
    can_declare_global_function, can_declare_global_var, create_global_function_binding,
    create_global_var_binding, has_lexical_declaration, has_restricted_global_property,
};
