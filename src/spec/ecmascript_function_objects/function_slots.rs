//! The internal slots of an ECMAScript function object (Table 28) as they are stored
//! (issue 20, churn; docs/ARCHITECTURE.md "Object creation"): [[Environment]] in the object
//! itself, every other slot in a [`FunctionSlots`] record that the functions made from the
//! same code in the same circumstances share (same [[Realm]], Evaluators,
//! [[ScriptOrModule]], [[PrivateEnvironment]], [[ThisMode]] and source text) until one of
//! them has a slot set after its creation (MakeConstructor with a derived kind,
//! MakeClassConstructor, MakeMethod, [[ClassFieldInitializerName]], [[Fields]]), which
//! first gives that function a record of its own. Memory only: which functions share a
//! record is never observable, as the shared slots never change.

use super::*;
use crate::spec::object_type::SharedProperties;
use boa_gc::{Gc, GcRefCell};
use std::cell::Cell;

/// The internal slots of an ECMAScript function object (Table 28): [[Environment]] here,
/// the others in a [`FunctionSlots`] record read through this one (`Deref`).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct FunctionData {
    /// [[Environment]].
    pub environment: Env,
    /// The other slots (possibly shared with other functions: see the module's notes).
    slots: Gc<FunctionSlots>,
}

// (Two words: an ECMAScript function's slots are kept in the object without a box.)
const _: () = assert!(std::mem::size_of::<FunctionData>() == 16);

impl std::ops::Deref for FunctionData {
    type Target = FunctionSlots;

    #[inline(always)]
    fn deref(&self) -> &FunctionSlots {
        &self.slots
    }
}

/// The internal slots of an ECMAScript function object besides [[Environment]].
#[derive(Finalize)]
pub struct FunctionSlots {
    /// [[PrivateEnvironment]].
    pub private_environment: Option<PrivateEnv>,
    /// [[FormalParameters]] and [[ECMAScriptCode]]: the function's parse node.
    pub code: Arc<ast::Function>,
    /// [[Realm]].
    pub realm: Realm,
    /// The Evaluators the function was created under (Compartments layer 3): its calls
    /// run with them, so its global environment and `eval` are theirs.
    pub evaluators: Evaluators,
    /// [[ScriptOrModule]].
    pub script_or_module: Option<ScriptOrModule>,
    /// [[ThisMode]].
    pub this_mode: ThisMode,
    /// [[Strict]].
    pub strict: bool,
    /// [[SourceText]]: the source and the span of the function in it.
    pub source_text: Arc<SourceText>,
    pub source_span: Span,
    /// [[ConstructorKind]].
    constructor_kind: Cell<ConstructorKind>,
    /// [[IsClassConstructor]].
    is_class_constructor: Cell<bool>,
    /// [[HomeObject]], [[Fields]], [[PrivateMethods]], [[ClassFieldInitializerName]].
    rare: GcRefCell<RareSlots>,
}

/// The slots few functions have a value in.
#[derive(Default, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
struct RareSlots {
    /// [[HomeObject]].
    home_object: Option<Object>,
    /// [[Fields]] and [[PrivateMethods]] (class constructors; boxed, memory only: an empty
    /// box reads as empty Lists).
    class_fields: Option<Box<ClassConstructorFields>>,
    /// [[ClassFieldInitializerName]].
    class_field_initializer_name: Option<Box<ClassFieldInitializerName>>,
}

// SAFETY: the parse tree and source text hold no Gc pointers; every other field that can
// hold one is traced (the rare slots through their cell, as boa_gc traces a GcRefCell).
unsafe impl Trace for FunctionSlots {
    custom_trace!(this, mark, {
        mark(&this.private_environment);
        mark(&this.realm);
        mark(&this.evaluators);
        mark(&this.script_or_module);
        mark(&this.rare);
    });
}

impl FunctionSlots {
    /// [[ConstructorKind]].
    #[inline(always)]
    pub fn constructor_kind(&self) -> ConstructorKind {
        self.constructor_kind.get()
    }

    /// [[IsClassConstructor]].
    #[inline(always)]
    pub fn is_class_constructor(&self) -> bool {
        self.is_class_constructor.get()
    }

    /// [[HomeObject]].
    pub fn home_object(&self) -> Option<Object> {
        self.rare.borrow().home_object.clone()
    }

    /// [[ClassFieldInitializerName]].
    pub fn class_field_initializer_name(&self) -> Option<ClassFieldInitializerName> {
        self.rare
            .borrow()
            .class_field_initializer_name
            .as_deref()
            .cloned()
    }

    /// Whether [[ClassFieldInitializerName]] is not ~empty~.
    pub fn has_class_field_initializer_name(&self) -> bool {
        self.rare.borrow().class_field_initializer_name.is_some()
    }

