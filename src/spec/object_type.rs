//! 6.1.7 The Object Type (sec-object-type): property keys, property storage, and the
//! object handle whose essential internal methods (Table 4) and function internal methods
//! (Table 5) are dispatched through a per-object table, so that exotic objects — those of
//! this crate and later ones such as module namespaces — plug in by providing their own
//! [`InternalMethods`].

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::property_descriptor::PropertyDescriptor;
use super::string_type::JsString;
use super::symbol_type::Symbol;
use super::value::Value;
use boa_gc::{custom_trace, Finalize, Gc, GcRef, GcRefCell, GcRefMut, Trace};
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use std::fmt;
use thin_vec::ThinVec;

mod property_list;
pub use property_list::*;

/// A property key: a String or a Symbol (6.1.7). String keys that are array indices
/// (6.1.7, "array index": 0 ≤ ℝ(ToUint32(P)) < 2³² - 1 and canonical) are always kept as
/// [`PropertyKey::Index`], so that each property has exactly one key.
#[derive(Clone, PartialEq, Eq, Hash, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum PropertyKey {
    Index(u32),
    String(JsString),
    Symbol(Symbol),
}

/// How many identifier names' keys each agent keeps at hand.
pub const NAME_KEYS: usize = 256;

/// The property keys of recently used identifier names, each beside the name it was made
/// for (a shared name of a syntax tree, kept alive here so that no other name can take its
/// address), at the position its address picks; an agent keeps one (`Agent::name_keys`:
/// reached without a thread-local access; `interp::property_access::with_identifier_key`
/// looks keys up in it).
pub struct NameKeys(pub(crate) std::cell::RefCell<NameKeyTable>);

/// The entries of [`NameKeys`].
pub type NameKeyTable = Box<[Option<(crate::syntax::ast::Name, PropertyKey)>]>;

impl Default for NameKeys {
    fn default() -> NameKeys {
        NameKeys(std::cell::RefCell::new(
            std::iter::repeat_with(|| None).take(NAME_KEYS).collect(),
        ))
    }
}

impl PropertyKey {
    /// The key for a String value.
    pub fn from_string(s: JsString) -> PropertyKey {
        // (An array index has at most 10 digits: a longer String's code units, perhaps
        // not yet copied out of a concatenation, need not be looked at.)
        if s.len() > 10 {
            return PropertyKey::String(s);
        }
        match array_index_of(s.units()) {
            Some(i) => PropertyKey::Index(i),
            None => PropertyKey::String(s),
        }
    }

    // Infallible, unlike `FromStr::from_str`; the trait's `Result` would only add noise.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> PropertyKey {
        PropertyKey::from_string(JsString::from(s))
    }

    /// The key for an identifier name or another name of the program text: interned per
    /// thread, so that resolving a name does not convert it to UTF-16 each time.
    pub fn from_identifier(name: &str) -> PropertyKey {
        thread_local! {
            static INTERNED: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, PropertyKey>> =
                std::cell::RefCell::new(rustc_hash::FxHashMap::default());
        }
        INTERNED.with(|interned| {
            if let Some(key) = interned.borrow().get(name) {
                return key.clone();
            }
            let key = PropertyKey::from_str(name);
            interned.borrow_mut().insert(Box::from(name), key.clone());
            key
        })
    }

    /// The array-index key a Number gives (ToPropertyKey 7.1.19 step 3, ToString of an
    /// integral Number from +0 to 2^32 - 2, or -0, is the canonical numeric string of that
    /// array index), or `None` for any other Number (which takes the general path).
    #[inline]
    pub fn array_index_of_number(n: f64) -> Option<PropertyKey> {
        PropertyKey::array_index_number(n).map(PropertyKey::Index)
    }

    /// The array index `n` is, as [`PropertyKey::array_index_of_number`] finds it, without
    /// making the key.
    #[inline(always)]
    pub fn array_index_number(n: f64) -> Option<u32> {
        // (Integral: its truncation to u32 — exact in this range — gives it back.)
        ((0.0..4294967295.0).contains(&n) && f64::from(n as u32) == n).then_some(n as u32)
    }

    /// The key "length", made once per thread: every function and Array made defines it
    /// (the same key as `from_identifier("length")`, without its table lookup).
    #[inline]
    pub fn length_key() -> PropertyKey {
        COMMON_KEYS.with(|keys| keys.length.clone())
    }

    /// The key "name", made once per thread: every function made defines it.
    #[inline]
    pub fn name_key() -> PropertyKey {
        COMMON_KEYS.with(|keys| keys.name.clone())
    }

    /// The key "value", made once per thread: every iterator result defines it.
    #[inline]
    pub fn value_key() -> PropertyKey {
        COMMON_KEYS.with(|keys| keys.value.clone())
    }

    /// The key "done", made once per thread: every iterator result defines it.
    #[inline]
    pub fn done_key() -> PropertyKey {
        COMMON_KEYS.with(|keys| keys.done.clone())
    }

    pub fn is_symbol(&self) -> bool {
        matches!(self, PropertyKey::Symbol(_))
    }

    pub fn is_array_index(&self) -> bool {
        matches!(self, PropertyKey::Index(_))
    }

    /// The key as an ECMAScript value (a String or a Symbol).
    pub fn to_value(&self) -> Value {
        match self {
            PropertyKey::Index(i) => Value::String(JsString::from(i.to_string())),
            PropertyKey::String(s) => Value::String(s.clone()),
            PropertyKey::Symbol(s) => Value::Symbol(s.clone()),
        }
    }

    /// The String form of a string key (`None` for a Symbol).
    pub fn as_string(&self) -> Option<JsString> {
        match self {
            PropertyKey::Index(i) => Some(JsString::from(i.to_string())),
            PropertyKey::String(s) => Some(s.clone()),
            PropertyKey::Symbol(_) => None,
        }
    }

    /// Whether this is the string key `s`.
    pub fn is_str(&self, s: &str) -> bool {
        match self {
            PropertyKey::String(k) => k.eq_str(s),
            // (Without writing the index out: "length" is asked of every array index.)
            PropertyKey::Index(i) => {
                s.as_bytes().first().is_some_and(u8::is_ascii_digit) && i.to_string() == s
            }
            PropertyKey::Symbol(_) => false,
        }
    }
}

