//! Classes (15.7.1): the class name and heritage in the enclosing context (all of a class
//! is strict mode code), the class body's private names, and AllPrivateIdentifiersValid:
//! every `#x` in `o.#x`, `o?.#x` and `#x in o` names a private member of an enclosing
//! class body. The ClassHeritage sees only the private names of the classes around the
//! class, not its own.

use super::{Checker, Ctx};
use crate::syntax::ast::*;
use crate::syntax::visit::{walk_class, walk_class_body};
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
    /// ClassDeclaration / ClassExpression. The class name, the ClassHeritage and the
    /// computed keys take the enclosing [Yield] / [Await] and `super` / `new.target`
    /// context, but all of a class is strict mode code.
    pub fn class(&mut self, class: &'a Class) {
        let strict_outer = Ctx {
            strict: true,
            ..self.ctx
        };
        self.with_ctx(strict_outer, |this| walk_class(this, class));
    }

    /// The ClassBody: its PrivateBoundIdentifiers are valid in it (not in the heritage,
    /// walked before).
    pub fn class_body(&mut self, class: &'a Class) {
        self.private_names.push(private_bound_identifiers(class));
        walk_class_body(self, class);
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
}
