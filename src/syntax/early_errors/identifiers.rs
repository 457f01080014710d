//! 13.1.1 Identifiers — Static Semantics: Early Errors, for IdentifierReference,
//! BindingIdentifier and LabelIdentifier, plus ContainsArguments (15.7.1) for the
//! `arguments` references it forbids.

use super::Checker;
use crate::syntax::ast::Ident;

pub(crate) use crate::syntax::reserved_words::is_always_reserved as is_reserved_word;
use crate::syntax::reserved_words::is_strict_mode_reserved;

/// Where an identifier stands, for the rules that differ between the three productions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdentUse {
    /// IdentifierReference (also a simple target of an AssignmentPattern).
    Reference,
    /// BindingIdentifier.
    Binding,
    /// LabelIdentifier.
    Label,
}

impl<'a> Checker<'a> {
    /// The early errors of an IdentifierReference, BindingIdentifier or LabelIdentifier
    /// with the current context's strictness and [Yield] / [Await] parameters.
    pub fn identifier(&mut self, id: &Ident, usage: IdentUse) {
        let ctx = self.ctx;
        self.identifier_with(id, usage, ctx.strict, ctx.yield_param, ctx.await_param);
    }

    /// As [`Checker::identifier`], with the strictness and grammar parameters given (a
    /// function's own name follows the function's strictness, a generator or async
    /// expression's name its own parameters).
    pub fn identifier_with(
        &mut self,
        id: &Ident,
        usage: IdentUse,
        strict: bool,
        yield_param: bool,
        await_param: bool,
    ) {
        let name = id.name.as_str();
        // Identifier : IdentifierName but not ReservedWord — It is a Syntax Error if the
        // StringValue of IdentifierName is the StringValue of any ReservedWord except for
        // yield or await (an escaped keyword has the keyword's StringValue).
        if is_reserved_word(name) {
            let message = if id.escaped {
                format!("`{name}` is a reserved word; escapes do not make it an identifier")
            } else {
                format!("unexpected reserved word `{name}`")
            };
            self.error(message, id.span);
            return;
        }
        match name {
            "yield" => {
                // IdentifierReference / BindingIdentifier / LabelIdentifier : yield — It
                // is a Syntax Error if the code matched by this production is contained in
                // strict mode code. ... : Identifier — It is a Syntax Error if this
                // production has a [Yield] parameter and StringValue is "yield".
                if strict {
                    self.error("`yield` is a reserved word in strict mode code", id.span);
                } else if yield_param {
                    self.error("`yield` cannot be an identifier in a generator", id.span);
                }
            }
            "await" => {
                // ... : await — It is a Syntax Error if the goal symbol of the syntactic
                // grammar is Module. ... : Identifier — It is a Syntax Error if this
                // production has an [Await] parameter and StringValue is "await".
                if self.module {
                    self.error("`await` is a reserved word in module code", id.span);
                } else if await_param {
                    self.error(
                        "`await` cannot be an identifier in an async function or a class static block",
                        id.span,
                    );
                }
            }
            _ => {
                // It is a Syntax Error if this phrase is contained in strict mode code and
                // the StringValue of IdentifierName is one of "implements", "interface",
                // "let", "package", "private", "protected", "public", "static", or "yield".
                if strict && is_strict_mode_reserved(name) {
                    self.error(
                        format!("`{name}` is a reserved word in strict mode code"),
                        id.span,
                    );
                    return;
                }
                match usage {
                    // BindingIdentifier : Identifier — It is a Syntax Error if the code
                    // matched by this production is contained in strict mode code and the
                    // StringValue of Identifier is "arguments" or "eval".
                    IdentUse::Binding if strict && (name == "eval" || name == "arguments") => {
                        self.error(
                            format!("`{name}` cannot be a binding name in strict mode code"),
                            id.span,
                        );
                    }
                    // FieldDefinition / ClassStaticBlockBody — It is a Syntax Error if
                    // ContainsArguments of Initializer / ClassStaticBlockStatementList is
                    // true.
                    IdentUse::Reference if name == "arguments" && self.ctx.no_arguments => {
                        self.error(
                            "`arguments` is not allowed in class field initializers and static blocks",
                            id.span,
                        );
                    }
                    _ => {}
                }
            }
        }
    }

    /// A simple target of an AssignmentPattern or an update/assignment expression: an
    /// IdentifierReference that also cannot be `eval` / `arguments` in strict mode code
    /// (AssignmentTargetType; the builder checks most cases, this one covers all).
    pub fn assignment_target_identifier(&mut self, id: &Ident) {
        self.identifier(id, IdentUse::Reference);
        if self.ctx.strict && (id.name == "eval" || id.name == "arguments") {
            self.error(
                format!("`{}` cannot be assigned in strict mode code", id.name),
                id.span,
            );
        }
    }
}
