//! The expression-level rules: `super` (13.3.7.1 and the Contains SuperCall /
//! SuperProperty rules of 15.x and 16.x), `new.target` (16.1.1, 16.2.1.1), `import.meta`
//! (13.3.12.1), and YieldExpression / AwaitExpression where the grammar produced them but
//! a rule forbids them (formal parameters, arrow parameters, static blocks, field
//! initializers).

use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::visit::walk_expr;

impl<'a> Checker<'a> {
    /// An expression: the rules of its own kind, then its children. Identifiers, private
    /// references, functions and classes have rules of their own, reached through the
    /// walk.
    pub fn expr(&mut self, expr: &'a Expr) {
        match &expr.kind {
            ExprKind::SuperMember(_) if !self.ctx.super_prop => self.error(
                "`super` properties are only allowed in methods and class bodies",
                expr.span,
            ),
            ExprKind::SuperCall(_) if !self.ctx.super_call => self.error(
                "`super()` is only allowed in the constructor of a derived class",
                expr.span,
            ),
            ExprKind::NewTarget if !self.ctx.new_target => {
                self.error("`new.target` is only allowed inside functions", expr.span)
            }
            ExprKind::ImportMeta if !self.module => {
                self.error("`import.meta` is only allowed in module code", expr.span)
            }
            ExprKind::Yield { .. } if !self.ctx.yield_expr => self.error(
                "`yield` is not allowed here (parameters, arrow functions and class field initializers cannot yield)",
                expr.span,
            ),
            ExprKind::Await(_) if !self.ctx.await_expr => self.error(
                "`await` is not allowed here (parameters, class static blocks and field initializers cannot await)",
                expr.span,
            ),
            _ => {}
        }
        walk_expr(self, expr)
    }
}