/// The keys that the creation of every function and Array object uses.
struct CommonKeys {
    length: PropertyKey,
    name: PropertyKey,
    value: PropertyKey,
    done: PropertyKey,
}

thread_local! {
    static COMMON_KEYS: CommonKeys = CommonKeys {
        length: PropertyKey::from_identifier("length"),
        name: PropertyKey::from_identifier("name"),
        value: PropertyKey::from_identifier("value"),
        done: PropertyKey::from_identifier("done"),
    };
}

impl From<&str> for PropertyKey {
    fn from(s: &str) -> PropertyKey {
        match s {
            // The keys every function object gets, and those the built-ins' hot paths make
            // for each result or call (iterator results, promise resolution, RegExp exec
            // results, JSON.stringify, accessor descriptors), shared rather than made anew
            // (a String allocation and a UTF-16 copy) each time.
            "length" => PropertyKey::length_key(),
            "name" => PropertyKey::name_key(),
            "value" => PropertyKey::value_key(),
            "done" => PropertyKey::done_key(),
            "prototype" | "constructor" | "next" | "return" | "throw" | "then" | "lastIndex"
            | "index" | "input" | "groups" | "toJSON" | "get" | "set" => {
                PropertyKey::from_identifier(s)
            }
            _ => PropertyKey::from_str(s),
        }
    }
}

impl From<Symbol> for PropertyKey {
    fn from(s: Symbol) -> PropertyKey {
        PropertyKey::Symbol(s)
    }
}

impl From<u32> for PropertyKey {
    fn from(i: u32) -> PropertyKey {
        if i == u32::MAX {
            PropertyKey::String(JsString::from(i.to_string()))
        } else {
            PropertyKey::Index(i)
        }
    }
}

impl fmt::Debug for PropertyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropertyKey::Index(i) => write!(f, "{i}"),
            PropertyKey::String(s) => write!(f, "{s}"),
            PropertyKey::Symbol(s) => write!(f, "{s:?}"),
        }
    }
}

impl fmt::Display for PropertyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropertyKey::Symbol(s) => write!(f, "[{}]", s.descriptive_string()),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The array index a String denotes: its canonical decimal form of an integer below
/// 2³² - 1 (no leading zeros, no sign).
pub fn array_index_of(units: &[u16]) -> Option<u32> {
    if units.is_empty() || units.len() > 10 {
        return None;
    }
    if units[0] == u16::from(b'0') {
        return (units.len() == 1).then_some(0);
    }
    let mut n: u64 = 0;
    for &u in units {
        if !(u16::from(b'0')..=u16::from(b'9')).contains(&u) {
            return None;
        }
        n = n * 10 + u64::from(u - u16::from(b'0'));
    }
    (n < u64::from(u32::MAX)).then_some(n as u32)
}

/// A property as an object stores it: a data or accessor property with all its attributes
/// (Table 3). [`PropertyDescriptor`] is the spec type with optional fields.
#[derive(Clone, Debug, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum Property {
    Data {
        value: Value,
        writable: bool,
        enumerable: bool,
        configurable: bool,
    },
    Accessor {
        /// [[Get]] and [[Set]]: undefined (`None`) or a callable object. (An object, not a
        /// Value: a property takes 32 bytes instead of 56; memory only, issue 20.)
        get: Option<Object>,
        set: Option<Object>,
        enumerable: bool,
        configurable: bool,
    },
}

