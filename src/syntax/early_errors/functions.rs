//! Functions, arrows, methods, class field initializers and static blocks (15.1 to 15.10):
//! the contexts their parameters and bodies are parsed in ([Yield], [Await], strictness,
//! `super`, `new.target`, ContainsArguments, [Return]), their names, unique parameters,
//! YieldExpression / AwaitExpression in parameters, and parameter names that the body
//! declares lexically.

use super::declarations::ScopeKind;
use super::identifiers::IdentUse;
use super::{Checker, Ctx};
use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::parameter_bound_names;
use crate::syntax::visit::{walk_function_body, walk_params};
use std::collections::HashSet;

/// How a function's BindingIdentifier is checked (methods, arrows and class elements
/// have none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FunctionName {
    /// A declaration: its name is bound in the enclosing scope and takes the enclosing
    /// [Yield] / [Await] parameters.
    Declaration,
    /// An expression: its name takes the function's own parameters
    /// (`function* yield(){}` and `async function await(){}` are errors).
    Expression,
}

/// The contexts of a function's parameters and of its body, given the enclosing one.
fn contexts(f: &Function, outer: Ctx) -> (Ctx, Ctx) {
    match f.kind {
        FunctionKind::Arrow => {
            // ArrowParameters[?Yield, ?Await] (AsyncArrowHead: [+Await]); ConciseBody has
            // [~Yield, ~Await] (AsyncConciseBody [+Await]). `super`, `new.target` and
            // ContainsArguments see through arrows.
            let params = Ctx {
                strict: f.strict,
                yield_param: outer.yield_param,
                await_param: outer.await_param || f.is_async,
                yield_expr: false,
                await_expr: false,
                ..outer
            };
            let body = Ctx {
                strict: f.strict,
                yield_param: false,
                await_param: f.is_async,
                yield_expr: false,
                await_expr: f.is_async,
                return_ok: true,
                ..outer
            };
            (params, body)
        }
        kind => {
            let (super_prop, super_call) = match kind {
                FunctionKind::Normal => (false, false),
                FunctionKind::ClassConstructor { derived } => (true, derived),
                _ => (true, false),
            };
            let static_block = kind == FunctionKind::ClassStaticBlock;
            let field = kind == FunctionKind::ClassField;
            let no_arguments = static_block || field;
            let params = Ctx {
                strict: f.strict,
                yield_param: f.is_generator,
                await_param: f.is_async,
                yield_expr: false,
                await_expr: false,
                return_ok: false,
                super_call,
                super_prop,
                new_target: true,
                no_arguments,
            };
            let body = Ctx {
                yield_expr: f.is_generator,
                await_expr: f.is_async,
                // ClassStaticBlockStatementList is [+Await] (so `await` is no identifier
                // there), but Contains await is an error.
                await_param: f.is_async || static_block,
                return_ok: !static_block && !field,
                ..params
            };
            (params, body)
        }
    }
}

impl<'a> Checker<'a> {
    /// The BindingIdentifier of a function declaration or expression.
    pub fn function_name(&mut self, f: &'a Function, naming: FunctionName) {
        let outer = self.ctx;
        if let Some(id) = &f.id {
            match naming {
                FunctionName::Declaration => self.identifier_with(
                    id,
                    IdentUse::Binding,
                    f.strict,
                    outer.yield_param,
                    outer.await_param,
                ),
                FunctionName::Expression => self.identifier_with(
                    id,
                    IdentUse::Binding,
                    f.strict,
                    f.is_generator,
                    f.is_async,
                ),
            }
        }
    }

    /// A function-like node (its name is [`Checker::function_name`]'s): its parameters
    /// and body in their contexts, with fresh scopes and label sets.
    pub fn function(&mut self, f: &'a Function) {
        let outer = self.ctx;
        let (params_ctx, body_ctx) = contexts(f, outer);
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_labels = std::mem::take(&mut self.labels);

        self.ctx = params_ctx;
        let names = parameter_bound_names(f);
        // UniqueFormalParameters (methods, arrows), FormalParameters in strict mode code or
        // not simple: It is a Syntax Error if BoundNames contains any duplicate elements.
        let unique = f.strict
            || !f.simple_params
            || matches!(
                f.kind,
                FunctionKind::Arrow
                    | FunctionKind::Method
                    | FunctionKind::Getter
                    | FunctionKind::Setter
                    | FunctionKind::ClassConstructor { .. }
            );
        if unique {
            let mut seen: HashSet<&str> = HashSet::new();
            for id in &names {
                if !seen.insert(&id.name) {
                    self.error(format!("duplicate parameter name `{}`", id.name), id.span);
                }
            }
        }
        walk_params(self, f);

        self.ctx = body_ctx;
        let body_scope = match &f.body {
            FunctionBody::Block(stmts) => {
                let kind = if f.kind == FunctionKind::ClassStaticBlock {
                    ScopeKind::StaticBlock
                } else {
                    ScopeKind::Function
                };
                self.enter_statement_list_scope(kind, stmts);
                // It is a Syntax Error if any element of the BoundNames of FormalParameters
                // also occurs in the LexicallyDeclaredNames of FunctionBody.
                self.check_not_lexical_in_innermost(&names);
                true
            }
            FunctionBody::Expr(_) => false,
        };
        walk_function_body(self, &f.body);
        if body_scope {
            self.scopes.pop();
        }

        self.ctx = outer;
        self.scopes = saved_scopes;
        self.labels = saved_labels;
    }
}
