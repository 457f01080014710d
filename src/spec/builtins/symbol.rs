//! 20.4 Symbol Objects (sec-symbol-objects): the Symbol constructor, its well-known symbol
//! properties, Symbol.for / Symbol.keyFor (the GlobalSymbolRegistry, 20.4.2.2) and
//! %Symbol.prototype%.

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::PropertyKey;
use crate::spec::ordinary_object_internal_methods::brand_check_error;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::symbol_type::Symbol;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;

/// The GlobalSymbolRegistry List (20.4.2.2): its records, and both of the searches the spec
/// makes over it by [[Key]] (Symbol.for) and by [[Symbol]] (KeyForSymbol, CanBeHeldWeakly)
/// answered through a map each, not a scan of the List: a million Symbol.for calls were
/// quadratic.
#[derive(Default)]
pub struct GlobalSymbolRegistry {
    by_key: rustc_hash::FxHashMap<JsString, Symbol>,
    by_symbol: rustc_hash::FxHashMap<Symbol, JsString>,
}

impl GlobalSymbolRegistry {
    /// The [[Symbol]] of the record whose [[Key]] is `key` (SameValue of Strings is
    /// equality of their code units), if there is one.
    pub fn symbol_for_key(&self, key: &JsString) -> Option<Symbol> {
        self.by_key.get(key).cloned()
    }

    /// The [[Key]] of the record whose [[Symbol]] is `symbol`, if there is one.
    pub fn key_for_symbol(&self, symbol: &Symbol) -> Option<JsString> {
        self.by_symbol.get(symbol).cloned()
    }

    /// Appends the record { [[Key]]: key, [[Symbol]]: symbol }.
    pub fn append(&mut self, key: JsString, symbol: Symbol) {
        self.by_symbol.insert(symbol.clone(), key.clone());
        self.by_key.insert(key, symbol);
    }
}

/// Symbol ( [ description ] ) (20.4.1.1).
fn symbol_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if call.new_target.is_some() {
        return Err(agent.type_error("Symbol is not a constructor"));
    }
    // 2. If description is undefined, let descString be undefined.
    // 3. Else, let descString be ? ToString(description).
    let description = call.arg(0);
    let desc_string = if description.is_undefined() {
        None
    } else {
        Some(to_string(agent, &description)?)
    };
    // 4. Return a new Symbol whose [[Description]] is descString.
    Ok(Value::Symbol(Symbol::new(desc_string)))
}

/// Symbol.for ( key ) (20.4.2.2).
fn symbol_for(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let stringKey be ? ToString(key).
    let string_key = to_string(agent, &call.arg(0))?;
    // 2. For each element e of the GlobalSymbolRegistry List, do
    //    a. If SameValue(e.[[Key]], stringKey) is true, return e.[[Symbol]].
    if let Some(symbol) = agent.global_symbol_registry.symbol_for_key(&string_key) {
        return Ok(Value::Symbol(symbol));
    }
    // 3. Assert: The GlobalSymbolRegistry List does not currently contain an entry for
    //    stringKey.
    // 4. Let newSymbol be a new Symbol whose [[Description]] is stringKey.
    let new_symbol = Symbol::new(Some(string_key.clone()));
    // 5. Append the GlobalSymbolRegistry Record { [[Key]]: stringKey, [[Symbol]]: newSymbol }
    //    to the GlobalSymbolRegistry List.
    agent
        .global_symbol_registry
        .append(string_key, new_symbol.clone());
    // 6. Return newSymbol.
    Ok(Value::Symbol(new_symbol))
}

/// Symbol.keyFor ( sym ) (20.4.2.6).
fn symbol_key_for(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If sym is not a Symbol, throw a TypeError exception.
    let Value::Symbol(sym) = call.arg(0) else {
        return Err(agent.type_error("Symbol.keyFor requires a Symbol"));
    };
    // 2. Return KeyForSymbol(sym).
    Ok(key_for_symbol(agent, &sym))
}

/// KeyForSymbol ( sym ) (20.4.5.1).
pub fn key_for_symbol(agent: &Agent, sym: &Symbol) -> Value {
    // 1. For each element e of the GlobalSymbolRegistry List, do
    // (The registry is indexed by [[Symbol]] too: the loop is one lookup.)
    crate::step!("sec-keyforsymbol", "1");
    if let Some(key) = agent.global_symbol_registry.key_for_symbol(sym) {
        // a. If SameValue(e.[[Symbol]], sym) is true, return e.[[Key]].
        crate::step!("sec-keyforsymbol", "1.a");
        return Value::String(key);
    }
    // 2. Assert: The GlobalSymbolRegistry List does not currently contain an entry for sym.
    crate::spec_assert!("sec-keyforsymbol", "2", by: "the lookup of step 1 found no entry");
    // 3. Return undefined.
    crate::step!("sec-keyforsymbol", "3");
    Value::Undefined
}