/// The [[Get]] or [[Set]] attribute an accessor property stores for a Property
/// Descriptor's field value (undefined or a callable object).
pub fn accessor_attribute(value: Value) -> Option<Object> {
    match value {
        Value::Object(o) => Some(o),
        _ => None,
    }
}

/// The value of an accessor property's [[Get]] or [[Set]] attribute.
pub fn accessor_attribute_value(function: &Option<Object>) -> Value {
    function.clone().map_or(Value::Undefined, Value::Object)
}

impl Property {
    pub fn data(value: Value, writable: bool, enumerable: bool, configurable: bool) -> Property {
        Property::Data {
            value,
            writable,
            enumerable,
            configurable,
        }
    }

    pub fn enumerable(&self) -> bool {
        match self {
            Property::Data { enumerable, .. } | Property::Accessor { enumerable, .. } => {
                *enumerable
            }
        }
    }

    pub fn configurable(&self) -> bool {
        match self {
            Property::Data { configurable, .. } | Property::Accessor { configurable, .. } => {
                *configurable
            }
        }
    }

    /// The fully populated Property Descriptor of this property.
    pub fn to_descriptor(&self) -> PropertyDescriptor {
        match self {
            Property::Data {
                value,
                writable,
                enumerable,
                configurable,
            } => PropertyDescriptor {
                value: Some(value.clone()),
                writable: Some(*writable),
                get: None,
                set: None,
                enumerable: Some(*enumerable),
                configurable: Some(*configurable),
            },
            Property::Accessor {
                get,
                set,
                enumerable,
                configurable,
            } => PropertyDescriptor {
                value: None,
                writable: None,
                get: Some(accessor_attribute_value(get)),
                set: Some(accessor_attribute_value(set)),
                enumerable: Some(*enumerable),
                configurable: Some(*configurable),
            },
        }
    }
}

/// An object's own properties.
#[derive(Default, Finalize)]
pub struct PropertyMap(pub Properties);

// SAFETY: every element value and every key and property of the map is traced; nothing
// else in it holds Gc pointers.
unsafe impl Trace for PropertyMap {
    custom_trace!(this, mark, {
        for value in this.0.elements.iter().flatten() {
            mark(value);
        }
        for (key, property) in this.0.map.iter() {
            mark(key);
            mark(property);
        }
    });
}

/// How many properties an object keeps in a plain list, found by scanning, before it
/// indexes them by key.
const SMALL_PROPERTIES: usize = 8;

/// The storage of an object's own properties (issue 20, docs/ARCHITECTURE.md, "Dense
/// elements"): the data properties whose keys are the array indices 0, 1, 2, … and whose
/// attributes are { [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true } —
/// the elements of most arrays — are a list of values indexed by the key (16 bytes each,
/// no key, no hashing), every other property is in a [`PropertyList`] in insertion order.
/// A slot of the list may be empty (a hole: no such property there, or a property with
/// other attributes, kept in the list of properties instead); each key is in one place
/// at most, so the storage is a map from keys to properties like any other, and where a
/// property is kept is never observable. The methods are those of `IndexMap` that the
/// object model uses; positions (`get_full`, `get_index`) count the properties of the
/// list only, which never holds a key the element list holds.
#[derive(Default)]
pub struct Properties {
    /// The element list. It never ends in a hole. A thin vector (memory only, issue 20):
    /// one word in every object, its length and capacity kept with the elements, and no
    /// allocation while it is empty (most objects have no elements).
    elements: ThinVec<Option<Value>>,
    /// The other properties.
    map: PropertyList,
}

/// A list of element values as [`Properties`] keeps them (`None`: a hole), for
/// [`Object::new_with_elements`].
pub type ElementList = ThinVec<Option<Value>>;