    /// [[Fields]] and [[PrivateMethods]], read (empty Lists when never set).
    pub fn with_class_fields<R>(&self, read: impl FnOnce(&ClassConstructorFields) -> R) -> R {
        match self.rare.borrow().class_fields.as_deref() {
            Some(fields) => read(fields),
            None => read(&ClassConstructorFields::default()),
        }
    }
}

impl FunctionData {
    /// The slots of the function made by OrdinaryFunctionCreate (10.2.3) with
    /// [[Environment]] `environment` and the other slots `slots`.
    pub(super) fn new(environment: Env, slots: Gc<FunctionSlots>) -> FunctionData {
        FunctionData { environment, slots }
    }

    /// The handle to the slot record.
    pub(super) fn slots_handle(&self) -> &Gc<FunctionSlots> {
        &self.slots
    }

    /// The slots, for setting one: this function's own record (a copy of the shared one
    /// first, when another function or the agent's cache holds it; a shared record's
    /// settable slots are all still as OrdinaryFunctionCreate set them).
    fn own_slots(&mut self) -> &FunctionSlots {
        if !Gc::is_only_handle(&self.slots) {
            let s = &*self.slots;
            self.slots = Gc::new(FunctionSlots {
                private_environment: s.private_environment.clone(),
                code: s.code.clone(),
                realm: s.realm.clone(),
                evaluators: s.evaluators.clone(),
                script_or_module: s.script_or_module.clone(),
                this_mode: s.this_mode,
                strict: s.strict,
                source_text: s.source_text.clone(),
                source_span: s.source_span,
                constructor_kind: Cell::new(s.constructor_kind()),
                is_class_constructor: Cell::new(s.is_class_constructor()),
                rare: GcRefCell::new(RareSlots::default()),
            });
        }
        &self.slots
    }

    /// Sets [[ConstructorKind]].
    pub fn set_constructor_kind(&mut self, kind: ConstructorKind) {
        if self.constructor_kind() != kind {
            self.own_slots().constructor_kind.set(kind);
        }
    }

    /// Sets [[IsClassConstructor]] to true.
    pub fn set_class_constructor(&mut self) {
        if !self.is_class_constructor() {
            self.own_slots().is_class_constructor.set(true);
        }
    }

    /// Sets [[HomeObject]].
    pub fn set_home_object(&mut self, home_object: Object) {
        self.own_slots().rare.borrow_mut().home_object = Some(home_object);
    }

    /// Sets [[ClassFieldInitializerName]].
    pub fn set_class_field_initializer_name(&mut self, name: ClassFieldInitializerName) {
        self.own_slots()
            .rare
            .borrow_mut()
            .class_field_initializer_name = Some(Box::new(name));
    }

    /// Sets [[Fields]] and [[PrivateMethods]].
    pub fn set_class_fields(&mut self, fields: ClassConstructorFields) {
        self.own_slots().rare.borrow_mut().class_fields = Some(Box::new(fields));
    }
}

/// How many slot records [`FunctionSlotsCache`] keeps.
const CACHED_SLOTS: usize = 64;

/// The slot records of recently made functions, by a position from their code's address
/// (`Agent::function_slots`; memory only).
pub struct FunctionSlotsCache(Box<[Option<CachedSlots>]>);

/// An entry of [`FunctionSlotsCache`].
struct CachedSlots {
    slots: Gc<FunctionSlots>,
    /// For an arrow function made with a String name (`ordinary_function_create_named`):
    /// its [[Prototype]] (`function_prototype_for` its code in the slots' realm), the name,
    /// and the shared list of its "length" and "name" properties.
    named: Option<(Object, JsString, SharedProperties)>,
}

impl Default for FunctionSlotsCache {
    fn default() -> FunctionSlotsCache {
        FunctionSlotsCache(std::iter::repeat_with(|| None).take(CACHED_SLOTS).collect())
    }
}

/// The position of `code`'s entry in [`FunctionSlotsCache`].
#[inline(always)]
fn position(code: &Arc<ast::Function>) -> usize {
    (Arc::as_ptr(code) as usize / std::mem::align_of::<ast::Function>()) % CACHED_SLOTS
}

/// Whether two [[ScriptOrModule]] values are the same record.
#[inline(always)]
fn same_script_or_module(a: &Option<ScriptOrModule>, b: &Option<ScriptOrModule>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(ScriptOrModule::Script(a)), Some(ScriptOrModule::Script(b))) => {
            Gc::ptr_eq(&a.0, &b.0)
        }
        (Some(ScriptOrModule::Module(a)), Some(ScriptOrModule::Module(b))) => a == b,
        _ => false,
    }
}

