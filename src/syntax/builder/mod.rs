//! Parse tree (pest pairs) -> AST.
//!
//! The builder resolves the grammar's cover forms (arrow parameters, assignment patterns,
//! `async(...)` heads), decodes literals, and applies the early errors that belong to the
//! shape of the tree: invalid assignment targets, `**` after a unary operator, `??` mixed
//! with `&&`/`||`, a top-level `in` in a for-initializer, and literal-level errors such as
//! legacy octals in strict code. Scope- and context-dependent early errors (reserved
//! words, duplicate names, labels, `super`, ...) are the job of `early_errors`.

mod expressions;
mod functions;
mod modules;
mod patterns;
mod statements;

use super::ast::*;
use super::diagnostics::SyntaxError;
use super::grammar::Rule;
use super::literals;
use pest::iterators::{Pair, Pairs};

pub(crate) type P<'i> = Pair<'i, Rule>;
pub(crate) type R<T> = Result<T, SyntaxError>;

pub(crate) struct Builder<'i> {
    pub source: &'i str,
    /// The code being built is strict mode code.
    pub strict: bool,
    /// CoverInitializedName (`{ a = 1 }`) spans not (yet) reinterpreted as patterns:
    /// any left when the parse ends is an early error.
    pub cover_initialized: Vec<Span>,
    /// Second and later `__proto__: v` properties of an object literal not (yet)
    /// reinterpreted as a pattern: an early error if any remain.
    pub duplicate_proto: Vec<Span>,
    /// Spans of spread arguments followed by a comma in an array literal (such a spread
    /// cannot become a rest element).
    pub spread_before_comma: Vec<Span>,
    /// Keep ParenthesizedExpression nodes (always, except for `normalized_tree`, which
    /// compares trees with parentheses disregarded).
    pub keep_parens: bool,
    /// Current nesting of expressions, statements and patterns being built.
    depth: u32,
    /// The next AssignmentExpression is the start of a `for (lhs in rhs)` head, where
    /// `a in b = c` means `a in (b = c)`.
    pub for_in_head: bool,
    /// The proposals whose syntax is accepted ([`super::ParseOptions::features`]).
    pub features: super::Features,
    /// The identifier names built so far, each once: every occurrence of a name shares
    /// one block ([`Name`]).
    names: std::cell::RefCell<rustc_hash::FxHashSet<Name>>,
}

/// How deeply expressions, statements and patterns may nest. Far beyond what real code
/// needs (the tests parse depth 1,000), and low enough that building, walking and dropping
/// the tree never exhausts the native stack.
pub const MAX_NESTING: u32 = 5_000;

pub(crate) fn span_of(pair: &P) -> Span {
    let s = pair.as_span();
    let base = SPAN_BASE.with(std::cell::Cell::get);
    Span::new(base + s.start(), base + s.end())
}

thread_local! {
    /// Where in the source the text pest was given starts: a chunked parse
    /// (`parse.rs`) gives pest each chunk from its own start, and the tree's spans are
    /// offsets into the whole source.
    static SPAN_BASE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Sets where the text given to pest starts in the source ([`span_of`]) until the guard
/// is dropped.
pub(crate) fn span_base(base: usize) -> SpanBase {
    let previous = SPAN_BASE.with(|b| b.replace(base));
    SpanBase(previous)
}

/// Restores the previous span base when dropped.
pub(crate) struct SpanBase(usize);

impl Drop for SpanBase {
    fn drop(&mut self) {
        SPAN_BASE.with(|b| b.set(self.0));
    }
}

/// The SyntaxError for input nested (or chained: `!!!!a`, `a.b.c...`, `a+b+c...`, whose
/// trees are as deep) more than MAX_NESTING levels.
pub(crate) fn too_deep<T>(span: Span) -> R<T> {
    err(
        format!("the program nests more than {MAX_NESTING} levels deep"),
        span,
    )
}

pub(crate) fn err<T>(message: impl Into<String>, span: Span) -> R<T> {
    Err(SyntaxError::new(message, span))
}

/// The pairs inside `pair`.
pub(crate) fn inner<'i>(pair: &P<'i>) -> Pairs<'i, Rule> {
    pair.clone().into_inner()
}