/// A reference to a stored property: an element (a data property with the default
/// attributes) or a property of the list.
#[derive(Clone, Copy)]
pub enum PropertyRef<'a> {
    Element(&'a Value),
    Property(&'a Property),
}

impl<'a> PropertyRef<'a> {
    /// The property's [[Value]] if it is a data property.
    #[inline]
    pub fn data_value(self) -> Option<&'a Value> {
        match self {
            PropertyRef::Element(value) | PropertyRef::Property(Property::Data { value, .. }) => {
                Some(value)
            }
            PropertyRef::Property(Property::Accessor { .. }) => None,
        }
    }

    pub fn enumerable(self) -> bool {
        match self {
            PropertyRef::Element(_) => true,
            PropertyRef::Property(property) => property.enumerable(),
        }
    }

    pub fn configurable(self) -> bool {
        match self {
            PropertyRef::Element(_) => true,
            PropertyRef::Property(property) => property.configurable(),
        }
    }

    /// The property as stored in a list (a copy).
    pub fn to_property(self) -> Property {
        match self {
            PropertyRef::Element(value) => Property::data(value.clone(), true, true, true),
            PropertyRef::Property(property) => property.clone(),
        }
    }

    /// The property, borrowed when it is one of the list.
    pub fn into_cow(self) -> std::borrow::Cow<'a, Property> {
        match self {
            PropertyRef::Element(value) => {
                std::borrow::Cow::Owned(Property::data(value.clone(), true, true, true))
            }
            PropertyRef::Property(property) => std::borrow::Cow::Borrowed(property),
        }
    }
}

/// A mutable reference to a stored property: an element's value (its attributes are the
/// defaults and cannot be changed in place) or a property of the list.
pub enum PropertyMut<'a> {
    Element(&'a mut Value),
    Property(&'a mut Property),
}

impl PropertyMut<'_> {
    pub fn configurable(&self) -> bool {
        match self {
            PropertyMut::Element(_) => true,
            PropertyMut::Property(property) => property.configurable(),
        }
    }

    /// The [[Value]] of a writable data property, to be replaced.
    #[inline]
    pub fn writable_value(&mut self) -> Option<&mut Value> {
        match self {
            PropertyMut::Element(value) => Some(value),
            PropertyMut::Property(Property::Data {
                value,
                writable: true,
                ..
            }) => Some(value),
            PropertyMut::Property(_) => None,
        }
    }
}

/// Whether a property is stored as an element when its key is an array index.
#[inline]
fn is_element(property: &Property) -> bool {
    matches!(
        property,
        Property::Data {
            writable: true,
            enumerable: true,
            configurable: true,
            ..
        }
    )
}

impl Properties {
    #[inline(always)]
    fn element(&self, index: u32) -> Option<&Value> {
        self.elements.get(index as usize)?.as_ref()
    }

    /// The value of the element at `index`, if the element list holds one there (an
    /// element with other attributes is kept with the other properties: `None`).
    #[inline(always)]
    pub fn element_value(&self, index: u32) -> Option<&Value> {
        self.element(index)
    }

    fn element_count(&self) -> usize {
        self.elements.iter().filter(|v| v.is_some()).count()
    }

    /// Drops the holes at the end of the element list.
    fn trim(&mut self) {
        while let Some(None) = self.elements.last() {
            self.elements.pop();
        }
        if self.elements.is_empty() {
            self.elements = ThinVec::new();
        }
    }

    fn map_insert(&mut self, key: PropertyKey, property: Property) -> Option<Property> {
        self.map.insert(key, property)
    }

    fn map_contains_index(&self, key: &PropertyKey) -> bool {
        self.map.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.map.len() + self.element_count()
    }

    pub fn is_empty(&self) -> bool {
        // (The element list never ends in a hole.)
        self.map.is_empty() && self.elements.is_empty()
    }

    /// The capacity of the list of properties that are not elements.
    pub fn capacity(&self) -> usize {
        self.map.capacity()
    }

    /// Room for `additional` more properties that are not elements (exactly, while they
    /// fit in a plain list).
    pub fn reserve_exact(&mut self, additional: usize) {
        self.map.reserve_exact(additional)
    }

    /// Room for `additional` more elements, if it can be had: an optimisation only.
    pub fn try_reserve_elements(&mut self, additional: usize) {
        // (Only what an existing list of values needs: the caller has them in memory.)
        if additional <= isize::MAX as usize / std::mem::size_of::<Option<Value>>() {
            self.elements.reserve_exact(additional);
        }
    }

