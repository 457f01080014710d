//! The list of an object's own properties other than its elements ([`PropertyList`]):
//! a plain list, an index map, or a list shared by objects made alike (issue 20).

use super::*;

/// Properties in insertion order, with the methods of `IndexMap` that the object model
/// uses. Memory only (issue 20, docs/ARCHITECTURE.md): up to [`SMALL_PROPERTIES`]
/// properties are a list of (key, property) pairs (one allocation, no hash index: a
/// function's "length" and "name" take 112 bytes, not an index map's 230), beyond that an
/// index map. Which one holds them is never observable: both keep insertion order and one
/// property per key.
///
/// A third form (issue 20, churn; docs/ARCHITECTURE.md "Object creation") is a list shared,
/// read-only, by objects made with the same properties ([`SharedProperties`]: a closure's
/// "length" and "name", an Array's "length"): made by one reference-count increment, dropped
/// by one decrement, and copied into a list of the object's own ([`PropertyList::Small`])
/// before its first change (any `&mut` access to a property, an insertion, a removal).
pub enum PropertyList {
    Small(Vec<(PropertyKey, Property)>),
    Other(OtherList),
}

/// The forms of a [`PropertyList`] besides the plain list: one test tells a plain list
/// from the others (a value of its capacity that no capacity has), so that the plain list
/// and the index map are told apart as quickly as when there were only those two.
pub enum OtherList {
    Large(Box<LargeList>),
    Shared(SharedProperties),
}

// (Three words, as a Vec: the object record keeps its size.)
const _: () = assert!(std::mem::size_of::<PropertyList>() == 24);

/// A list of at most [`SMALL_PROPERTIES`] properties shared by the objects whose lists are
/// [`OtherList::Shared`] (distinct keys, none an array index; values holding no object).
pub type SharedProperties = std::rc::Rc<Vec<(PropertyKey, Property)>>;

/// The shared lists of an agent ([`OtherList::Shared`]; `Agent::shared_properties`):
/// those of recently made closures by name and "length", and those of Arrays of small
/// lengths.
pub struct SharedLists {
    /// (length, name, list) by a position the caller picks (the code's address).
    functions: Box<[Option<(u32, JsString, SharedProperties)>]>,
    /// By the Array's length.
    arrays: Box<[Option<SharedProperties>]>,
}

/// How many closures' lists [`SharedLists`] keeps.
const SHARED_FUNCTION_LISTS: usize = 64;
/// The Array lengths below which [`SharedLists`] keeps a list.
const SHARED_ARRAY_LISTS: usize = 16;

impl Default for SharedLists {
    fn default() -> SharedLists {
        SharedLists {
            functions: std::iter::repeat_with(|| None)
                .take(SHARED_FUNCTION_LISTS)
                .collect(),
            arrays: std::iter::repeat_with(|| None)
                .take(SHARED_ARRAY_LISTS)
                .collect(),
        }
    }
}

impl SharedLists {
    /// The list « "length": 𝔽(length), "name": name », both { [[Writable]]: false,
    /// [[Enumerable]]: false, [[Configurable]]: true } (what SetFunctionLength and then
    /// SetFunctionName give a new function), kept at position `hint` (modulo the table's
    /// size) for the next function made with the same length and name.
    #[inline]
    pub fn function(&mut self, hint: usize, length: u32, name: &JsString) -> SharedProperties {
        let slot = &mut self.functions[hint % SHARED_FUNCTION_LISTS];
        if let Some((l, n, list)) = slot {
            if *l == length && n == name {
                return list.clone();
            }
        }
        let list: SharedProperties = std::rc::Rc::new(vec![
            (
                PropertyKey::length_key(),
                Property::data(Value::Number(f64::from(length)), false, false, true),
            ),
            (
                PropertyKey::name_key(),
                Property::data(Value::String(name.clone()), false, false, true),
            ),
        ]);
        *slot = Some((length, name.clone(), list.clone()));
        list
    }

    /// The list « "length": 𝔽(length) » with { [[Writable]]: true, [[Enumerable]]: false,
    /// [[Configurable]]: false } (ArrayCreate step 6) for a small length.
    #[inline]
    pub fn array(&mut self, length: usize) -> Option<SharedProperties> {
        let slot = self.arrays.get_mut(length)?;
        Some(
            slot.get_or_insert_with(|| {
                std::rc::Rc::new(vec![(
                    PropertyKey::length_key(),
                    Property::data(Value::Number(length as f64), true, false, false),
                )])
            })
            .clone(),
        )
    }
}

/// The index map of a [`PropertyList`] beyond [`SMALL_PROPERTIES`] properties, with the
/// number of its keys that are array indices (none, in most such objects — prototypes,
/// namespaces, the global object —: then an array index is not looked up).
pub struct LargeList {
    map: IndexMap<PropertyKey, Property, FxBuildHasher>,
    indices: usize,
}

