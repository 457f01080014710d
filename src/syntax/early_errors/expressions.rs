//! The walk over expressions, with the expression-level rules: `super` (13.3.7.1 and the
//! Contains SuperCall / SuperProperty rules of 15.x and 16.x), `new.target` (16.1.1,
//! 16.2.1.1), `import.meta` (13.3.12.1), and YieldExpression / AwaitExpression where the
//! grammar produced them but a rule forbids them (formal parameters, arrow parameters,
//! static blocks, field initializers).

use super::functions::FunctionName;
use super::identifiers::IdentUse;
use super::Checker;
use crate::syntax::ast::*;

impl<'a> Checker<'a> {
    pub fn expr(&mut self, expr: &'a Expr) {
        stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || {
            self.expr_inner(expr)
        })
    }

    fn expr_inner(&mut self, expr: &'a Expr) {
        match &expr.kind {
            ExprKind::Ident(id) => self.identifier(id, IdentUse::Reference),
            ExprKind::This
            | ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Number(_)
            | ExprKind::BigInt(_)
            | ExprKind::String(_)
            | ExprKind::RegExp { .. } => {}
            ExprKind::Template(template) => self.exprs(&template.expressions),
            ExprKind::TaggedTemplate { tag, quasi } => {
                self.expr(tag);
                self.exprs(&quasi.expressions);
            }
            ExprKind::Array(elements) => {
                for element in elements {
                    match element {
                        ArrayElement::Hole => {}
                        ArrayElement::Expr(e) | ArrayElement::Spread(e) => self.expr(e),
                    }
                }
            }
            ExprKind::Object(props) => self.object_literal(props),
            ExprKind::Function(function) => self.function(function, FunctionName::Expression),
            ExprKind::Arrow(function) => self.function(function, FunctionName::None),
            ExprKind::Class(class) => self.class(class),
            ExprKind::Unary { argument, .. } => self.expr(argument),
            ExprKind::Update { target, .. } => self.assignment_pattern(target),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::PrivateIn { name, right } => {
                self.private_reference(name);
                self.expr(right);
            }
            ExprKind::Conditional {
                test,
                consequent,
                alternate,
            } => {
                self.expr(test);
                self.expr(consequent);
                self.expr(alternate);
            }
            ExprKind::Assign { target, value, .. } => {
                self.assignment_pattern(target);
                self.expr(value);
            }
            ExprKind::Sequence(items) => self.exprs(items),
            ExprKind::Paren(inner) => self.expr(inner),
            ExprKind::Member {
                object, property, ..
            } => {
                self.expr(object);
                self.member_property(property);
            }
            ExprKind::SuperMember(property) => {
                if !self.ctx.super_prop {
                    self.error(
                        "`super` properties are only allowed in methods and class bodies",
                        expr.span,
                    );
                }
                self.member_property(property);
            }
            ExprKind::Call {
                callee, arguments, ..
            }
            | ExprKind::New { callee, arguments } => {
                self.expr(callee);
                self.arguments(arguments);
            }
            ExprKind::SuperCall(arguments) => {
                if !self.ctx.super_call {
                    self.error(
                        "`super()` is only allowed in the constructor of a derived class",
                        expr.span,
                    );
                }
                self.arguments(arguments);
            }
            ExprKind::OptionalChain(inner) => self.expr(inner),
            ExprKind::NewTarget => {
                if !self.ctx.new_target {
                    self.error("`new.target` is only allowed inside functions", expr.span);
                }
            }
            ExprKind::ImportMeta => {
                if !self.module {
                    self.error("`import.meta` is only allowed in module code", expr.span);
                }
            }
            ExprKind::ImportCall {
                specifier, options, ..
            } => {
                self.expr(specifier);
                if let Some(options) = options {
                    self.expr(options);
                }
            }
            ExprKind::Yield { argument, .. } => {
                if !self.ctx.yield_expr {
                    self.error(
                        "`yield` is not allowed here (parameters, arrow functions and class field initializers cannot yield)",
                        expr.span,
                    );
                }
                if let Some(argument) = argument {
                    self.expr(argument);
                }
            }
            ExprKind::Await(argument) => {
                if !self.ctx.await_expr {
                    self.error(
                        "`await` is not allowed here (parameters, class static blocks and field initializers cannot await)",
                        expr.span,
                    );
                }
                self.expr(argument);
            }
        }
    }

    fn exprs(&mut self, exprs: &'a [Expr]) {
        for expr in exprs {
            self.expr(expr);
        }
    }

    fn arguments(&mut self, arguments: &'a [Argument]) {
        for argument in arguments {
            match argument {
                Argument::Expr(e) | Argument::Spread(e) => self.expr(e),
            }
        }
    }

    fn member_property(&mut self, property: &'a MemberProp) {
        match property {
            MemberProp::Ident(_) => {}
            MemberProp::Computed(expr) => self.expr(expr),
            MemberProp::Private(id) => self.private_reference(id),
        }
    }

    fn object_literal(&mut self, props: &'a [PropDef]) {
        for prop in props {
            match prop {
                PropDef::KeyValue { key, value } => {
                    self.property_key(key);
                    self.expr(value);
                }
                PropDef::Shorthand(id) => self.identifier(id, IdentUse::Reference),
                PropDef::CoverInitializedName { name, init, .. } => {
                    self.identifier(name, IdentUse::Reference);
                    self.expr(init);
                }
                PropDef::Method { key, function, .. } => {
                    self.property_key(key);
                    self.function(function, FunctionName::None);
                }
                PropDef::Spread(e) | PropDef::Proto { value: e, .. } => self.expr(e),
            }
        }
    }
}