    /// The property of `key`, where it is stored.
    #[inline(always)]
    pub fn lookup(&self, key: &PropertyKey) -> Option<PropertyRef<'_>> {
        if let PropertyKey::Index(index) = key {
            if let Some(value) = self.element(*index) {
                return Some(PropertyRef::Element(value));
            }
        }
        self.map.get(key).map(PropertyRef::Property)
    }

    /// The property of `key` (a copy if it is an element).
    #[inline(always)]
    pub fn get(&self, key: &PropertyKey) -> Option<std::borrow::Cow<'_, Property>> {
        self.lookup(key).map(PropertyRef::into_cow)
    }

    #[inline(always)]
    pub fn get_mut(&mut self, key: &PropertyKey) -> Option<PropertyMut<'_>> {
        if let PropertyKey::Index(index) = key {
            let index = *index as usize;
            if self.elements.get(index).is_some_and(Option::is_some) {
                return self.elements[index].as_mut().map(PropertyMut::Element);
            }
        }
        self.map.get_mut(key).map(PropertyMut::Property)
    }

    #[inline]
    pub fn contains_key(&self, key: &PropertyKey) -> bool {
        self.lookup(key).is_some()
    }

    /// The position, key and property of `key`, a key of the list of properties that are
    /// not elements (an element has no position: `None`).
    pub fn get_full(&self, key: &PropertyKey) -> Option<(usize, &PropertyKey, &Property)> {
        self.map.get_full(key)
    }

    /// The key and property at position `index` of the list of properties that are not
    /// elements.
    #[inline]
    pub fn get_index(&self, index: usize) -> Option<(&PropertyKey, &Property)> {
        self.map.get_index(index)
    }

    /// The key and property at position `index` of the list of properties that are not
    /// elements, the property mutable.
    #[inline]
    pub fn get_index_mut(&mut self, index: usize) -> Option<(&PropertyKey, &mut Property)> {
        self.map.get_index_mut(index)
    }

    /// Replaces the property of `key` (keeping its place in creation order), or adds it;
    /// returns the old one.
    pub fn insert(&mut self, key: PropertyKey, property: Property) -> Option<Property> {
        let PropertyKey::Index(index) = key else {
            return self.map.insert(key, property);
        };
        let i = index as usize;
        let element = is_element(&property);
        let len = self.elements.len();
        if i < len {
            {
                let list = &mut self.elements;
                if list[i].is_some() {
                    let old = if element {
                        let Property::Data { value, .. } = property else {
                            unreachable!("is_element: a data property")
                        };
                        list[i].replace(value)
                    } else {
                        let old = list[i].take();
                        self.trim();
                        self.map_insert(key, property);
                        old
                    };
                    return old.map(|value| Property::data(value, true, true, true));
                }
            }
        }
        // Not an element yet: one if it has the attributes of one, no property of the list
        // has its key, and it does not leave more holes than a quarter of the list.
        if element && i <= len + len / 4 && !self.map_contains_index(&key) {
            let Property::Data { value, .. } = property else {
                unreachable!("is_element: a data property")
            };
            let list = &mut self.elements;
            if i == list.len() {
                list.push(Some(value));
            } else {
                if i > list.len() {
                    list.resize(i + 1, None);
                }
                list[i] = Some(value);
            }
            return None;
        }
        self.map_insert(key, property)
    }

    /// The values of the elements 0, 1, …, `len` - 1 when each of them is an element (a
    /// data property with the default attributes, no hole): the [[Value]]s that
    /// HasProperty and Get of these keys find as own properties (Array.prototype.sort's
    /// fast read, docs/ARCHITECTURE.md, "Sort"). `None` otherwise.
    pub fn dense_element_values(&self, len: u64) -> Option<Vec<Value>> {
        let len = usize::try_from(len).ok()?;
        let elements = self.elements.get(..len)?;
        elements
            .iter()
            .map(|value| value.as_ref().map(Value::copied))
            .collect()
    }

    /// Replaces the [[Value]] of the element `index` (an own data property with the
    /// default attributes, so writable) and gives back the old value; `Err` with `value`
    /// when `index` is not an element.
    #[inline]
    pub fn replace_element(&mut self, index: u64, value: Value) -> Result<Value, Value> {
        match usize::try_from(index)
            .ok()
            .and_then(|i| self.elements.get_mut(i))
        {
            Some(Some(slot)) => Ok(std::mem::replace(slot, value)),
            _ => Err(value),
        }
    }

    /// Removes the property of `key`, keeping the order of the others.
    pub fn shift_remove(&mut self, key: &PropertyKey) -> Option<Property> {
        if let PropertyKey::Index(index) = key {
            let i = *index as usize;
            if let Some(slot) = self.elements.get_mut(i) {
                if let Some(value) = slot.take() {
                    self.trim();
                    return Some(Property::data(value, true, true, true));
                }
            }
        }
        self.map.shift_remove(key)
    }

    /// The keys and properties: the elements in ascending order of their keys, then the
    /// other properties in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (PropertyKey, PropertyRef<'_>)> + '_ {
        self.elements
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                value
                    .as_ref()
                    .map(|value| (PropertyKey::Index(i as u32), PropertyRef::Element(value)))
            })
            .chain(
                self.map
                    .iter()
                    .map(|(key, property)| (key.clone(), PropertyRef::Property(property))),
            )
    }

    /// Removes the elements whose keys are `len` or more (not the other properties with
    /// such keys).
    pub fn truncate_elements(&mut self, len: u32) {
        self.elements.truncate(len as usize);
        self.trim();
    }

    /// The keys of the properties that are not elements, in insertion order.
    pub fn keys_besides_elements(&self) -> impl Iterator<Item = &PropertyKey> + '_ {
        self.map.iter().map(|(key, _)| key)
    }

    /// The keys, in the order of [`Properties::iter`].
    pub fn keys(&self) -> impl Iterator<Item = PropertyKey> + '_ {
        self.iter().map(|(key, _)| key)
    }

    /// The properties, in the order of [`Properties::iter`].
    pub fn values(&self) -> impl Iterator<Item = PropertyRef<'_>> + '_ {
        self.iter().map(|(_, property)| property)
    }
}