/// SymbolDescriptiveString ( sym ) (20.4.3.3.1).
pub fn symbol_descriptive_string(sym: &Symbol) -> JsString {
    // 1. Let desc be sym.[[Description]].
    crate::step!("sec-symboldescriptivestring", "1");
    let desc = sym.description();
    // 2. If desc is undefined, set desc to the empty String.
    crate::step!("sec-symboldescriptivestring", "2");
    let desc = desc.map_or(&[][..], |d| d.units());
    // 3. Assert: desc is a String.
    crate::spec_assert!("sec-symboldescriptivestring", "3", by: "step 2: a String either way");
    // 4. Return the string-concatenation of "Symbol(", desc, and ")".
    crate::step!("sec-symboldescriptivestring", "4");
    let mut units: Vec<u16> = "Symbol(".encode_utf16().collect();
    units.extend_from_slice(desc);
    units.push(u16::from(b')'));
    JsString::from_vec(units)
}

/// ThisSymbolValue ( value ) (20.4.3.4.1).
fn this_symbol_value(agent: &mut Agent, value: &Value, method: &str) -> JsResult<Symbol> {
    // 1. If value is a Symbol, return value.
    crate::step!("sec-thissymbolvalue", "1");
    if let Value::Symbol(s) = value {
        return Ok(s.clone());
    }
    // 2. If value is an Object and value has a [[SymbolData]] internal slot, then
    crate::step!("sec-thissymbolvalue", "2");
    if let Value::Object(o) = value {
        if let ObjectKind::Symbol(s) = &o.data().kind {
            // a. Let s be value.[[SymbolData]].
            crate::step!("sec-thissymbolvalue", "2.a");
            let s = s.clone();
            // b. Assert: s is a Symbol.
            crate::spec_assert!(
                "sec-thissymbolvalue",
                "2.b",
                by: "the [[SymbolData]] slot holds a Symbol"
            );
            // c. Return s.
            crate::step!("sec-thissymbolvalue", "2.c");
            return Ok(s);
        }
    }
    // 3. Throw a TypeError exception.
    crate::step!("sec-thissymbolvalue", "3");
    Err(brand_check_error(
        agent,
        InternalSlot::SymbolData,
        format_args!("Symbol.prototype.{method}"),
    ))
}

/// get Symbol.prototype.description (20.4.3.2).
fn description(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let s be the this value.
    // 2. Let sym be ? ThisSymbolValue(s).
    let sym = this_symbol_value(agent, call.this, "description")?;
    // 3. Return sym.[[Description]].
    Ok(sym
        .description()
        .map_or(Value::Undefined, |d| Value::String(d.clone())))
}

/// Symbol.prototype.toString ( ) (20.4.3.3).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let sym be ? ThisSymbolValue(this value).
    let sym = this_symbol_value(agent, call.this, "toString")?;
    // 2. Return SymbolDescriptiveString(sym).
    Ok(Value::String(symbol_descriptive_string(&sym)))
}

/// Symbol.prototype.valueOf ( ) (20.4.3.4).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisSymbolValue(this value).
    Ok(Value::Symbol(this_symbol_value(
        agent, call.this, "valueOf",
    )?))
}

/// Symbol.prototype [ %Symbol.toPrimitive% ] ( hint ) (20.4.3.5).
fn to_primitive(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ThisSymbolValue(this value).
    Ok(Value::Symbol(this_symbol_value(
        agent,
        call.this,
        "[Symbol.toPrimitive]",
    )?))
}

/// Creates %Symbol% (20.4.2) and the properties of %Symbol.prototype% (20.4.3).
pub fn create_symbol_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::SymbolPrototype);
    // 20.4.1: the Symbol constructor "may be used as the value of an extends clause of a
    // class definition but a super call to it will cause an exception": it has
    // [[Construct]] and throws when NewTarget is defined.
    let symbol = define_constructor(
        agent,
        realm,
        Intrinsic::Symbol,
        "Symbol",
        0,
        symbol_constructor,
        &prototype,
        None,
    );
    // 20.4.2.1 Symbol.asyncIterator ... 20.4.2.16 Symbol.unscopables: "This property has
    // the attributes { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]:
    // false }."
    for (name, sym) in agent.well_known.all() {
        define_value(&symbol, name, Value::Symbol(sym), false, false, false);
    }
    define_method(agent, &symbol, "for", 1, symbol_for);
    define_method(agent, &symbol, "keyFor", 1, symbol_key_for);
    // 20.4.3.1 Symbol.prototype.constructor is set by define_constructor.
    define_accessor(agent, &prototype, "description", Some(description), None);
    define_method(agent, &prototype, "toString", 0, to_string_method);
    define_method(agent, &prototype, "valueOf", 0, value_of);
    // 20.4.3.5: "The value of the "name" property of this method is
    // "[Symbol.toPrimitive]". This property has the attributes { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }."
    let to_primitive_key = PropertyKey::Symbol(agent.well_known.to_primitive.clone());
    let f = define_method(agent, &prototype, to_primitive_key.clone(), 1, to_primitive);
    define_value(
        &prototype,
        to_primitive_key,
        Value::Object(f),
        false,
        false,
        true,
    );
    // 20.4.3.6 Symbol.prototype [ %Symbol.toStringTag% ]: "Symbol", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&prototype, tag, Value::string("Symbol"), false, false, true);
}
