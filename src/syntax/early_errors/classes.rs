//! Classes (15.7.1): the class name and heritage in the enclosing context (all of a class
//! is strict mode code), the class body's private names, and AllPrivateIdentifiersValid:
//! every `#x` in `o.#x`, `o?.#x` and `#x in o` names a private member of an enclosing
//! class body. The ClassHeritage sees only the private names of the classes around the
//! class, not its own.

use super::functions::FunctionName;
use super::identifiers::IdentUse;
use super::{Checker, Ctx};
use crate::syntax::ast::*;
use std::collections::HashSet;

/// PrivateBoundIdentifiers of a ClassBody.
fn private_bound_identifiers(class: &Class) -> HashSet<&str> {
    let mut names = HashSet::new();
    for element in &class.elements {
        let key = match element {
            ClassElement::Method { key, .. } | ClassElement::Field { key, .. } => key,
            ClassElement::StaticBlock(_) => continue,
        };
        if let PropKey::Private(id) = key {
            names.insert(id.name.as_str());
        }
    }
    names
}

impl<'a> Checker<'a> {
    /// ClassDeclaration / ClassExpression.
    pub fn class(&mut self, class: &'a Class) {
        let outer = self.ctx;
        // ClassHeritage, the class name and computed keys take the enclosing [Yield] /
        // [Await] and `super` / `new.target` context, but are strict mode code.
        let strict_outer = Ctx {
            strict: true,
            ..outer
        };
        if let Some(id) = &class.id {
            self.identifier_with(
                id,
                IdentUse::Binding,
                true,
                outer.yield_param,
                outer.await_param,
            );
        }
        if let Some(heritage) = &class.super_class {
            self.with_ctx(strict_outer, |this| this.expr(heritage));
        }
        self.private_names.push(private_bound_identifiers(class));
        self.with_ctx(strict_outer, |this| {
            if let Some(constructor) = &class.constructor {
                this.function(constructor, FunctionName::None);
            }
            for element in &class.elements {
                match element {
                    ClassElement::Method { key, function, .. } => {
                        this.property_key(key);
                        this.function(function, FunctionName::None);
                    }
                    ClassElement::Field {
                        key, initializer, ..
                    } => {
                        this.property_key(key);
                        if let Some(initializer) = initializer {
                            this.function(initializer, FunctionName::None);
                        }
                    }
                    ClassElement::StaticBlock(block) => this.function(block, FunctionName::None),
                }
            }
        });
        self.private_names.pop();
    }

    /// A `#name` used in a member access or `#name in o`.
    pub fn private_reference(&mut self, id: &Ident) {
        let name = id.name.as_str();
        if !self.private_names.iter().any(|names| names.contains(name)) {
            self.error(
                format!("private name {name} is not declared in an enclosing class"),
                id.span,
            );
        }
    }

    /// A PropertyName / ClassElementName: a computed key is an expression of the
    /// enclosing context.
    pub fn property_key(&mut self, key: &'a PropKey) {
        if let PropKey::Computed(expr) = key {
            self.expr(expr);
        }
    }
}
