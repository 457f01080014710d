//! The reuse of Function Environment Records (issue 20; docs/ARCHITECTURE.md, "Calls"):
//! a record recycled after its call, made again for a plain call or refilled in place for
//! a prepared call, and its bindings released when nothing can reach it any more. Memory
//! only: no code can observe a record again once its call has returned.

use super::*;

impl Env {
    /// Sets [[OuterEnv]] of a record whose only handle is `self` (the caller checked
    /// [`Gc::is_only_handle`]: no reference into the record can exist but through `self`,
    /// which is borrowed exclusively here).
    pub(super) fn set_outer_of_only_handle(&mut self, outer: Option<Env>) {
        debug_assert!(Gc::is_only_handle(&self.0));
        // SAFETY: `self` is the only handle to the record and is borrowed mutably, so no
        // shared borrow of the cell (all come from `outer_ref` through a handle) is alive;
        // the old value is dropped after the write (dropping a handle runs no code that
        // could reach this record).
        let old = unsafe { std::mem::replace(&mut *self.0.outer.get(), outer) };
        drop(old);
    }

    /// Makes this Function Environment Record, which has just been given up by its call,
    /// a spare record for [`Env::reuse_function_record`] and [`plain_function_environment`],
    /// when `self` is the only handle to it (so no code can ever reach it again) and it
    /// keeps no name index and little room: the values of its bindings, [[ThisValue]],
    /// [[FunctionObject]], [[NewTarget]] and [[OuterEnv]] are released (so a spare record
    /// keeps nothing alive: binding names are strings, not collected values), its bindings
    /// kept uninitialized (a later call of a function with the same bindings refills them,
    /// [`plain_function_environment`]; any other reuse removes them first). Returns whether
    /// it did; memory only (docs/ARCHITECTURE.md, "Calls").
    pub fn recycle_function_record(&mut self) -> bool {
        if !Gc::is_only_handle(&self.0) {
            return false;
        }
        {
            let mut kind = self.kind_mut();
            let EnvKind::Function(d, f) = &mut *kind else {
                return false;
            };
            if d.index.is_some() || d.bindings.capacity() > SPARE_ROOM {
                return false;
            }
            for binding in d.bindings.iter_mut() {
                if let Some(value) = binding.value.take() {
                    value.discard();
                }
            }
            std::mem::replace(&mut f.this_value, Value::Undefined).discard();
            f.function_object = None;
            f.new_target = None;
        }
        self.set_outer_of_only_handle(None);
        true
    }

    /// A spare record from [`Env::recycle_function_record`] made what NewFunctionEnvironment
    /// (9.1.2.4) makes: a Function Environment Record with no bindings, the given fields and
    /// [[OuterEnv]]. (No code can tell it from a new one: no handle to it was left.)
    pub(super) fn reuse_function_record(
        mut self,
        outer: Option<Env>,
        fields: FunctionFields,
    ) -> Env {
        {
            let mut kind = self.kind_mut();
            if let EnvKind::Function(d, f) = &mut *kind {
                debug_assert!(d.index.is_none());
                // (The uninitialized bindings the spare record kept are removed: a new
                // record has none.)
                d.bindings.clear();
                *f = fields;
            }
        }
        self.set_outer_of_only_handle(outer);
        self
    }