/// Whether `slots` are those OrdinaryFunctionCreate gives a function of `code` with
/// [[ThisMode]] `this_mode` and [[PrivateEnvironment]] `private_environment` made in
/// `context`, whose ScriptOrModule is not null (so that it is step 15's).
#[inline(always)]
fn made_alike(
    slots: &FunctionSlots,
    code: &Arc<ast::Function>,
    this_mode: ThisMode,
    context: &ExecutionContext,
    private_environment: Option<&PrivateEnv>,
) -> bool {
    Arc::ptr_eq(&slots.code, code)
        && slots.this_mode == this_mode
        && slots.realm == context.realm
        && slots.evaluators == context.evaluators
        && same_script_or_module(&slots.script_or_module, &context.script_or_module)
        && context
            .source
            .as_ref()
            .is_some_and(|source| Arc::ptr_eq(source, &slots.source_text))
        && match (&slots.private_environment, private_environment) {
            (None, None) => true,
            (Some(a), Some(b)) => Gc::ptr_eq(&a.0, &b.0),
            _ => false,
        }
}

/// OrdinaryFunctionCreate (10.2.3) steps 5-20 but [[Environment]] (13): the slots of a
/// function of `code` with [[ThisMode]] `this_mode` and [[PrivateEnvironment]]
/// `private_environment`, made in the running execution context — [[Realm]] the current
/// Realm Record, its Evaluators and source text, and [[ScriptOrModule]] `script_or_module`
/// or, when that is `None`, the running context's (step 15's GetActiveScriptOrModule, when
/// that is not null) — [[ConstructorKind]] base, [[IsClassConstructor]] false, the rest
/// empty. The record a function made before with the same code and slots is shared.
pub(super) fn function_slots(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    this_mode: ThisMode,
    private_environment: Option<PrivateEnv>,
    script_or_module: Option<Option<ScriptOrModule>>,
) -> Gc<FunctionSlots> {
    let position = position(code);
    let context = agent.running_execution_context();
    let cacheable = script_or_module.is_none() && context.source.is_some();
    if cacheable {
        if let Some(entry) = &agent.function_slots.0[position] {
            if made_alike(
                &entry.slots,
                code,
                this_mode,
                context,
                private_environment.as_ref(),
            ) {
                return entry.slots.clone();
            }
        }
    }
    let source_text = context.source.clone().unwrap_or_else(|| {
        Arc::new(SourceText {
            name: String::new(),
            text: Arc::from(""),
        })
    });
    let slots = Gc::new(FunctionSlots {
        private_environment,
        code: code.clone(),
        realm: context.realm.clone(),
        evaluators: context.evaluators.clone(),
        script_or_module: match script_or_module {
            Some(script_or_module) => script_or_module,
            None => context.script_or_module.clone(),
        },
        this_mode,
        strict: code.strict,
        source_text,
        source_span: code.span,
        constructor_kind: Cell::new(ConstructorKind::Base),
        is_class_constructor: Cell::new(false),
        rare: GcRefCell::new(RareSlots::default()),
    });
    if cacheable {
        agent.function_slots.0[position] = Some(CachedSlots {
            slots: slots.clone(),
            named: None,
        });
    }
    slots
}

/// Keeps, with the cached `slots` of an arrow function made with the String `name` and
/// its properties `list` (`ordinary_function_create_named`), its [[Prototype]]
/// `prototype` (which must be `function_prototype_for` its code in the slots' realm) for
/// [`cached_named_arrow`].
pub(super) fn remember_named_arrow(
    agent: &mut Agent,
    slots: &Gc<FunctionSlots>,
    prototype: &Object,
    name: &JsString,
    list: &SharedProperties,
) {
    if let Some(entry) = &mut agent.function_slots.0[position(&slots.code)] {
        if Gc::ptr_eq(&entry.slots, slots)
            && entry.named.as_ref().is_none_or(|(_, kept, _)| kept != name)
        {
            entry.named = Some((prototype.clone(), name.clone(), list.clone()));
        }
    }
}

/// InstantiateArrowFunctionExpression (15.3.4) steps 2-7 for a String `name`, not while
/// tracing, when the arrow function made last from `code` had that name and was made in
/// the same circumstances (`made_alike`, with the running execution context's
/// LexicalEnvironment aside): the closure with that one's slots, [[Prototype]] and shared
/// "length" and "name" list, and the running LexicalEnvironment as [[Environment]] —
/// what `ordinary_function_create_named` would make. `None` otherwise.
#[inline]
pub fn cached_named_arrow(
    agent: &Agent,
    code: &Arc<ast::Function>,
    name: &JsString,
) -> Option<Object> {
    let entry = agent.function_slots.0[position(code)].as_ref()?;
    let (prototype, list_name, list) = entry.named.as_ref()?;
    let context = agent.running_execution_context();
    if !(context.script_or_module.is_some()
        && list_name == name
        && made_alike(
            &entry.slots,
            code,
            ThisMode::Lexical,
            context,
            context.private_environment.as_ref(),
        ))
    {
        return None;
    }
    let env = context.lexical_environment.clone()?;
    Some(Object::new_with_shared_properties(
        &FUNCTION_METHODS,
        Some(prototype.clone()),
        ObjectKind::Function(FunctionData::new(env, entry.slots.clone())),
        list.clone(),
        Default::default(),
    ))
}