/// [[Call]] ( thisArgument, argumentsList ).
pub type CallMethod = fn(&mut Agent, &Object, &Value, &[Value]) -> JsResult<Value>;

/// [[Construct]] ( argumentsList, newTarget ).
pub type ConstructMethod = fn(&mut Agent, &Object, &[Value], &Object) -> JsResult<Object>;

/// The essential internal methods (Table 4) and, for function objects, [[Call]] and
/// [[Construct]] (Table 5) of one kind of object.
pub struct InternalMethods {
    pub get_prototype_of: fn(&mut Agent, &Object) -> JsResult<Option<Object>>,
    pub set_prototype_of: fn(&mut Agent, &Object, Option<Object>) -> JsResult<bool>,
    pub is_extensible: fn(&mut Agent, &Object) -> JsResult<bool>,
    pub prevent_extensions: fn(&mut Agent, &Object) -> JsResult<bool>,
    pub get_own_property:
        fn(&mut Agent, &Object, &PropertyKey) -> JsResult<Option<PropertyDescriptor>>,
    pub define_own_property:
        fn(&mut Agent, &Object, &PropertyKey, PropertyDescriptor) -> JsResult<bool>,
    pub has_property: fn(&mut Agent, &Object, &PropertyKey) -> JsResult<bool>,
    pub get: fn(&mut Agent, &Object, &PropertyKey, &Value) -> JsResult<Value>,
    pub set: fn(&mut Agent, &Object, &PropertyKey, Value, &Value) -> JsResult<bool>,
    pub delete: fn(&mut Agent, &Object, &PropertyKey) -> JsResult<bool>,
    pub own_property_keys: fn(&mut Agent, &Object) -> JsResult<Vec<PropertyKey>>,
    /// [[Call]] (this argument, arguments list).
    pub call: Option<CallMethod>,
    /// [[Construct]] (arguments list, newTarget).
    pub construct: Option<ConstructMethod>,
}

/// The state of an object: its internal methods, [[Prototype]], [[Extensible]], own
/// properties, and the internal slots of its kind.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ObjectData {
    pub methods: &'static InternalMethods,
    pub prototype: Option<Object>,
    pub extensible: bool,
    pub properties: PropertyMap,
    pub kind: ObjectKind,
    /// [[PrivateElements]].
    pub private_elements: PrivateElements,
    /// SES: the object is in the set of hardened objects (`harden` froze it and everything
    /// it reaches, so a later `harden` stops here).
    pub hardened: bool,
}

/// [[PrivateElements]]: a list boxed once it has an element (one word in every object,
/// most of which never have any; memory only, issue 20).
#[derive(Default, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
// (A boxed Vec on purpose: one word in the object, where a Vec would be three.)
#[allow(clippy::box_collection)]
pub struct PrivateElements(Option<Box<Vec<super::class_private_elements::PrivateElement>>>);

impl PrivateElements {
    pub fn iter(&self) -> std::slice::Iter<'_, super::class_private_elements::PrivateElement> {
        self.0.as_deref().map_or([].iter(), |list| list.iter())
    }

    pub fn iter_mut(
        &mut self,
    ) -> std::slice::IterMut<'_, super::class_private_elements::PrivateElement> {
        self.0
            .as_deref_mut()
            .map_or([].iter_mut(), |list| list.iter_mut())
    }

    pub fn push(&mut self, element: super::class_private_elements::PrivateElement) {
        self.0.get_or_insert_with(Box::default).push(element);
    }
}

// SAFETY: a static table of function pointers holds no Gc pointer.
unsafe impl Trace for InternalMethods {
    boa_gc::empty_trace!();
}
impl Finalize for InternalMethods {}

/// A handle to an object; equality is identity.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Object(Gc<GcRefCell<ObjectData>>);

impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Object {}

impl std::hash::Hash for Object {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.addr().hash(state)
    }
}

impl fmt::Debug for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Object@{:x}", self.addr())
    }
}

impl Object {
    /// A new object with the given internal methods, prototype and slots (extensible, no
    /// properties): the common part of MakeBasicObject and the exotic object creators.
    pub fn new(
        methods: &'static InternalMethods,
        prototype: Option<Object>,
        kind: ObjectKind,
    ) -> Object {
        Object::allocate(methods, prototype, kind, ThinVec::new(), || {
            PropertyList::Small(Vec::new())
        })
    }