    /// NewFunctionEnvironment (9.1.2.4) for the plain call path of [[Call]]
    /// (`ecmascript_function_objects::plain_call`), made in `spare` (a record from
    /// [`Env::recycle_function_record`]) when there is one, else allocated: a Function
    /// Environment Record with `fields` (steps 2-5, with [[ThisValue]] already bound when
    /// OrdinaryCallBindThis binds one), [[OuterEnv]] `outer` (step 6), and the bindings
    /// `bind` leaves in the list it is given (FunctionDeclarationInstantiation's, at most
    /// `room` of them, fewer than [`INDEXED_FROM`]). `bind` gets either an empty list or
    /// the uninitialized bindings a spare record kept from its last call: it must keep them
    /// only when they are exactly the bindings it would make, else clear the list first.
    /// `bind` runs while the record is borrowed: it must not reach records. (No code can
    /// tell the record from a new one: no handle to a spare record was left.)
    #[inline(always)]
    pub fn plain_function_environment(
        spare: Option<Env>,
        outer: Env,
        fields: FunctionFields,
        room: usize,
        bind: impl FnOnce(&mut Vec<Binding>),
    ) -> Env {
        match spare {
            Some(mut spare) => {
                {
                    let mut kind = spare.kind_mut();
                    if let EnvKind::Function(d, f) = &mut *kind {
                        debug_assert!(d.index.is_none());
                        bind(&mut d.bindings);
                        // (A spare record's fields hold nothing to release: replaced
                        // without the general drop.)
                        let old = std::mem::replace(f, fields);
                        if old.function_object.is_none()
                            && old.new_target.is_none()
                            && matches!(old.this_value, Value::Undefined)
                        {
                            std::mem::forget(old);
                        } else {
                            drop(old);
                        }
                    }
                }
                spare.set_outer_of_only_handle(Some(outer));
                spare
            }
            None => {
                let mut bindings = binding_list(room);
                bind(&mut bindings);
                Env::new(
                    Some(outer),
                    EnvKind::Function(
                        DeclarativeRecord {
                            bindings,
                            index: None,
                        },
                        fields,
                    ),
                )
            }
        }
    }

    /// For a prepared call (`ecmascript_function_objects::PreparedCall`): when `self`, a
    /// Function Environment Record made for plain code (its bindings: the parameters,
    /// then the vars, all mutable, in that order; such code cannot add, remove or reshape
    /// one), is reached by this handle only, writes what a new record's bindings get from
    /// FunctionDeclarationInstantiation (steps 21, 24-28 and 29): the first `params` each
    /// the next argument or undefined, the others undefined; the values they held are
    /// released. Returns whether it did (memory only: no code could reach the record
    /// since its last call, so none can tell it from a new one).
    #[inline(always)]
    pub fn refill_prepared_bindings(&self, params: usize, arguments: &[&Value]) -> bool {
        if !Gc::is_only_handle(&self.0) {
            return false;
        }
        let mut kind = self.kind_mut();
        let EnvKind::Function(d, _) = &mut *kind else {
            return false;
        };
        let split = params.min(d.bindings.len());
        let (parameters, vars) = d.bindings.split_at_mut(split);
        let mut values = arguments.iter();
        for binding in parameters {
            let value = match values.next() {
                Some(Value::Number(n)) => Value::Number(*n),
                Some(value) => (*value).clone(),
                None => Value::Undefined,
            };
            if let Some(old) = binding.value.replace(value) {
                old.discard();
            }
        }
        for binding in vars {
            if let Some(old) = binding.value.replace(Value::Undefined) {
                old.discard();
            }
        }
        true
    }

    /// Empties this Function Environment Record once its call has returned, when nothing
    /// can reach it any more (the function's code makes no closure, has no direct eval and
    /// no arguments object, and is neither a generator nor async: only the popped
    /// execution context referred to it), keeping its list for [`binding_list`]. Memory
    /// only: no code can observe the record again. Does nothing to any other record.
    pub fn release_function_bindings(&self) {
        let list = match &mut *self.kind_mut() {
            EnvKind::Function(d, _) if d.index.is_none() => std::mem::take(&mut d.bindings),
            _ => return,
        };
        let room = list.capacity();
        if (1..=POOLED_ROOM).contains(&room) {
            let mut list = list;
            // (The values are released outside the record's borrow, those that hold
            // nothing to release without the general drop.)
            for binding in list.iter_mut() {
                if let Some(value) = binding.value.take() {
                    value.discard();
                }
            }
            list.clear();
            // (Without the thread's pool, or with a full one, the list is freed.)
            let _ = BINDING_LISTS.try_with(|lists| {
                if let Ok(mut lists) = lists.try_borrow_mut() {
                    let kept = &mut lists[room - 1];
                    if kept.len() < POOL_DEPTH {
                        kept.push(list);
                    }
                }
            });
        }
    }
}
