//! Which identifiers may keep where their binding is ([`PlaceCache`], docs/ARCHITECTURE.md,
//! "Identifier places"): those for which every evaluation walks an environment chain with
//! the same records, holding the same bindings at the same positions, up to the Global
//! Environment Record, so that ResolveBinding always ends at the same place (or, for a name
//! bound only globally, at the global record).
//!
//! Declarative records get all their bindings before any code they scope runs (Function-,
//! Block-, Global-, EvalDeclarationInstantiation, the class, catch, loop and module
//! records), bindings are only appended, and only deletable ones (made by eval, or by a
//! sloppy SetMutableBinding of a deleted one) are ever removed. What can break that is:
//! the declarations of a sloppy direct eval, added to the var environment of the function
//! that calls it, and Object Environment Records, whose bindings are whatever their object
//! has. So an identifier is eligible unless it is in the body of a `with` statement (at any
//! distance), inside a function whose code has a direct `eval` call
//! (`ScopeInfo::has_direct_eval`, which counts the calls in nested arrows; strict ones too,
//! to keep the rule simple), or in eval code (whose environments are its caller's: eval
//! code is never marked). The Global Environment Record is the interpreter's business:
//! script declarations append to its declarative part and its object part is an object, so
//! a name found in the object part, or nowhere, is looked up by name there each time.

use super::ast::*;
use super::visit::{walk_function, walk_stmt, Visit};
use std::sync::Arc;

/// Marks every eligible identifier of a Script or Module (not of eval code).
pub fn mark(program: &Program) {
    let mut marker = Marker { blocked: 0 };
    marker.visit_program(program);
}

struct Marker {
    /// How many enclosing `with` bodies and direct-eval functions the walk is in.
    blocked: usize,
}

impl Marker {
    fn mark(&self, id: &Ident) {
        if self.blocked == 0 {
            id.place.mark_eligible();
        }
    }
}

impl<'a> Visit<'a> for Marker {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let StmtKind::With { object, body } = &stmt.kind {
            self.visit_expr(object);
            self.blocked += 1;
            self.visit_stmt(body);
            self.blocked -= 1;
            return;
        }
        walk_stmt(self, stmt)
    }

    fn visit_function(&mut self, function: &'a Arc<Function>) {
        let blocked = usize::from(function.scope.has_direct_eval);
        self.blocked += blocked;
        walk_function(self, function);
        self.blocked -= blocked;
    }

    fn visit_identifier_reference(&mut self, id: &'a Ident) {
        self.mark(id)
    }

    fn visit_binding_identifier(&mut self, id: &'a Ident) {
        self.mark(id)
    }

    fn visit_assignment_target_identifier(&mut self, id: &'a Ident) {
        self.mark(id)
    }
}
