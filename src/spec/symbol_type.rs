//! 6.1.5 The Symbol Type (sec-ecmascript-language-types-symbol-type): unique values with
//! an immutable [[Description]]; the well-known symbols (Table 1) are shared by every
//! realm of an agent.

use super::string_type::JsString;
use boa_gc::{empty_trace, Finalize, Trace};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

struct SymbolData {
    description: Option<JsString>,
}

/// A Symbol value: equal only to itself.
#[derive(Clone)]
pub struct Symbol(Rc<SymbolData>);

impl Finalize for Symbol {}
// SAFETY: a Symbol holds only its description string, never a Gc pointer.
unsafe impl Trace for Symbol {
    empty_trace!();
}

impl Symbol {
    pub fn new(description: Option<JsString>) -> Symbol {
        Symbol(Rc::new(SymbolData { description }))
    }

    /// [[Description]].
    pub fn description(&self) -> Option<&JsString> {
        self.0.description.as_ref()
    }

    /// `Symbol(desc)`, for diagnostics (lone surrogates replaced); the operation
    /// SymbolDescriptiveString (20.4.3.3.1) is `builtins::symbol::symbol_descriptive_string`.
    pub fn descriptive_string(&self) -> JsString {
        let desc = self
            .description()
            .map(|d| d.to_rust_string())
            .unwrap_or_default();
        JsString::from(format!("Symbol({desc})"))
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Symbol) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Symbol {}

impl Hash for Symbol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (Rc::as_ptr(&self.0) as usize).hash(state)
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.descriptive_string())
    }
}

macro_rules! well_known_symbols {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// Table 1: Well-known Symbols, one set per agent.
        #[derive(Clone, Debug)]
        pub struct WellKnownSymbols {
            $(pub $field: Symbol,)*
        }

        impl WellKnownSymbols {
            pub fn new() -> WellKnownSymbols {
                WellKnownSymbols {
                    $($field: Symbol::new(Some(JsString::from($name))),)*
                }
            }

            /// (property name on %Symbol%, symbol) for each well-known symbol.
            pub fn all(&self) -> Vec<(&'static str, Symbol)> {
                vec![$((
                    $name.trim_start_matches("Symbol."),
                    self.$field.clone(),
                ),)*]
            }
        }
    };
}

well_known_symbols! {
    async_iterator => "Symbol.asyncIterator",
    has_instance => "Symbol.hasInstance",
    is_concat_spreadable => "Symbol.isConcatSpreadable",
    iterator => "Symbol.iterator",
    match_ => "Symbol.match",
    match_all => "Symbol.matchAll",
    replace => "Symbol.replace",
    search => "Symbol.search",
    species => "Symbol.species",
    split => "Symbol.split",
    to_primitive => "Symbol.toPrimitive",
    to_string_tag => "Symbol.toStringTag",
    unscopables => "Symbol.unscopables",
}

impl Default for WellKnownSymbols {
    fn default() -> Self {
        Self::new()
    }
}