    /// A new extensible object with the given internal methods, prototype, slots, elements
    /// and list of other properties (`properties()`), no private element, not hardened:
    /// what every `Object::new*` makes. (Memory only: the object's fields are written
    /// where it is allocated, the list made there too, not built on the stack and copied:
    /// that copy's wide loads stalled on the narrow stores of the fields just made;
    /// `Gc::new_with`.)
    #[inline(always)]
    fn allocate(
        methods: &'static InternalMethods,
        prototype: Option<Object>,
        kind: ObjectKind,
        elements: ElementList,
        properties: impl FnOnce() -> PropertyList,
    ) -> Object {
        // SAFETY: the closure only moves the values it captured into the new object (and
        // `properties` only wraps those it captured in a list): it allocates nothing, runs
        // no collection and cannot panic.
        Object(unsafe {
            Gc::new_with(move || {
                GcRefCell::new(ObjectData {
                    methods,
                    prototype,
                    extensible: true,
                    properties: PropertyMap(Properties {
                        elements,
                        map: properties(),
                    }),
                    kind,
                    private_elements: PrivateElements(None),
                    hardened: false,
                })
            })
        })
    }

    /// [`Object::new`] with own properties already in place: `properties`, none of whose
    /// keys is an array index, with distinct keys, at most eight (what an object creator
    /// would define one by one with OrdinaryDefineOwnProperty on the new object, which
    /// only adds them: ArrayCreate's "length", a function's "length"). The list is kept as
    /// given (its capacity too).
    pub fn new_with_properties(
        methods: &'static InternalMethods,
        prototype: Option<Object>,
        kind: ObjectKind,
        properties: Vec<(PropertyKey, Property)>,
    ) -> Object {
        debug_assert!(
            properties.len() <= SMALL_PROPERTIES
                && properties.iter().all(|(key, _)| !key.is_array_index())
        );
        Object::allocate(methods, prototype, kind, ThinVec::new(), move || {
            PropertyList::Small(properties)
        })
    }

    /// [`Object::new_with_elements`] with a shared list of properties
    /// ([`OtherList::Shared`]: made from [`SharedLists`]) and elements (none: an
    /// empty list).
    pub fn new_with_shared_properties(
        methods: &'static InternalMethods,
        prototype: Option<Object>,
        kind: ObjectKind,
        properties: SharedProperties,
        elements: ElementList,
    ) -> Object {
        debug_assert!(
            properties.len() <= SMALL_PROPERTIES
                && properties.iter().all(|(key, _)| !key.is_array_index())
                && elements.iter().all(Option::is_some)
        );
        Object::allocate(methods, prototype, kind, elements, move || {
            PropertyList::Other(OtherList::Shared(properties))
        })
    }

    /// [`Object::new_with_properties`] with elements too: `elements`, a list of values
    /// none of which is a hole (`None`), are the data properties { [[Value]]: v,
    /// [[Writable]], [[Enumerable]], [[Configurable]]: true } of the keys 0, 1, 2, … (an
    /// array literal's elements, docs/ARCHITECTURE.md "Object creation").
    pub fn new_with_elements(
        methods: &'static InternalMethods,
        prototype: Option<Object>,
        kind: ObjectKind,
        properties: Vec<(PropertyKey, Property)>,
        elements: ElementList,
    ) -> Object {
        debug_assert!(
            properties.len() <= SMALL_PROPERTIES
                && properties.iter().all(|(key, _)| !key.is_array_index())
                && elements.iter().all(Option::is_some)
        );
        Object::allocate(methods, prototype, kind, elements, move || {
            PropertyList::Small(properties)
        })
    }

    /// The object's identity as an address (for sets of objects that do not keep them
    /// alive beyond a computation, such as `harden`'s list).
    pub fn identity(&self) -> *const () {
        let cell: &GcRefCell<ObjectData> = &self.0;
        cell as *const GcRefCell<ObjectData> as *const ()
    }

    /// The collector's handle of the object, for the weak references of WeakMap,
    /// WeakSet, WeakRef and FinalizationRegistry (`boa_gc::WeakGc` / ephemerons).
    pub fn as_gc(&self) -> &Gc<GcRefCell<ObjectData>> {
        &self.0
    }

    /// The object a collector handle denotes (the inverse of [`Object::as_gc`]).
    pub fn from_gc(gc: Gc<GcRefCell<ObjectData>>) -> Object {
        Object(gc)
    }

    pub fn addr(&self) -> usize {
        &*self.0 as *const GcRefCell<ObjectData> as *const u8 as usize
    }