impl LargeList {
    #[inline]
    fn may_have(&self, key: &PropertyKey) -> bool {
        self.indices > 0 || !key.is_array_index()
    }
}

impl Default for PropertyList {
    fn default() -> PropertyList {
        PropertyList::Small(Vec::new())
    }
}

/// An iterator over the properties of a [`PropertyList`], in insertion order.
pub enum PropertyListIter<'a> {
    Small(std::slice::Iter<'a, (PropertyKey, Property)>),
    Large(indexmap::map::Iter<'a, PropertyKey, Property>),
}

impl<'a> Iterator for PropertyListIter<'a> {
    type Item = (&'a PropertyKey, &'a Property);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            PropertyListIter::Small(it) => it.next().map(|(k, p)| (k, p)),
            PropertyListIter::Large(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            PropertyListIter::Small(it) => it.size_hint(),
            PropertyListIter::Large(it) => it.size_hint(),
        }
    }
}

impl PropertyList {
    /// Makes a shared list the object's own, with room for `additional` more properties
    /// (nothing for the other forms).
    #[inline]
    pub(super) fn unshare(&mut self, additional: usize) {
        if let PropertyList::Other(OtherList::Shared(_)) = self {
            self.unshare_shared(additional);
        }
    }

    #[cold]
    #[inline(never)]
    fn unshare_shared(&mut self, additional: usize) {
        if let PropertyList::Other(OtherList::Shared(shared)) = self {
            // (Room for four at least, as a list growing from one or two would have.)
            let mut list = Vec::with_capacity((shared.len() + additional).max(4));
            list.extend(shared.iter().cloned());
            *self = PropertyList::Small(list);
        }
    }

    #[inline]
    fn position(list: &[(PropertyKey, Property)], key: &PropertyKey) -> Option<usize> {
        list.iter().position(|(k, _)| k == key)
    }

    pub fn len(&self) -> usize {
        match self {
            PropertyList::Small(list) => list.len(),
            PropertyList::Other(OtherList::Large(map)) => map.map.len(),
            PropertyList::Other(OtherList::Shared(list)) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn capacity(&self) -> usize {
        match self {
            PropertyList::Small(list) => list.capacity(),
            PropertyList::Other(OtherList::Large(map)) => map.map.capacity(),
            PropertyList::Other(OtherList::Shared(list)) => list.len(),
        }
    }

    /// Room for `additional` more properties (exactly, while they fit in a list).
    pub fn reserve_exact(&mut self, additional: usize) {
        if let PropertyList::Other(OtherList::Shared(list)) = self {
            let additional = if list.len() + additional <= SMALL_PROPERTIES {
                additional
            } else {
                0
            };
            self.unshare(additional);
            return;
        }
        match self {
            PropertyList::Small(list) if list.len() + additional <= SMALL_PROPERTIES => {
                list.reserve_exact(additional)
            }
            PropertyList::Small(_) | PropertyList::Other(OtherList::Shared(_)) => {}
            PropertyList::Other(OtherList::Large(map)) => map.map.reserve_exact(additional),
        }
    }

    #[inline(always)]
    pub fn get(&self, key: &PropertyKey) -> Option<&Property> {
        match self {
            PropertyList::Small(list) => list.iter().find(|(k, _)| k == key).map(|(_, p)| p),
            PropertyList::Other(OtherList::Large(map)) => {
                if map.may_have(key) {
                    map.map.get(key)
                } else {
                    None
                }
            }
            PropertyList::Other(OtherList::Shared(list)) => Self::shared_get(list, key),
        }
    }

    /// [`PropertyList::get`] of a shared list (out of line: the search of the plain list
    /// stays inline in its callers, as before there were shared lists).
    #[inline(never)]
    fn shared_get<'a>(
        list: &'a [(PropertyKey, Property)],
        key: &PropertyKey,
    ) -> Option<&'a Property> {
        list.iter().find(|(k, _)| k == key).map(|(_, p)| p)
    }

    #[inline(always)]
    pub fn get_mut(&mut self, key: &PropertyKey) -> Option<&mut Property> {
        match self {
            PropertyList::Small(list) => list.iter_mut().find(|(k, _)| k == key).map(|(_, p)| p),
            PropertyList::Other(OtherList::Large(map)) => {
                if map.may_have(key) {
                    map.map.get_mut(key)
                } else {
                    None
                }
            }
            PropertyList::Other(OtherList::Shared(_)) => self.shared_get_mut(key),
        }
    }

    /// [`PropertyList::get_mut`] of a shared list: the object's own copy is made first
    /// when it has the key.
    #[cold]
    #[inline(never)]
    fn shared_get_mut(&mut self, key: &PropertyKey) -> Option<&mut Property> {
        if let PropertyList::Other(OtherList::Shared(list)) = self {
            Self::position(list, key)?;
            self.unshare(0);
        }
        match self {
            PropertyList::Small(list) => list.iter_mut().find(|(k, _)| k == key).map(|(_, p)| p),
            _ => None,
        }
    }

