//! Syntax: the pest grammar, the parse tree -> AST builder, early errors and the static
//! semantics later layers need.

pub mod ast;
mod builder;
pub mod diagnostics;
pub mod early_errors;
pub mod features;
pub mod grammar;
pub mod interned_names;
pub mod literals;
mod parse;
pub mod regexp;
pub mod regexp_properties;
pub mod reserved_words;
pub mod slot_caches;
pub mod static_semantics;
pub mod visit;

pub use ast::{Goal, Program, Span};
pub use diagnostics::SyntaxError;
pub use features::Features;

/// How to parse a source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    pub goal: Goal,
    /// Parse as strict mode code from the start (a Module always is).
    pub strict: bool,
    /// The proposals whose syntax is accepted (`import source`, `import defer`,
    /// `import.source(...)`, `import.defer(...)`); all by default.
    pub features: Features,
}

impl ParseOptions {
    pub fn script() -> ParseOptions {
        ParseOptions {
            goal: Goal::Script,
            strict: false,
            features: Features::all(),
        }
    }
    pub fn module() -> ParseOptions {
        ParseOptions {
            goal: Goal::Module,
            strict: true,
            features: Features::all(),
        }
    }
    /// These options with the proposals in `features` only.
    pub fn with_features(self, features: Features) -> ParseOptions {
        ParseOptions { features, ..self }
    }
}

/// ParseScript / ParseModule's syntactic part: parse `source` with the goal in `options`,
/// apply every early-error rule and compute the static semantics kept with the tree.
pub fn parse(source: &str, options: ParseOptions) -> Result<Program, SyntaxError> {
    parse::parse(source, options)
}

pub use parse::{normalized_tree, parse_eval};

pub fn parse_script(source: &str) -> Result<Program, SyntaxError> {
    parse(source, ParseOptions::script())
}

pub fn parse_module(source: &str) -> Result<Program, SyntaxError> {
    parse(source, ParseOptions::module())
}
