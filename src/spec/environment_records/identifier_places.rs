//! Identifier places (docs/ARCHITECTURE.md, "Identifier places" and "Numbers in binding
//! slots"): a binding reached by its position in the record a known number of [[OuterEnv]]
//! links out. Each access checks the binding's name and falls back (`None` / `Err`) to the
//! name-based methods of 9.1 whenever the binding is not a plain initialized one, so the
//! callers' fallbacks raise the errors.

use super::*;

impl Env {
    #[inline(always)]
    pub fn env_ref_at(&self, hops: u32) -> Option<&Env> {
        let mut env = self;
        for _ in 0..hops {
            env = env.outer_ref()?;
        }
        Some(env)
    }

    /// The record `hops` links out along [[OuterEnv]].
    pub fn env_at(&self, hops: u32) -> Option<Env> {
        self.env_ref_at(hops).cloned()
    }

    /// The value of the binding at position `slot` of the record `hops` links out, if it is
    /// an initialized binding of the identifier's name (GetBindingValue of that record,
    /// 9.1.1.1.6, 9.1.1.4.6 2.a).
    #[inline(always)]
    pub fn slot_value(&self, hops: u32, slot: u32, id: &Ident) -> Option<Value> {
        let kind = self.env_ref_at(hops)?.kind();
        let binding = slot_binding(&kind, slot, id)?;
        binding.value.as_ref().map(Value::copied)
    }

    /// `f` of the value of the binding at position `slot` of the record `hops` links out,
    /// if it is an initialized binding of the identifier's name ([`Env::slot_value`],
    /// borrowed). `f` runs while the record is borrowed: it must not reach records.
    #[inline]
    pub fn with_slot_value<R>(
        &self,
        hops: u32,
        slot: u32,
        id: &Ident,
        f: impl FnOnce(&Value) -> Option<R>,
    ) -> Option<R> {
        let kind = self.env_ref_at(hops)?.kind();
        f(slot_binding(&kind, slot, id)?.value.as_ref()?)
    }

    /// The Number in the binding at position `slot` of the record `hops` links out, if it is
    /// an initialized binding of the identifier's name holding a Number ([`Env::slot_value`]
    /// for the Number operands of an operator).
    #[inline(always)]
    pub fn slot_number(&self, hops: u32, slot: u32, id: &Ident) -> Option<f64> {
        let kind = self.env_ref_at(hops)?.kind();
        match slot_binding(&kind, slot, id)?.value {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        }
    }

    /// `x++` / `x--` (13.4.2.1, 13.4.3.1 steps 1-5, and the prefix forms) on the binding at
    /// position `slot` of the record `hops` links out when it is an initialized mutable
    /// binding of the identifier's name holding a Number: GetValue is GetBindingValue
    /// (9.1.1.1.6), ToNumeric of a Number is the Number, Number::add(oldValue, delta) is
    /// `old + delta`, and PutValue is SetMutableBinding (9.1.1.1.5 step 4), which replaces
    /// the value. Gives oldValue; `None` (and nothing done) for anything else.
    #[inline(always)]
    pub fn update_slot_number(&self, hops: u32, slot: u32, id: &Ident, delta: f64) -> Option<f64> {
        let env = self.env_ref_at(hops)?;
        let mut kind = env.kind_mut();
        let binding = slot_binding_mut(&mut kind, slot, id)?;
        match &mut binding.value {
            Some(Value::Number(n)) if binding.mutable => {
                let old = *n;
                *n = old + delta;
                Some(old)
            }
            _ => None,
        }
    }

