//! 6.1 ECMAScript Language Types (sec-ecmascript-language-types): the Value type.

use super::bigint_type::JsBigInt;
use super::object_type::Object;
use super::string_type::JsString;
use super::symbol_type::Symbol;
use boa_gc::{Finalize, Trace};

/// An ECMAScript language value.
#[derive(Clone, Debug, Default, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
#[repr(u64)]
pub enum Value {
    #[default]
    Undefined,
    Null,
    Boolean(bool),
    String(JsString),
    Symbol(Symbol),
    Number(f64),
    BigInt(JsBigInt),
    Object(Object),
}

impl Value {
    /// Drops the value, without the out-of-line drop of a general `Value` when it holds
    /// nothing to release (undefined, null, a Boolean or a Number): the common case of the
    /// values an expression's evaluation discards.
    #[inline(always)]
    pub fn discard(self) {
        if self.holds_nothing() {
            // (Nothing to release.)
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// Whether the value holds nothing to release (undefined, null, a Boolean or a
    /// Number), so that dropping it needs no call of the general drop.
    #[inline(always)]
    pub fn holds_nothing(&self) -> bool {
        matches!(
            self,
            Value::Number(_) | Value::Boolean(_) | Value::Undefined | Value::Null
        )
    }

    /// A clone of the value, without the out-of-line clone of a general `Value` when it is
    /// a Number (the common case on the paths that copy a value into a binding, a property
    /// or an argument list).
    #[inline(always)]
    pub fn copied(&self) -> Value {
        match self {
            Value::Number(n) => Value::Number(*n),
            // (An Object too: its count taken inline, so that the copy is made where it is
            // used rather than written by the out-of-line clone and read back at once.)
            Value::Object(o) => Value::Object(o.clone()),
            value => value.clone(),
        }
    }

    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// undefined or null.
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn string(s: &str) -> Value {
        Value::String(JsString::from(s))
    }

    /// Type(x) as `typeof` would not say it: the spec's type names, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Boolean(_) => "boolean",
            Value::String(_) => "string",
            Value::Symbol(_) => "symbol",
            Value::Number(_) => "number",
            Value::BigInt(_) => "bigint",
            Value::Object(_) => "object",
        }
    }
}

impl From<Object> for Value {
    fn from(o: Object) -> Value {
        Value::Object(o)
    }
}

impl From<Option<Object>> for Value {
    fn from(o: Option<Object>) -> Value {
        o.map_or(Value::Null, Value::Object)
    }
}

impl From<JsString> for Value {
    fn from(s: JsString) -> Value {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Boolean(b)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Number(n)
    }
}

impl From<Symbol> for Value {
    fn from(s: Symbol) -> Value {
        Value::Symbol(s)
    }
}