    #[inline]
    pub fn data(&self) -> GcRef<'_, ObjectData> {
        self.0.borrow()
    }

    #[inline]
    pub fn data_mut(&self) -> GcRefMut<'_, ObjectData> {
        self.0.borrow_mut()
    }

    #[inline]
    pub fn methods(&self) -> &'static InternalMethods {
        self.0.borrow().methods
    }

    pub fn set_methods(&self, methods: &'static InternalMethods) {
        self.0.borrow_mut().methods = methods;
    }

    /// IsCallable for an object: it has a [[Call]] internal method.
    pub fn is_callable(&self) -> bool {
        self.methods().call.is_some()
    }

    /// IsConstructor for an object: it has a [[Construct]] internal method.
    pub fn is_constructor(&self) -> bool {
        self.methods().construct.is_some()
    }

    // The internal methods, dispatched through the object's table. Each copies the
    // function pointer out first so that no borrow is held while it runs.

    pub fn get_prototype_of(&self, agent: &mut Agent) -> JsResult<Option<Object>> {
        (self.methods().get_prototype_of)(agent, self)
    }
    pub fn set_prototype_of(&self, agent: &mut Agent, proto: Option<Object>) -> JsResult<bool> {
        (self.methods().set_prototype_of)(agent, self, proto)
    }
    pub fn is_extensible(&self, agent: &mut Agent) -> JsResult<bool> {
        (self.methods().is_extensible)(agent, self)
    }
    pub fn prevent_extensions(&self, agent: &mut Agent) -> JsResult<bool> {
        (self.methods().prevent_extensions)(agent, self)
    }
    pub fn get_own_property(
        &self,
        agent: &mut Agent,
        key: &PropertyKey,
    ) -> JsResult<Option<PropertyDescriptor>> {
        (self.methods().get_own_property)(agent, self, key)
    }
    pub fn define_own_property(
        &self,
        agent: &mut Agent,
        key: &PropertyKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        (self.methods().define_own_property)(agent, self, key, desc)
    }
    pub fn has_property(&self, agent: &mut Agent, key: &PropertyKey) -> JsResult<bool> {
        (self.methods().has_property)(agent, self, key)
    }
    pub fn get(&self, agent: &mut Agent, key: &PropertyKey, receiver: &Value) -> JsResult<Value> {
        (self.methods().get)(agent, self, key, receiver)
    }
    pub fn set(
        &self,
        agent: &mut Agent,
        key: &PropertyKey,
        value: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        (self.methods().set)(agent, self, key, value, receiver)
    }
    pub fn delete(&self, agent: &mut Agent, key: &PropertyKey) -> JsResult<bool> {
        (self.methods().delete)(agent, self, key)
    }
    pub fn own_property_keys(&self, agent: &mut Agent) -> JsResult<Vec<PropertyKey>> {
        (self.methods().own_property_keys)(agent, self)
    }

    /// Whether the object is extensible and has no own property `key` (direct access to
    /// the storage, for the Asserts of SetFunctionName and SetFunctionLength: one borrow,
    /// no copy of a property).
    pub fn is_extensible_without(&self, key: &PropertyKey) -> bool {
        let data = self.0.borrow();
        data.extensible && data.properties.0.lookup(key).is_none()
    }

    /// Direct access to an own property's storage (for ordinary internal methods and
    /// built-ins setting up objects; never observable).
    pub fn own_property(&self, key: &PropertyKey) -> Option<Property> {
        self.0
            .borrow()
            .properties
            .0
            .lookup(key)
            .map(PropertyRef::to_property)
    }

    /// Adds an own property that the object does not have (its creator's set-up, after an
    /// Assert that it has no such property): appended without looking for the key first
    /// while the properties are a short list.
    pub fn insert_new_property(&self, key: PropertyKey, property: Property) {
        let properties = &mut self.0.borrow_mut().properties.0;
        properties.map.unshare(1);
        if let (PropertyList::Small(list), false) = (&mut properties.map, key.is_array_index()) {
            if list.len() < SMALL_PROPERTIES {
                debug_assert!(list.iter().all(|(k, _)| *k != key));
                if list.capacity() == 0 {
                    // (Room for two, as `insert_property` makes.)
                    list.reserve_exact(2);
                }
                list.push((key, property));
                return;
            }
        }
        properties.insert(key, property);
    }

    /// Creates or replaces an own property without any check (object set-up only).
    pub fn insert_property(&self, key: PropertyKey, property: Property) {
        let properties = &mut self.0.borrow_mut().properties.0;
        // (Room for two at first, not the three the map would make: many objects, functions
        // above all, have no more.)
        if properties.capacity() == 0 && !key.is_array_index() {
            properties.reserve_exact(2);
        }
        properties.insert(key, property);
    }
}