impl<'i> Builder<'i> {
    pub fn new(source: &'i str, strict: bool) -> Builder<'i> {
        Builder {
            source,
            strict,
            cover_initialized: Vec::new(),
            duplicate_proto: Vec::new(),
            spread_before_comma: Vec::new(),
            keep_parens: true,
            depth: 0,
            for_in_head: false,
            features: super::Features::all(),
            names: Default::default(),
        }
    }

    /// The shared [`Name`] of the identifier name `name`.
    pub fn name(&self, name: &str) -> Name {
        if let Some(interned) = self.names.borrow().get(name) {
            return interned.clone();
        }
        let interned = Name::from(name);
        self.names.borrow_mut().insert(interned.clone());
        interned
    }

    /// A SyntaxError unless the import phase `phase` (`source` or `defer`) is enabled: with
    /// its proposal off, `import source x from ...`, `import defer * as ns from ...`,
    /// `import.source(...)` and `import.defer(...)` are not ECMAScript 2025 syntax.
    pub fn require_phase(&self, phase: ImportPhase, span: Span) -> R<()> {
        let (enabled, name) = match phase {
            ImportPhase::Source => (self.features.source_phase_imports(), "source-phase-imports"),
            ImportPhase::Defer => (self.features.import_defer(), "import-defer"),
            ImportPhase::Evaluation => return Ok(()),
        };
        if enabled {
            Ok(())
        } else {
            err(
                format!(
                    "{} imports are not ECMAScript 2025 (the {name} proposal is off)",
                    if phase == ImportPhase::Source {
                        "source phase"
                    } else {
                        "deferred"
                    }
                ),
                span,
            )
        }
    }

    /// Early errors for cover forms that were never reinterpreted as patterns.
    pub fn finish(&self) -> R<()> {
        if let Some(span) = self.cover_initialized.first() {
            return err("`=` is only allowed in a destructuring pattern here", *span);
        }
        if let Some(span) = self.duplicate_proto.first() {
            return err("duplicate __proto__ property in object literal", *span);
        }
        Ok(())
    }

    /// Script or Module (the `script` / `module` rule).
    pub fn program(&mut self, pair: P<'i>, goal: Goal) -> R<Program> {
        let span = Span::new(0, self.source.len());
        let items: Vec<P> = inner(&pair).filter(|p| p.as_rule() != Rule::EOI).collect();
        if goal == Goal::Module || self.directives_say_strict(&items) {
            self.strict = true;
        }
        let body = self.statement_list(items)?;
        Ok(Program {
            goal,
            body,
            strict: self.strict,
            span,
            scope: ScopeInfo::default(),
            module: ModuleInfo::default(),
        })
    }

    /// Script or Module from items built chunk by chunk (`parse.rs`).
    pub fn program_of(&self, body: Vec<Stmt>, goal: Goal) -> Program {
        Program {
            goal,
            body,
            strict: self.strict,
            span: Span::new(0, self.source.len()),
            scope: ScopeInfo::default(),
            module: ModuleInfo::default(),
        }
    }

    /// Whether a statement list's directive prologue contains a Use Strict Directive: an
    /// ExpressionStatement that is exactly the string literal `"use strict"` or
    /// `'use strict'` (no escapes, no line continuations).
    pub fn directives_say_strict(&self, items: &[P]) -> bool {
        for item in items {
            match directive_text(item) {
                Some(text) => {
                    if text == "use strict" {
                        return true;
                    }
                }
                None => return false,
            }
        }
        false
    }

    pub fn ident(&self, pair: &P) -> R<Ident> {
        let span = span_of(pair);
        let text = pair.as_str();
        // An identifier without escapes, in ASCII, is its own StringValue (what
        // `identifier_value` returns for it), interned without a `String` first.
        let (name, escaped) = if !text.contains('\\') && text.is_ascii() {
            (self.name(text), false)
        } else {
            let (value, escaped) = literals::identifier_value(text).or_else(|m| err(m, span))?;
            (self.name(&value), escaped)
        };
        let place = PlaceCache::for_name(&name);
        Ok(Ident {
            name,
            span,
            escaped,
            place,
        })
    }

    /// An `identifier` wrapped in `binding_identifier` / `label_identifier`, or bare.
    pub fn ident_in(&self, pair: &P) -> R<Ident> {
        match pair.as_rule() {
            Rule::identifier | Rule::private_name => self.ident(pair),
            _ => match inner(pair).next() {
                Some(p) => self.ident(&p),
                None => err("expected an identifier", span_of(pair)),
            },
        }
    }

    pub fn string(&self, pair: &P) -> R<JsString> {
        let text = pair.as_str();
        let body = &text[1..text.len() - 1];
        let decoded = literals::string_value(body).or_else(|m| err(m, span_of(pair)))?;
        if decoded.legacy_escape && self.strict {
            return err(
                "octal escape sequences are not allowed in strict mode",
                span_of(pair),
            );
        }
        Ok(decoded.value)
    }

    pub fn number(&self, pair: &P) -> R<literals::NumericValue> {
        let n = literals::numeric_value(pair.as_str()).or_else(|m| err(m, span_of(pair)))?;
        if n.legacy && self.strict {
            return err(
                "legacy octal and leading-zero decimal literals are not allowed in strict mode",
                span_of(pair),
            );
        }
        Ok(n.value)
    }

    /// Runs `f` one nesting level deeper, failing with a SyntaxError past MAX_NESTING.
    pub fn nested<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.depth >= MAX_NESTING {
            return too_deep(span);
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// Builds `f` with `strict` set, restoring the previous strictness afterwards.
    pub fn with_strict<T>(&mut self, strict: bool, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = self.strict;
        self.strict = strict;
        let result = f(self);
        self.strict = saved;
        result
    }
}

/// The raw text (without quotes) of a statement that can be a directive: an
/// expression_statement whose expression is a lone string literal.
pub(crate) fn directive_text<'i>(item: &P<'i>) -> Option<&'i str> {
    if item.as_rule() != Rule::expression_statement {
        return None;
    }
    let expression = item.clone().into_inner().next()?;
    let mut assignments = expression.into_inner();
    let assignment = assignments.next()?;
    if assignments.next().is_some() {
        return None;
    }
    let mut parts = assignment.into_inner();
    let literal = parts.next()?;
    if literal.as_rule() != Rule::string_literal || parts.next().is_some() {
        return None;
    }
    let text = literal.as_str();
    Some(&text[1..text.len() - 1])
}