    /// The position, key and property of `key`.
    pub fn get_full(&self, key: &PropertyKey) -> Option<(usize, &PropertyKey, &Property)> {
        match self {
            PropertyList::Other(OtherList::Large(map)) if map.may_have(key) => {
                map.map.get_full(key)
            }
            PropertyList::Other(OtherList::Large(_)) => None,
            PropertyList::Small(list) => Self::slice_get_full(list, key),
            PropertyList::Other(OtherList::Shared(list)) => Self::slice_get_full(list, key),
        }
    }

    #[inline]
    fn slice_get_full<'a>(
        list: &'a [(PropertyKey, Property)],
        key: &PropertyKey,
    ) -> Option<(usize, &'a PropertyKey, &'a Property)> {
        let i = Self::position(list, key)?;
        let (k, p) = &list[i];
        Some((i, k, p))
    }

    /// The key and property at position `index`.
    #[inline(always)]
    pub fn get_index(&self, index: usize) -> Option<(&PropertyKey, &Property)> {
        // (The index map first: the global object's properties, read by position.)
        if let PropertyList::Other(OtherList::Large(map)) = self {
            return map.map.get_index(index);
        }
        let list: &[(PropertyKey, Property)] = match self {
            PropertyList::Small(list) => list,
            PropertyList::Other(OtherList::Shared(list)) => list,
            PropertyList::Other(OtherList::Large(_)) => return None,
        };
        list.get(index).map(|(k, p)| (k, p))
    }

    /// The key and property at position `index`, the property mutable.
    #[inline(always)]
    pub fn get_index_mut(&mut self, index: usize) -> Option<(&PropertyKey, &mut Property)> {
        match self {
            PropertyList::Other(OtherList::Large(map)) => map.map.get_index_mut(index),
            PropertyList::Small(list) => list.get_mut(index).map(|(k, p)| (&*k, p)),
            PropertyList::Other(OtherList::Shared(_)) => self.shared_get_index_mut(index),
        }
    }

    /// [`PropertyList::get_index_mut`] of a shared list: the object's own copy is made
    /// first when it has the position.
    #[cold]
    #[inline(never)]
    fn shared_get_index_mut(&mut self, index: usize) -> Option<(&PropertyKey, &mut Property)> {
        if let PropertyList::Other(OtherList::Shared(list)) = self {
            if index >= list.len() {
                return None;
            }
            self.unshare(0);
        }
        match self {
            PropertyList::Small(list) => list.get_mut(index).map(|(k, p)| (&*k, p)),
            _ => None,
        }
    }

    /// Replaces the property of `key` in its place, or appends it; returns the old one.
    pub fn insert(&mut self, key: PropertyKey, property: Property) -> Option<Property> {
        match self {
            PropertyList::Small(list) => {
                if let Some(i) = Self::position(list, &key) {
                    return Some(std::mem::replace(&mut list[i].1, property));
                }
                if list.len() < SMALL_PROPERTIES {
                    list.push((key, property));
                    return None;
                }
                let mut map =
                    IndexMap::with_capacity_and_hasher(2 * SMALL_PROPERTIES, FxBuildHasher);
                map.extend(std::mem::take(list));
                map.insert(key, property);
                let indices = map.keys().filter(|k| k.is_array_index()).count();
                *self = PropertyList::Other(OtherList::Large(Box::new(LargeList { map, indices })));
                None
            }
            PropertyList::Other(OtherList::Large(map)) => {
                let is_index = key.is_array_index();
                let old = map.map.insert(key, property);
                if is_index && old.is_none() {
                    map.indices += 1;
                }
                old
            }
            // (The object's own copy first, with room for one more: then a plain list.)
            PropertyList::Other(OtherList::Shared(_)) => {
                self.unshare_shared(1);
                self.insert(key, property)
            }
        }
    }

    /// Removes the property of `key`, keeping the order of the others.
    pub fn shift_remove(&mut self, key: &PropertyKey) -> Option<Property> {
        if let PropertyList::Other(OtherList::Shared(list)) = self {
            Self::position(list, key)?;
            self.unshare(0);
        }
        match self {
            PropertyList::Small(list) => {
                let i = Self::position(list, key)?;
                Some(list.remove(i).1)
            }
            PropertyList::Other(OtherList::Large(map)) => {
                if !map.may_have(key) {
                    return None;
                }
                let old = map.map.shift_remove(key);
                if old.is_some() && key.is_array_index() {
                    map.indices -= 1;
                }
                old
            }
            PropertyList::Other(OtherList::Shared(_)) => None,
        }
    }

    #[inline]
    pub fn iter(&self) -> PropertyListIter<'_> {
        match self {
            PropertyList::Small(list) => PropertyListIter::Small(list.iter()),
            PropertyList::Other(OtherList::Large(map)) => PropertyListIter::Large(map.map.iter()),
            PropertyList::Other(OtherList::Shared(list)) => PropertyListIter::Small(list.iter()),
        }
    }
}