    /// SetMutableBinding(name, value, strict) on the record `hops` links out when its
    /// binding at position `slot` is an initialized mutable binding of the identifier's name
    /// (9.1.1.1.5 step 4; 9.1.1.4.5 2.a): the value goes back (`Err`) for anything else.
    #[inline(always)]
    pub fn set_slot_value(
        &self,
        hops: u32,
        slot: u32,
        id: &Ident,
        value: Value,
    ) -> Result<(), Value> {
        let Some(env) = self.env_ref_at(hops) else {
            return Err(value);
        };
        let mut kind = env.kind_mut();
        match slot_binding_mut(&mut kind, slot, id) {
            Some(binding) if binding.mutable && binding.value.is_some() => {
                let old = binding.value.replace(value);
                drop(kind);
                drop_value(old);
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// [`Env::set_slot_value`] of a Number over a binding that holds a Number (nothing to
    /// release): `false`, and nothing done, for anything else.
    #[inline(always)]
    pub fn set_slot_number(&self, hops: u32, slot: u32, id: &Ident, value: f64) -> bool {
        let Some(env) = self.env_ref_at(hops) else {
            return false;
        };
        let mut kind = env.kind_mut();
        match slot_binding_mut(&mut kind, slot, id) {
            Some(Binding {
                value: Some(Value::Number(n)),
                mutable: true,
                ..
            }) => {
                *n = value;
                true
            }
            _ => false,
        }
    }

    /// InitializeBinding(name, value) on the record `hops` links out when its binding at
    /// position `slot` is an uninitialized binding of the identifier's name (9.1.1.1.4;
    /// 9.1.1.4.4 2.a): the value goes back (`Err`) for anything else.
    #[inline]
    pub fn initialize_slot(
        &self,
        hops: u32,
        slot: u32,
        id: &Ident,
        value: Value,
    ) -> Result<(), Value> {
        let Some(env) = self.env_ref_at(hops) else {
            return Err(value);
        };
        let mut kind = env.kind_mut();
        match slot_binding_mut(&mut kind, slot, id) {
            Some(binding) if binding.value.is_none() && binding.import.is_none() => {
                put_value(&mut binding.value, value);
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// For a Global Environment Record whose declarative part does not bind `name` and
    /// whose global object is ordinary with an own data property `name`: the record's
    /// version and the property's position in the object's property map (a global
    /// property place, docs/ARCHITECTURE.md).
    pub fn global_property_place(&self, name: &str) -> Option<(u64, u32)> {
        let kind = self.kind();
        let EnvKind::Global(g) = &*kind else {
            return None;
        };
        if g.declarative_record.has(name) {
            return None;
        }
        let object = &g.object_record.binding_object;
        if !crate::spec::ordinary_object_internal_methods::has_ordinary_lookup(object) {
            return None;
        }
        let data = object.data();
        let (index, _, property) = data
            .properties
            .0
            .get_full(&PropertyKey::from_identifier(name))?;
        matches!(property, crate::spec::object_type::Property::Data { .. })
            .then_some((g.version, index as u32))
    }

    /// The own data property at `index` of the global object of this Global Environment
    /// Record of `version`, if it is named `name` and the object's internal methods are all
    /// the ordinary ones (`ORDINARY_METHODS`): then HasBinding(name) is true (the
    /// declarative part has not the name; HasProperty of an ordinary object with an own
    /// property, 9.1.1.4.1, 9.1.1.2.1) and GetBindingValue(name) is that property's value
    /// (9.1.1.4.6, 9.1.1.2.6: HasProperty, then [[Get]] of an own data property), with no
    /// code run. `f` is given the property's [[Value]] and [[Writable]].
    #[inline(always)]
    fn with_global_property<R>(
        &self,
        version: u64,
        index: u32,
        name: &str,
        f: impl FnOnce(&Value, bool) -> Option<R>,
    ) -> Option<R> {
        let kind = self.kind();
        let EnvKind::Global(g) = &*kind else {
            return None;
        };
        if g.version != version {
            return None;
        }
        let data = g.object_record.binding_object.data();
        if !std::ptr::eq(
            data.methods,
            &crate::spec::ordinary_object_internal_methods::ORDINARY_METHODS,
        ) {
            return None;
        }
        match data.properties.0.get_index(index as usize)? {
            (
                PropertyKey::String(key),
                crate::spec::object_type::Property::Data {
                    value, writable, ..
                },
            ) if key.eq_ascii_or_str(name) => f(value, *writable),
            _ => None,
        }
    }

    /// [`Env::with_global_property`] for a writable data property, its [[Value]] mutable:
    /// SetMutableBinding(name, V, S) (9.1.1.4.5 steps 3-4, 9.1.1.2.5: HasProperty is true,
    /// and Set(bindingObject, name, V, S) — OrdinarySet on an own writable data property
    /// with the object as receiver, OrdinarySetWithOwnDescriptor 2.c-d — only replaces the
    /// [[Value]]: `f` does that, with no code run).
    #[inline(always)]
    fn with_writable_global_property<R>(
        &self,
        version: u64,
        index: u32,
        name: &str,
        f: impl FnOnce(&mut Value) -> Option<R>,
    ) -> Option<R> {
        let kind = self.kind();
        let EnvKind::Global(g) = &*kind else {
            return None;
        };
        if g.version != version {
            return None;
        }
        let mut data = g.object_record.binding_object.data_mut();
        if !std::ptr::eq(
            data.methods,
            &crate::spec::ordinary_object_internal_methods::ORDINARY_METHODS,
        ) {
            return None;
        }
        match data.properties.0.get_index_mut(index as usize)? {
            (
                PropertyKey::String(key),
                crate::spec::object_type::Property::Data {
                    value,
                    writable: true,
                    ..
                },
            ) if key.eq_ascii_or_str(name) => f(value),
            _ => None,
        }
    }

    /// GetBindingValue(name) of this Global Environment Record of `version` when the
    /// global object's own property at `index` is a data property named `name`
    /// ([`Env::with_global_property`]): the property's value.
    #[inline]
    pub fn global_property_value(&self, version: u64, index: u32, name: &str) -> Option<Value> {
        self.with_global_property(version, index, name, |value, _| Some(value.copied()))
    }

    /// [`Env::global_property_value`] when it is a Number.
    #[inline]
    pub fn global_property_number(&self, version: u64, index: u32, name: &str) -> Option<f64> {
        self.with_global_property(version, index, name, |value, _| match value {
            Value::Number(n) => Some(*n),
            _ => None,
        })
    }

    /// HasBinding(name) of this Global Environment Record of `version` is true because the
    /// global object's own property at `index` is a data property named `name`
    /// ([`Env::with_global_property`]); `false`: not known.
    #[inline]
    pub fn has_global_property(&self, version: u64, index: u32, name: &str) -> bool {
        self.with_global_property(version, index, name, |_, _| Some(()))
            .is_some()
    }

    /// SetMutableBinding(name, value, strict) of this Global Environment Record of
    /// `version` when the global object's own property at `index` is a writable data
    /// property named `name` ([`Env::with_writable_global_property`]); the value goes back
    /// (`Err`) otherwise.
    #[inline]
    pub fn set_global_property(
        &self,
        version: u64,
        index: u32,
        name: &str,
        value: Value,
    ) -> Result<(), Value> {
        // (A Number over a Number is written without the old value's release.)
        if let Value::Number(n) = value {
            if self
                .with_writable_global_property(version, index, name, |slot| match slot {
                    Value::Number(old) => {
                        *old = n;
                        Some(())
                    }
                    _ => None,
                })
                .is_some()
            {
                return Ok(());
            }
        }
        let mut value = Some(value);
        let old = self.with_writable_global_property(version, index, name, |slot| {
            value.take().map(|value| std::mem::replace(slot, value))
        });
        match (old, value) {
            (Some(old), _) => {
                old.discard();
                Ok(())
            }
            (None, Some(value)) => Err(value),
            (None, None) => unreachable!("the value is taken only when it is written"),
        }
    }

    /// `x++` / `x--` (13.4.2.1, 13.4.3.1 steps 1-5, and the prefix forms) of an identifier
    /// bound by this Global Environment Record of `version` through the global object's
    /// own writable data property at `index`, named `name`, holding a Number: GetValue is
    /// GetBindingValue (its value), ToNumeric of a Number is the Number, Number::add is
    /// `old + delta` and PutValue is SetMutableBinding, which replaces the value
    /// ([`Env::with_writable_global_property`]). Gives oldValue; `None` (and nothing done)
    /// for anything else.
    #[inline]
    pub fn update_global_number(
        &self,
        version: u64,
        index: u32,
        name: &str,
        delta: f64,
    ) -> Option<f64> {
        self.with_writable_global_property(version, index, name, |slot| match slot {
            Value::Number(n) => {
                let old = *n;
                *n = old + delta;
                Some(old)
            }
            _ => None,
        })
    }

    /// Where `name`'s binding is as seen from this record, given the record `found` that
    /// has it (ResolveBinding's [[Base]]; `None`: unresolvable): [`Place::Slot`] in a
    /// declarative record (or a global record's declarative part), [`Place::Global`] for
    /// the global record's object part or no binding, [`Place::Ineligible`] otherwise
    /// (module imports, object records).
    pub fn place_of(&self, found: Option<&Env>, name: &str) -> Place {
        let mut hops = 0;
        let mut current = self.clone();
        loop {
            let is_found = found.is_some_and(|f| *f == current);
            let outer = {
                let record = current.kind();
                match &*record {
                    EnvKind::Global(g) => {
                        return match g.declarative_record.position(name) {
                            Some(slot) if is_found => Place::Slot {
                                hops,
                                slot: slot as u32,
                            },
                            _ => Place::Global { hops },
                        };
                    }
                    EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d)
                        if is_found =>
                    {
                        return match d.position(name) {
                            Some(slot) if d.bindings[slot].import.is_none() => Place::Slot {
                                hops,
                                slot: slot as u32,
                            },
                            _ => Place::Ineligible,
                        };
                    }
                    EnvKind::Object(_) if is_found => return Place::Ineligible,
                    _ => current.outer(),
                }
            };
            match outer {
                Some(outer) => current = outer,
                None => return Place::Ineligible,
            }
            hops += 1;
        }
    }
}

/// Drops a binding's old value, without the out-of-line drop of a general `Value` when it
/// holds nothing to release (a Number, a Boolean, undefined or null).
#[inline(always)]
fn drop_value(value: Option<Value>) {
    if let Some(value) = value {
        value.discard();
    }
}

/// `*slot = Some(value)`, with the commonest kinds of value (an Object, a Number) moved as
/// their tag and one word (memory only: a move of the whole value loaded it with a 16-byte
/// load spanning the two 8-byte stores its producer had just made — a store-forwarding
/// stall, most of `initialize_slot`'s time).
#[inline(always)]
fn put_value(slot: &mut Option<Value>, value: Value) {
    *slot = Some(match value {
        Value::Object(object) => Value::Object(object),
        Value::Number(n) => Value::Number(n),
        value => value,
    });
}

/// Whether a global record's binding name is the identifier's: the same shared block, or
/// the same bytes, compared inline (names are short: no call to `memcmp`).
#[inline(always)]
fn same_name(binding_name: &BindingName, name: &str) -> bool {
    let (a, b) = (binding_name.as_bytes(), name.as_bytes());
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a.iter().zip(b).all(|(x, y)| x == y))
}

/// The binding at position `slot` of a declarative record (or of a global record's
/// declarative part) if it has the identifier's name: its name hash must match and, in a
/// global record (whose bindings depend on which scripts ran before, so that a tree shared
/// between realms can meet another binding at the same position), its name too.
#[inline(always)]
fn slot_binding<'k>(kind: &'k EnvKind, slot: u32, id: &Ident) -> Option<&'k Binding> {
    // (Declarative, function and module records first, one test of the tag.)
    if let EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d) = kind {
        let binding = d.bindings.get(slot as usize)?;
        return (binding.name_hash == id.place.name_hash).then_some(binding);
    }
    let EnvKind::Global(g) = kind else {
        return None;
    };
    let binding = g.declarative_record.bindings.get(slot as usize)?;
    (binding.name_hash == id.place.name_hash && same_name(&binding.name, &id.name))
        .then_some(binding)
}

/// [`slot_binding`], mutably.
#[inline(always)]
fn slot_binding_mut<'k>(kind: &'k mut EnvKind, slot: u32, id: &Ident) -> Option<&'k mut Binding> {
    if let EnvKind::Declarative(d) | EnvKind::Function(d, _) | EnvKind::Module(d) = kind {
        let binding = d.bindings.get_mut(slot as usize)?;
        return (binding.name_hash == id.place.name_hash).then_some(binding);
    }
    let EnvKind::Global(g) = kind else {
        return None;
    };
    let binding = g.declarative_record.bindings.get_mut(slot as usize)?;
    (binding.name_hash == id.place.name_hash && same_name(&binding.name, &id.name))
        .then_some(binding)
}
